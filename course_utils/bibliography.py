"""The course's one bibliography (course_utils/data/bibliography.toml) and the check of the citations in lessons."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from course_utils.i18n import check_lang

__all__ = ["Work", "works", "labels", "citations", "citation_problems", "reference_problems", "cite", "reference",
           "markdown_list"]

_NAME = r"[A-Z][A-Za-z-]+"
_YEAR = r"(?:19|20)\d\d[a-z]?"
# "Odena et al. 2016", "Odena 외(2016)", "Dumoulin and Visin (2016)", "Dumoulin과 Visin(2016)",
# "Radford, Metz, Chintala, 2015"; an optional comma before the year is caught so that it can be refused.
_CITATION = re.compile(
    rf"(?P<who>{_NAME}(?: et al\.| 외|(?: and |[과와] ){_NAME}(?:'s)?|(?:, {_NAME})+))"
    rf"(?P<comma>,?)\s*\(?(?P<year>{_YEAR})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Work:
    label: str
    authors: str
    title: str
    venue: str
    year: int
    note: str = ""
    url: str = ""


@cache
def works() -> tuple[Work, ...]:
    """Every entry of the bibliography, in file order. ValueError when two entries share a label."""
    text = resources.files("course_utils").joinpath("data/bibliography.toml").read_text(encoding="utf-8")
    entries = tuple(Work(**w) for w in tomllib.loads(text)["work"])
    seen = [w.label for w in entries]
    if len(seen) != len(set(seen)):
        raise ValueError(f"bibliography labels must be unique, repeated: {sorted({l for l in seen if seen.count(l) > 1})}")
    return entries


def labels() -> frozenset[str]:
    return frozenset(w.label for w in works())


def cite(label: str, lang: str) -> str:
    """The label as Korean or English prose writes it: "Odena 외 2016" / "Odena et al. 2016". KeyError if unknown."""
    if label not in labels():
        raise KeyError(f"{label!r} is not in the bibliography; labels: {sorted(labels())}")
    if check_lang(lang) == "en":
        return label
    return label.replace(" et al.", " 외").replace(" and ", "과 ")


def reference(label: str, lang: str) -> str:
    """One Markdown list item, led by the label in the learner's language; lessons' reference lists copy it.

    KeyError if the label is unknown.
    """
    w = next((w for w in works() if w.label == label), None)
    if w is None:
        raise KeyError(f"{label!r} is not in the bibliography; labels: {sorted(labels())}")
    note = f" ({w.note})" if w.note else ""
    link = f", <{w.url}>" if w.url else ""
    return f"- **{cite(w.label, lang)}**: {w.authors}, *{w.title}*{note}, {w.venue}, {w.year}{link}."


def markdown_list(lang: str) -> str:
    """The whole bibliography as a Markdown list, each entry led by its label in the learner's language."""
    return "\n".join(reference(w.label, lang) for w in works())


def citations(text: str) -> list[tuple[str, str, bool]]:
    """(citation as written, label it names, comma before the year) for every author–year citation in the text.

    The label is the written citation with 외 → "et al.", 과/와 → "and", the possessive 's and brackets removed.
    """
    found = []
    for m in _CITATION.finditer(re.sub(r"\s+", " ", text)):
        who = re.sub(rf"(?<=[A-Za-z])[과와] (?={_NAME})", " and ", m["who"].replace(" 외", " et al.").replace("'s", ""))
        found.append((m.group(0), f"{who} {m['year']}", bool(m["comma"])))
    return found


def citation_problems(text: str) -> list[str]:
    """One line per citation that breaks the rules: a label not in the bibliography, or a comma before the year."""
    known = labels()
    problems = []
    for written, label, comma in citations(text):
        if comma:
            problems.append(f"{written!r}: no comma between author and year (write {label!r})")
        elif label not in known:
            problems.append(f"{written!r}: {label!r} is not a label of course_utils/data/bibliography.toml")
    return problems


def reference_problems(text: str) -> list[str]:
    """A reference-list item naming a work whose label ends in a letter (2016a) must carry that year: "(2016a)",
    or lead with the label itself ("**Shi et al. 2016a**", as reference() writes it).

    Items are found by the work's arXiv number, so two works of one author and year can be told apart in any list.
    """
    problems = []
    for item in re.sub(r"\s+", " ", text).split(" - "):
        for work in works():
            suffix = work.label.rsplit(" ", 1)[-1]
            arxiv = re.search(r"arXiv:(\d{4}\.\d{4,5})", work.venue)
            named = f"({suffix})" in item or re.search(rf"\*\*[^*]* {suffix}\*\*", item)
            if suffix[-1].isalpha() and arxiv and arxiv[1] in item and not named:
                problems.append(f"reference to arXiv:{arxiv[1]} must say ({suffix}), the year in {work.label!r}")
    return problems
