"""Every lesson, in both languages, as a learner meets it: JupyterLab in Chromium, Run All, then look.

All browser tests live in this one module, so pytest-xdist (--dist loadscope) runs them on one worker, with one
JupyterLab server and one browser page. Skip them with `-m "not browser"`. Screenshots: build/screenshots.
"""

import ast
import json
import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("ko", "en")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[^\W\d_]")
FIGURE_REPR = re.compile(r"^<Figure size [\d.]+x[\d.]+ with \d+ Axes>$")
LOAD_TIMEOUT_MS = 120_000
RUN_TIMEOUT_MS = 300_000
WIDGET_TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOT_MAX_HEIGHT = 16_000
PAGE_SCRIPT = Path(__file__).with_name("lesson_page.js")


def stored_notebooks():
    """notebooks/{ko,en}/*.ipynb at collection time, as 'ko/01_why_upsampling.ipynb'."""
    return [f"{lang}/{path.name}" for lang in LANGS for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb"))]


def has_widgets(relative: str) -> bool:
    nb = json.loads((ROOT / "notebooks" / relative).read_text(encoding="utf-8"))
    return any(WIDGET_MIME in out.get("data", {}) for cell in nb["cells"] for out in cell.get("outputs", []))


NOTEBOOKS = stored_notebooks()
KOREAN = [nb for nb in NOTEBOOKS if nb.startswith("ko/")]
WITH_WIDGETS = [nb for nb in NOTEBOOKS if has_widgets(nb)]


class LabPage:
    """One JupyterLab page for the whole session; notebooks are opened in it one at a time."""

    def __init__(self, browser, lab):
        self.browser, self.lab = browser, lab
        self.problems = []
        self.page = None

    def load(self):
        context = self.browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="en-US")
        self.page = context.new_page()
        self.page.add_init_script(path=str(PAGE_SCRIPT))
        self.page.on("pageerror", lambda err: self.problems.append(f"uncaught error in the page: {err}"))
        self.page.route("**/*", self._offline_only)
        self.page.goto(f"{self.lab.url}/lab?reset&token={self.lab.token}", timeout=LOAD_TIMEOUT_MS)
        self.page.wait_for_function("() => Boolean(window.jupyterapp)", timeout=LOAD_TIMEOUT_MS, polling=250)
        self.page.evaluate("() => lessonPage.appReady()")
        self.page.evaluate("() => window.jupyterapp.shell.collapseLeft()")  # the file browser takes no width

    def _offline_only(self, route):
        if not route.request.url.startswith(self.lab.url):
            self.problems.append(f"request outside the server: {route.request.url}")
            return route.abort()
        return route.continue_()

    def reload(self):
        """After a failure, start again from a fresh page (and no notebook open)."""
        self.page.context.close()
        self.load()

    def close(self):
        self.page.context.close()


@pytest.fixture(scope="session")
def lab_page(lab, chromium):
    page = LabPage(chromium, lab)
    page.load()
    yield page
    page.close()


class OpenLesson:
    """One lesson open in JupyterLab after Run All: what the page shows, and the page to interact with it."""

    def __init__(self, relative, page, run_result, cells, glyphs, problems):
        self.relative = relative
        self.lang = relative.split("/")[0]
        self.page = page
        self.run_result = run_result
        self.cells = cells
        self.glyphs = glyphs
        self.page_problems = problems

    def code_cells(self):
        return [c for c in self.cells if c["type"] == "code"]

    def kernel_expression(self, expression: str):
        found = self.page.evaluate("(e) => lessonPage.kernelExpression(e)", expression)
        if "error" in found:
            raise AssertionError(f"{self.relative}: the kernel could not evaluate {expression!r}: {found['error']}")
        return found["value"]


def where(relative, cell):
    first = cell["source"].strip().splitlines()[0] if cell["source"].strip() else ""
    return f"{relative} cell {cell['index'] + 1} ({first[:60]!r})"


