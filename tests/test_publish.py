"""Slides, site, Colab cells: decks and pages load nothing remote, every local link resolves, and the
notebooks carry their slide structure."""

import html
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from course_utils.build import __main__ as cli
from course_utils.build.check import problems
from course_utils.build.config import ConfigError, CourseConfig, load_config
from course_utils.build.offline import is_remote, tree_problems
from course_utils.build.site import build_site, site_notebook, sphinx_config
from course_utils.build.slides import build_slides
from course_utils.build.source import for_language, slide_types
from course_utils.i18n import LANGS

LESSON = "00_course_map"
# Anything a page would fetch: the address in src/href/data of a loading tag, a CSS @import or url().
LOADING_TAG = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object|track|image|use)\b[^>]*?"
                         r"\s(?:src|href|data|srcset|poster)\s*=\s*[\"']?\s*([^\"'\s>]+)", re.I)
CSS_LOAD = re.compile(r"@import\s+(?:url\()?\s*[\"']?([^\"')\s;]+)|url\(\s*[\"']?([^\"')]+)", re.I)
ANY_REFERENCE = re.compile(r"\s(?:src|href)\s*=\s*\"([^\"]+)\"", re.I)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _needs_npm():
    if shutil.which("npm") is None:
        pytest.skip("npm not found: the slide and site builds take reveal.js and MathJax from the npm registry")


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    _needs_npm()
    root = Path(__file__).resolve().parents[1]
    return build_slides(root, [LESSON], tmp_path_factory.mktemp("slides") / "slides")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _needs_npm()
    root = Path(__file__).resolve().parents[1]
    return build_site(root, [LESSON, "01_why_upsampling"], tmp_path_factory.mktemp("site") / "site")


def _tag(html: str, name: str, *attributes: str) -> bool:
    """Whether html has a <name> tag with all these attributes (in any order)."""
    tags = re.findall(rf"<{name}\b[^>]*>", html)
    return any(all(f" {attribute}" in tag for attribute in attributes) for tag in tags)


