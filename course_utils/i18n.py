"""The message catalogue: every string a helper shows, in Korean and English."""

import tomllib
from functools import cache
from importlib import resources

__all__ = ["LANGS", "check_lang", "message", "catalogue"]

LANGS = ("ko", "en")


def check_lang(lang: str) -> str:
    """Return lang if the course speaks it, else raise ValueError naming the choices."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """All messages: {key: {"ko": text, "en": text}}."""
    text = resources.files("course_utils").joinpath("data/messages.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def message(key: str, lang: str, **values) -> str:
    """The message for key in lang, with {placeholders} filled from values."""
    entries = catalogue()
    if key not in entries:
        raise KeyError(f"no message {key!r} in course_utils/data/messages.toml")
    return entries[key][check_lang(lang)].format(**values)