def take_screenshots(page, target: Path) -> list[Path]:
    """The whole notebook: grow the window to its height (in parts when taller than SCREENSHOT_MAX_HEIGHT)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob(f"{target.stem}*.png"):
        old.unlink()
    scroller = page.evaluate_handle("() => lessonPage.scroller()")
    chrome = VIEWPORT["height"] - scroller.evaluate("n => n.clientHeight")
    total = scroller.evaluate("n => n.scrollHeight")
    height = min(total + chrome, SCREENSHOT_MAX_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    paths, offset, part = [], 0, 1
    try:
        while True:
            path = target if part == 1 else target.with_name(f"{target.stem}-{part}.png")
            scroller.evaluate("(n, y) => n.scrollTo(0, y)", offset)
            page.wait_for_timeout(300)
            page.screenshot(path=str(path))
            paths.append(path)
            offset += height - chrome
            part += 1
            if offset >= total:
                return paths
    finally:
        page.set_viewport_size(VIEWPORT)


@pytest.fixture(scope="module", params=NOTEBOOKS)
def lesson(request, lab_page, screenshots):
    """Open the lesson with a fresh kernel, Run All, wait until everything is shown, screenshot it; close it."""
    relative = request.param
    page = lab_page.page
    lab_page.problems.clear()
    times, started = {}, time.perf_counter()

    def lap(name):
        times[name] = round(time.perf_counter() - started - sum(times.values()), 1)

    try:
        page.evaluate("(p) => lessonPage.open(p)", relative)
        page.wait_for_function("() => lessonPage.kernelIdle()", timeout=LOAD_TIMEOUT_MS, polling=200)
        lap("open")
        page.set_default_timeout(RUN_TIMEOUT_MS)
        run_result = page.evaluate("() => lessonPage.runAll()")
        page.wait_for_function("() => lessonPage.widgetsSettled()", timeout=WIDGET_TIMEOUT_MS, polling=200)
        lap("run")
        cells = page.evaluate("() => lessonPage.report()")
        glyphs = page.evaluate("() => lessonPage.missingGlyphs(null, '.jp-RenderedMarkdown, .jp-OutputArea-output')")
        lap("inspect")
        lang, name = relative.split("/")
        take_screenshots(page, screenshots / lang / name.replace(".ipynb", ".png"))
        lap("screenshot")
        print(f"{relative}: seconds {times}")
    except Exception:
        print(f"JupyterLab log:\n{lab_page.lab.log_tail()}")
        lab_page.reload()
        raise
    finally:
        page.set_default_timeout(30_000)
    yield OpenLesson(relative, page, run_result, cells, glyphs, list(lab_page.problems))
    try:
        page.evaluate("() => lessonPage.close()")
    except Exception:
        lab_page.reload()
        raise


def test_every_code_cell_ran(lesson):
    skipped = [where(lesson.relative, c) for c in lesson.code_cells() if c["executionCount"] is None]
    assert not skipped, f"Run All did not run: {skipped} (Run All returned {lesson.run_result!r})"


def test_no_error_outputs(lesson):
    wrong = []
    for cell in lesson.code_cells():
        errors = [o for o in cell["outputs"] if o["type"] == "error"]
        stderr = [o for o in cell["outputs"] if o["type"] == "stream" and o["name"] == "stderr"]
        on_purpose = "raises-exception" in cell["tags"]
        if errors and not on_purpose:
            wrong += [f"{where(lesson.relative, cell)}: {e['ename']}: {e['evalue']}" for e in errors]
        if on_purpose and not errors:
            wrong.append(f"{where(lesson.relative, cell)}: tagged raises-exception but shows no error")
        wrong += [f"{where(lesson.relative, cell)}: stderr: {s['text']!r}" for s in stderr]
    assert not wrong, "\n".join(wrong)


def test_page_stays_offline_and_error_free(lesson):
    assert not lesson.page_problems, "\n".join(lesson.page_problems)


def test_widgets_render_as_widgets(lesson):
    wrong = []
    for cell in lesson.code_cells():
        for out, shown in zip(cell["outputs"], cell["rendered"]):
            if "Error displaying widget" in shown["text"] or "Loading widget..." in shown["text"]:
                wrong.append(f"{where(lesson.relative, cell)} shows {shown['text'][:200]!r}")
            elif out["modelId"] and (shown["mime"] not in (None, WIDGET_MIME) or not shown["widgets"]
                                     or not shown["height"]):
                wrong.append(f"{where(lesson.relative, cell)}: a widget shown as {shown['mime']}: "
                             f"{shown['text'][:200]!r}")
        if len(cell["outputs"]) != len(cell["rendered"]):
            wrong.append(f"{where(lesson.relative, cell)}: {len(cell['outputs'])} outputs, "
                         f"{len(cell['rendered'])} shown")
    assert not wrong, "\n".join(wrong)


def test_figures_render_as_images(lesson):
    wrong = []
    for cell in lesson.code_cells():
        for shown in cell["rendered"]:
            if shown["mime"] == "text/plain" and FIGURE_REPR.match(shown["text"].strip()):
                wrong.append(f"{where(lesson.relative, cell)}: a figure shown as text {shown['text']!r}")
            wrong += [f"{where(lesson.relative, cell)}: an empty image {size}" for size in shown["images"]
                      if not all(size)]
    assert not wrong, "\n".join(wrong)


def test_markdown_renders_cleanly(lesson):
    wrong = [f"{where(lesson.relative, c)}: {p}" for c in lesson.cells if c["type"] == "markdown"
             for p in c["problems"]]
    assert not wrong, "\n".join(wrong)


def test_every_character_has_a_glyph(lesson):
    found = lesson.glyphs
    assert found["checked"], f"{lesson.relative}: no non-ASCII text found to check"
    missing = sorted({f"{m['ch']} {m['code']}" for m in found["missing"]})
    assert not missing, (
        f"{lesson.relative}: shown as boxes (no installed font has them): {missing}; fonts asked for: "
        f"{sorted({m['font'] for m in found['missing']})}. Hangul needs fonts-noto-cjk (or fonts-nanum), "
        "emoji need fonts-noto-color-emoji")


@pytest.mark.parametrize("lesson", KOREAN, indirect=True)
def test_korean_headings_contain_hangul(lesson):
    headings = [h for c in lesson.cells if c["type"] == "markdown" for h in c["headings"]]
    assert headings, f"{lesson.relative}: no rendered headings"
    # Code and math in a heading need no translation; any other words must be Korean.
    without = [h["text"] for h in headings if WORD.search(h["prose"]) and not HANGUL.search(h["prose"])]
    assert not without, f"{lesson.relative}: headings with words but no Hangul: {without}"


# --- Widgets: move a control as a learner would, then compare what is shown with what it should be ---

CONTROLS = ".widget-slider .noUi-handle, select, .widget-radio-box input, .widget-toggle-button, button.jupyter-button"
KERNEL_WIDGET = (
    "__import__('json').dumps([[type(w).__name__, getattr(w, 'text', None), "
    "w.values() if callable(getattr(w, 'values', None)) else None] "
    "for w in list(globals().values()) if getattr(w, 'model_id', None) == {model_id!r}])"
)


def transposed_size(I, K, S, P, P_out, D):
    """ConvTranspose2d's output size, written out here independently of course_utils."""
    return (I - 1) * S - 2 * P + D * (K - 1) + P_out + 1


