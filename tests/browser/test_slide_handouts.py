"""python -m course_utils.build slides --pdf: per deck and language a handout with one page per slide and one with
each slide's speaker notes on the following page, printed offline by Chromium; code is printed in full."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from course_utils.build.slides import build_slides
from course_utils.i18n import LANGS

pytestmark = pytest.mark.browser
pypdf = pytest.importorskip("pypdf", reason='pypdf is not installed: pip install -e ".[test,browser]"')

ROOT = Path(__file__).resolve().parents[2]
LECTURER_NOTE = {"ko": "강의 노트.", "en": "Lecturer's note."}


class _Deck(HTMLParser):
    """Slides, their titles, speaker notes and code lines, as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.slides, self.notes, self.code_lines, self.titles = 0, [], [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "section":
            self.slides += 1
        elif tag == "aside" and "notes" in classes:
            self._in, self.notes = "notes", self.notes + [""]
        elif tag == "span" and classes == "line":
            self._in, self.code_lines = "line", self.code_lines + [""]
        elif tag in ("h1", "h2") and self._in is None:
            self._in, self.titles = "title", self.titles + [""]

    def handle_endtag(self, tag):
        if (tag, self._in) in (("aside", "notes"), ("span", "line"), ("h1", "title"), ("h2", "title")):
            self._in = None

    def handle_data(self, data):
        if self._in == "notes":
            self.notes[-1] += data
        elif self._in == "line":
            self.code_lines[-1] += data
        elif self._in == "title":
            self.titles[-1] += data


def _squeeze(text: str) -> str:
    """Letters and digits only: PDF text has no spaces where lines wrap and its own quotes and ligatures."""
    return re.sub(r"\W+", "", text.replace("ﬁ", "fi").replace("ﬂ", "fl"))


@pytest.fixture(scope="module")
def built(tmp_path_factory, chromium):
    if shutil.which("npm") is None and not any((ROOT / "build" / "vendor").glob("*/node_modules")):
        pytest.skip("npm not found: the slide build takes reveal.js and MathJax from the npm registry")
    lessons = sorted(p.stem for p in (ROOT / "notebooks" / "src").glob("*.py"))
    return build_slides(ROOT, lessons, tmp_path_factory.mktemp("handouts") / "slides", pdf=True, browser=chromium)


def test_handouts(built):
    report = []
    for lang in LANGS:
        for html in sorted((built / lang).glob("*.html")):
            deck = _Deck()
            deck.feed(html.read_text(encoding="utf-8"))
            plain = pypdf.PdfReader(built / "pdf" / lang / f"{html.stem}.pdf")
            noted = pypdf.PdfReader(built / "pdf" / lang / f"{html.stem}.notes.pdf")
            where = f"{lang}/{html.stem}"
            assert len(plain.pages) == deck.slides, f"{where}: {len(plain.pages)} pages for {deck.slides} slides"
            with_notes = sum(1 for n in deck.notes if n.strip())
            # each slide, then a page of its notes (a long note may take two)
            assert deck.slides + with_notes <= len(noted.pages) <= deck.slides + 2 * with_notes + 1, where
            text = _squeeze("".join(p.extract_text() for p in plain.pages))
            assert _squeeze(deck.titles[0]) in text, f"{where}: the title is not in the PDF"
            longest = max(deck.code_lines, key=len, default="")
            assert _squeeze(longest) in text, f"{where}: the longest code line is cut: {longest!r}"
            notes_text = _squeeze("".join(p.extract_text() for p in noted.pages))
            # the lecturer's note (a cell tagged "notes") is in the notes only, never on a slide
            label = _squeeze(LECTURER_NOTE[lang])
            lecturer = next(_squeeze(re.sub(r"\$[^$]*\$", "", n)) for n in deck.notes if label in _squeeze(n))
            snippet = lecturer[lecturer.index(label):][:30]  # typeset math is not text
            assert snippet in notes_text, f"{where}: the speaker notes are not in the notes PDF"
            assert snippet not in text, f"{where}: the plain PDF carries speaker notes"
            report.append(f"{where}: {len(plain.pages)} pages, {len(noted.pages)} with notes")
    print("\n" + "\n".join(report))
