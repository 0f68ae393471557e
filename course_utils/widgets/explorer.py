"""The base of every explorer: controls in, text (and an optional figure) out, rule errors as messages."""

import base64
import html
import io
import numbers

import ipywidgets as widgets
from traitlets import Any, observe, validate

from course_utils._ints import single
from course_utils.arithmetic import RuleError
from course_utils.i18n import check_lang, message
from course_utils.widgets.static_figure import with_figure


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _same(a, b) -> bool:
    """Equal and of one type: True is not 1, 1.0 is not 1."""
    return type(a) is type(b) and a == b


class _ExactValue(Any):
    """Any value; replacing 1 by True or 1.0 (equal, so traitlets stays silent) notifies observers too."""

    def set(self, obj, value):
        old = obj._trait_values.get(self.name, self.default_value)
        super().set(obj, value)
        new = obj._trait_values[self.name]
        if type(old) is not type(new) and old == new:
            obj._notify_trait(self.name, old, new)


class StrictIntSlider(widgets.IntSlider):
    """An IntSlider that keeps whatever value, min and max it is given (IntSlider rounds 5.7 to 5, moves 100 to
    its max, moves its value when max is lowered below it, and raises TraitError for min > max); the explorer
    reports a value or a range the slider cannot show instead of computing with another one."""

    value = _ExactValue(0, help="Int value").tag(sync=True)
    min = _ExactValue(0, help="Min value").tag(sync=True)
    max = _ExactValue(100, help="Max value").tag(sync=True)

    @validate("value", "min", "max")
    def _validate_value(self, proposal):
        return proposal["value"]

    _validate_min = _validate_max = None  # IntSlider's validators of these names move the value: switched off

    def has_range(self) -> bool:
        return _is_int(self.min) and _is_int(self.max) and self.min <= self.max

    def shows(self, value) -> bool:
        return self.has_range() and _is_int(value) and self.min <= value <= self.max


class StrictToggleButtons(widgets.ToggleButtons):
    """ToggleButtons that keep a value none of their options holds (ToggleButtons raises TraitError from inside
    traitlets for it, and takes 1 for True); no button is then selected and the explorer reports the value."""

    value = _ExactValue(None, help="Selected value", allow_none=True)

    def __init__(self, **kwargs):
        super().__init__(equals=_same, **kwargs)

    def holds(self, value) -> bool:
        return any(_same(option, value) for option in self._options_values)

    @validate("value")
    def _validate_value(self, proposal):
        return proposal["value"]

    @observe("value")
    def _propagate_value(self, change):
        index = next((i for i, option in enumerate(self._options_values) if _same(option, change["new"])), None)
        if self.index != index:
            self.index = index

    @observe("index")
    def _propagate_index(self, change):
        if change["new"] is None:  # keep a value that is no option: the explorer names it
            self.label = None
            return
        self.label, self.value = self._options_labels[change["new"]], self._options_values[change["new"]]


def int_slider(name: str, value, low: int, high: int, **options) -> StrictIntSlider:
    """A slider from low to high starting at value; ValueError naming the parameter when it cannot show value.

    value is read as PyTorch reads a size: numpy integers, one-element integer tensors and sequences of one
    integer count as that integer."""
    slider = StrictIntSlider(min=low, max=high, continuous_update=False, **options)
    if not slider.shows(single(value)):
        raise ValueError(f"{name} 값은 {low}부터 {high}까지의 정수여야 합니다(슬라이더가 보여 주는 범위), 받은 값: {value!r} / "
                         f"{name} must be an integer from {low} to {high} (what its slider shows), got {value!r}")
    slider.value = single(value)
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
            control.observe(lambda _change: self.refresh(), names=["value", "min", "max"])
        self.refresh()

    def values(self) -> dict:
        return {name: control.value for name, control in self.controls.items()}

    def render(self, **values):
        raise NotImplementedError

    def _unshowable(self) -> str | None:
        """The message for the first control holding a value it cannot show (set from code), else None:
        a slider range that is not whole numbers with min ≤ max, a slider value outside its range or not an
        integer, toggle buttons holding a value that is none of their options, or none chosen."""
        for name, control in self.controls.items():
            label = control.description or name
            if isinstance(control, StrictIntSlider) and not control.has_range():
                return message("widgets.bad_range", self.lang, name=label, low=repr(control.min), high=repr(control.max))
            if isinstance(control, StrictIntSlider) and not control.shows(control.value):
                return message("widgets.out_of_range", self.lang, name=label,
                               low=control.min, high=control.max, value=repr(control.value))
            if isinstance(control, widgets.ToggleButtons) and control.index is None:
                choices = " / ".join(control._options_labels)
                if control.value is None:
                    return message("widgets.no_choice", self.lang, choices=choices)
                return message("widgets.not_an_option", self.lang, value=repr(control.value), choices=choices)
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
        """The live widget, with the current result as its text/plain and its figure as image/png: JupyterLab
        shows the widget once, nbval checks the text, and pages without live widgets show the text in its place
        (slides) or the text and the figure (the site)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if not bundle:
            return bundle
        bundle["text/plain"] = self.text
        return with_figure(bundle, self.figure)

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
