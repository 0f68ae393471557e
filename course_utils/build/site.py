"""python -m course_utils.build site: the bilingual static site of the executed notebooks in build/site."""

from pathlib import Path

from nbconvert import HTMLExporter

from course_utils.build.assets import copy_static
from course_utils.build.config import CourseConfig, load_config
from course_utils.build.pages import (
    escape, export, exporter, lesson_label, lesson_pages, link_lessons, prepare, reset, simple_page, staged, verify, write,
)
from course_utils.i18n import LANGS, message
from course_utils.lessons import LESSONS

__all__ = ["build_site"]

STATIC = "_static"


def _other(lang: str) -> str:
    return next(other for other in LANGS if other != lang)


def _chooser() -> str:
    items = "".join(
        f'<li lang="{lang}"><a href="{lang}/index.html">{escape(message("site.language", lang))}</a>: '
        f'{escape(message("site.title", lang))}. {escape(message("site.site_intro", lang))}</li>\n'
        for lang in LANGS
    )
    title = " · ".join(message("site.title", lang) for lang in LANGS)
    return simple_page(LANGS[0], title, f'<h1>{escape(title)}</h1>\n<ul class="course-lessons">\n{items}</ul>', STATIC)


def _lang_index(lang: str, built: set[str]) -> str:
    other = _other(lang)
    items = []
    for lesson in LESSONS:
        label = escape(lesson_label(lesson.slug, lang))
        if lesson.slug in built:
            items.append(f'<li><a href="{lesson.slug}.html">{label}</a></li>')
        else:
            items.append(f'<li class="course-coming">{label} ({escape(message("lessons.coming", lang))})</li>')
    nav = (f'<nav class="course-nav"><a href="../index.html">{escape(message("site.title", lang))}</a>'
           f'<a class="course-other-lang" href="../{other}/index.html" hreflang="{other}" lang="{other}">'
           f'{escape(message("site.language", other))}</a></nav>')
    body = (f'{nav}\n<h1>{escape(message("site.title", lang))}</h1>\n<p>{escape(message("site.site_intro", lang))}</p>\n'
            f'<h2>{escape(message("site.contents", lang))}</h2>\n<ul class="course-lessons">\n' + "\n".join(items) + "\n</ul>")
    return simple_page(lang, message("site.title", lang), body, f"../{STATIC}")


def _nav(lang: str, slug: str, previous, following, other_built: set[str], config: CourseConfig) -> str:
    other = _other(lang)
    links = [f'<a href="index.html">{escape(message("site.contents", lang))}</a>']
    if previous is not None:
        links.append(f'<a rel="prev" href="{previous.html_name}">← {escape(message("site.previous", lang))}: '
                     f'{escape(lesson_label(previous.slug, lang))}</a>')
    if following is not None:
        links.append(f'<a rel="next" href="{following.html_name}">{escape(message("site.next", lang))}: '
                     f'{escape(lesson_label(following.slug, lang))} →</a>')
    if config.repository:
        colab = config.colab_url(f"notebooks/{lang}/{slug}.ipynb")
        links.append(f'<a class="course-colab" href="{escape(colab)}">{escape(message("site.colab", lang))}</a>')
    target = f"../{other}/{slug}.html" if slug in other_built else f"../{other}/index.html"
    links.append(f'<a class="course-other-lang" href="{target}" hreflang="{other}" lang="{other}">'
                 f'{escape(message("site.language", other))}</a>')
    return '<nav class="course-nav">' + "".join(links) + "</nav>"


def build_site(root: Path, slugs: list[str], out: Path) -> Path:
    """index.html (the language chooser), {ko,en}/index.html and one page per lesson, MathJax in out/_static.

    Built in a folder beside out that replaces out only when the whole build succeeds: a failed build
    (AssetError, PublishError, ...) leaves the previous one in place.
    """
    with staged(out) as folder:
        _write(root, slugs, folder)
    return out


def _write(root: Path, slugs: list[str], out: Path) -> None:
    pages = lesson_pages(root, slugs)
    built = {lang: {p.slug for p in pages[lang]} for lang in LANGS}
    config = load_config(root)
    reset(out)
    copy_static(root, out / STATIC, reveal=False)
    write(out / "index.html", _chooser())
    for lang in LANGS:
        write(out / lang / "index.html", _lang_index(lang, built[lang]))
        exp = exporter(HTMLExporter, "course_site", lang)
        row = pages[lang]
        for index, page in enumerate(row):
            previous = row[index - 1] if index > 0 else None
            following = row[index + 1] if index + 1 < len(row) else None
            extra = {"static": f"../{STATIC}", "solution": message("site.solution", lang),
                     "nav": _nav(lang, page.slug, previous, following, built[_other(lang)], config)}
            body = export(exp, prepare(page.notebook, for_slides=False), lesson_label(page.slug, lang), extra)
            write(out / lang / page.html_name, link_lessons(body, built[lang]))
    verify(out)
