"""The build's authoring errors name what is wrong, and a failed build leaves the old notebooks alone."""

import shutil

import nbformat
import pytest

from course_utils.build import __main__ as cli
from course_utils.build.check import notebook_problems, outline_problems, problems
from course_utils.build.source import SourceError, read_source

GOOD = '''# %% [markdown] tags=["lang-ko"]
# # 제목

# %% [markdown] tags=["lang-en"]
# # Title

# %%
print("shape:", (1, 2))
'''


@pytest.fixture
def course(tmp_path):
    (tmp_path / "notebooks" / "src").mkdir(parents=True)
    (tmp_path / "notebooks" / "src" / "01_demo.py").write_text(GOOD, encoding="utf-8")
    return tmp_path


def run(course, monkeypatch, *args):
    monkeypatch.chdir(course)
    return cli.main(list(args))


def test_unknown_lesson_lists_the_known_ones(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks", "99_nothing") == 2
    err = capsys.readouterr().err
    assert "unknown lesson '99_nothing'" in err and "01_demo" in err


def test_markdown_cell_without_language_tag_names_file_and_cell(course):
    bad = course / "notebooks" / "src" / "02_untagged.py"
    bad.write_text(GOOD + '\n# %% [markdown]\n# no tag here\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"02_untagged\.py: cell 4 \(markdown, starting 'no tag here'\) has no language tag"):
        read_source(bad)


def test_build_then_check_passes_and_stale_source_is_reported(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks", "01") == 0
    assert problems(course) == []
    source = course / "notebooks" / "src" / "01_demo.py"
    source.write_text(GOOD.replace("(1, 2)", "(1, 3)"), encoding="utf-8")
    found = problems(course)
    assert len(found) == 2 and all("stale against" in line and "cell 3" in line for line in found)
    assert run(course, monkeypatch, "check") == 1
    assert "stale against" in capsys.readouterr().out


def test_failing_source_names_the_cell_and_keeps_the_old_notebook(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks") == 0
    generated = course / "notebooks" / "ko" / "01_demo.ipynb"
    before = generated.read_bytes()
    source = course / "notebooks" / "src" / "01_demo.py"
    source.write_text(GOOD + '\n# %%\nraise ValueError("broken on purpose")\n', encoding="utf-8")
    assert run(course, monkeypatch, "notebooks", "01_demo") == 2
    err = capsys.readouterr().err
    assert "01_demo.py [ko]: cell 4 failed" in err and "broken on purpose" in err
    assert generated.read_bytes() == before


def test_rules_on_executed_notebooks(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("no Hangul here", metadata={"tags": ["lang-ko"]}),
        nbformat.v4.new_markdown_cell("이 셀은 피처 맵을 말합니다", metadata={"tags": ["lang-ko"]}),
        nbformat.v4.new_markdown_cell("표: 피처 맵", metadata={"tags": ["lang-ko", "teaches-terms"]}),
        nbformat.v4.new_code_cell("print(1)"),
        nbformat.v4.new_code_cell("1/0", execution_count=2, outputs=[
            nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])]),
        nbformat.v4.new_code_cell("import sys", execution_count=3, outputs=[
            nbformat.v4.new_output("stream", name="stderr", text="a warning\n")]),
        nbformat.v4.new_code_cell("ax.plot([1, 2]);", execution_count=4),
    ]
    found = notebook_problems(tmp_path / "x.ipynb", nb, "ko")
    assert [line.split(": ", 2)[1:] for line in found] == [
        ["cell 1", "Korean markdown cell has no Hangul"],
        ["cell 2", "use the glossary term '특징 맵', not '피처 맵'"],
        ["cell 4", "code cell was never executed (nbval would not compare it)"],
        ["cell 5", "error output ZeroDivisionError: division by zero"],
        ["cell 6", "stderr output 'a warning\\n'"],
        ["cell 7", "ends with ';', which nbval does not honour (it runs cells without history); assign the value to _ instead"],
    ]
    assert notebook_problems(tmp_path / "x.ipynb", nb, "en")[0].endswith("English markdown cell contains Hangul")


def test_notebook_without_source_is_reported(course, monkeypatch, root):
    assert run(course, monkeypatch, "notebooks") == 0
    shutil.copy(course / "notebooks" / "en" / "01_demo.ipynb", course / "notebooks" / "en" / "07_orphan.ipynb")
    assert any("07_orphan.ipynb: generated notebook has no source" in line for line in problems(course))


def test_a_heading_missing_in_one_language_is_reported():
    def notebook(*sources):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(s) for s in sources])

    ko = notebook("# 02. 동작 원리", "## 1. 행렬\n\n```python\n# 주석\n```", "## 2. 전치\n\n본문", "### 직접 구현하기")
    en = notebook("# 02. How it works", "## 1. Matrix\n\ntext", "text without its heading", "### Writing it yourself")
    assert outline_problems("02", ko, ko) == []
    found = outline_problems("02", ko, en)
    assert found == ["02: heading 3 differs between ko and en: '## 2. 전치' vs '### Writing it yourself'"]
    assert outline_problems("02", ko, notebook("# 02. How it works", "## 1. Matrix", "## 2. Transposed")) == [
        "02: ko has 4 headings, en has 3"]
    renumbered = notebook("# 02. How it works", "## 1. Matrix", "## 3. Transposed", "### Writing it yourself")
    assert outline_problems("02", ko, renumbered)[0].startswith("02: heading 3 differs")
