"""The slide plan of every lesson (course_utils.build.deck), without a browser: the same slides in both languages,
clean code, no widget reprs or tracebacks, notes on every content slide. (tests/browser/test_slides_fit.py
measures the built decks.)"""

from pathlib import Path

import nbformat
import pytest

from course_utils.build.deck import MARKER_LINE, clean_code, plan, summary
from course_utils.i18n import LANGS

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.stem for p in (ROOT / "notebooks" / "src").glob("*.py"))


@pytest.fixture(scope="module")
def plans():
    return {slug: plan({lang: nbformat.read(ROOT / "notebooks" / lang / f"{slug}.ipynb", as_version=4)
                        for lang in LANGS}) for slug in LESSONS}


def test_ko_and_en_decks_have_the_same_slides_in_the_same_order(plans):
    for slug, decks in plans.items():
        shapes = {lang: [(s.level, [b.kind for b in s.blocks]) for s in decks[lang]] for lang in LANGS}
        assert shapes["ko"] == shapes["en"], slug
        code = {lang: [b.content for s in decks[lang] for b in s.blocks if b.kind == "code"] for lang in LANGS}
        assert code["ko"] == code["en"], f"{slug}: the shared code differs between the decks"


def test_slides_show_no_test_markers_widget_reprs_or_tracebacks(plans):
    for slug, decks in plans.items():
        for lang, slides in decks.items():
            for slide in slides:
                for block in slide.blocks:
                    where = f"{lang}/{slug}: {slide.title}"
                    if block.kind == "code":
                        assert not any(MARKER_LINE.match(line) for line in block.content.splitlines()), where
                    if block.kind in ("text", "error"):
                        assert "Traceback" not in block.content and "Widget(" not in block.content, where
                        assert not any(name in block.content for name in ("Explorer(", "Stepper(", "Calculator(")), where
                    if block.kind == "error":
                        assert "\n" not in block.content, where


def test_every_content_slide_has_notes_and_headings_open_slides(plans):
    for slug, decks in plans.items():
        for lang, slides in decks.items():
            assert slides[0].level == 1, f"{lang}/{slug}: the deck does not open with the lesson's title"
            for slide in slides:
                if slide.blocks:
                    assert any(n.strip() for n in slide.notes), f"{lang}/{slug}: {slide.title} has no notes"
                assert not any(b.kind == "prose" and b.content.lstrip().startswith("#") for b in slide.blocks)


def test_the_slide_shows_the_first_sentence_and_the_notes_the_paragraph():
    paragraph = "Multiply by $C^\\top$. It restores the size (e.g. 4×4), not the values."
    assert summary(paragraph) == "Multiply by $C^\\top$."
    assert summary("전치 합성곱은 $C^\\top$를 곱합니다. 크기만 되돌립니다.") == "전치 합성곱은 $C^\\top$를 곱합니다."
    assert summary("One sentence (with a stop. inside) only") == "One sentence (with a stop. inside) only"
    assert summary("Use `x.view(1, 1)`. Then go on.") == "Use `x.view(1, 1)`."
    assert summary("See e.g. lesson 02 for this. Next.") == "See e.g. lesson 02 for this."


def test_code_on_slides_loses_only_marker_lines():
    source = "# NBVAL_IGNORE_OUTPUT\n# reason: timings\nx = 1  # NBVAL_ stays inside a line\n\nprint(x)\n"
    assert clean_code(source) == ["x = 1  # NBVAL_ stays inside a line", "", "print(x)"]


def test_the_theme_keeps_the_case_of_headings():
    css = (ROOT / "course_utils" / "build" / "slides_static" / "deck.css").read_text(encoding="utf-8")
    assert "text-transform: none" in css and "uppercase" not in css


def _figure_lesson(metadata: dict, size=(400, 200)):
    """A one-heading lesson whose one code cell shows a 2x PNG of size (pixels) with the given metadata."""
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    output = nbformat.v4.new_output("display_data", data={"image/png": png}, metadata={"image/png": metadata})
    cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("figure()", outputs=[output])]
    return {lang: nbformat.v4.new_notebook(cells=cells) for lang in LANGS}


def test_a_figure_gets_the_room_its_smallest_label_needs():
    from course_utils.build.deck import FIGURE_TEXT, HEIGHT, WIDTH

    small = plan(_figure_lesson({"width": 300, "height": 200, "min_text_px": 10.0}))["en"]
    image = next(b for s in small for b in s.blocks if b.kind == "image")
    assert image.height == pytest.approx(200 * FIGURE_TEXT / 10.0)
    assert image.content["text_px"] == 10.0 and (image.content["width"], image.content["height"]) == (300, 200)
    wide = plan(_figure_lesson({"width": 1000, "height": 100, "min_text_px": 10.0}))["en"]
    image = next(b for s in wide for b in s.blocks if b.kind == "image")
    assert 1000 * FIGURE_TEXT / 10.0 > WIDTH and image.height > HEIGHT - 100  # the whole slide under its title


def test_a_figure_split_for_the_slides_shows_one_part_a_slide():
    boxes = [[0, 0, 100, 100], [100, 0, 200, 100]]
    slides = plan(_figure_lesson({"width": 200, "height": 100, "min_text_px": 10.0, "slide_parts": boxes}))["ko"]
    parts = [b for s in slides for b in s.blocks if b.kind == "image"]
    assert len(parts) == 2 and all(sum(b.kind == "image" for b in s.blocks) <= 1 for s in slides)
    assert [(p.content["width"], p.content["height"]) for p in parts] == [(100, 100), (100, 100)]  # no gap, no pad
    from course_utils.build.deck import PART_PAD, _margins

    assert _margins([[10, 10, 50, 40], [10, 46, 50, 90]], 100, 100) == [
        (10 - PART_PAD, 10 - PART_PAD, 50 + PART_PAD, 43), (10 - PART_PAD, 43, 50 + PART_PAD, 90 + PART_PAD)]


def test_a_long_output_keeps_its_header_verdicts_and_total():
    from course_utils.build.deck import excerpt

    table = ["layer  params", "-------------", *(f"l{i}     {i}" for i in range(30)), "total  435"]
    shown = excerpt("\n".join(table) + "\n", 8).splitlines()
    assert shown[:2] == table[:2] and shown[-1] == "total  435" and len(shown) == 8
    assert shown[-2] == f"⋯ (+{30 - 4})" and shown[2:6] == table[2:6]
    claims = "\n".join([*(f"step {i}" for i in range(20)), "same as PyTorch: True", "  detail"])
    shown = excerpt(claims, 5).splitlines()
    assert shown == ["step 0", "step 1", "⋯ (+18)", "same as PyTorch: True", "⋯ (+1)"]
    assert excerpt("short\n", 5) == "short\n"
