"""python -m course_utils.build slides: an offline reveal.js deck per lesson and language in build/slides/{ko,en},
and with --pdf a handout per deck (build/slides/pdf) printed by Chromium."""

import shutil
from pathlib import Path

import nbformat

from course_utils.build.assets import AssetError, node_modules
from course_utils.build.deck import plan
from course_utils.build.deck_files import decks
from course_utils.build.publish import escape, lesson_label, link_lessons, staged, verify, write
from course_utils.build.deck_html import deck_page, pygments_css
from course_utils.i18n import LANGS, message

__all__ = ["build_slides", "build_handouts", "copy_static", "STATIC_FILES"]

STATIC = "_static"
STATIC_DIR = Path(__file__).with_name("slides_static")
# What the decks load, and the files those load in turn (fonts, MathJax's TeX extensions), package by package.
STATIC_FILES = {
    "reveal.js": ("LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/theme/white.css",
                  "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js"),
    "mathjax": ("LICENSE", "es5/tex-chtml.js", "es5/input/tex/extensions", "es5/output/chtml/fonts/woff-v2",
                "es5/ui", "es5/a11y"),
}


def copy_static(root: Path, static: Path) -> None:
    """Fill static/ with reveal.js, MathJax, the deck stylesheet and the colours of highlighted code."""
    modules = node_modules(root)
    for package, files in STATIC_FILES.items():
        for name in files:
            source, dest = modules / package / name, static / package / name
            if not source.exists():
                raise AssetError(f"{source} is missing from the npm package; check course_utils/build/npm/package.json")
            dest.parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest, **(
                {"dirs_exist_ok": True} if source.is_dir() else {}))
    for file in STATIC_DIR.iterdir():
        shutil.copy2(file, static / file.name)
    write(static / "deck-code.css", pygments_css())


def _index(built: list, handouts: bool) -> str:
    sections = []
    for lang in LANGS:
        items = []
        for deck in built:
            name = escape(lesson_label(deck.slug, lang))
            pdf = (f' · <a href="pdf/{lang}/{deck.slug}.pdf">PDF</a>'
                   f' · <a href="pdf/{lang}/{deck.slug}.notes.pdf">PDF ({escape(message("slides.with_notes", lang))})</a>'
                   if handouts else "")
            items.append(f'<li><a href="{lang}/{deck.html_name}">{name}</a>{pdf}</li>')
        sections.append(f'<section lang="{lang}">\n<h2>{escape(message("slides.language", lang))}</h2>\n'
                        f'<p>{escape(message("slides.intro", lang))}</p>\n<ul>\n' + "\n".join(items) + "\n</ul>\n</section>")
    title = " · ".join(message("slides.title", lang) for lang in LANGS)
    return (f'<!DOCTYPE html>\n<html lang="{LANGS[0]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" href="{STATIC}/deck.css">\n</head>\n<body class="deck-index">\n'
            f'<h1>{escape(title)}</h1>\n' + "\n".join(sections) + "\n</body>\n</html>\n")


def build_slides(root: Path, slugs: list[str], out: Path, pdf: bool = False, browser=None) -> Path:
    """Decks of the executed notebooks of the given lessons, with reveal.js and MathJax in out/_static; with pdf,
    also out/pdf/{lang}/<lesson>.pdf and <lesson>.notes.pdf (see build_handouts; browser: a Playwright browser
    to print with instead of starting Chromium).

    Built in a folder beside out that replaces out only when the whole build succeeds: a failed build
    (AssetError, PublishError, ...) leaves the previous one in place.
    """
    with staged(out) as folder:
        built = _write(root, slugs, folder)
        write(folder / "index.html", _index(built, pdf))
        if pdf:
            build_handouts(folder, [d.slug for d in built], browser)
        verify(folder)
    return out


def _write(root: Path, slugs: list[str], out: Path) -> list:
    copy_static(root, out / STATIC)
    found = decks(root, slugs)
    names = {d.slug for d in found}
    for deck in found:
        notebooks = {lang: nbformat.read(deck.notebooks[lang], as_version=4) for lang in LANGS}
        try:
            planned = plan(notebooks)
        except ValueError as err:
            raise AssetError(f"{deck.slug}: {err}") from None
        for lang in LANGS:
            page = deck_page(planned[lang], lesson_label(deck.slug, lang), lang, f"../{STATIC}")
            write(out / lang / deck.html_name, link_lessons(page, names))
    return found


def build_handouts(out: Path, slugs: list[str], browser=None) -> list[Path]:
    """out/pdf/{lang}/<slug>.pdf (one page per slide) and <slug>.notes.pdf (each slide followed by a page of its
    speaker notes), printed offline by Chromium through Playwright from the decks in out/{lang}."""
    from course_utils.build.handouts import print_decks

    jobs = []
    for lang in LANGS:
        for slug in slugs:
            deck = out / lang / f"{slug}.html"
            jobs.append((deck, out / "pdf" / lang / f"{slug}.pdf", False))
            jobs.append((deck, out / "pdf" / lang / f"{slug}.notes.pdf", True))
    return print_decks(jobs, browser)
