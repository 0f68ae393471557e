"""What the slide and site builds share: the executed notebooks, made ready for static HTML, and their links."""

import copy
import html
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from course_utils.build.offline import tree_problems
from course_utils.build.source import SLIDES_OUTPUT_ONLY_TAG, slide_types
from course_utils.i18n import LANGS, message
from course_utils.lessons import by_slug

__all__ = [
    "Page", "PublishError", "TEMPLATES", "lesson_pages", "prepare", "exporter", "export", "link_lessons",
    "lesson_label", "simple_page", "escape", "reset", "staged", "write", "verify",
]

TEMPLATES = Path(__file__).with_name("templates")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTEBOOK_LINK = re.compile(
    r'<a(?P<before>\s[^>]*?)?\shref="(?P<slug>[\w-]+)\.ipynb(?P<fragment>#[^"]*)?"(?P<after>[^>]*)>(?P<text>.*?)</a>', re.S
)


class PublishError(RuntimeError):
    """A built page loads something remote or links to something that is not there."""


@dataclass(frozen=True)
class Page:
    """One lesson in one language: its executed notebook and where its HTML goes."""

    slug: str
    lang: str
    notebook: Path

    @property
    def html_name(self) -> str:
        return f"{self.slug}.html"


def lesson_pages(root: Path, slugs: list[str]) -> dict[str, list[Page]]:
    """{lang: pages in course order} for the given lessons whose executed notebook exists in that language."""
    return {
        lang: [Page(slug, lang, root / "notebooks" / lang / f"{slug}.ipynb") for slug in sorted(slugs)
               if (root / "notebooks" / lang / f"{slug}.ipynb").exists()]
        for lang in LANGS
    }


def lesson_label(slug: str, lang: str) -> str:
    """'01. Why upsampling?' (the number and the course map's title; the slug when the map lacks it)."""
    try:
        return f"{slug[:2]}. {by_slug(slug).title(lang)}"
    except KeyError:
        return slug


def _role(cell) -> str | None:
    return cell.metadata.get("course", {}).get("role")


def prepare(path: Path, for_slides: bool) -> nbformat.NotebookNode:
    """The executed notebook ready for static HTML: widget views fall back to their text (the lesson prints
    every widget's result in the next cell), no widget state; the site drops the build's own cells (its
    navigation links to Colab instead)."""
    nb = nbformat.read(path, as_version=4)
    lang = nb.metadata.get("course", {}).get("lang")
    source = nb.metadata.get("course", {}).get("source")
    if nb.cells and lang in LANGS and source and _role(nb.cells[0]) is None:
        if nb.cells[0].source == message("build.generated_notice", lang, source=source):
            nb.cells[0].metadata["course"] = {"role": "notice"}  # generated before cells carried their role
            nb.cells[0].metadata["slideshow"] = {"slide_type": "skip"}
    if any("slide_type" not in c.metadata.get("slideshow", {}) for c in nb.cells):
        print(f"{path}: has no slide types yet; regenerate it with python -m course_utils.build notebooks")
        slide_types(nb.cells)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                del output.data[WIDGET_VIEW]
        if for_slides and SLIDES_OUTPUT_ONLY_TAG in cell.metadata.get("tags", []):
            cell.metadata["transient"] = {"remove_source": True}
    if not for_slides:
        nb.cells = [c for c in nb.cells if _role(c) not in ("notice", "colab-link", "colab-install")]
    return nb


def exporter(cls: type[HTMLExporter], template: str, lang: str, **traits) -> HTMLExporter:
    """An exporter using one of the course templates (course_utils/build/templates) in lang."""
    return cls(template_name=template, extra_template_basedirs=[str(TEMPLATES)], language_code=lang, **traits)


def link_lessons(body: str, built: set[str]) -> str:
    """Links between lessons point at the built .html page; a link to a lesson not built becomes its text."""

    def repl(found: re.Match) -> str:
        if found["slug"] not in built:
            return found["text"]
        href = f'href="{found["slug"]}.html{found["fragment"] or ""}"'
        return f'<a{found["before"] or ""} {href}{found["after"]}>{found["text"]}</a>'

    return NOTEBOOK_LINK.sub(repl, body)


def mathjax(static: str) -> str:
    """MathJax 3 from the static folder beside the pages, with the delimiters Jupyter uses."""
    return f"""<script>
window.MathJax = {{
  tex: {{
    inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]],
    displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]],
    processEscapes: true,
    processEnvironments: true
  }}
}};
</script>
<script src="{static}/mathjax/es5/tex-chtml.js" defer></script>"""


def export(exp: HTMLExporter, nb, title: str, extra: dict) -> str:
    """nb as HTML with the page title and the course resources the templates read (extra["static"]: the
    relative address of the static folder)."""
    course = {"mathjax": mathjax(extra["static"]), **extra}
    body, _ = exp.from_notebook_node(copy.deepcopy(nb), resources={"metadata": {"name": title}, "course": course})
    return body


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def simple_page(lang: str, title: str, body: str, static: str) -> str:
    """A small HTML page (an index) with the course stylesheet; body is HTML."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" href="{static}/course.css">\n</head>\n'
            f'<body class="course-site">\n<main class="course-page">\n{body}\n</main>\n</body>\n</html>\n')


def reset(out: Path) -> None:
    """Start the output folder afresh, so no page of an earlier build lingers."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)


@contextmanager
def staged(out: Path):
    """Yield an empty folder beside out; when the block succeeds it replaces out, when it fails out is untouched."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        yield staging
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            out.rename(old / out.name)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def verify(out: Path) -> None:
    """Raise PublishError listing every remote load and unresolved local reference under out."""
    found = tree_problems(out)
    if found:
        raise PublishError(f"{out} must work offline, but:\n" + "\n".join(found))
