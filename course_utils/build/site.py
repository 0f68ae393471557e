"""python -m course_utils.build site: the bilingual site of the executed notebooks in build/site.

Sphinx renders it with myst-nb (the stored outputs, never executed again) and sphinx-book-theme (search,
sidebar and in-page contents, dark mode, download buttons, UI strings in the page's language). Each language is
one Sphinx project in build/site/{ko,en}; build/site/index.html lets the reader choose. Everything a page loads
is in build/site: MathJax comes from npm (course_utils/build/npm), the theme ships its own fonts and icons.
"""

import io
import re
import shutil
import tempfile
import warnings
from pathlib import Path

import nbformat
import sphinx.locale
from sphinx.application import Sphinx
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

from course_utils.build.assets import STATIC_DIR, copy_static
from course_utils.build.config import CourseConfig, load_config
from course_utils.build.pages import lesson_pages, prepare, simple_page
from course_utils.build.publish import PublishError, escape, lesson_label, staged, verify, write
from course_utils.i18n import LANGS, message
from course_utils.lessons import LESSONS

__all__ = ["build_site", "site_notebook", "sphinx_config"]

THEME = Path(__file__).with_name("site_theme")
SETUP_LINE = "setup(LANG)"
LESSON_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<slug>\d\d_\w+)\.ipynb(?P<fragment>#[^)]*)?\)")


def _tags(cell) -> list:
    return cell.metadata.setdefault("tags", [])


def site_notebook(path: Path, lang: str, built: set[str]) -> nbformat.NotebookNode:
    """The executed notebook as the site shows it: no build cells or widget state (pages.prepare); the
    parameters and setup cells left out; each solution collapsed with its output; lecturer's notes in a
    collapsed "for lecturers" block; figure alt text from the outputs; links to lessons not built as text."""
    nb = prepare(path, for_slides=False)
    for cell in nb.cells:
        tags = _tags(cell)
        if cell.cell_type == "code" and "parameters" in tags:
            tags.append("remove-cell")
        elif cell.cell_type == "code" and cell.source.strip().endswith(SETUP_LINE):
            tags.append("remove-input")
        elif cell.cell_type == "code" and "solution" in tags:
            tags.append("hide-cell")
            cell.metadata["mystnb"] = {"code_prompt_show": message("site.solution", lang),
                                       "code_prompt_hide": message("site.solution_hide", lang)}
        elif cell.cell_type == "markdown" and "notes" in tags:
            cell.source = (f'<details class="course-notes">\n<summary>{escape(message("site.notes", lang))}</summary>'
                           f"\n\n{cell.source}\n\n</details>")
        if cell.cell_type == "markdown":
            cell.source = LESSON_LINK.sub(lambda m: m[0] if m["slug"] in built else m["text"], cell.source)
        for output in cell.get("outputs", []):
            if "text/markdown" in output.get("data", {}):  # myst-nb does not resolve links in outputs: HTML links
                output.data["text/markdown"] = LESSON_LINK.sub(
                    lambda m: f'<a href="{m["slug"]}.html{m["fragment"] or ""}">{m["text"]}</a>' if m["slug"] in built
                    else m["text"], output.data["text/markdown"])
        alts = [o.get("metadata", {}).get("image/png", {}).get("alt") for o in cell.get("outputs", [])]
        alts = [alt for alt in alts if alt]
        if alts:
            cell.metadata.setdefault("mystnb", {})["image"] = {"alt": " / ".join(dict.fromkeys(alts))}
    return nb


def _index(lang: str, built: set[str]) -> str:
    """The language's front page (MyST): the course title, what the site is, and the lessons in order."""
    coming = [f"- {lesson_label(l.slug, lang)} ({message('lessons.coming', lang)})" for l in LESSONS if l.slug not in built]
    toctree = "\n".join(l.slug for l in LESSONS if l.slug in built)
    other = next(o for o in LANGS if o != lang)
    return (f"# {message('site.title', lang)}\n\n{message('site.site_intro', lang)}\n\n"
            f'<a href="../{other}/index.html" hreflang="{other}" lang="{other}">{message("site.language", other)}</a>\n\n'
            f"```{{toctree}}\n:maxdepth: 1\n:caption: {message('site.contents', lang)}\n\n{toctree}\n```\n\n"
            + "\n".join(coming) + "\n")


def sphinx_config(lang: str, config: CourseConfig, other_built: set[str]) -> dict:
    """Sphinx settings of one language's project (given as overrides: the project has no conf.py)."""
    other = next(o for o in LANGS if o != lang)
    options = {
        "show_prev_next": True,
        "use_download_button": True,
        "use_fullscreen_button": True,
        "home_page_in_toc": True,
        "navigation_with_keys": False,
    }
    if config.repository:
        options |= {
            "repository_url": config.repository, "repository_branch": config.branch,
            "path_to_docs": f"notebooks/{lang}",
            "launch_buttons": {"colab_url": "https://colab.research.google.com",
                               "binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
        }
    return {
        "project": message("site.title", lang),
        "html_title": message("site.title", lang),
        "language": lang,
        "extensions": ["myst_nb", "sphinx_copybutton", "course_utils.build.site_extension"],
        "master_doc": "index",
        "exclude_patterns": ["_build", "**.ipynb_checkpoints"],
        "nb_execution_mode": "off",
        "nb_ipywidgets_js": {},
        "nb_merge_streams": True,
        "myst_enable_extensions": ["dollarmath", "amsmath"],
        "myst_heading_anchors": 3,
        "html_theme": "sphinx_book_theme",
        "html_theme_options": options,
        "html_static_path": [str(THEME / "static")],
        "templates_path": [str(THEME / "templates")],
        "html_css_files": ["course-site.css"],
        "html_js_files": ["course-site.js"],
        "html_sidebars": {"**": ["course-logo.html", "icon-links.html",
                                 "sbt-sidebar-nav.html", "course-language.html"]},
        "html_context": {"default_mode": "auto", "course_home_label": message("site.home", lang),
                         "course_other_lang": other, "course_other_label": message("site.language", other),
                         "course_other_pages": sorted(other_built | {"index", "search", "genindex"})},
        "html_show_sourcelink": False,
        "html_copy_source": True,
        "html_last_updated_fmt": None,
        "mathjax_path": "mathjax/es5/tex-chtml.js",
        "mathjax3_config": {"tex": {"processEscapes": True}},
        "copybutton_exclude": ".linenos, .gp, .go",
        "suppress_warnings": ["mystnb.unknown_mime_type"],
    }


def build_site(root: Path, slugs: list[str], out: Path) -> Path:
    """out/index.html (the language chooser) and out/{ko,en}: one page per built lesson plus search.

    Built in a folder beside out that replaces out only when the whole build succeeds: a Sphinx warning (a
    broken reference, a missing file), a remote load or a broken link (PublishError) leaves the previous one.
    """
    with staged(out) as folder:
        _write(root, slugs, folder)
    return out


def _write(root: Path, slugs: list[str], out: Path) -> None:
    pages = lesson_pages(root, slugs)
    built = {lang: {p.slug for p in pages[lang]} for lang in LANGS}
    config = load_config(root)
    with tempfile.TemporaryDirectory(prefix="site-src-", dir=out.parent) as work:
        for lang in LANGS:
            src = Path(work) / lang
            src.mkdir()
            for page in pages[lang]:
                nbformat.write(site_notebook(page.notebook, lang, built[lang]), src / f"{page.slug}.ipynb")
            write(src / "index.md", _index(lang, built[lang]))
            other = next(o for o in LANGS if o != lang)
            _sphinx(src, out / lang, Path(work) / f"doctrees-{lang}", sphinx_config(lang, config, built[other]))
            copy_static(root, out / lang / "_static", reveal=False)  # MathJax (mathjax_path) from npm
            for macros in (out / lang / "_static").glob("*.html"):  # the theme's Jinja macros, not pages
                macros.unlink()
    shutil.rmtree(out / "jupyter_execute", ignore_errors=True)  # myst-nb's copies of the outputs, already in _images
    write(out / "_static" / "course.css", (STATIC_DIR / "course.css").read_text(encoding="utf-8"))
    write(out / "index.html", _chooser())
    verify(out)


def _sphinx(src: Path, out: Path, doctrees: Path, overrides: dict) -> None:
    nocolor()
    sphinx.locale.translators.clear()  # the UI strings of the previous project's language stay loaded otherwise
    log = io.StringIO()
    # A fresh docutils registry per project, as sphinx-build; the engine's own deprecation notices (e.g. the theme
    # using an API Sphinx 11 removes) are for its maintainers, not a fault of the course.
    with patch_docutils(None), docutils_namespace(), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        app = Sphinx(str(src), None, str(out), str(doctrees), "html", confoverrides=overrides,
                     status=None, warning=log, freshenv=True, verbosity=0)
        app.build()
    if log.getvalue().strip():
        raise PublishError(f"Sphinx warned while building {out.name}:\n{log.getvalue().strip()}")


def _chooser() -> str:
    items = "".join(
        f'<li lang="{lang}"><a href="{lang}/index.html">{escape(message("site.language", lang))}</a>: '
        f'{escape(message("site.title", lang))}. {escape(message("site.site_intro", lang))}</li>\n'
        for lang in LANGS
    )
    title = " · ".join(message("site.title", lang) for lang in LANGS)
    return simple_page(LANGS[0], title, f'<h1>{escape(title)}</h1>\n<ul class="course-lessons">\n{items}</ul>', "_static")
