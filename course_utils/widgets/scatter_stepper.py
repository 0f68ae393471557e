"""The scatter-add stepper: add the kernel copies of a 2×2 input one at a time and watch overlaps pile up."""

import string

import torch
from torch.nn import functional as F

from course_utils.arithmetic import conv_transpose_output_size
from course_utils.diagrams.scatter_add import scatter_add_step
from course_utils.i18n import message
from course_utils.widgets.explorer import Explorer, StrictToggleButtons, int_slider

__all__ = ["ScatterAddStepper", "INPUT"]

INPUT = ((1, 2), (3, 4))  # the source document's 2×2 input


class ScatterAddStepper(Explorer):
    """Step through the input positions; the partial output shows every product added so far, symbolic or numeric.

    The kernel entries are the letters a, b, c, … row by row; in numbers they are 1, 2, 3, ….
    ValueError when a starting value is not an integer its slider shows, or symbols is not True or False.
    """

    def __init__(self, lang: str, step=4, kernel_size=3, stride=1, padding=0, symbols=True, draw: bool = True):
        self.draw = draw
        if not isinstance(symbols, bool):
            raise ValueError(f"symbols must be True (letters) or False (numbers), got {symbols!r}")

        def slider(name, value, low, high):
            return int_slider(name, value, low, high, description=message(f"scatter_stepper.{name}", lang),
                              style={"description_width": "initial"})

        controls = {
            "step": slider("step", step, 0, 4),
            "kernel_size": slider("kernel_size", kernel_size, 1, 4),
            "stride": slider("stride", stride, 1, 3),
            "padding": slider("padding", padding, 0, 2),
            "symbols": StrictToggleButtons(options=[(message("scatter_stepper.symbols", lang), True),
                                                      (message("scatter_stepper.numbers", lang), False)],
                                           value=symbols),
        }
        super().__init__(controls, lang)
        self.children[0].layout.flex_flow = "row wrap"

    def render(self, step, kernel_size, stride, padding, symbols):
        k, s, p, lang = kernel_size, stride, padding, self.lang
        out = conv_transpose_output_size(len(INPUT), k, s, p)
        full = (len(INPUT) - 1) * s + k
        letters = [string.ascii_lowercase[r * k:(r + 1) * k] for r in range(k)]
        terms = [[[] for _ in range(full)] for _ in range(full)]
        sums = [[0] * full for _ in range(full)]
        positions = [(i, j) for i in range(len(INPUT)) for j in range(len(INPUT[0]))]
        lines = [message("scatter_stepper.setting", lang, k=k, s=s, p=p, full=full, out=out)]
        for t, (i, j) in enumerate(positions[:step], start=1):
            value, top, left = INPUT[i][j], i * s, j * s
            overlaps = sum(1 for r in range(k) for c in range(k) if terms[top + r][left + c])
            for r in range(k):
                for c in range(k):
                    terms[top + r][left + c].append(f"{value}{letters[r][c]}")
                    sums[top + r][left + c] += value * (r * k + c + 1)
            lines.append(message("scatter_stepper.placed", lang, step=t, i=i, j=j, value=value, r0=top, r1=top + k - 1,
                                 c0=left, c1=left + k - 1, overlaps=overlaps))
        cells = [["+".join(cell) if symbols else (str(total) if cell else "")
                  for cell, total in zip(row_terms, row_sums)] for row_terms, row_sums in zip(terms, sums)]
        lines += ["", *_table(cells, p)]
        if p:
            lines.append(message("scatter_stepper.cropped", lang, p=p, out=out))
        if step == len(positions):
            lines.append(message("scatter_stepper.done", lang, out=out))
            if not symbols:
                x = torch.tensor(INPUT, dtype=torch.float64)[None, None]
                w = torch.arange(1.0, k * k + 1, dtype=torch.float64).view(1, 1, k, k)
                kept = torch.tensor(sums, dtype=torch.float64)[p:full - p, p:full - p]
                lines.append(message("scatter_stepper.matches", lang,
                                     same=torch.equal(kept, F.conv_transpose2d(x, w, stride=s, padding=p)[0, 0])))
        figure = None
        if self.draw:
            counts = [[len(cell) for cell in row] for row in terms]
            stamp = None
            title = message("scatter_stepper.nothing_yet", lang)
            if step:
                i, j = positions[step - 1]
                stamp = (i * s, j * s, k, k)
                title = message("scatter_stepper.title", lang, i=i, j=j, value=INPUT[i][j])
            figure = scatter_add_step(cells, counts, lang, stamp=stamp, padding=p, title=title)
        return "\n".join(lines), figure


def _table(cells, padding):
    """The canvas as text; cells that padding cuts from the output are shown in [brackets]."""
    full = len(cells)
    shown = [[f"[{text or '·'}]" if padding and not (padding <= r < full - padding and padding <= c < full - padding)
              else text or "·" for c, text in enumerate(row)] for r, row in enumerate(cells)]
    width = max(3, max(len(text) for row in shown for text in row))
    header = "    " + " ".join(f"{c:>{width}}" for c in range(full))
    return [header] + [f"{r:>2}: " + " ".join(f"{text:>{width}}" for text in row) for r, row in enumerate(shown)]
