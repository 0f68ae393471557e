"""The ko/en glossary: one preferred Korean term per concept, and the variants Korean prose must avoid.

A variant is a word or a phrase. It is found where it starts a word (not inside a longer word: the variant
"역 연산" is not found in "가역 연산") and its words are separated by any run of white space, line breaks
included, so a phrase broken by a line wrap is still found. A phrase variant such as "체커보드 세기" leaves
the same word elsewhere alone ("겹침 수 세기", counting). `allow` lists phrases that contain a variant but
are right (a title, "PyTorch 문서"); text inside them is not searched.
"""

import re
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
    allow: tuple[str, ...] = ()


@cache
def terms() -> tuple[Term, ...]:
    """Every glossary entry, in the order of course_utils/data/glossary.toml."""
    text = resources.files("course_utils").joinpath("data/glossary.toml").read_text(encoding="utf-8")
    return tuple(Term(t["en"], t["ko"], tuple(t.get("variants", ())), tuple(t.get("allow", ())))
                 for t in tomllib.loads(text)["term"])


def _pattern(phrase: str) -> re.Pattern:
    """phrase at the start of a word, its words separated by any white space (line breaks included)."""
    return re.compile(r"(?<![0-9A-Za-z\uac00-\ud7a3])" + r"\s+".join(map(re.escape, phrase.split())))


@cache
def _compiled() -> tuple[tuple[Term, tuple[re.Pattern, ...], tuple[re.Pattern, ...]], ...]:
    return tuple((t, tuple(map(_pattern, t.variants)), tuple(map(_pattern, t.allow))) for t in terms())


def find_variants(korean_text: str) -> list[tuple[str, str]]:
    """(variant, preferred term) for every rejected variant (word or phrase) found in the text, once each."""
    found = []
    for term, variants, allowed in _compiled():
        text = korean_text
        for pattern in allowed:
            text = pattern.sub(lambda m: " " * len(m[0]), text)
        found += [(v, term.ko) for v, pattern in zip(term.variants, variants) if pattern.search(text)]
    return found


def markdown_table(lang: str) -> str:
    """The glossary as a Markdown table, the learner's language first."""
    first, second = ("ko", "en") if check_lang(lang) == "ko" else ("en", "ko")
    header = {"ko": "한국어", "en": "English"}
    rows = [f"| {header[first]} | {header[second]} |", "|---|---|"]
    rows += [f"| {getattr(t, first)} | {getattr(t, second)} |" for t in terms()]
    return "\n".join(rows)
