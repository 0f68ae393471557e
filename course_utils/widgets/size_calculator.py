"""The output-size calculator: sliders for I, K, S, P, P_out, D give O, the formula with numbers, and a strip.

Given per-axis settings (kernel (3, 4), stride (1, 2), …), it shows one slider per axis and the formula per axis."""

import ipywidgets as widgets

from course_utils._ints import is_sequence, per_axis, single
from course_utils.arithmetic import (AXES, RuleError, conv_output_size, conv_transpose_output_size,
                                     output_size_range)
from course_utils.diagrams.size_strip import size_strip, size_strips
from course_utils.i18n import message
from course_utils.widgets.explorer import Explorer, int_slider

__all__ = ["SizeCalculator"]

FORMULA = "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1"
LIMITS = {"I": (1, 16), "K": (1, 7), "S": (1, 4), "P": (0, 6), "P_out": (0, 3), "D": (1, 3)}


def _axes(start: dict, lang: str) -> tuple[str, ...]:
    """() when every start value is one integer (one slider each), else the axis names (height, width, …) that
    the per-axis values set, as torch's ConvTranspose1d/2d/3d read them; ValueError in the learner's language for a
    sequence that is not 1 to 3 integers or whose length differs from the others'."""
    counts = {}
    for name, value in start.items():
        if is_sequence(value):
            axes = per_axis(value, most=len(AXES))
            if axes is None:
                raise ValueError(RuleError("not_per_axis", name=name, value=repr(value)).explain(lang))
            counts[name] = len(axes)
    count = max(counts.values(), default=1)
    for name, length in counts.items():
        if length not in (1, count):
            raise ValueError(RuleError("not_per_axis", name=name, value=repr(start[name])).explain(lang))
    return () if count == 1 else AXES[count]


class SizeCalculator(Explorer):
    """ConvTranspose2d's output size for one configuration; a broken rule is shown in the learner's language.

    Each start value is one integer, or a per-axis tuple of 2 or 3 integers ((height, width) or
    (depth, height, width); a tuple of one integer applies to every axis), as ConvTranspose2d/3d take them. With
    per-axis values there is one slider per parameter and axis (K_h, K_w, …) and the formula is worked out per axis.
    ValueError when a starting value is not an integer within its slider's LIMITS, or not a valid per-axis tuple.
    """

    def __init__(self, lang: str, I=5, K=3, S=2, P=1, P_out=0, D=1, draw: bool = True):
        self.draw = draw
        start = {"I": I, "K": K, "S": S, "P": P, "P_out": P_out, "D": D}
        self.axes = _axes(start, lang)
        controls = {}
        for name, (low, high) in LIMITS.items():
            if not self.axes:
                named = {name: start[name]}
            else:
                values = per_axis(start[name], most=len(AXES)) if is_sequence(start[name]) else (start[name],)
                named = {f"{name}_{side[0]}": values[axis % len(values)] for axis, side in enumerate(self.axes)}
            for label, value in named.items():
                controls[label] = int_slider(label, value, low, high, description=label,
                                             layout=widgets.Layout(width="240px"), style={"description_width": "48px"})
        super().__init__(controls, lang)
        self.children[0].layout.flex_flow = "row wrap"

    def render(self, **values):
        if not self.axes:
            return self._render_one(**values)
        return self._render_per_axis(values)

    def _render_one(self, I, K, S, P, P_out, D):
        out = conv_transpose_output_size(I, K, S, P, P_out, D)
        try:
            sizes = output_size_range(I, K, S, P, D)
            accepts = message("size_calculator.range", self.lang, low=sizes[0], high=sizes[-1])
        except RuleError as err:  # output_padding ≥ stride, allowed by the dilation: no output_size reaches out
            accepts = err.explain(self.lang)
        lines = [
            FORMULA,
            f"  = ({I} − 1)·{S} − 2·{P} + {D}·({K} − 1) + {P_out} + 1",
            f"  = {out}",
            accepts,
            message("size_calculator.conv_back", self.lang, out=out, back=conv_output_size(out, K, S, P, D)),
        ]
        figure = size_strip(I, K, S, P, P_out, D, self.lang) if self.draw else None
        return "\n".join(lines), figure

    def _per_axis_values(self, values: dict) -> dict[str, tuple[int, ...]]:
        return {name: tuple(values[f"{name}_{side[0]}"] for side in self.axes) for name in LIMITS}

    def _render_per_axis(self, values: dict):
        v = self._per_axis_values(values)
        out = conv_transpose_output_size(v["I"], v["K"], v["S"], v["P"], v["P_out"], v["D"])
        names = [message(f"arithmetic.axis.{side}", self.lang) for side in self.axes]
        lines = [FORMULA]
        for axis, name in enumerate(names):
            i, k, s, p, a, d = (v[key][axis] for key in LIMITS)
            lines.append(f"  {name}: ({i} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {a} + 1 = {out[axis]}")
        lines.append(f"  = {out}")
        try:
            sizes = output_size_range(v["I"], v["K"], v["S"], v["P"], v["D"])
            ranges = ", ".join(f"{name} {r[0]}…{r[-1]}" for name, r in zip(names, sizes))
            lines.append(message("size_calculator.range_per_axis", self.lang, ranges=ranges))
        except RuleError as err:
            lines.append(err.explain(self.lang))
        back = conv_output_size(out, v["K"], v["S"], v["P"], v["D"])
        lines.append(message("size_calculator.conv_back_per_axis", self.lang, conv=f"Conv{len(self.axes)}d",
                             out=out, back=back))
        figure = None
        if self.draw:
            settings = {side: tuple(v[key][axis] for key in LIMITS) for axis, side in enumerate(self.axes)}
            figure = size_strips(settings, self.lang)
        return "\n".join(lines), figure

    def __repr__(self) -> str:
        if not self.axes:
            return super().__repr__()
        values = ", ".join(f"{name}={value!r}" for name, value in self._per_axis_values(self.values()).items())
        return f"{type(self).__name__}({values})"
