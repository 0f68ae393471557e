"""Checkerboard figures: overlap-count heatmaps, 1-D × 1-D = 2-D, layer responses and their strengths."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils.diagrams._checks import finite_array, items, positive_int
from course_utils.diagrams.alt import describe
from course_utils.i18n import check_lang, message

__all__ = ["overlap_heatmap", "overlap_heatmaps", "overlap_outer_product", "response_gallery", "strength_bars"]

_INTERIOR = "#d62728"


def _annotate(ax, counts: np.ndarray, fontsize: float) -> None:
    top = counts.max()
    for (row, col), value in np.ndenumerate(counts):
        colour = "black" if value > 0.6 * top else "white"
        ax.text(col, row, f"{value:g}", ha="center", va="center", fontsize=fontsize, color=colour)


def overlap_heatmap(counts, lang, interior=None, title=None, ax=None, annotate=None, legend=True):
    """Draw a 2-D overlap-count map (H, W); `interior` (a 1-D range, the same for rows and columns) is outlined.

    ValueError for counts that are not a non-empty finite real 2-D array, or an interior that is not a range of
    step 1 inside the map.
    """
    check_lang(lang)
    counts = finite_array(counts, 2, "counts")
    if interior is not None and not isinstance(interior, range):
        raise ValueError(f"interior must be a range of positions or None, got {interior!r}")
    side = min(counts.shape)
    if interior is not None and len(interior) and (interior.step != 1 or interior.start < 0 or interior.stop > side):
        raise ValueError(f"interior must be a range of step 1 inside the {counts.shape[0]}×{counts.shape[1]} map "
                         f"(positions 0 to {side - 1}), got {interior!r}")
    own_figure = ax is None
    with course_fonts():
        ax = axes(ax, figsize=(3.4, 3.4))
        ax.imshow(counts, cmap="viridis", vmin=0, vmax=max(counts.max(), 1))
        if annotate if annotate is not None else max(counts.shape) <= 16:
            _annotate(ax, counts, fontsize=8 if max(counts.shape) <= 10 else 6)
        if interior is not None and len(interior) > 0:
            ax.add_patch(Rectangle((interior.start - 0.5, interior.start - 0.5), len(interior), len(interior),
                                   fill=False, edgecolor=_INTERIOR, lw=2, ls="--"))
        ax.set_xticks([])
        ax.set_yticks([])
        if title:
            ax.set_title(title, fontsize=9)
        if interior is not None and legend:
            ax.set_xlabel(message("checkerboard.interior_legend", lang), fontsize=8, color=_INTERIOR)
    if own_figure:
        inside = counts if interior is None or len(interior) == 0 else counts[interior.start:interior.stop,
                                                                               interior.start:interior.stop]
        key = "checkerboard.heatmap_alt" if interior is None else "checkerboard.heatmap_interior_alt"
        describe(ax.figure, message(key, lang, rows=counts.shape[0], cols=counts.shape[1], low=f"{counts.min():g}",
                                    high=f"{counts.max():g}", inside=", ".join(f"{v:g}" for v in np.unique(inside))))
    return ax.figure


def overlap_heatmaps(panels, lang):
    """A row of overlap heatmaps; panels is a list of (title, counts, interior range or None)."""
    check_lang(lang)
    if not panels or any(not isinstance(panel, (tuple, list)) or len(panel) != 3 for panel in panels):
        raise ValueError("panels must hold at least one (title, counts, interior) triple")
    with course_fonts():
        fig = Figure(figsize=(2.8 * len(panels), 3.2), layout="constrained")
        for ax, (title, counts, interior) in zip(fig.subplots(1, len(panels), squeeze=False)[0], panels):
            overlap_heatmap(counts, lang, interior=interior, title=title, ax=ax, legend=False)
        if any(interior is not None for _, _, interior in panels):
            fig.supxlabel(message("checkerboard.interior_legend", lang), fontsize=9, color=_INTERIOR)
    interior = message("diagrams.heatmaps_interior", lang) if any(p[2] is not None for p in panels) else ""
    titles = "; ".join(" ".join(str(p[0]).split()) for p in panels if p[0]) or "—"
    return describe(fig, message("diagrams.heatmaps_alt", lang, count=len(panels), interior=interior, titles=titles))


def overlap_outer_product(counts_1d, lang, title=None):
    """The 1-D counts (O,) along the top and the left, and their product, the 2-D map, in the corner."""
    check_lang(lang)
    counts = finite_array(counts_1d, 1, "counts_1d")
    grid = np.outer(counts, counts)
    with course_fonts():
        fig = Figure(figsize=(4.2, 4.2), layout="constrained")
        mosaic = fig.subplot_mosaic([[".", "top"], ["left", "map"]], width_ratios=[1, 4], height_ratios=[1, 4])
        positions = np.arange(len(counts))
        mosaic["top"].bar(positions, counts, color="#4c72b0", width=0.8)
        mosaic["top"].set_xlim(-0.5, len(counts) - 0.5)
        mosaic["left"].barh(positions, counts, color="#4c72b0", height=0.8)
        mosaic["left"].set_ylim(len(counts) - 0.5, -0.5)
        mosaic["left"].invert_xaxis()
        for name in ("top", "left"):
            mosaic[name].set_xticks([])
            mosaic[name].set_yticks([])
            mosaic[name].spines[:].set_visible(False)
        overlap_heatmap(grid, lang, ax=mosaic["map"], annotate=len(counts) <= 16)
        mosaic["top"].set_title(title or message("checkerboard.outer_product", lang), fontsize=9)
    return describe(fig, message("diagrams.outer_product_alt", lang, side=len(counts),
                                 counts=", ".join(f"{v:g}" for v in counts)))


def response_gallery(images, titles, lang, columns=4, title=None):
    """Grey-scale (H, W) images (e.g. one output channel for a constant input), each on its own range; flat
    ones mid-grey. `title` heads the figure; None says the images are responses to a constant input.
    ValueError for an empty list, a title count that differs, or columns below 1."""
    check_lang(lang)
    columns = positive_int(columns, "columns")
    images = [finite_array(image, 2, "each image") for image in items(images, "images", "(H, W) arrays")]
    titles = items(titles, "titles", "strings")
    if len(images) != len(titles) or not images:
        raise ValueError(f"need one title per image, got {len(images)} images and {len(titles)} titles")
    rows = -(-len(images) // columns)
    with course_fonts():
        fig = Figure(figsize=(2.3 * min(columns, len(images)), 2.5 * rows + 0.4), layout="constrained")
        grid = fig.subplots(rows, min(columns, len(images)), squeeze=False)
        for ax in grid.flat:
            ax.set_axis_off()
        for ax, image, label in zip(grid.flat, images, titles):
            low, high = image.min(), image.max()
            if high - low <= 1e-6 * max(abs(low), abs(high), 1e-30):
                low, high = low - 1, high + 1
            ax.imshow(image, cmap="gray", interpolation="nearest", vmin=low, vmax=high)
            ax.set_title(label, fontsize=8)
        fig.suptitle(message("checkerboard.gallery", lang) if title is None else title, fontsize=9)
    return describe(fig, message("diagrams.gallery_alt", lang, count=len(images), titles="; ".join(titles),
                                 title=(message("checkerboard.gallery", lang) if title is None else title).rstrip(".")))


def strength_bars(names, strengths, lang, ax=None):
    """Horizontal bars of checkerboard strength, one per layer, with the strength scale from 0 to 1.

    ValueError unless every strength lies in [0, 1] (the axis ends at 1.1) and there is one name per strength.
    """
    check_lang(lang)
    values = finite_array(strengths, 1, "strengths")
    names = items(names, "names", "labels")
    if values.min() < 0 or values.max() > 1:
        raise ValueError(f"a checkerboard strength lies in [0, 1], got {values.min():g} … {values.max():g}")
    if len(names) != len(values):
        raise ValueError(f"need one name per strength, got {len(names)} names and {len(values)} strengths")
    own_figure = ax is None
    with course_fonts():
        ax = axes(ax, figsize=(6.5, 0.35 * len(values) + 1.0))
        positions = np.arange(len(values))
        ax.barh(positions, values, color=["#c44e52" if v >= 0.1 else "#55a868" for v in values])
        for position, value in zip(positions, values):
            ax.text(value + 0.01, position, f"{value:.3f}", va="center", fontsize=8)
        ax.set_yticks(positions, names, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.1)
        ax.set_xlabel(message("checkerboard.strength_axis", lang), fontsize=9)
    if own_figure:
        describe(ax.figure, message("diagrams.strength_alt", lang,
                                    values="; ".join(f"{name} {value:.3f}" for name, value in zip(names, values))))
    return ax.figure
