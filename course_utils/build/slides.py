"""python -m course_utils.build slides: an offline reveal.js deck per lesson and language in build/slides/{ko,en}."""

from pathlib import Path

from nbconvert import SlidesExporter

from course_utils.build.assets import copy_static
from course_utils.build.pages import (
    escape, export, exporter, lesson_label, lesson_pages, link_lessons, prepare, reset, simple_page, staged, verify, write,
)
from course_utils.i18n import LANGS, message

__all__ = ["build_slides"]

STATIC = "_static"
SIZE = {"reveal_width": "1280", "reveal_height": "720"}


def _index(pages: dict) -> str:
    sections = []
    for lang in LANGS:
        items = "".join(f'<li><a href="{lang}/{p.html_name}">{escape(lesson_label(p.slug, lang))}</a></li>\n'
                        for p in pages[lang])
        sections.append(f'<section lang="{lang}">\n<h2>{escape(message("site.language", lang))}</h2>\n'
                        f'<p>{escape(message("site.slides_intro", lang))}</p>\n<ul class="course-lessons">\n{items}</ul>\n</section>')
    title = " · ".join(message("site.title", lang) for lang in LANGS)
    return simple_page(LANGS[0], title, f"<h1>{escape(title)}</h1>\n" + "\n".join(sections), STATIC)


def build_slides(root: Path, slugs: list[str], out: Path) -> Path:
    """Decks of the executed notebooks of the given lessons, with reveal.js and MathJax in out/_static.

    Built in a folder beside out that replaces out only when the whole build succeeds: a failed build
    (AssetError, PublishError, ...) leaves the previous one in place.
    """
    with staged(out) as folder:
        _write(root, slugs, folder)
    return out


def _write(root: Path, slugs: list[str], out: Path) -> None:
    pages = lesson_pages(root, slugs)
    reset(out)
    copy_static(root, out / STATIC, reveal=True)
    for lang in LANGS:
        exp = exporter(SlidesExporter, "course_slides", lang, reveal_url_prefix=f"../{STATIC}/reveal.js",
                       reveal_theme="white", reveal_transition="slide", **SIZE)
        built = {p.slug for p in pages[lang]}
        for page in pages[lang]:
            body = export(exp, prepare(page.notebook, for_slides=True), lesson_label(page.slug, lang),
                          {"static": f"../{STATIC}"})
            write(out / lang / page.html_name, link_lessons(body, built))
    write(out / "index.html", _index(pages))
    verify(out)
