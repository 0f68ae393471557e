"""The encoder-decoder shape: sizes shrink by downsampling, then grow back by upsampling."""

from matplotlib.patches import FancyArrowPatch, Rectangle

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils.diagrams._checks import items, positive_int
from course_utils.diagrams.alt import describe
from course_utils.i18n import check_lang, message


def encoder_decoder(sizes, lang, skips=True, ax=None):
    """Draw one box per stage, its height proportional to log2(size); sizes run from input to bottleneck.

    ValueError unless sizes are at least two positive integers, each smaller than the one before.
    """
    check_lang(lang)
    sizes = [positive_int(s, "each size") for s in items(sizes, "sizes", "positive integers")]
    if len(sizes) < 2 or any(b >= a for a, b in zip(sizes, sizes[1:])):
        raise ValueError(f"sizes must shrink stage by stage, from the input to the bottleneck; got {sizes}")
    with course_fonts():
        ax = axes(ax, figsize=(8.4, 3.4))
        path = sizes + sizes[-2::-1]
        scale = max(s.bit_length() for s in sizes)
        width, gap = 0.6, 0.5
        centres = []
        for i, size in enumerate(path):
            height = size.bit_length() / scale * 2.4
            x = i * (width + gap)
            encoder = i < len(sizes) - 1
            colour = "#4c72b0" if encoder else ("#8c8c8c" if i == len(sizes) - 1 else "#dd8452")
            ax.add_patch(Rectangle((x, -height / 2), width, height, color=colour, alpha=0.85))
            ax.text(x + width / 2, -height / 2 - 0.15, f"{size}×{size}", ha="center", va="top", fontsize=10)
            centres.append((x + width / 2, height))
        for (x0, _), (x1, _) in zip(centres, centres[1:]):
            ax.add_patch(FancyArrowPatch((x0 + width / 2, 0), (x1 - width / 2, 0), arrowstyle="-|>",
                                         mutation_scale=10, color="#333333"))
        if skips:
            last = len(path) - 1
            for i in range(len(sizes) - 1):
                (xa, ha), (xb, _) = centres[i], centres[last - i]
                top = 1.35 + 0.12 * (len(sizes) - i)
                ax.plot([xa, xa, xb, xb], [ha / 2, top, top, ha / 2], color="#55a868", lw=1, ls="--")
            ax.text(centres[0][0], 1.5 + 0.12 * len(sizes), message("diagrams.skip", lang),
                    color="#55a868", fontsize=10)
        mid = len(sizes) - 1
        ax.text(centres[mid // 2][0], -1.75, message("diagrams.encoder", lang), ha="center", color="#4c72b0")
        ax.text(centres[mid + (len(path) - mid) // 2][0], -1.75, message("diagrams.decoder", lang),
                ha="center", color="#dd8452")
        ax.text(centres[mid][0], -1.32, message("diagrams.bottleneck", lang), ha="center", fontsize=10, color="#555555")
        ax.set_xlim(-0.4, len(path) * (width + gap))
        ax.set_ylim(-2.0, 2.4)
        ax.set_axis_off()
    down = " → ".join(str(s) for s in sizes)
    up = " → ".join(str(s) for s in sizes[::-1])
    extra = message("diagrams.encoder_decoder_alt_skips", lang) if skips else ""
    return describe(ax.figure, message("diagrams.encoder_decoder_alt", lang, down=down, up=up, skips=extra))
