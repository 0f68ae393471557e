"""The shape of a lesson for a learner's attention: learning goals at the start, a self-check at the end that maps
onto them, optional deep dives that are marked and skippable, and a main line of bounded length.

Authoring rules (README, "Authoring"): a markdown cell per language tagged `goals` right after the title cell; one
tagged `self-check` after the summary, before the exercises; every cell of a deep dive tagged `deep-dive`, its
first markdown cell per language headed `심화:` / `Deep dive:`.
"""

import ast
import re
from dataclasses import dataclass

from course_utils.build.source import NOTES_TAG, lang_of, prose_lines
from course_utils.i18n import LANGS

__all__ = ["GOALS_TAG", "SELF_CHECK_TAG", "DEEP_DIVE_TAG", "MAIN_LINE_WORDS", "WordCount", "word_count",
           "pedagogy_problems"]

GOALS_TAG = "goals"
SELF_CHECK_TAG = "self-check"
DEEP_DIVE_TAG = "deep-dive"
# Issue 17: a lesson's main line is at most about 2,000 words per language.
MAIN_LINE_WORDS = 2000

GOALS_OPENING = {"ko": "**이 레슨을 마치면**", "en": "**After this lesson you can**"}
SELF_CHECK_HEADING = {"ko": "## 스스로 점검하기", "en": "## Self-check"}
DEEP_DIVE_PREFIX = {"ko": "심화:", "en": "Deep dive:"}
EXERCISES_HEADING = {"ko": "## 연습 문제", "en": "## Exercises"}
REFERENCES_OPENING = {"ko": "**참고 문헌**", "en": "**References**"}
SECTION_POINTER = {"ko": re.compile(r"\(→ ([\d.]+(?:, [\d.]+)*)절\)$"),
                   "en": re.compile(r"\(→ sections? ([\d.]+(?:(?:,| and) [\d.]+)*)\)$")}
HEADING = re.compile(r"^(#{1,6})\s+(?:(\d+(?:\.\d+)*)\.?\s+)?(.*)$")
ITEM = re.compile(r"^\d+\.\s+(.*)$")


@dataclass(frozen=True)
class WordCount:
    """Whitespace-separated words of one language's prose: the main line and the marked deep dives."""

    main: int
    deep_dive: int


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def _prose(nb_src, lang: str) -> list:
    """The markdown cells of one language, in order, without lecturer's notes."""
    return [c for c in nb_src.cells
            if c.cell_type == "markdown" and lang_of(c) == lang and NOTES_TAG not in _tags(c)]


def _without_references(text: str, lang: str) -> str:
    return text.split(REFERENCES_OPENING[lang], 1)[0]


def word_count(nb_src, lang: str) -> WordCount:
    """Words of one language's prose (markdown source split on whitespace). The main line leaves out lecturer's
    notes, deep dives, reference lists and everything from the exercises heading on."""
    main = deep = 0
    for cell in _prose(nb_src, lang):
        if cell.source.lstrip().startswith(EXERCISES_HEADING[lang]):
            break
        words = len(_without_references(cell.source, lang).split())
        if DEEP_DIVE_TAG in _tags(cell):
            deep += words
        else:
            main += words
    return WordCount(main, deep)


def _headings(cell) -> list[re.Match]:
    return [match for line in prose_lines(cell.source) if (match := HEADING.match(line))]


def _section_numbers(cells) -> set[str]:
    return {m[2] for cell in cells for m in _headings(cell) if m[2]}


def _goals_problems(name: str, prose: list, lang: str, required: bool) -> list[str]:
    goals = [i for i, c in enumerate(prose) if GOALS_TAG in _tags(c)]
    if not goals and not required:
        return []
    if len(goals) != 1:
        return [f"{name} [{lang}]: needs exactly one markdown cell tagged {GOALS_TAG!r}, found {len(goals)}"]
    text = prose[goals[0]].source.strip()
    found = []
    if goals[0] != 1:
        found.append(f"{name} [{lang}]: the {GOALS_TAG!r} cell must come right after the title cell")
    if not text.startswith(GOALS_OPENING[lang]):
        found.append(f"{name} [{lang}]: the {GOALS_TAG!r} cell must start with {GOALS_OPENING[lang]}")
    if "\n" in text:
        found.append(f"{name} [{lang}]: the {GOALS_TAG!r} cell must be one paragraph on one line of prose")
    return found


def _self_check_items(cell) -> list[str]:
    """The numbered questions, each with its indented continuation lines joined."""
    items = []
    for line in cell.source.splitlines():
        if match := ITEM.match(line.strip()):
            items.append(match[1])
        elif items and line[:1].isspace() and line.strip():
            items[-1] += " " + line.strip()
    return items


