"""The base of every explorer: controls in, text (and an optional figure) out, rule errors as messages."""

import base64
import html
import io

import ipywidgets as widgets

from course_utils.arithmetic import RuleError
from course_utils.i18n import check_lang, message


class Explorer(widgets.VBox):
    """Subclasses define `render(**values) -> (text, figure or None)`; raising RuleError shows the rule instead.

    Test an explorer without a kernel: set `explorer.controls[name].value`, then read `explorer.text`.
    """

    def __init__(self, controls: dict[str, widgets.ValueWidget], lang: str):
        self.lang = check_lang(lang)
        self.controls = controls
        self.text = ""
        self.figure = None
        self._text_view = widgets.HTML()
        self._plot = widgets.Output()
        super().__init__(children=[widgets.HBox(list(controls.values())), self._text_view, self._plot])
        for control in controls.values():
            control.observe(lambda _change: self.refresh(), names="value")
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def render(self, **values):
        raise NotImplementedError

    def refresh(self) -> None:
        """Recompute from the current control values; a broken rule becomes a message, never a traceback."""
        try:
            self.text, self.figure = self.render(**self.values())
        except RuleError as err:
            self.text, self.figure = message("widgets.invalid", self.lang, rule=err.explain(self.lang)), None
        self._text_view.value = f"<pre>{html.escape(self.text)}</pre>"
        self._plot.outputs = () if self.figure is None else (_png_output(self.figure),)

    def print(self) -> None:
        """Print the current result as text (what slides and static pages show)."""
        print(self.text)

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in self.values().items())
        return f"{type(self).__name__}({values})"


def _png_output(figure) -> dict:
    """The figure as an Output-widget entry: set as widget state, never displayed, so no cell output appears."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": repr(figure)}}
