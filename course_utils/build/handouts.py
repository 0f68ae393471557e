"""PDF handouts of the decks, printed offline by Debian's Chromium through Playwright (reveal.js ?print-pdf)."""

import os
from pathlib import Path

from course_utils.build.assets import AssetError

__all__ = ["CHROMIUM", "print_decks"]

CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check"]
READY = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  for (let i = 0; i < 100 && !document.querySelector('.pdf-page'); i++) await new Promise(r => setTimeout(r, 50));
  return document.querySelectorAll('.pdf-page').length;
}"""


def print_decks(jobs: list[tuple[Path, Path, bool]], browser=None) -> list[Path]:
    """For each (deck.html, target.pdf, with_notes): one page per slide, each followed by a page of its
    speaker notes when with_notes; code is printed in full (slides never scroll or clip it).

    browser: a Playwright Chromium browser to use (the tests pass theirs); by default Debian's Chromium is started.
    AssetError when Chromium or Playwright is missing (apt-get install chromium; pip install -e ".[browser]").
    Nothing is fetched from the network: every request that is not a local file is refused.
    """
    if browser is not None:
        return [_print(browser, *job) for job in jobs]
    if not CHROMIUM.exists():
        raise AssetError(f"Chromium not found at {CHROMIUM}: the handouts are printed by Chromium "
                         "(apt-get install chromium fonts-noto-cjk) or set COURSE_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise AssetError('Playwright is not installed: pip install -e ".[browser]"') from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            return [_print(browser, *job) for job in jobs]
        finally:
            browser.close()


def _print(browser, deck: Path, target: Path, with_notes: bool) -> Path:
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        query = "?print-pdf" + ("&showNotes=separate-page" if with_notes else "")
        page.goto(deck.as_uri() + query, wait_until="load")
        if not page.evaluate(READY):
            raise AssetError(f"{deck}: reveal.js did not lay out the pages to print")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    return target
