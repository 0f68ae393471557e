"""Every slide of every deck, in both languages, at 1280×720 and 1920×1080: nothing sticks out of the slide,
body text ≥ 28 px, code/tables ≥ 22 px and figure labels ≥ 18 px as projected at 1280×720, → alone visits every
slide in order, every content slide has speaker notes, and the ko and en decks have the same number of slides.

A figure's label size is the smallest font the notebook recorded for the PNG (metadata image/png min_text_px,
course_utils.notebook) times the scale the slide shows the picture at. COURSE_SLIDE_DECKS="02 04" checks only
those lessons' decks (while working on them; the full run checks all).

One browser, one page per deck and size, stepping with the Reveal API (the → walk uses the keyboard). Screenshots
of a sample of slides go to build/screenshots/slides/<lang>/<lesson>/ for people to look at.
"""

import os
import shutil
import time
from pathlib import Path

import pytest

from course_utils.build.slides import build_slides
from course_utils.i18n import LANGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIT = (Path(__file__).with_name("deck_fit.js")).read_text(encoding="utf-8")
SIZES = [(1280, 720), (1920, 1080)]
MIN_BODY, MIN_CODE, MIN_FIGURE_TEXT = 28.0, 22.0, 18.0
WALKED = ("02", "04", "05")  # decks walked with → only, every slide photographed
READY = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  return Reveal.isReady() ? Reveal.getTotalSlides() : -1;
}"""


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    if shutil.which("npm") is None and not any((ROOT / "build" / "vendor").glob("*/node_modules")):
        pytest.skip("npm not found: the slide build takes reveal.js and MathJax from the npm registry")
    lessons = sorted(p.stem for p in (ROOT / "notebooks" / "src").glob("*.py"))
    chosen = os.environ.get("COURSE_SLIDE_DECKS", "").split()
    lessons = [slug for slug in lessons if not chosen or slug[:2] in chosen]
    return build_slides(ROOT, lessons, tmp_path_factory.mktemp("decks") / "slides")


def _open(chromium, path: Path, size: tuple[int, int]):
    page = chromium.new_page(viewport={"width": size[0], "height": size[1]})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri(), wait_until="load")
    total = page.evaluate(READY)
    assert total > 0, f"{path}: reveal.js did not start"
    return page, total


def test_every_slide_fits(chromium, decks):
    started = time.perf_counter()
    shots = ROOT / "build" / "screenshots" / "slides"
    shutil.rmtree(shots, ignore_errors=True)
    failures, checked, min_body, min_code, tallest, counts = [], 0, 1e9, 1e9, 0, {}
    min_figure, figures = {}, 0
    for lang in LANGS:
        for deck in sorted((decks / lang).glob("*.html")):
            for size in SIZES:
                page, total = _open(chromium, deck, size)
                counts[(deck.stem, lang)] = total
                for index in range(total):
                    page.evaluate(f"Reveal.slide({index})")
                    state = page.evaluate(FIT)
                    checked += 1
                    where = f"{lang}/{deck.stem} slide {index + 1}/{total} at {size[0]}×{size[1]}"
                    failures += [f"{where}: {p}" for p in state["problems"]]
                    if state["minBody"] is not None:
                        min_body = min(min_body, state["minBody"])
                        if state["minBody"] < MIN_BODY:
                            failures.append(f"{where}: body text {state['minBody']:.1f} px")
                    if state["minCode"] is not None:
                        min_code = min(min_code, state["minCode"])
                        if state["minCode"] < MIN_CODE:
                            failures.append(f"{where}: code or table text {state['minCode']:.1f} px")
                    if state["minFigure"] is not None:
                        figures += 1
                        min_figure[deck.stem] = min(min_figure.get(deck.stem, 1e9), state["minFigure"])
                        if state["minFigure"] < MIN_FIGURE_TEXT:
                            failures.append(f"{where}: figure labels {state['minFigure']:.1f} px")
                    if state["unmeasuredFigures"]:
                        failures.append(f"{where}: a figure without its smallest font size (regenerate the notebook)")
                    tallest = max(tallest, state["height"])
                    if state["content"] and not state["notes"]:
                        failures.append(f"{where}: a content slide without speaker notes")
                    if state["vertical"]:
                        failures.append(f"{where}: vertical sub-slides (→ would skip them)")
                    sample = deck.stem[:2] in WALKED or index % 4 == 0 or index == total - 1
                    if size == SIZES[0] and sample and deck.stem[:2] not in WALKED:
                        folder = shots / lang / deck.stem
                        folder.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(folder / f"{index + 1:02d}.png"))
                page.close()
    for lesson in {slug for slug, _ in counts}:
        if len({counts[(lesson, lang)] for lang in LANGS}) != 1:
            failures.append(f"{lesson}: {', '.join(f'{lang} {counts[(lesson, lang)]}' for lang in LANGS)} slides")
    print(f"\n{checked} slides checked ({len(counts)} decks × {len(SIZES)} sizes); smallest body text "
          f"{min_body:.1f} px, smallest code/table text {min_code:.1f} px (at 1280×720); largest slide content "
          f"height {tallest} px of 720; {time.perf_counter() - started:.0f} s")
    if min_figure:
        print(f"{figures} figure slides; smallest figure label per deck (px at 1280×720): "
              + ", ".join(f"{slug[:2]} {value:.1f}" for slug, value in sorted(min_figure.items())))
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures[:80])


@pytest.mark.parametrize("lang", LANGS)
def test_arrow_key_walks_every_slide(chromium, decks, lang):
    """→ alone, from the first slide: every slide once, in order (photographed: build/screenshots/slides)."""
    shots = ROOT / "build" / "screenshots" / "slides"
    for deck in sorted((decks / lang).glob("*.html")):
        if deck.stem[:2] not in WALKED:
            continue
        page, total = _open(chromium, deck, SIZES[0])
        folder = shots / lang / deck.stem
        folder.mkdir(parents=True, exist_ok=True)
        seen = []
        for step in range(total + 1):
            seen.append(page.evaluate("Reveal.getIndices().h"))
            if step < total:
                page.screenshot(path=str(folder / f"{step + 1:02d}.png"))
            page.keyboard.press("ArrowRight" if step % 2 == 0 else "Space")
            page.wait_for_timeout(20)
        page.close()
        assert seen[:total] == list(range(total)), f"{lang}/{deck.stem}: → visited {seen}"
        assert seen[total] == total - 1, f"{lang}/{deck.stem}: went past the last slide"
