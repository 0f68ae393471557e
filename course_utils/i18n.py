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
    """All messages: {key: {"ko": text, "en": text}}, merged from data/messages/<module>.toml."""
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("course_utils").joinpath("data/messages")
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if not file.name.endswith(".toml"):
            continue
        module = file.name.removesuffix(".toml")
        for key, entry in tomllib.loads(file.read_text(encoding="utf-8")).items():
            if not key.startswith(f"{module}."):
                raise ValueError(f"data/messages/{file.name}: key {key!r} must start with '{module}.'")
            merged[key] = entry
    return merged


def message(key: str, lang: str, **values) -> str:
    """The message for key in lang, with {placeholders} filled from values."""
    entries = catalogue()
    if key not in entries:
        raise KeyError(f"no message {key!r} in course_utils/data/messages/")
    return entries[key][check_lang(lang)].format(**values)
