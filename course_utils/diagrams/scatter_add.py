"""Transposed convolution as pictures: the sparse convolution matrix C, and scatter-add one stamp at a time."""

from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils._ints import integer
from course_utils.diagrams._checks import finite_array, grid_shape, items, positive_int
from course_utils.diagrams.alt import describe
from course_utils.i18n import check_lang, message

__all__ = ["conv_matrix_grid", "scatter_add_step", "scatter_add_steps"]

STAMP, CROPPED, ZERO = "#dd8452", "#9a9a9a", "#b0b0b0"


def _texts(rows, name: str) -> tuple[int, int]:
    shape = grid_shape(rows, name)
    if not all(isinstance(text, str) for row in rows for text in row):
        raise ValueError(f"every entry of {name} must be a string ('' for an empty cell)")
    return shape


def _stamp(stamp, rows: int, cols: int, name: str = "stamp") -> tuple[int, int, int, int]:
    """stamp as (row, col, height, width) in ints when it is four integers outlining cells of the grid."""
    values = [integer(v) for v in stamp] if isinstance(stamp, (tuple, list)) and len(stamp) == 4 else [None]
    if None in values:
        raise ValueError(f"{name} must be (row, col, height, width) in integers, got {stamp!r}")
    r0, c0, h, w = values
    if r0 < 0 or c0 < 0 or h < 1 or w < 1 or r0 + h > rows or c0 + w > cols:
        raise ValueError(f"{name} {tuple(values)} must lie inside the {rows}×{cols} grid")
    return r0, c0, h, w


def _padding(padding, rows: int, cols: int) -> int:
    number = integer(padding)
    if number is None or number < 0 or 2 * number >= min(rows, cols):
        raise ValueError(f"padding must be an integer from 0 to less than half of the {rows}×{cols} grid, "
                         f"got {padding!r}")
    return number


def conv_matrix_grid(labels, lang, input_width=None, ax=None):
    """Draw C cell by cell: labels[r][c] is the entry's text ('' for a structural zero).

    Rows are output positions, columns input positions (x.flatten()); a line separates each input row.
    ValueError for labels that are not a non-empty rectangle of strings or an input_width below 1.
    """
    check_lang(lang)
    rows, cols = _texts(labels, "labels")
    if input_width is not None:
        input_width = positive_int(input_width, "input_width")
    own_figure = ax is None
    with course_fonts():
        ax = axes(ax, figsize=(0.42 * cols + 1.2, 0.42 * rows + 1.3))
        for r, row in enumerate(labels):
            for c, text in enumerate(row):
                filled = text != ""
                ax.add_patch(Rectangle((c, r), 1, 1, facecolor="#f6c9a6" if filled else "white",
                                       edgecolor="#cccccc", lw=0.6))
                ax.text(c + 0.5, r + 0.5, text if filled else "0", ha="center", va="center",
                        fontsize=9 if filled else 7, color="#222222" if filled else ZERO)
        if input_width:
            for c in range(input_width, cols, input_width):
                ax.plot([c, c], [0, rows], color="#555555", lw=1.2)
        ax.set_xlim(0, cols)
        ax.set_ylim(rows, 0)
        ax.set_aspect("equal")
        ax.set_xticks([c + 0.5 for c in range(cols)], [str(c) for c in range(cols)], fontsize=7)
        ax.set_yticks([r + 0.5 for r in range(rows)], [str(r) for r in range(rows)], fontsize=7)
        ax.tick_params(length=0)
        ax.set_xlabel(message("scatter_add.matrix_columns", lang), fontsize=9)
        ax.set_ylabel(message("scatter_add.matrix_rows", lang), fontsize=9)
        ax.set_title(message("scatter_add.matrix_title", lang, rows=rows, cols=cols), fontsize=10)
        for side in ax.spines.values():
            side.set_visible(False)
    if own_figure:
        input_rows = message("diagrams.matrix_input_rows", lang) if input_width and input_width < cols else ""
        describe(ax.figure, message("diagrams.matrix_alt", lang, rows=rows, cols=cols, input_rows=input_rows,
                                    filled=sum(text != "" for row in labels for text in row)))
    return ax.figure


