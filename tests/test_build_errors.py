"""The build's authoring errors name what is wrong, and a failed build leaves the old notebooks alone."""

import re
import shutil

import nbformat
import pytest

from course_utils.build import __main__ as cli
from course_utils.build import site as site_module
from course_utils.build import slides as slides_module
from course_utils.build.assets import AssetError
from course_utils.build.check import notebook_problems, outline_problems, problems
from course_utils.build.publish import staged
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
    assert len(found) == 2 and all("stale against" in line and "cell 2" in line for line in found)  # no banner cell in front
    assert run(course, monkeypatch, "check") == 1
    assert "stale against" in capsys.readouterr().out


def test_failing_source_names_the_cell_of_the_source_and_keeps_the_old_notebook(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks") == 0
    generated = course / "notebooks" / "ko" / "01_demo.ipynb"
    before = generated.read_bytes()
    source = course / "notebooks" / "src" / "01_demo.py"
    # Source cell 6; the Korean notebook has it at position 4 (no English cells).
    source.write_text(GOOD + '\n# %% [markdown] tags=["lang-en"]\n# More\n\n# %% [markdown] tags=["lang-ko"]\n# 더\n'
                      '\n# %%\nraise ValueError("broken on purpose")\n', encoding="utf-8")
    assert run(course, monkeypatch, "notebooks", "01_demo") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {source}: cell 6 (code, starting 'raise ValueError(\"broken on purpose\")') [ko] "
                          "failed; fix it and build again:")
    assert "ValueError: broken on purpose" in err and "\x1b[" not in err
    assert generated.read_bytes() == before


