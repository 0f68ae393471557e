"""The ko/en glossary: one preferred Korean term per concept, and the variants Korean prose must avoid."""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from course_utils.i18n import check_lang

__all__ = ["Term", "terms", "find_variants", "markdown_table"]


@dataclass(frozen=True)
class Term:
    en: str
    ko: str
    variants: tuple[str, ...] = ()


@cache
def terms() -> tuple[Term, ...]:
    """Every glossary entry, in the order of course_utils/data/glossary.toml."""
    text = resources.files("course_utils").joinpath("data/glossary.toml").read_text(encoding="utf-8")
    return tuple(Term(t["en"], t["ko"], tuple(t.get("variants", ()))) for t in tomllib.loads(text)["term"])


def find_variants(korean_text: str) -> list[tuple[str, str]]:
    """(variant, preferred term) for every rejected variant found in the text."""
    return [(v, t.ko) for t in terms() for v in t.variants if v in korean_text]


def markdown_table(lang: str) -> str:
    """The glossary as a Markdown table, the learner's language first."""
    first, second = ("ko", "en") if check_lang(lang) == "ko" else ("en", "ko")
    header = {"ko": "한국어", "en": "English"}
    rows = [f"| {header[first]} | {header[second]} |", "|---|---|"]
    rows += [f"| {getattr(t, first)} | {getattr(t, second)} |" for t in terms()]
    return "\n".join(rows)
