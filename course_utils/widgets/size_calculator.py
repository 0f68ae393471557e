"""The output-size calculator: sliders for I, K, S, P, P_out, D give O, the formula with numbers, and a strip."""

import ipywidgets as widgets

from course_utils.arithmetic import RuleError, conv_output_size, conv_transpose_output_size, output_size_range
from course_utils.diagrams.size_strip import size_strip
from course_utils.i18n import message
from course_utils.widgets.explorer import Explorer, int_slider

__all__ = ["SizeCalculator"]

FORMULA = "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1"
LIMITS = {"I": (1, 16), "K": (1, 7), "S": (1, 4), "P": (0, 6), "P_out": (0, 3), "D": (1, 3)}


class SizeCalculator(Explorer):
    """ConvTranspose2d's output size for one configuration; a broken rule is shown in the learner's language.

    ValueError when a starting value is not an integer within its slider's LIMITS.
    """

    def __init__(self, lang: str, I=5, K=3, S=2, P=1, P_out=0, D=1, draw: bool = True):
        self.draw = draw
        start = {"I": I, "K": K, "S": S, "P": P, "P_out": P_out, "D": D}
        controls = {
            name: int_slider(name, start[name], low, high, description=name, layout=widgets.Layout(width="240px"),
                             style={"description_width": "40px"})
            for name, (low, high) in LIMITS.items()
        }
        super().__init__(controls, lang)
        self.children[0].layout.flex_flow = "row wrap"

    def render(self, I, K, S, P, P_out, D):
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