def _self_check_problems(name: str, prose: list, lang: str, required: bool) -> list[str]:
    checks = [i for i, c in enumerate(prose) if SELF_CHECK_TAG in _tags(c)]
    if not checks and not required:
        return []
    if len(checks) != 1:
        return [f"{name} [{lang}]: needs exactly one markdown cell tagged {SELF_CHECK_TAG!r}, found {len(checks)}"]
    index, cell = checks[0], prose[checks[0]]
    found = []
    if not cell.source.lstrip().startswith(SELF_CHECK_HEADING[lang]):
        found.append(f"{name} [{lang}]: the self-check starts with the heading {SELF_CHECK_HEADING[lang]!r}")
    later_sections = [m[0] for c in prose[index + 1:] if DEEP_DIVE_TAG not in _tags(c)
                      for m in _headings(c) if m[1] == "##" and not m[0].startswith(EXERCISES_HEADING[lang])]
    if later_sections:
        found.append(f"{name} [{lang}]: the self-check must end the main line, but {later_sections[0]!r} follows")
    items = _self_check_items(cell)
    if not 2 <= len(items) <= 5:
        found.append(f"{name} [{lang}]: the self-check has {len(items)} numbered questions; write 2 to 5")
    sections = _section_numbers(prose)
    for item in items:
        pointer = SECTION_POINTER[lang].search(item.strip())
        if pointer is None:
            found.append(f"{name} [{lang}]: self-check question {item[:40]!r}… must end with the section to "
                         f"reread, e.g. {'(→ 5절)' if lang == 'ko' else '(→ section 5)'}")
            continue
        missing = [n for n in re.split(r",| and", pointer[1]) if n.strip() and n.strip() not in sections]
        if missing:
            found.append(f"{name} [{lang}]: self-check question {item[:40]!r}… points to section "
                         f"{missing[0].strip()}, which the lesson does not have")
    return found


def _deep_dive_runs(cells) -> list[list]:
    runs, current = [], []
    for cell in cells:
        if DEEP_DIVE_TAG in _tags(cell):
            current.append(cell)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])


def _deep_dive_problems(name: str, nb_src) -> list[str]:
    found = []
    for run in _deep_dive_runs(nb_src.cells):
        for lang in LANGS:
            first = next((c for c in run if c.cell_type == "markdown" and lang_of(c) == lang), None)
            heading = _headings(first)[0] if first is not None and _headings(first) else None
            if heading is None or not first.source.lstrip().startswith("#") \
                    or not heading[3].startswith(DEEP_DIVE_PREFIX[lang]):
                where = repr(run[0].source.strip().splitlines()[0][:50]) if run[0].source.strip() else "(empty)"
                found.append(f"{name} [{lang}]: the deep dive starting at {where} must open with a heading "
                             f"titled {DEEP_DIVE_PREFIX[lang]!r} …")
    for cell in nb_src.cells:
        lang = lang_of(cell)
        if cell.cell_type == "markdown" and lang and DEEP_DIVE_TAG not in _tags(cell):
            marked = [m[0] for m in _headings(cell) if m[3].startswith(DEEP_DIVE_PREFIX[lang])]
            if marked:
                found.append(f"{name} [{lang}]: {marked[0]!r} is titled as a deep dive but its cell is not "
                             f"tagged {DEEP_DIVE_TAG!r}")
    return found + _skippability_problems(name, nb_src)


def _defined_and_used(source: str) -> tuple[set[str], set[str]]:
    try:
        tree = ast.parse(source)
    except SyntaxError:  # the build reports it when it runs the cell
        return set(), set()
    defined, used = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (defined if isinstance(node.ctx, (ast.Store, ast.Del)) else used).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    return defined, used


def _skippability_problems(name: str, nb_src) -> list[str]:
    """A learner who skips every deep dive can still run the rest: no later cell outside a deep dive reads a name
    that only deep-dive cells define."""
    code = [(DEEP_DIVE_TAG in _tags(c), *_defined_and_used(c.source)) for c in nb_src.cells if c.cell_type == "code"]
    main_defined = set().union(*(defined for deep, defined, _ in code if not deep))
    only_deep, found = set(), []
    for deep, defined, used in code:
        if deep:
            only_deep |= defined - main_defined
        elif needed := sorted(used & only_deep):
            found.append(f"{name}: a cell outside the deep dives uses {', '.join(needed)}, defined only in a deep "
                         f"dive; define it in the main line so that the deep dive can be skipped")
    return found


def pedagogy_problems(name: str, nb_src, required: bool = True) -> list[str]:
    """Every broken rule of the lesson's shape (goals, self-check, deep dives) in a lesson source. With
    `required` False (the build's check), a lesson without goals or self-check is not reported, only a malformed
    one; tests/test_pedagogy.py requires both in every lesson but lesson 00, the course map."""
    found = _deep_dive_problems(name, nb_src)
    required = required and not name.startswith("00")
    for lang in LANGS:
        prose = _prose(nb_src, lang)
        found += _goals_problems(name, prose, lang, required) + _self_check_problems(name, prose, lang, required)
    counts = {}
    for lang in LANGS:
        checks = [c for c in _prose(nb_src, lang) if SELF_CHECK_TAG in _tags(c)]
        if len(checks) == 1:
            counts[lang] = len(_self_check_items(checks[0]))
    if len(set(counts.values())) > 1:
        found.append(f"{name}: the self-checks have {counts} questions; both languages must ask the same")
    return found
