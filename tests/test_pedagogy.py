"""Every lesson is shaped for a learner's attention: goals first, a self-check last, deep dives marked and
skippable, a main line of at most MAIN_LINE_WORDS words per language (issue 17)."""

import nbformat
import pytest

from course_utils.build.pedagogy import MAIN_LINE_WORDS, WordCount, pedagogy_problems, word_count
from course_utils.build.source import read_source
from course_utils.i18n import LANGS

from conftest import ROOT

SOURCES = sorted((ROOT / "notebooks" / "src").glob("*.py"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_lesson_shape(source):
    assert pedagogy_problems(source.stem, read_source(source)) == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_main_line_length(source, lang):
    assert word_count(read_source(source), lang).main <= MAIN_LINE_WORDS


def _md(text, *tags):
    return nbformat.v4.new_markdown_cell(text, metadata={"tags": list(tags)})


def _code(text, *tags):
    return nbformat.v4.new_code_cell(text, metadata={"tags": list(tags)})


def _lesson(*middle, self_check=("1. Why? (→ section 1)", "2. How? (→ section 2)")):
    ko_items = [item.replace("(→ section ", "(→ ").replace(")", "절)") for item in self_check]
    return nbformat.v4.new_notebook(cells=[
        _md("# 01. Title", "lang-ko"), _md("# 01. Title", "lang-en"),
        _md("**이 레슨을 마치면** 계산할 수 있습니다.", "lang-ko", "goals"),
        _md("**After this lesson you can** compute it.", "lang-en", "goals"),
        _md("## 1. 하나", "lang-ko"), _md("## 1. One", "lang-en"),
        _code("x = 1"),
        *middle,
        _md("## 2. 둘", "lang-ko"), _md("## 2. Two", "lang-en"),
        _md("## 스스로 점검하기\n\n" + "\n".join(ko_items), "lang-ko", "self-check"),
        _md("## Self-check\n\n" + "\n".join(self_check), "lang-en", "self-check"),
        _md("## 연습 문제\n\n긴 글 " * 50, "lang-ko"), _md("## Exercises\n\nlong text " * 50, "lang-en"),
    ])


DEEP = (_md("### 1.1 심화: 속도\n\n건너뛰어도 됩니다.", "lang-ko", "deep-dive"),
        _md("### 1.1 Deep dive: speed\n\nYou can skip it.", "lang-en", "deep-dive"),
        _code("timing = 2", "deep-dive"))


def test_the_build_check_names_only_malformed_goals_and_self_checks():
    lesson = _lesson(*DEEP)
    del lesson.cells[2:4]
    assert pedagogy_problems("01_x", lesson, required=False) == []
    assert any("tagged 'goals', found 0" in p for p in pedagogy_problems("01_x", lesson))
    lesson.cells[-3].source = "## Self-check\n\n1. Why?"
    assert any("numbered questions" in p for p in pedagogy_problems("01_x", lesson, required=False))


def test_a_well_shaped_lesson_passes_and_its_words_are_counted():
    lesson = _lesson(*DEEP)
    assert pedagogy_problems("01_x", lesson) == []
    # title 3, goals 7, two headings 3 + 3, self-check heading 2 and two questions of 5; the exercises not counted
    assert word_count(lesson, "en") == WordCount(main=3 + 7 + 3 + 3 + 2 + 2 * 5, deep_dive=9)


@pytest.mark.parametrize("fault, expected", [
    (lambda cells: cells.pop(2), "exactly one markdown cell tagged 'goals'"),
    (lambda cells: cells[3].__setitem__("source", "You will learn things."), "must start with **After this"),
    (lambda cells: cells[-3].__setitem__("source", "## Self-check\n\n1. Why?\n2. How? (→ section 2)"),
     "must end with the section to reread"),
    (lambda cells: cells[-3].__setitem__("source", "## Self-check\n\n1. Why? (→ section 9)\n2. How? (→ section 2)"),
     "points to section 9"),
    (lambda cells: cells[-3].__setitem__("source", "## Self-check\n\n1. Why? (→ section 1)"), "1 numbered questions"),
    (lambda cells: cells[-3].__setitem__("source", "## Self-check\n\n1. Why,\n   and why not? (→ section 9)\n"
                                                   "2. How? (→ section 2)"), "points to section 9"),
    (lambda cells: cells.insert(11, _code("print(timing)")), "uses timing, defined only in a deep dive"),
    (lambda cells: cells[8].__setitem__("source", "### 1.1 Speed"), "must open with a heading titled 'Deep dive:'"),
    (lambda cells: cells.insert(11, _md("## 3. Deep dive: more", "lang-en")), "is not tagged 'deep-dive'"),
    (lambda cells: cells.insert(14, _md("## 3. 셋", "lang-ko")), "the self-check must end the main line"),
])
def test_a_broken_rule_is_named(fault, expected):
    lesson = _lesson(*DEEP)
    fault(lesson.cells)
    assert any(expected in problem for problem in pedagogy_problems("01_x", lesson)), \
        pedagogy_problems("01_x", lesson)
