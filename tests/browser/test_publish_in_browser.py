"""The offline decks and the static site in Chromium with every non-file request blocked: nothing remote is
asked for, no file is missing, no console error, math typeset, figures loaded, reveal.js running; on the site,
search finds a Korean and an English term, dark mode renders, figures have alt text, pages fit a phone, and
axe-core finds no serious or critical accessibility violation, nor content outside landmarks, on any page."""

import re
import shutil
from pathlib import Path

import pytest

from course_utils.build.assets import node_modules
from course_utils.build.site import build_site
from course_utils.build.slides import build_slides

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ["00_course_map", "01_why_upsampling"]
SITE_LESSONS = ["00_course_map", "03_output_size", "04_checkerboard"]
SEARCHES = {"ko": ("체커보드", "04_checkerboard"), "en": ("output_padding", "03_output_size")}
PLACEHOLDER_ALT = ("No description has been provided", "_images/", ".png")
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
    return build_slides(ROOT, LESSONS, out / "slides"), build_site(ROOT, SITE_LESSONS, out / "site")


def site_pages(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang).glob("*.html"))


def offline_page(chromium, **options):
    """A page that may load only file: and data: addresses (it records any other it asked for)."""
    page = chromium.new_page(**{"viewport": {"width": 1280, "height": 720}, **options})
    page.remote = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            page.remote.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page


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
def test_decks_work_offline(chromium, built, lang):
    for name in LESSONS:
        state = open_offline(chromium, built[0] / lang / f"{name}.html")
        where = f"slides/{lang}/{name}"
        assert state["remote"] == [] and state["failed"] == [] and state["console"] == [], (where, state)
        assert state["brokenImages"] == 0 and state["failedFonts"] == [], (where, state)
        assert state["reveal"] is True, where
        if name == "00_course_map":
            assert state["math"] > 0, f"{where}: no formula was typeset"
        else:
            assert state["images"] > 0, f"{where}: the figure is missing"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_site_page_works_offline(chromium, built, lang):
    site = built[1]
    pages = [site / "index.html", *site_pages(site, lang)]
    assert {p.stem for p in pages} >= {"index", "search", *SITE_LESSONS}
    for path in pages:
        state = open_offline(chromium, path)
        where = path.relative_to(site)
        assert state["remote"] == [] and state["failed"] == [] and state["console"] == [], (where, state)
        assert state["brokenImages"] == 0 and state["failedFonts"] == [], (where, state)
        if path.stem == "00_course_map":
            assert state["math"] > 0, f"{where}: no formula was typeset"
        if path.stem in SITE_LESSONS[1:]:
            assert state["images"] > 0, f"{where}: the figures are missing"


PHONE = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  const page = document.scrollingElement;
  const scrolls = e => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
  return {
    overflow: page.scrollWidth - page.clientWidth,
    cutFormulas: [...document.querySelectorAll("span.math, div.math mjx-container")]
      .filter(m => m.scrollWidth > m.clientWidth + 1 && !scrolls(m)).map(m => m.textContent.slice(0, 40)),
    figures: [...document.querySelectorAll(".cell_output img")].map(i => ({
      src: i.getAttribute("src"), shown: i.getBoundingClientRect().width, drawn: +i.getAttribute("width"),
      link: i.closest("a") ? i.closest("a").getAttribute("href") : null,
      scrolls: scrolls(i.closest(".cell_output")),
    })),
  };
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_site_pages_fit_a_phone(chromium, built, lang):
    """At 390×844 no page scrolls sideways: a wide formula scrolls inside its own block, and a figure keeps its
    1x size (its labels as drawn) inside an output that scrolls, and links to its full-resolution image."""
    site = built[1]
    problems, figures = [], 0
    for path in [site / "index.html", *site_pages(site, lang)]:
        page = offline_page(chromium, viewport={"width": 390, "height": 844}, device_scale_factor=2)
        try:
            page.goto(path.as_uri(), wait_until="load")
            state = page.evaluate(PHONE)
        finally:
            page.close()
        where = path.relative_to(site)
        if state["overflow"] > 0:
            problems.append(f"{where}: the page is {state['overflow']} px wider than the phone")
        problems += [f"{where}: formula cut off: {text!r}" for text in state["cutFormulas"]]
        for figure in state["figures"]:
            figures += 1
            if figure["shown"] < figure["drawn"] - 0.5 or not figure["scrolls"] or figure["link"] != figure["src"]:
                problems.append(f"{where}: {figure}")
    assert figures > 0 and problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_finds_terms_offline(chromium, built, lang):
    term, lesson = SEARCHES[lang]
    page = offline_page(chromium)
    try:
        page.goto((built[1] / lang / "search.html").as_uri() + f"?q={term}", wait_until="load")
        page.wait_for_selector("#search-results li a", timeout=20_000)
        found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    finally:
        page.close()
    assert page.remote == []
    assert any(href.startswith(f"{lesson}.html") for href in found), (term, found)


def test_dark_mode_renders(chromium, built):
    page = offline_page(chromium, color_scheme="dark")
    try:
        page.goto((built[1] / "ko" / "03_output_size.html").as_uri(), wait_until="load")
        page.wait_for_timeout(300)
        theme = page.evaluate("() => document.documentElement.dataset.theme")
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        text = page.evaluate("() => getComputedStyle(document.querySelector('.bd-article p')).color")
    finally:
        page.close()
    channels = lambda colour: [int(c) for c in re.findall(r"\d+", colour)[:3]]
    assert theme == "dark"
    assert sum(channels(background)) < 150 and sum(channels(text)) > 450, (background, text)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_figures_have_alt_text_in_the_readers_language(chromium, built, lang):
    missing = []
    for name in SITE_LESSONS:
        page = offline_page(chromium)
        try:
            page.goto((built[1] / lang / f"{name}.html").as_uri(), wait_until="load")
            alts = page.eval_on_selector_all(".cell_output img", "imgs => imgs.map(i => i.alt)")
        finally:
            page.close()
        missing += [f"{name}: {alt!r}" for alt in alts
                    if not alt.strip() or any(p in alt for p in PLACEHOLDER_ALT)
                    or (lang == "ko") != bool(re.search(r"[\uac00-\ud7a3]", alt))]
    assert missing == []


def test_no_serious_accessibility_violations(chromium, built):
    """axe-core (npm, course_utils/build/npm) injected from disk into every page of both languages: nothing
    serious or critical, and every part of a page inside a landmark (the rule region)."""
    axe = node_modules(ROOT) / "axe-core" / "axe.min.js"
    site, summary, serious = built[1], {}, []
    pages = [site / "index.html", *site_pages(site, "ko"), *site_pages(site, "en")]
    for path in pages:
        page = offline_page(chromium)
        try:
            page.goto(path.as_uri(), wait_until="load")
            page.add_script_tag(path=str(axe))
            violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]}))
                .violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                       target: v.nodes[0].target.join(" ")}))""")
        finally:
            page.close()
        for v in violations:
            summary[f'{v["impact"]} {v["id"]}'] = summary.get(f'{v["impact"]} {v["id"]}', 0) + v["nodes"]
            if v["impact"] in ("serious", "critical") or v["id"] == "region":  # region: content outside landmarks
                serious.append(f"{path.relative_to(site)}: {v['id']} ({v['impact']}, {v['nodes']}x, {v['target']})")
    print(f"axe-core on {len(pages)} pages: violations (impact rule: elements) {summary or 'none'}")
    assert serious == [], "\n".join(serious)
