"""Every lesson, in both languages, as a learner meets it: JupyterLab in Chromium, Run All, then look.

Every Korean lesson and every lesson with a widget control runs; the other English lessons (the same code, run by
nbval) are opened with their stored outputs, where a widget shows its text until its kernel runs.

All browser tests live in this one module, so pytest-xdist (--dist loadscope) runs them on one worker, with one
JupyterLab server (serving a temporary copy of notebooks/; nothing is saved) and two JupyterLab pages: while the
tests look at one notebook, the next one runs. Skip them with `-m "not browser"`. Screenshots: build/screenshots.
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
# ipywidgets models a learner moves or clicks (stored in a notebook's widget state by the build)
CONTROL_MODELS = {"IntSliderModel", "FloatSliderModel", "IntRangeSliderModel", "FloatRangeSliderModel",
                  "SelectionSliderModel", "DropdownModel", "RadioButtonsModel", "ToggleButtonsModel",
                  "ToggleButtonModel", "ButtonModel", "SelectModel", "CheckboxModel"}
PAGE_SCRIPT = Path(__file__).with_name("lesson_page.js")


def stored_notebooks():
    """notebooks/{ko,en}/*.ipynb at collection time, as 'ko/01_why_upsampling.ipynb'."""
    return [f"{lang}/{path.name}" for lang in LANGS for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb"))]


def has_controls(relative: str) -> bool:
    """Does the stored notebook show a widget a learner can move (not just a progress bar)?"""
    nb = json.loads((ROOT / "notebooks" / relative).read_text(encoding="utf-8"))
    state = nb.get("metadata", {}).get("widgets", {})
    models = state.get("application/vnd.jupyter.widget-state+json", {}).get("state", {}).values()
    return any(m.get("model_name") in CONTROL_MODELS for m in models)


NOTEBOOKS = stored_notebooks()
KOREAN = [nb for nb in NOTEBOOKS if nb.startswith("ko/")]
WITH_CONTROLS = [nb for nb in NOTEBOOKS if has_controls(nb)]
# Run All for every Korean lesson and every lesson with a control to move; the other English lessons are opened
# with their stored outputs. Their code is the Korean lessons' code (build check), and nbval runs them; here the
# page shows what a reader of the English notebook sees first.
EXECUTED = set(KOREAN) | set(WITH_CONTROLS)


class LabPage:
    """A JupyterLab page that stays open for the session; it runs one notebook at a time."""

    def __init__(self, browser, lab):
        self.browser, self.lab = browser, lab
        self.problems = []
        self.page = None
        self.notebook = None  # the notebook open in this page, if any
        self.ran = False  # whether that notebook was run (else it shows its stored outputs)

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
        self.notebook = None

    def _offline_only(self, route):
        if not route.request.url.startswith(self.lab.url):
            self.problems.append(f"request outside the server: {route.request.url}")
            return route.abort()
        return route.continue_()

    def start(self, relative, run=None):
        """Open the notebook with a fresh kernel and start Run All (by default for EXECUTED lessons); returns at once."""
        self.problems.clear()
        self.notebook = relative
        self.ran = relative in EXECUTED if run is None else run
        self.page.evaluate("([p, run]) => lessonPage.start(p, run)", [relative, self.ran])

    def finish(self, screenshot=None):
        """Wait for Run All and the widgets, then read what the page shows (and screenshot it)."""
        relative, page = self.notebook, self.page
        try:
            page.wait_for_function("() => lessonPage.state().phase === 'done'", timeout=LOAD_TIMEOUT_MS + RUN_TIMEOUT_MS,
                                   polling=250)
            state = page.evaluate("() => lessonPage.state()")
            if "error" in state:
                raise RuntimeError(f"{relative}: could not open and run it: {state['error']}")
            page.wait_for_function("() => lessonPage.widgetsSettled()", timeout=WIDGET_TIMEOUT_MS, polling=200)
            page.evaluate("() => lessonPage.domQuiet(1000, 10000)")
            started = time.perf_counter()
            cells = page.evaluate("() => lessonPage.report()")
            glyphs = page.evaluate(
                "() => lessonPage.missingGlyphs(null, '.jp-RenderedMarkdown, .jp-OutputArea-output')")
            if screenshot:
                take_screenshots(page, screenshot)
            print(f"{relative}: open {state['open']} s, run {state['run']:.1f} s, "
                  f"inspect {time.perf_counter() - started:.1f} s")
        except Exception:
            print(f"JupyterLab log:\n{self.lab.log_tail()}")
            self.reload()
            raise
        return OpenLesson(relative, page, state["result"], cells, glyphs, list(self.problems), self.ran)

    def close_notebook(self):
        """Shut the kernel down and close the notebook, unsaved."""
        try:
            self.page.evaluate("() => lessonPage.close()")
            self.notebook = None
        except Exception:
            self.reload()
            raise

    def reload(self):
        """After a failure, start again from a fresh page (and no notebook open)."""
        self.page.context.close()
        self.load()

    def close(self):
        self.page.context.close()


class LabPool:
    """Two JupyterLab pages: while the tests look at one notebook, the next one in test order runs."""

    def __init__(self, browser, lab, order, size=2):
        self.order = order
        self.pages = [LabPage(browser, lab) for _ in range(size)]
        for page in self.pages:
            page.load()

    def page_of(self, relative):
        return next((p for p in self.pages if p.notebook == relative), None)

    def start(self, relative):
        page = next((p for p in self.pages if p.notebook is None), None)
        if page is None:  # every page holds a notebook that was guessed wrong: free one
            page = self.pages[0]
            page.close_notebook()
        page.start(relative)
        return page

    def finish(self, relative, screenshot):
        page = self.page_of(relative) or self.start(relative)
        later = self.order[self.order.index(relative) + 1:] if relative in self.order else []
        upcoming = next((n for n in later if self.page_of(n) is None), None)
        if upcoming and any(p.notebook is None for p in self.pages):
            self.start(upcoming)
        return page.finish(screenshot)

    def close_notebook(self, relative):
        page = self.page_of(relative)
        if page:
            page.close_notebook()

    def close(self):
        for page in self.pages:
            page.close()


@pytest.fixture(scope="session")
def lab_pool(request, lab, chromium):
    order = []  # the notebooks in the order this session's tests will ask for them
    for item in request.session.items:
        relative = getattr(item, "callspec", None) and item.callspec.params.get("lesson")
        if relative and relative not in order:
            order.append(relative)
    pool = LabPool(chromium, lab, order)
    yield pool
    pool.close()


class OpenLesson:
    """One lesson open in JupyterLab after Run All: what the page shows, and the page to interact with it."""

    def __init__(self, relative, page, run_result, cells, glyphs, problems, ran=True):
        self.relative = relative
        self.ran = ran
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
def lesson(request, lab_pool, screenshots):
    """The lesson after Run All, screenshot in build/screenshots/<lang>/; closed (not saved) afterwards."""
    lang, name = request.param.split("/")
    yield lab_pool.finish(request.param, screenshots / lang / name.replace(".ipynb", ".png"))
    lab_pool.close_notebook(request.param)


# Each finder lists what a learner would see going wrong; the tests below require empty lists, and
# test_the_checks_catch_a_broken_notebook proves each finder does find its kind of problem.

def cells_not_run(lesson):
    return [f"{where(lesson.relative, c)}: not run by Run All (it returned {lesson.run_result!r})"
            for c in lesson.code_cells() if c["executionCount"] is None]


def error_outputs(lesson):
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
    return wrong


def broken_widgets(lesson):
    wrong = []
    for cell in lesson.code_cells():
        for out, shown in zip(cell["outputs"], cell["rendered"]):
            if "Error displaying widget" in shown["text"] or "Loading widget..." in shown["text"]:
                wrong.append(f"{where(lesson.relative, cell)} shows {shown['text'][:200]!r}")
            elif out["modelId"] and not lesson.ran and shown["mime"] == "text/plain":
                pass  # stored outputs: a widget's model lives in a running kernel, its text stands in for it
            elif out["modelId"] and (shown["mime"] not in (None, WIDGET_MIME) or not shown["widgets"]
                                     or not shown["height"]):
                wrong.append(f"{where(lesson.relative, cell)}: a widget shown as {shown['mime']}: "
                             f"{shown['text'][:200]!r}")
            wrong += [f"{where(lesson.relative, cell)}: a widget shows markdown as plain text (HTML widgets and "
                      f"labels do not render `code`): {text[:120]!r}" for text in shown["markdownInWidgets"]]
        if len(cell["outputs"]) != len(cell["rendered"]):
            wrong.append(f"{where(lesson.relative, cell)}: {len(cell['outputs'])} outputs, "
                         f"{len(cell['rendered'])} shown")
    return wrong


def figures_not_shown(lesson):
    wrong = []
    for cell in lesson.code_cells():
        for shown in cell["rendered"]:
            if shown["mime"] == "text/plain" and FIGURE_REPR.match(shown["text"].strip()):
                wrong.append(f"{where(lesson.relative, cell)}: a figure shown as text {shown['text']!r}")
            wrong += [f"{where(lesson.relative, cell)}: an empty image {size}" for size in shown["images"]
                      if not all(size)]
    return wrong


def markdown_problems(lesson):
    return [f"{where(lesson.relative, c)}: {p}" for c in lesson.cells if c["type"] == "markdown"
            for p in c["problems"]]


def missing_glyphs(lesson):
    found = lesson.glyphs
    if not found["checked"]:
        return [f"{lesson.relative}: no non-ASCII text found to check"]
    missing = sorted({f"{m['ch']} {m['code']}" for m in found["missing"]})
    return [f"{lesson.relative}: shown as boxes (no installed font has them): {missing}; fonts asked for: "
            f"{sorted({m['font'] for m in found['missing']})}. Hangul needs fonts-noto-cjk (or fonts-nanum), "
            "emoji need fonts-noto-color-emoji"] if missing else []


def headings_without_hangul(lesson):
    headings = [h for c in lesson.cells if c["type"] == "markdown" for h in c["headings"]]
    if not headings:
        return [f"{lesson.relative}: no rendered headings"]
    # Code and math in a heading need no translation; any other words must be Korean.
    return [f"{lesson.relative}: a heading with words but no Hangul: {h['text']!r}" for h in headings
            if WORD.search(h["prose"]) and not HANGUL.search(h["prose"])]


def solution_giveaways(lesson):
    """A solution's code (past its first line, which says what the cell is) or any of its output, readable after
    Run All without opening the cell."""
    found = []
    for cell in lesson.code_cells():
        if "solution" not in cell["tags"]:
            continue
        lines = [line.strip() for line in cell["source"].splitlines()[1:] if line.strip()]
        shown = [line for line in lines if line in cell["visibleText"]]
        outputs = [r["text"].strip() for r in cell["rendered"] if r["text"].strip() or r["images"]]
        if shown or outputs:
            found.append(f"{where(lesson.relative, cell)}: shows {(shown + outputs)[:2]!r} before it is opened")
    return found


def test_every_code_cell_ran(lesson):
    assert not cells_not_run(lesson), "\n".join(cells_not_run(lesson))


def test_solutions_stay_hidden_after_run_all(lesson):
    assert solution_giveaways(lesson) == []


def test_no_error_outputs(lesson):
    assert not error_outputs(lesson), "\n".join(error_outputs(lesson))


def test_page_stays_offline_and_error_free(lesson):
    assert not lesson.page_problems, "\n".join(lesson.page_problems)


def test_widgets_render_as_widgets(lesson):
    assert not broken_widgets(lesson), "\n".join(broken_widgets(lesson))


def test_figures_render_as_images(lesson):
    assert not figures_not_shown(lesson), "\n".join(figures_not_shown(lesson))


def test_markdown_renders_cleanly(lesson):
    assert not markdown_problems(lesson), "\n".join(markdown_problems(lesson))


def test_every_character_has_a_glyph(lesson):
    assert not missing_glyphs(lesson), "\n".join(missing_glyphs(lesson))


@pytest.mark.parametrize("lesson", KOREAN, indirect=True)
def test_korean_headings_contain_hangul(lesson):
    assert not headings_without_hangul(lesson), "\n".join(headings_without_hangul(lesson))


def guard_notebook():
    """A Korean notebook with one of each problem the checks above look for."""
    import nbformat

    cells = [
        nbformat.v4.new_markdown_cell('# A heading in English\n\n커널 1~5, 스트라이드 1~3에서 **"인용"**이라고 씁니다.'),
        nbformat.v4.new_code_cell('import sys\nprint("to stderr", file=sys.stderr)'),
        nbformat.v4.new_code_cell("from matplotlib.figure import Figure\nfigure = Figure()\nfigure.add_subplot()\nfigure"),
        nbformat.v4.new_code_cell(
            "from IPython.display import display\n"
            "display({'application/vnd.jupyter.widget-view+json': {'model_id': 'no-such-model', 'version_major': 2,"
            " 'version_minor': 0}, 'text/plain': 'a widget'}, raw=True)"),
        nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.HTML('Markdown is not rendered here: `code`')"),
        nbformat.v4.new_code_cell('print("\\ue000 has no glyph in any font")'),
        nbformat.v4.new_code_cell("1 / 0"),
        nbformat.v4.new_code_cell('print("never runs: Run All stops at the error")'),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    return nb


def test_the_checks_catch_a_broken_notebook(lab, chromium):
    """Like tests/test_nbval_guard.py for nbval: each check above finds its problem in a broken notebook."""
    import nbformat

    folder = lab.root / "browser_guard"
    folder.mkdir(exist_ok=True)
    nbformat.write(guard_notebook(), folder / "guard.ipynb")
    page = LabPage(chromium, lab)
    page.load()
    try:
        page.start("browser_guard/guard.ipynb", run=True)
        broken = page.finish()
        found = {check.__name__: check(broken) for check in (
            cells_not_run, error_outputs, broken_widgets, figures_not_shown, markdown_problems, missing_glyphs,
            headings_without_hangul)}
        page.close_notebook()
    finally:
        page.close()
    print("\n".join(f"{name}: {problems}" for name, problems in found.items()))
    assert all(found.values()), f"checks that found nothing: {[name for name, p in found.items() if not p]}"
    assert [len(found[name]) for name in ("error_outputs", "markdown_problems", "broken_widgets")] == [2, 2, 2], found


# --- Widgets: move a control as a learner would, then compare what is shown with what it should be ---

CONTROLS = (".widget-slider .noUi-handle, select, .widget-radio-box input, .widget-checkbox input, "
            ".widget-toggle-button, button.jupyter-button")
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


def must_contain(*parts):
    return lambda shown: [f"expected {part!r}" for part in parts if part not in shown]


def expected_size_calculator(values):
    """One size, or with per-axis sliders (I_h, I_w, …) the tuple of the sizes per axis."""
    names = ("I", "K", "S", "P", "P_out", "D")
    sides = [""] if "I" in values else ["_" + n.rsplit("_", 1)[1] for n in values if n.startswith("I_")]
    sizes = []
    for side in sides:
        I, K, S, P, P_out, D = (values[n + side] for n in names)
        if not (P_out < S or P_out < D) or transposed_size(I, K, S, P, P_out, D) < 1:
            return must_contain()  # a broken rule: the message is compared with the kernel's only
        sizes.append(transposed_size(I, K, S, P, P_out, D))
    return must_contain(f"= {sizes[0] if sides == [''] else tuple(sizes)}")


def expected_overlap_explorer(values):
    counts = overlap_counts(values["input_size"], values["kernel_size"], values["stride"], values["padding"])
    return must_contain(" ".join(str(c) for c in counts)) if counts else must_contain()


def expected_scatter_stepper(values):
    """The canvas cells after `step` inputs of [[1, 2], [3, 4]] were scattered; kernel a, b, c, … = 1, 2, 3, …."""
    k, s = values["kernel_size"], values["stride"]
    full = s + k
    cells = [[[] for _ in range(full)] for _ in range(full)]
    for i, j, value in [(0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 1, 4)][: values["step"]]:
        for r in range(k):
            for c in range(k):
                cells[i * s + r][j * s + c].append((value, r * k + c))
    if values["symbols"]:
        return must_contain(*sorted({"+".join(f"{v}{chr(ord('a') + n)}" for v, n in cell)
                                     for row in cells for cell in row if cell}))
    return must_contain(*sorted({str(sum(v * (n + 1) for v, n in cell)) for row in cells for cell in row if cell}))


def expected_quiz(values):
    """One verdict per question: right or wrong for each answered one, 'not answered yet' for the others."""
    answered = sum(v is not None for v in values.values())

    def check(shown):
        verdicts = [line.strip() for line in shown.splitlines() if line.strip().startswith("→")]
        judged = sum(("✅" in v) or ("❌" in v) for v in verdicts)
        waiting = sum("✏" in v for v in verdicts)
        return [] if (len(verdicts), judged, waiting) == (len(values), answered, len(values) - answered) else [
            f"{len(values)} verdicts with {answered} judged, got {len(verdicts)} with {judged} judged, {waiting} open"]
    return check


# What an explorer's shown text must contain, from its control values (by explorer class): computed here,
# independently of course_utils.
EXPECTED = {"SizeCalculator": expected_size_calculator, "OverlapExplorer": expected_overlap_explorer,
            "ScatterAddStepper": expected_scatter_stepper, "Quiz": expected_quiz}


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


@pytest.mark.parametrize("lesson", WITH_CONTROLS, indirect=True)
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
        sliders = [str(v) for v in values.values() if isinstance(v, int) and not isinstance(v, bool)]
        assert readouts == sliders[: len(readouts)], f"the sliders show {readouts}, the kernel has {values}"
        wrong = EXPECTED[kernel[0]](values)(shown)
        assert not wrong, f"{kernel[0]} with {values}: {wrong} in the shown result:\n{shown}"
        print(f"{kernel[0]} with {values}: shows what it should")
    images = node.evaluate("n => Array.from(n.querySelectorAll('img')).map(i => i.naturalWidth)")
    assert all(images), f"{where(lesson.relative, cell)}: an empty figure after the change"


# --- An offline slide deck (python -m course_utils.build slides), opened from disk with nothing fetched ---

SLIDE_SHOTS = 4


def slide_deck(lang):
    """One deck of build/slides/<lang>: the output-size lesson's if built, else the first after the course map."""
    decks = sorted((ROOT / "build" / "slides" / lang).glob("[0-9][0-9]_*.html"))
    chosen = [d for d in decks if d.stem.startswith("03_")] or decks[1:] or decks
    return chosen[0] if chosen else None


@pytest.mark.parametrize("lang", LANGS)
def test_offline_slide_deck(lang, chromium, screenshots):
    deck = slide_deck(lang)
    if deck is None:
        pytest.skip(f"no slide decks in build/slides/{lang} (python -m course_utils.build slides makes them)")
    problems = []
    context = chromium.new_context(viewport={"width": 1280, "height": 720}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.add_init_script(path=str(PAGE_SCRIPT))
        page.on("pageerror", lambda err: problems.append(f"uncaught error in the page: {err}"))

        def from_disk_only(route):
            if route.request.url.split(":", 1)[0] not in ("file", "data", "blob"):
                problems.append(f"request outside the deck's folder: {route.request.url}")
                return route.abort()
            return route.continue_()

        page.route("**/*", from_disk_only)
        page.goto(deck.as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=LOAD_TIMEOUT_MS)
        page.wait_for_function("() => !window.MathJax || !MathJax.startup || MathJax.startup.promise",
                               timeout=LOAD_TIMEOUT_MS)
        page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
        page.evaluate("() => Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
        total = page.evaluate("() => Reveal.getTotalSlides()")
        assert total >= 2, f"{deck}: {total} slide(s)"
        folder = screenshots / "slides" / lang
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{deck.stem}-*.png"):
            old.unlink()
        for number in range(1, min(SLIDE_SHOTS, total) + 1):
            page.wait_for_timeout(200)
            page.screenshot(path=str(folder / f"{deck.stem}-{number}.png"))
            page.evaluate("() => Reveal.next()")
        glyphs = page.evaluate("() => lessonPage.missingGlyphs('.reveal .slides', '.reveal .slides')")
        math_errors = page.locator(".reveal mjx-merror").count()
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert not math_errors, f"{deck}: {math_errors} math error(s)"
    assert glyphs["checked"] and not glyphs["missing"], f"{deck}: shown as boxes: {glyphs['missing']}"
