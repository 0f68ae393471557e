"""The base of every explorer: controls in, text (and an optional figure) out, rule errors as messages."""

import base64
import html
import io
import numbers

import ipywidgets as widgets
from traitlets import Any, validate

from course_utils.arithmetic import RuleError
from course_utils.i18n import check_lang, message


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


class _ExactValue(Any):
    """Any value; replacing 1 by True or 1.0 (equal, so traitlets stays silent) notifies observers too."""

    def set(self, obj, value):
        old = obj._trait_values.get(self.name, self.default_value)
        super().set(obj, value)
        new = obj._trait_values[self.name]
        if type(old) is not type(new) and old == new:
            obj._notify_trait(self.name, old, new)


class StrictIntSlider(widgets.IntSlider):
    """An IntSlider that keeps whatever value it is given (IntSlider rounds 5.7 to 5 and moves 100 to its max);
    the explorer reports a value the slider cannot show instead of computing with another one."""

    value = _ExactValue(0, help="Int value").tag(sync=True)

    @validate("value")
    def _validate_value(self, proposal):
        return proposal["value"]

    def shows(self, value) -> bool:
        return _is_int(value) and self.min <= value <= self.max


def int_slider(name: str, value, low: int, high: int, **options) -> StrictIntSlider:
    """A slider from low to high starting at value; ValueError naming the parameter when it cannot show value."""
    slider = StrictIntSlider(min=low, max=high, continuous_update=False, **options)
    if not slider.shows(value):
        raise ValueError(f"{name} 값은 {low}부터 {high}까지의 정수여야 합니다(슬라이더가 보여 주는 범위), 받은 값: {value!r} / "
                         f"{name} must be an integer from {low} to {high} (what its slider shows), got {value!r}")
    slider.value = int(value)
    return slider


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

    def _unshowable(self) -> str | None:
        """The message for the first control holding a value it cannot show (set from code), else None:
        a slider value outside its range or not an integer, toggle buttons with none of their options chosen."""
        for name, control in self.controls.items():
            if isinstance(control, StrictIntSlider) and not control.shows(control.value):
                return message("widgets.out_of_range", self.lang, name=control.description or name,
                               low=control.min, high=control.max, value=repr(control.value))
            if isinstance(control, widgets.ToggleButtons) and control.index is None:
                return message("widgets.no_choice", self.lang, choices=" / ".join(control._options_labels))
        return None

    def refresh(self) -> None:
        """Recompute from the current control values; a broken rule or a value a slider cannot show becomes a
        message in the learner's language, never a traceback and never a result for other values."""
        unshowable = self._unshowable()
        try:
            if unshowable:
                self.text, self.figure = unshowable, None
            else:
                self.text, self.figure = self.render(**self.values())
        except RuleError as err:
            self.text, self.figure = message("widgets.invalid", self.lang, rule=err.explain(self.lang)), None
        self._text_view.value = f"<pre>{html.escape(self.text)}</pre>"
        self._plot.outputs = () if self.figure is None else (_png_output(self.figure),)

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, with the current result as its text/plain: JupyterLab shows the widget once, nbval
        checks the text, and pages without live widgets (site, slides) show the text in its place."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle:
            bundle["text/plain"] = self.text
        return bundle

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
