"""Figures of the super-resolution lab: enlarged crops side by side, PSNR gains against the seed-to-seed range."""

import numpy as np
from matplotlib.figure import Figure

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils.diagrams._checks import finite_array, items, positive_int
from course_utils.diagrams.alt import describe
from course_utils.i18n import check_lang, message

__all__ = ["crop_gallery", "gain_bars"]


def crop_gallery(crops, titles, image_name, lang, columns=4, note=None):
    """Square grey (H, W) crops in [0, 1], drawn pixel by pixel on one fixed brightness range; `note` ends the title.

    ValueError for no crops, crops of different shapes, with NaN or with values outside [0, 1] (they would be
    clipped silently), a title count that differs, columns below 1.
    """
    check_lang(lang)
    columns = positive_int(columns, "columns")
    crops = [finite_array(crop, 2, "each crop") for crop in items(crops, "crops", "(H, W) arrays")]
    titles = items(titles, "titles", "strings")
    if not crops or len(crops) != len(titles) or any(c.ndim != 2 or c.shape != crops[0].shape for c in crops):
        raise ValueError(f"need one title per crop and 2-D crops of one shape, got {len(crops)} crops, {len(titles)} titles")
    low, high = min(c.min() for c in crops), max(c.max() for c in crops)
    if low < 0 or high > 1:
        raise ValueError(f"each crop must hold values in [0, 1], the brightness range it is drawn on, got {low:g} … "
                         f"{high:g}; clamp the crops with .clamp(0, 1) (or numpy.clip) to draw them clipped")
    rows = -(-len(crops) // columns)
    with course_fonts():
        fig = Figure(figsize=(2.2 * min(columns, len(crops)), 2.4 * rows + 0.4), layout="constrained")
        grid = fig.subplots(rows, min(columns, len(crops)), squeeze=False)
        for ax in grid.flat:
            ax.set_axis_off()
        for ax, crop, title in zip(grid.flat, crops, titles):
            ax.imshow(crop, cmap="gray", interpolation="nearest", vmin=0.0, vmax=1.0)
            ax.set_title(title, fontsize=8)
        title = message("super_resolution.crops", lang, image=image_name, size=crops[0].shape[0])
        fig.suptitle(f"{title}: {note}" if note else title, fontsize=9)
    return describe(fig, message("diagrams.crops_alt", lang, title=f"{title}: {note}" if note else title,
                                 size=crops[0].shape[0], count=len(crops), titles="; ".join(titles)))


def gain_bars(names, gains, seed_range, seed_model, lang, ax=None):
    """One bar per model (dB over bicubic), with the band that seeds alone span for one model as a grey stripe.

    ValueError for no gains, NaN or infinite values, a name count that differs, or seed_range not (low, high).
    """
    check_lang(lang)
    gains = finite_array(gains, 1, "gains")
    names = items(names, "names", "labels")
    band = finite_array(seed_range, 1, "seed_range")
    if len(band) != 2 or band[0] > band[1]:
        raise ValueError(f"seed_range must be (low, high) with low ≤ high, got {seed_range!r}")
    low, high = band
    if len(names) != len(gains):
        raise ValueError(f"need one name per gain, got {len(names)} names and {len(gains)} gains")
    own_figure = ax is None
    with course_fonts():
        ax = axes(ax, figsize=(6.5, 0.35 * len(gains) + 1.2))
        positions = np.arange(len(gains))
        ax.axvspan(low, high, color="0.85", label=message("super_resolution.seed_band", lang, model=seed_model))
        ax.barh(positions, gains, color=["#55a868" if g > 0 else "#c44e52" for g in gains])
        for position, gain in zip(positions, gains):
            ax.text(gain, position, f" {gain:+.2f}", va="center", ha="left" if gain >= 0 else "right", fontsize=8)
        ax.axvline(0.0, color="black", linewidth=0.8)
        ax.set_yticks(positions, names, fontsize=8)
        ax.invert_yaxis()
        span = max(np.abs(gains).max(), abs(low), abs(high), 1e-3)
        ax.set_xlim(min(0.0, gains.min(), low) - 0.25 * span, max(0.0, gains.max(), high) + 0.3 * span)
        ax.set_xlabel(message("super_resolution.gain_axis", lang), fontsize=9)
        ax.legend(fontsize=8, loc="lower right")
    if own_figure:
        describe(ax.figure, message("diagrams.gains_alt", lang, band=message("super_resolution.seed_band", lang, model=seed_model),
                                    values="; ".join(f"{name} {gain:+.2f} dB" for name, gain in zip(names, gains))))
    return ax.figure
