"""The site's view of a lesson: which executed notebooks exist, and each notebook as the site shows it."""

from dataclasses import dataclass
from pathlib import Path

import nbformat

from course_utils.build.publish import escape
from course_utils.build.source import SLIDES_OUTPUT_ONLY_TAG, slide_types
from course_utils.i18n import LANGS, message

__all__ = ["Page", "lesson_pages", "prepare", "simple_page"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


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


def _role(cell) -> str | None:
    return cell.metadata.get("course", {}).get("role")


def prepare(path: Path, for_slides: bool) -> nbformat.NotebookNode:
    """The executed notebook ready for static HTML: widget views fall back to their text and figure (_static),
    no widget state; the site drops the build's own cells (its
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
        if cell.cell_type == "code":
            cell.outputs = [shown for output in cell.outputs for shown in _static(output)]
        if for_slides and SLIDES_OUTPUT_ONLY_TAG in cell.metadata.get("tags", []):
            cell.metadata["transient"] = {"remove_source": True}
    if not for_slides:
        nb.cells = [c for c in nb.cells if _role(c) not in ("notice", "colab-link", "colab-install")]
    return nb


def _static(output) -> list:
    """An output as a page without live widgets shows it: a widget view falls back to its text, followed by its
    figure as an image of its own when the widget put one in its bundle (course_utils.widgets.static_figure)."""
    data = output.get("data", {})
    if WIDGET_VIEW not in data:
        return [output]
    del data[WIDGET_VIEW]
    if "image/png" not in data:
        return [output]
    figure = nbformat.v4.new_output("display_data", data={"image/png": data.pop("image/png")},
                                    metadata=output.pop("metadata", {}))
    output.metadata = {}
    return [output, figure]


def simple_page(lang: str, title: str, body: str, static: str) -> str:
    """A small HTML page (an index) with the course stylesheet; body is HTML."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" href="{static}/course.css">\n</head>\n'
            f'<body class="course-site">\n<main class="course-page">\n{body}\n</main>\n</body>\n</html>\n')