def _remote_loads(top: Path) -> list[str]:
    """An independent, deliberately blunt scan (not course_utils.build.offline): every loading address and
    every CSS reference in every HTML and CSS file shipped."""
    found = []
    for path in sorted([*top.rglob("*.html"), *top.rglob("*.css")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            found += [f"{path.name}: {url}" for url in LOADING_TAG.findall(text) if re.match(r"(https?:)?//", url)]
            scripts = re.findall(r"<script(?![^>]*type=\"application/vnd)[^>]*>(.*?)</script>", text, re.S)
            found += [f"{path.name}: script {url}" for s in scripts for url in re.findall(r"https?://\S+", s)]
        css = CSS_COMMENT.sub("", text)
        found += [f"{path.name}: css {a or b}" for a, b in CSS_LOAD.findall(css) if re.match(r"\s*(https?:)?//", a or b)]
    return found


def _unresolved(top: Path) -> list[str]:
    found = []
    for page in sorted(top.rglob("*.html")):
        for url in ANY_REFERENCE.findall(page.read_text(encoding="utf-8")):
            path = url.split("#")[0].split("?")[0]
            if not path or re.match(r"[a-z]+:", path) or path.startswith("//"):
                continue
            target = (page.parent / path).resolve()
            if not target.is_file() or not target.is_relative_to(top.resolve()):
                found.append(f"{page.relative_to(top)}: {url}")
    return found


def test_decks_exist_in_both_languages_with_their_scripts(decks):
    for lang in LANGS:
        deck = (decks / lang / f"{LESSON}.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in deck
        assert _tag(deck, "script", 'src="../_static/reveal.js/dist/reveal.js"')
        assert _tag(deck, "script", 'src="../_static/mathjax/es5/tex-chtml.js"')
        assert deck.count("<section") >= 5 and "Reveal.initialize" in deck
    assert (decks / "_static" / "reveal.js" / "dist" / "theme" / "white.css").is_file()
    assert (decks / "_static" / "mathjax" / "es5" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()
    assert f"ko/{LESSON}.html" in (decks / "index.html").read_text(encoding="utf-8")


def test_decks_carry_the_speaker_notes(decks):
    for lang, label in (("ko", "강의 노트."), ("en", "Lecturer's note.")):
        deck = (decks / lang / f"{LESSON}.html").read_text(encoding="utf-8")
        notes = [html.unescape(note) for note in re.findall(r'<aside class="notes">(.*?)</aside>', deck, re.S)]
        assert notes and any(label in note for note in notes), lang


def test_every_lesson_has_speaker_notes_in_both_languages(root):
    for lang in LANGS:
        for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            cells = nbformat.read(path, as_version=4).cells
            notes = [c for c in cells if c.metadata.get("slideshow", {}).get("slide_type") == "notes"]
            assert notes, f"{path.name}: no speaker notes (a markdown cell tagged 'notes')"
            assert all(c.cell_type == "markdown" for c in notes), path.name


def test_decks_load_nothing_remote_and_links_resolve(decks):
    assert _remote_loads(decks) == []
    assert _unresolved(decks) == []
    assert tree_problems(decks) == []


def test_decks_leave_out_build_cells_setup_and_solutions(decks):
    deck = (decks / "en" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "This notebook is generated" not in deck
    assert "setup(LANG)" not in deck and "solution = " not in deck
    assert 'check</span><span class="p">(</span><span class="s2">"00.1"' in deck  # the exercise stays
    assert "jquery" not in deck.lower() and "require.js" not in deck and "require(" not in deck


def test_site_pages_link_each_other_and_the_other_language(site):
    assert {p.name for p in site.iterdir()} >= {"index.html", "ko", "en", "_static"}
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="ko/index.html"' in chooser and 'href="en/index.html"' in chooser
    for lang, other in (("ko", "en"), ("en", "ko")):
        first = (site / lang / f"{LESSON}.html").read_text(encoding="utf-8")
        second = (site / lang / "01_why_upsampling.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in first
        assert f'href="../{other}/{LESSON}.html"' in first  # the same lesson in the other language
        assert re.search(r'class="right-next"\s+href="01_why_upsampling.html"', first)
        assert re.search(rf'class="left-prev"\s+href="{LESSON}.html"', second)
        assert 'href="01_why_upsampling.html"' in first  # the course map's link to a notebook, now to the page
        assert "02_how_it_works" not in re.sub(r"<script.*?</script>", "", first, flags=re.S)  # not built: text
        assert '<details class="admonition hide above-input">' in first  # the solution, collapsed
        assert '<details class="course-notes">' in first  # the lecturer's notes, collapsed
        assert "setup(LANG)" not in first and 'LANG = ' not in first
        assert re.search(r'<img alt="(?!_images/)[^"]+"[^>]* src="_images/\w+\.png"', second)  # described figures
        assert f"_sources/{LESSON}.ipynb" in first  # the download button's notebook
        assert (site / lang / "searchindex.js").is_file() and (site / lang / "search.html").is_file()
        index = (site / lang / "index.html").read_text(encoding="utf-8")
        assert f'href="{LESSON}.html"' in index


def test_site_is_rendered_by_sphinx_without_executing(site):
    page = (site / "en" / f"{LESSON}.html").read_text(encoding="utf-8")
    assert 'name="generator" content="Docutils' in page or "Sphinx" in page
    assert "sphinx-book-theme" in page and "copybutton.js" in page and "mathjax/es5/tex-chtml.js" in page
    assert not (site / "jupyter_execute").exists()


def test_site_loads_nothing_remote_and_links_resolve(site):
    assert _remote_loads(site) == []
    assert _unresolved(site) == []
    assert tree_problems(site) == []


def test_offline_check_catches_remote_loads_and_broken_links(tmp_path):
    (tmp_path / "a.css").write_text("@import url(https://example.org/x.css);\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        '<html><head><script src="https://cdn.example.org/r.js"></script><link rel="stylesheet" href="a.css">'
        '<style>body { background: url(//example.org/b.png) }</style></head>'
        '<body><a href="https://example.org/">fine: a link loads nothing</a><a href="missing.html">x</a>'
        '<a href="#nowhere">y</a><script>import("https://example.org/m.js")</script></body></html>',
        encoding="utf-8",
    )
    found = "\n".join(tree_problems(tmp_path))
    for expected in ("loads https://cdn.example.org/r.js", "a.css: url(https://example.org/x.css) is remote",
                     "inline style loads //example.org/b.png", "missing.html does not resolve",
                     "no element with id 'nowhere'", "inline script names a remote address"):
        assert expected in found
    assert "https://example.org/ " not in found and is_remote("//host/x") and not is_remote("data:image/png;base64,")


def test_site_notebook_leaves_out_widget_state_setup_and_unbuilt_links(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}}})
    view = {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
            "text/plain": "KernelExplorer(k=3)"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Title\n\nSee [lesson 2](02_how_it_works.ipynb) and [1](01_a.ipynb)."),
                nbformat.v4.new_code_cell('LANG = "en"', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("setup(LANG)"),
                nbformat.v4.new_code_cell("explorer", execution_count=1,
                                          outputs=[nbformat.v4.new_output("execute_result", data=view, execution_count=1)]),
                nbformat.v4.new_code_cell("solution = 1", metadata={"tags": ["solution"]})]
    path = tmp_path / "w.ipynb"
    nbformat.write(nb, path)
    ready = site_notebook(path, "ko", {"01_a"})
    assert "widgets" not in ready.metadata
    assert ready.cells[3].outputs[0].data == {"text/plain": "KernelExplorer(k=3)"}
    assert "remove-cell" in ready.cells[1].metadata.tags and "remove-input" in ready.cells[2].metadata.tags
    assert "hide-cell" in ready.cells[4].metadata.tags
    assert ready.cells[4].metadata.mystnb["code_prompt_show"] == "풀이 보기"
    assert ready.cells[0].source.endswith("See lesson 2 and [1](01_a.ipynb).")


def _cells(*specs):
    cells = []
    for kind, source, extra in specs:
        make = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        cells.append(make(source, metadata=extra))
    return cells


def test_slide_types_by_rule_and_explicit_ones_kept():
    long_prose = "## Section\n\n" + "\n".join(f"line {i}" for i in range(8))
    cells = _cells(
        ("md", "# Title\n\nIntro.", {}),
        ("code", 'LANG = "en"', {"tags": ["parameters"]}),
        ("code", "from course_utils.notebook import setup\nsetup(LANG)", {}),
        ("md", "## Short heading\n\nOne line.", {}),
        ("code", "print(1)", {}),
        ("md", "Commentary on the output.", {}),
        ("md", long_prose, {}),
        ("code", "print(2)", {}),
        ("md", "Introduces the next code.", {}),
        ("code", "print(3)", {}),
        ("md", "### A subslide", {}),
        ("md", "Say this aloud.", {"tags": ["notes"]}),
        ("code", "solution = 1", {"tags": ["solution"], "jupyter": {"source_hidden": True}}),
        ("code", "helper()", {"tags": ["slides-skip"]}),
        ("code", "draw()", {"slideshow": {"slide_type": "slide"}}),
    )
    slide_types(cells)
    assert [c.metadata.slideshow.slide_type for c in cells] == [
        "slide", "skip", "skip", "slide", "-", "fragment", "slide", "subslide", "subslide", "-", "subslide",
        "notes", "skip", "skip", "slide",
    ]


SOURCE = '''# %% [markdown] tags=["lang-ko"]
# # 제목

# %% [markdown] tags=["lang-en"]
# # Title

# %%
print("shape:", (1, 2))
'''


def test_no_colab_cells_without_a_repository():
    nb = nbformat.reads(nbformat.writes(nbformat.v4.new_notebook()), as_version=4)
    generated = for_language(nb, "en", "01_demo.py")
    assert generated.cells == [] and "01_demo.py" in generated.metadata.course.notice  # no banner cell
    assert load_config(Path("/nonexistent")) == CourseConfig()


def test_colab_link_and_install_cell_from_the_one_repository_address(tmp_path, monkeypatch):
    (tmp_path / "notebooks" / "src").mkdir(parents=True)
    (tmp_path / "notebooks" / "src" / "01_demo.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.course]\nrepository = "https://github.com/example/course"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["notebooks", "01"]) == 0
    for lang in LANGS:
        nb = nbformat.read(tmp_path / "notebooks" / lang / "01_demo.ipynb", as_version=4)
        link, install = nb.cells[:2]
        assert ("https://colab.research.google.com/github/example/course/blob/main/"
                f"notebooks/{lang}/01_demo.ipynb") in link.source
        assert 'if "google.colab" in sys.modules:' in install.source
        assert "git+https://github.com/example/course@main" in install.source
        assert install.outputs == [] and install.execution_count is not None  # off Colab: runs, prints nothing
        assert "notebooks/src/01_demo.py" in nb.metadata.course.notice
        assert {c.metadata.slideshow.slide_type for c in (link, install)} == {"skip"}
    assert problems(tmp_path) == []
    (tmp_path / "pyproject.toml").write_text("[tool.course]\nrepository = \"\"\n", encoding="utf-8")
    assert any("stale against" in line for line in problems(tmp_path))


def test_site_launch_buttons_only_with_a_repository():
    options = sphinx_config("en", CourseConfig(repository="https://github.com/example/course"), set())["html_theme_options"]
    assert options["repository_url"] == "https://github.com/example/course"
    assert options["path_to_docs"] == "notebooks/en" and options["repository_branch"] == "main"
    assert options["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    assert "launch_buttons" not in sphinx_config("en", CourseConfig(), set())["html_theme_options"]
    assert sphinx_config("ko", CourseConfig(), set())["language"] == "ko"


def test_repository_must_be_a_github_address(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.course]\nrepository = "https://example.org/course"\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError, match="https://github.com/OWNER/NAME"):
        load_config(tmp_path)


def test_the_repository_address_is_unset_by_default(root):
    assert load_config(root).repository == ""


def test_generated_notebooks_carry_slide_types(root):
    for lang in LANGS:
        for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            missing = [i + 1 for i, c in enumerate(nb.cells) if "slide_type" not in c.metadata.get("slideshow", {})]
            assert not missing, f"{path.name}: cells {missing} have no slide type; run python -m course_utils.build notebooks {path.stem[:2]}"


def test_readme_documents_lecturers_and_classrooms(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for text in ("python -m course_utils.build slides", "python -m course_utils.build site", "한국어 (대한민국)",
                 "jupyterlab-rise", "repo2docker", "postBuild", "[tool.course]"):
        assert text in readme


def test_site_pages_name_no_machine_path(site, root):
    """The built pages and the notebooks offered for download carry no folder of the machine that built them."""
    import sys

    found = []
    for path in sorted([*site.rglob("*.html"), *site.rglob("*.ipynb"), *site.rglob("searchindex.js")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(site)}: {needle}" for needle in (str(root), sys.prefix, str(site.parent))
                  if needle in text]
        found += [f"{path.relative_to(site)}: {m}" for m in re.findall(r"/(?:tmp|home|root|work|Users)/[\w.-]+/", text)]
    assert found == []