def test_a_cell_that_kills_the_kernel_is_named_and_the_old_notebook_kept(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks") == 0
    generated = course / "notebooks" / "en" / "01_demo.ipynb"
    before = generated.read_bytes()
    source = course / "notebooks" / "src" / "01_demo.py"
    source.write_text(GOOD + '\n# %%\nimport os\nos._exit(1)\n', encoding="utf-8")
    assert run(course, monkeypatch, "notebooks", "01_demo") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {source}: cell 4 (code, starting 'import os') [ko] failed; fix it and build again:")
    assert "DeadKernelError: Kernel died" in err and "Traceback" not in err
    assert generated.read_bytes() == before


EMPTY_KINDS = {
    "empty": "",
    "no code": GOOD.split("# %%\nprint")[0],
    "no heading": GOOD.replace("# # 제목", "# 제목 없이 시작").replace("# # Title", "# no title"),
    "no English": GOOD.replace('tags=["lang-en"]\n# # Title', 'tags=["lang-ko"]\n# # 또 다른 제목'),
}


def test_a_rule_broken_while_building_names_the_cell_of_the_source(course, monkeypatch, capsys):
    source = course / "notebooks" / "src" / "01_demo.py"
    source.write_text(GOOD + '\n# %% [markdown] tags=["lang-en"]\n# More\n\n# %%\nimport sys\n'
                      'print("careful", file=sys.stderr)\n', encoding="utf-8")
    assert run(course, monkeypatch, "notebooks", "01") == 2
    err = capsys.readouterr().err
    assert f"error: {source}: cell 5 (code, starting 'import sys') [ko]: stderr output 'careful\\n'" in err
    assert not (course / "notebooks" / "ko" / "01_demo.ipynb").exists()


@pytest.mark.parametrize("kind", sorted(EMPTY_KINDS))
def test_a_source_that_is_not_a_lesson_is_refused_and_the_notebooks_are_kept(kind, course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks") == 0
    generated = [course / "notebooks" / lang / "01_demo.ipynb" for lang in ("ko", "en")]
    before = [path.read_bytes() for path in generated]
    (course / "notebooks" / "src" / "01_demo.py").write_text(EMPTY_KINDS[kind], encoding="utf-8")
    capsys.readouterr()
    assert run(course, monkeypatch, "notebooks", "01") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "01_demo.py: " in err, err
    assert [path.read_bytes() for path in generated] == before


def _not_utf8(src):
    (src / "02_latin1.py").write_bytes(GOOD.replace("제목", "titre").replace("print", "# caf\xe9\nprint").encode("latin-1"))


def _folder(src):
    (src / "02_folder.py").mkdir()


def _french(src):
    (src / "02_french.py").write_text(GOOD + '\n# %% [markdown] tags=["lang-fr"]\n# # Titre\n', encoding="utf-8")


def _tags_not_a_list(src):
    (src / "02_tags.py").write_text(GOOD + '\n# %% [markdown] tags="lang-ko"\n# # 제목\n', encoding="utf-8")


def _tags_repeated(src):
    (src / "02_tags.py").write_text(GOOD + '\n# %% [markdown] tags=["lang-ko", "lang-ko"]\n# # 제목\n', encoding="utf-8")


def _tag_not_a_string(src):
    (src / "02_tags.py").write_text(GOOD + '\n# %% [markdown] tags=[1]\n# # 제목\n', encoding="utf-8")


def _bad_toml(src):
    (src.parents[1] / "pyproject.toml").write_text('[tool.course]\nrepository = "unterminated\n', encoding="utf-8")


def _toml_not_a_string(src):
    (src.parents[1] / "pyproject.toml").write_text("[tool.course]\nrepository = 5\n", encoding="utf-8")


BAD_INPUTS = [
    (_not_utf8, r"02_latin1\.py: is not UTF-8 text \(byte 0xe9 at offset \d+\); save it as UTF-8"),
    (_folder, r"02_folder\.py: is not a file; a lesson source is one \.py file"),
    (_french, r"02_french\.py: cell 4 .*: unknown language tag 'lang-fr'; the course speaks ko and en: use lang-ko or lang-en"),
    (_tags_not_a_list, r"02_tags\.py: .*(tags must be a list of different strings|check the '# %%' cell headers)"),
    (_tags_repeated, r"02_tags\.py: .*(tags must be a list of different strings|check the '# %%' cell headers)"),
    (_tag_not_a_string, r"02_tags\.py: .*(tags must be a list of different strings|check the '# %%' cell headers)"),
    (_bad_toml, r"pyproject\.toml: cannot be read as TOML \(.*\); fix the file"),
    (_toml_not_a_string, r"pyproject\.toml: \[tool\.course\] repository must be a string, got 5"),
]


@pytest.mark.parametrize("command", ["notebooks", "check"])
@pytest.mark.parametrize("spoil, pattern", BAD_INPUTS, ids=[spoil.__name__ for spoil, _ in BAD_INPUTS])
def test_bad_inputs_get_one_line_naming_the_file_and_exit_code_2(spoil, pattern, command, course, monkeypatch, capsys):
    spoil(course / "notebooks" / "src")
    assert run(course, monkeypatch, command) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err + captured.out
    assert re.fullmatch(r"error: .*" + pattern + r".*\n", captured.err), captured.err


def test_an_unreadable_generated_notebook_is_a_problem_not_a_traceback(course, monkeypatch, capsys):
    assert run(course, monkeypatch, "notebooks") == 0
    (course / "notebooks" / "en" / "01_demo.ipynb").write_text("{ not json", encoding="utf-8")
    assert run(course, monkeypatch, "check") == 1
    out = capsys.readouterr().out
    assert "01_demo.ipynb: cannot be read as a notebook" in out and "build notebooks 01_demo" in out


def test_a_staged_folder_replaces_the_old_one_only_when_the_build_succeeds(tmp_path):
    out = tmp_path / "build" / "site"
    out.mkdir(parents=True)
    (out / "old.html").write_text("old")
    with pytest.raises(RuntimeError):
        with staged(out) as folder:
            (folder / "new.html").write_text("half")
            raise RuntimeError("npm is missing")
    assert [p.name for p in out.iterdir()] == ["old.html"]
    with staged(out) as folder:
        (folder / "new.html").write_text("new")
    assert [p.name for p in out.iterdir()] == ["new.html"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


@pytest.mark.parametrize("command, module", [("site", site_module), ("slides", slides_module)])
def test_a_failed_site_or_slides_build_keeps_the_previous_one(command, module, course, monkeypatch, capsys):
    def no_npm(*_args, **_kwargs):
        raise AssetError("npm not found: install Node.js (it brings npm), then run the command again")

    previous = course / "build" / command
    previous.mkdir(parents=True)
    (previous / "index.html").write_text("the last good build")
    monkeypatch.setattr(module, "copy_static", no_npm)
    assert run(course, monkeypatch, command) == 2
    assert capsys.readouterr().err == "error: npm not found: install Node.js (it brings npm), then run the command again\n"
    assert (previous / "index.html").read_text() == "the last good build"
    assert sorted(p.name for p in previous.parent.iterdir()) == [command]


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


def test_a_huge_error_text_is_shortened_saying_how_much_was_cut(course, monkeypatch, capsys):
    source = course / "notebooks" / "src" / "01_demo.py"
    source.write_text(GOOD + '\n# %%\nraise ValueError("\\n".join(f"line {i} " + "x" * 500 for i in range(5000)))\n',
                      encoding="utf-8")
    assert run(course, monkeypatch, "notebooks", "01_demo") == 2
    err = capsys.readouterr().err
    assert len(err) < 20_000 and re.search(r"… \[\d+ lines \(\d+ characters\) cut\] …", err)
    assert re.search(r"\[\d+ more characters cut\]", err)
    assert "ValueError: line 0 x" in err and "line 4999 x" in err
