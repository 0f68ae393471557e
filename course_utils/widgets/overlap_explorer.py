"""The overlap explorer: kernel, stride, padding and input size in; the overlap map and a verdict out."""

import ipywidgets as widgets

from course_utils.arithmetic import overlap_counts_1d, overlap_map
from course_utils.diagrams.checkerboard import overlap_heatmap
from course_utils.i18n import message
from course_utils.overlap import interior_range, verdict
from course_utils.widgets.explorer import Explorer, int_slider

__all__ = ["OverlapExplorer"]


class OverlapExplorer(Explorer):
    """Sliders for K, S, P and the input size; shows the 2-D overlap counts, the interior and whether it is even.

    ValueError when a starting value is not an integer its slider shows; draw=False skips the heatmap.
    """

    def __init__(self, lang: str, kernel_size: int = 4, stride: int = 2, padding: int = 1, input_size: int = 3,
                 draw: bool = True):
        self.draw = draw

        def slider(name, value, low, high):
            return int_slider(name, value, low, high, description=message(f"overlap_explorer.{name}", lang),
                              style={"description_width": "initial"})

        controls = {
            "kernel_size": slider("kernel_size", kernel_size, 1, 8),
            "stride": slider("stride", stride, 1, 4),
            "padding": slider("padding", padding, 0, 4),
            "input_size": slider("input_size", input_size, 1, 8),
        }
        super().__init__(controls, lang)

    def render(self, kernel_size, stride, padding, input_size):
        counts = overlap_counts_1d(input_size, kernel_size, stride, padding)
        inside = interior_range(input_size, kernel_size, stride, padding)
        lang, out = self.lang, len(counts)
        lines = [
            message("overlap_explorer.setting", lang, size=input_size, k=kernel_size, s=stride, p=padding, out=out),
            message("overlap_explorer.counts", lang, counts=" ".join(str(c) for c in counts.tolist())),
            message("overlap_explorer.interior", lang, first=inside.start, last=inside.stop - 1) if len(inside)
            else message("overlap_explorer.no_interior", lang),
            verdict(input_size, kernel_size, stride, padding, lang),
        ]
        if not self.draw:
            return "\n".join(lines), None
        title = f"I={input_size} K={kernel_size} S={stride} P={padding} → {out}×{out}"
        counts_2d = overlap_map(input_size, kernel_size, stride, padding)
        figure = overlap_heatmap(counts_2d, lang, interior=inside, title=title)
        return "\n".join(lines), figure
