"""The offline decks and the static site in Chromium with every non-file request blocked: nothing remote is
asked for, no file is missing, no console error, math typeset, figures loaded, reveal.js running."""

import shutil
from pathlib import Path

import pytest

from course_utils.build.site import build_site
from course_utils.build.slides import build_slides

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ["00_course_map", "01_why_upsampling"]
STATE = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  const images = [...document.images];
  return {
    math: document.querySelectorAll("mjx-container").length,
    reveal: window.Reveal ? Reveal.isReady() : null,
    brokenImages: images.filter(i => !(i.complete && i.naturalWidth > 0)).length,
    images: images.length,
    failedFonts: [...document.fonts].filter(f => f.status === "error").map(f => f.family),
  };
}"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if shutil.which("npm") is None:
        pytest.skip("npm not found: the slide and site builds take reveal.js and MathJax from the npm registry")
    out = tmp_path_factory.mktemp("published")
    return build_slides(ROOT, LESSONS, out / "slides"), build_site(ROOT, LESSONS, out / "site")


def open_offline(chromium, path: Path) -> dict:
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    remote, failed, console = [], [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            remote.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("console", lambda msg: console.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    try:
        page.goto(path.as_uri(), wait_until="load")
        state = page.evaluate(STATE)
    finally:
        page.close()
    return {"remote": remote, "failed": failed, "console": console, **state}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", ["slides", "site"])
def test_pages_work_offline(chromium, built, kind, lang):
    top = built[0] if kind == "slides" else built[1]
    for name in LESSONS:
        state = open_offline(chromium, top / lang / f"{name}.html")
        where = f"{kind}/{lang}/{name}"
        assert state["remote"] == [] and state["failed"] == [] and state["console"] == [], (where, state)
        assert state["brokenImages"] == 0 and state["failedFonts"] == [], (where, state)
        assert state["reveal"] is (True if kind == "slides" else None), where
        if name == "00_course_map":
            assert state["math"] > 0, f"{where}: no formula was typeset"
        else:
            assert state["images"] > 0, f"{where}: the figure is missing"