def overlap_counts(input_size, kernel_size, stride, padding):
    """How many inputs are added into each output cell of a 1-D transposed convolution (scatter, then crop)."""
    full = [0] * ((input_size - 1) * stride + kernel_size)
    for i in range(input_size):
        for k in range(kernel_size):
            full[i * stride + k] += 1
    return full[padding:len(full) - padding]


def expected_size_calculator(values):
    I, K, S, P, P_out, D = (values[n] for n in ("I", "K", "S", "P", "P_out", "D"))
    if not (P_out < S or P_out < D) or transposed_size(I, K, S, P, P_out, D) < 1:
        return []  # a broken rule: the message is compared with the kernel's only
    return [f"= {transposed_size(I, K, S, P, P_out, D)}"]


def expected_overlap_explorer(values):
    counts = overlap_counts(values["input_size"], values["kernel_size"], values["stride"], values["padding"])
    return [" ".join(str(c) for c in counts)] if counts else []


# What an explorer's shown text must contain, computed here from its control values (by explorer class).
EXPECTED = {"SizeCalculator": expected_size_calculator, "OverlapExplorer": expected_overlap_explorer}


def output_node(lesson, cell, number):
    return lesson.page.locator(f'[data-lesson-output="{cell["index"]}-{number}"]')


def first_interactive_widget(lesson):
    """(cell, output number, model id) of the first widget output that has a control to move."""
    for cell in lesson.code_cells():
        for number, out in enumerate(cell["outputs"]):
            if out["modelId"] and output_node(lesson, cell, number).locator(CONTROLS).count():
                return cell, number, out["modelId"]
    raise AssertionError(f"{lesson.relative}: widget outputs, but none with a slider, list or button")