def scatter_add_step(cells, counts, lang, stamp=None, padding=0, title=None, fontsize=None, ax=None):
    """One output canvas: cells[r][c] is the text of the partial sum, counts[r][c] how many products it holds.

    Darker cells hold more products (overlaps); stamp = (row, col, height, width) outlines the copy of the
    kernel added in this step; a padding border (cut from the output) is greyed out.
    ValueError when cells and counts are not rectangles of one shape, a count is not a whole number ≥ 0, or the
    stamp or padding does not fit the grid.
    """
    check_lang(lang)
    rows, cols = _texts(cells, "cells")
    tally = finite_array(counts, 2, "counts")
    if tally.shape != (rows, cols) or (tally < 0).any() or (tally != tally.round()).any():
        raise ValueError(f"counts must be whole numbers ≥ 0 in a {rows}×{cols} grid like cells, got shape {tally.shape}")
    stamp = None if stamp is None else _stamp(stamp, rows, cols)
    padding = _padding(padding, rows, cols)
    most = max(4, max(max(row) for row in counts))
    shades = colormaps["Blues"]
    cells = [[_wrap(text) for text in row] for row in cells]
    fontsize = fontsize or _fontsize(cells)
    own_figure = ax is None
    with course_fonts():
        ax = axes(ax, figsize=(0.75 * cols + 0.6, 0.75 * rows + 0.9))
        for r in range(rows):
            for c in range(cols):
                count = counts[r][c]
                colour = shades(0.15 + 0.75 * count / most) if count else "white"
                ax.add_patch(Rectangle((c, r), 1, 1, facecolor=colour, edgecolor="#bbbbbb", lw=0.6))
                if cells[r][c]:
                    dark = count / most > 0.55
                    ax.text(c + 0.5, r + 0.5, cells[r][c], ha="center", va="center", color="white" if dark else "#222222",
                            fontsize=fontsize, linespacing=1.1)
                if padding and not (padding <= r < rows - padding and padding <= c < cols - padding):
                    ax.add_patch(Rectangle((c, r), 1, 1, facecolor="none", edgecolor=CROPPED, hatch="///", lw=0))
        if stamp is not None:
            r0, c0, h, w = stamp
            ax.add_patch(Rectangle((c0 + 0.04, r0 + 0.04), w - 0.08, h - 0.08, facecolor="none", edgecolor=STAMP, lw=2.5))
        if padding:
            ax.add_patch(Rectangle((padding, padding), cols - 2 * padding, rows - 2 * padding, facecolor="none",
                                   edgecolor="#333333", lw=1.2, ls="--"))
        ax.set_xlim(-0.05, cols + 0.05)
        ax.set_ylim(rows + 0.05, -0.05)
        ax.set_aspect("equal")
        ax.set_xticks([c + 0.5 for c in range(cols)], [str(c) for c in range(cols)], fontsize=7)
        ax.set_yticks([r + 0.5 for r in range(rows)], [str(r) for r in range(rows)], fontsize=7)
        ax.tick_params(length=0, labeltop=True, labelbottom=False)
        for side in ax.spines.values():
            side.set_visible(False)
        if title:
            ax.set_title(title, fontsize=9)
    if own_figure:
        describe(ax.figure, (f"{' '.join(title.split())}. " if title else "") + message(
            "diagrams.step_alt", lang, rows=rows, cols=cols, stamp=_stamp_alt(stamp, lang), padding=_padding_alt(padding, lang)))
    return ax.figure


def _stamp_alt(stamp, lang: str) -> str:
    if stamp is None:
        return ""
    r0, c0, h, w = stamp
    return message("diagrams.step_stamp", lang, row=r0, col=c0, height=h, width=w)


def _padding_alt(padding: int, lang: str) -> str:
    return message("diagrams.step_padding", lang, padding=padding) if padding else ""


def _fontsize(cells):
    """A font size that fits the longest line of any (wrapped) cell."""
    longest = max(len(line) for row in cells for text in row for line in _wrap(text).split("\n"))
    return max(6.5, min(11, 52 / max(longest, 1)))


def _wrap(text, per_line=2):
    """A symbolic sum on several lines, per_line terms each, so that long sums stay legible."""
    terms = text.split("+")
    return "\n+".join("+".join(terms[i:i + per_line]) for i in range(0, len(terms), per_line))


def scatter_add_steps(snapshots, stamps, lang, values=None, padding=0, columns=2):
    """One panel per step: snapshots[t] is the grid of partial sums after step t, stamps[t] its (row, col, h, w).

    values[t], if given, is the input value of step t, shown in the panel's title. ValueError for no
    snapshots, snapshots of different shapes, a stamp or value count that differs, a stamp that is not four
    integers inside the grid, a padding scatter_add_step refuses, columns below 1.
    """
    check_lang(lang)
    columns = positive_int(columns, "columns")
    snapshots = items(snapshots, "snapshots", "grids of partial sums")
    if not snapshots or len({_texts(cells, "each snapshot") for cells in snapshots}) != 1:
        raise ValueError("snapshots must be one or more grids of one shape")
    steps = len(snapshots)
    stamps = items(stamps, "stamps", "(row, col, height, width) tuples")
    values = None if values is None else items(values, "values", "input values")
    if len(stamps) != steps or (values is not None and len(values) != steps):
        raise ValueError(f"need one stamp (and one value, if given) per snapshot, got {steps} snapshots, "
                         f"{len(stamps)} stamps" + ("" if values is None else f", {len(values)} values"))
    rows, cols = len(snapshots[0]), len(snapshots[0][0])
    stamps = [_stamp(stamp, rows, cols, f"stamps[{t}]") for t, stamp in enumerate(stamps)]
    padding = _padding(padding, rows, cols)
    grid_rows = -(-steps // columns)
    with course_fonts():
        fig = Figure(figsize=(columns * (0.85 * cols + 0.5), grid_rows * (0.85 * rows + 0.7) + 0.4), layout="constrained")
        panels = fig.subplots(grid_rows, columns, squeeze=False).flatten()
        for ax in panels[steps:]:
            ax.set_axis_off()
        counts = [[0] * cols for _ in range(rows)]
        for t, (cells, (r0, c0, h, w), ax) in enumerate(zip(snapshots, stamps, panels)):
            for r in range(r0, r0 + h):
                for c in range(c0, c0 + w):
                    counts[r][c] += 1
            title = message("scatter_add.step", lang, step=t + 1, steps=steps)
            if values is not None:
                title = message("scatter_add.step_value", lang, step=t + 1, steps=steps, value=values[t])
            scatter_add_step(cells, [row[:] for row in counts], lang, stamp=(r0, c0, h, w), padding=padding,
                             title=title, fontsize=_fontsize(snapshots[-1]), ax=ax)
        fig.suptitle(message("scatter_add.steps_title", lang), fontsize=10)
    shown = "" if values is None else message("diagrams.steps_values", lang, values=", ".join(map(str, values)))
    return describe(fig, message("diagrams.steps_alt", lang, steps=steps, rows=rows, cols=cols, values=shown,
                                 padding=_padding_alt(padding, lang)))