def kernel_widget(lesson, model_id):
    """[class name, text, control values] of the kernel's widget with this model id (None if not a global)."""
    found = json.loads(ast.literal_eval(lesson.kernel_expression(KERNEL_WIDGET.format(model_id=model_id))))
    return found[0] if found else None


def move(control):
    """One step of a slider (back when at its end), the next option of a list, or a click."""
    kind = control.evaluate("n => n.matches('.noUi-handle') ? 'slider' : n.tagName.toLowerCase()")
    if kind == "slider":
        at_end = float(control.get_attribute("aria-valuenow")) >= float(control.get_attribute("aria-valuemax"))
        control.focus()
        control.press("ArrowLeft" if at_end else "ArrowRight")
    elif kind == "select":
        count = control.locator("option").count()
        control.select_option(index=(control.evaluate("n => n.selectedIndex") + 1) % count)
    else:
        control.click()


def widget_text(node):
    return node.evaluate("n => lessonPage.widgetText(n)")


@pytest.mark.parametrize("lesson", WITH_WIDGETS, indirect=True)
def test_moving_a_widget_control_updates_its_result(lesson):
    cell, number, model_id = first_interactive_widget(lesson)
    node = output_node(lesson, cell, number)
    node.scroll_into_view_if_needed()
    before = widget_text(node)
    controls = node.locator(CONTROLS)
    for position in range(controls.count()):
        move(controls.nth(position))
        # The kernel has applied the move once it answers a request sent after the widget's update message.
        kernel = kernel_widget(lesson, model_id)
        if kernel and kernel[1] is not None:  # an explorer: the page must come to show the kernel's new text
            try:
                lesson.page.wait_for_function("([n, t]) => lessonPage.widgetText(n) === t",
                                              arg=[node.element_handle(), kernel[1].strip()],
                                              timeout=WIDGET_TIMEOUT_MS, polling=200)
            except Exception as err:
                raise AssertionError(f"{where(lesson.relative, cell)}: after moving control {position + 1} the "
                                     f"page shows\n{widget_text(node)}\nbut the kernel computed\n{kernel[1]}") from err
        else:
            lesson.page.wait_for_timeout(2000)
        shown = widget_text(node)
        if shown != before:
            break
    else:
        raise AssertionError(f"{where(lesson.relative, cell)}: no control changed the shown result {before!r}")
    print(f"{where(lesson.relative, cell)}: moved control {position + 1}; shown\n{before}\n->\n{shown}")

    assert "Error displaying widget" not in shown and "Traceback" not in shown, shown
    if kernel and kernel[0] in EXPECTED:
        values = kernel[2]
        readouts = [r.strip() for r in node.locator(".widget-readout").all_inner_texts()]
        assert readouts == [str(v) for v in values.values()][: len(readouts)], (
            f"the sliders show {readouts}, the kernel has {values}")
        for part in EXPECTED[kernel[0]](values):
            assert part in shown, f"{kernel[0]} with {values}: expected {part!r} in the shown result:\n{shown}"
            print(f"{kernel[0]} with {values}: shows {part!r} as expected")
    images = node.evaluate("n => Array.from(n.querySelectorAll('img')).map(i => i.naturalWidth)")
    assert all(images), f"{where(lesson.relative, cell)}: an empty figure after the change"
