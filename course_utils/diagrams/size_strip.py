"""Where the output size of a 1-D transposed convolution comes from: spread inputs, kernel spans, crop, extend."""

from matplotlib.patches import Rectangle

from course_utils._ints import is_sequence, single
from course_utils.arithmetic import AXES, conv_transpose_output_size
from matplotlib.figure import Figure

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils.diagrams.alt import alt_text, describe
from course_utils.i18n import check_lang, message

__all__ = ["size_strip", "size_strips"]

# One drawn cell per output position; beyond this the cells are thinner than a line.
MAX_CELLS = 128
INPUT, SPAN, OUTPUT, CROPPED, BIAS, KEPT = "#4c72b0", "#dd8452", "#55a868", "#c8c8c8", "#f2d16b", "#8b1a1a"


def _cell(ax, x, y, colour, hatch=None, label=None, fontsize=10, edge="#555555", lw=0.6):
    ax.add_patch(Rectangle((x + 0.04, y - 0.4), 0.92, 0.8, facecolor=colour, edgecolor=edge, lw=lw, hatch=hatch))
    if label is not None:
        ax.text(x + 0.5, y, label, ha="center", va="center", fontsize=fontsize, color="white")


def _bracket(ax, start, stop, y, text):
    ax.plot([start + 0.05, start + 0.05, stop - 0.05, stop - 0.05], [y + 0.15, y, y, y + 0.15], color="#333333", lw=0.8)
    ax.text((start + stop) / 2, y - 0.1, text, ha="center", va="top", fontsize=10)


def size_strip(size, kernel_size, stride, padding, output_padding, dilation, lang, ax=None):
    """One row per step of O = (I−1)S − 2P + D(K−1) + P_out + 1, drawn cell by cell in output coordinates.

    Sizes are single ints (one axis; numpy integers, one-element integer tensors and one-int sequences count).
    RuleError where ConvTranspose2d refuses them, ValueError for a (height, width) pair or when the strip would
    need more than MAX_CELLS cells.
    """
    check_lang(lang)
    named = {"size": size, "kernel_size": kernel_size, "stride": stride, "padding": padding,
             "output_padding": output_padding, "dilation": dilation}
    for name, value in named.items():
        if is_sequence(value) and single(value) is None:
            raise ValueError(f"size_strip draws one axis: give {name} as one integer, not a per-axis sequence "
                             f"(got {value!r})")
    named = {name: value if single(value) is None else single(value) for name, value in named.items()}
    out = conv_transpose_output_size(**named)
    size, kernel_size, stride, padding, output_padding, dilation = named.values()
    span = dilation * (kernel_size - 1) + 1
    full = (size - 1) * stride + span
    width = max(full, padding + out)
    if width > MAX_CELLS:
        raise ValueError(f"size_strip draws one cell per position and would need {width}; at most {MAX_CELLS} fit "
                         "a figure, so use smaller sizes")
    labelled = width <= 32
    with course_fonts():
        ax = axes(ax, figsize=(min(12.0, max(7.5, 2.5 + 0.3 * width)), 3.9))
        for i in range(size):
            _cell(ax, i * stride, 3, INPUT, label=f"{i}" if labelled else None)
        lanes = min(size, 6)
        for i in range(size):
            y = 2.1 - 0.9 * (i % lanes) / max(lanes - 1, 1)
            ax.plot([i * stride + 0.5, i * stride + span - 0.5], [y, y], color=SPAN, lw=1.2)
            taps = [i * stride + t * dilation + 0.5 for t in range(kernel_size)]
            ax.plot(taps, [y] * kernel_size, "o", color=SPAN, ms=3.5 if labelled else 2)
        for x in range(width):
            kept = padding <= x < padding + out
            if not kept:
                _cell(ax, x, 0, CROPPED, hatch="//")
            elif x >= full:
                _cell(ax, x, 0, BIAS, hatch="..")
            elif x >= full - padding:
                _cell(ax, x, 0, OUTPUT, label=f"{x - padding}" if labelled else None, edge=KEPT, lw=2.0)
            else:
                _cell(ax, x, 0, OUTPUT, label=f"{x - padding}" if labelled else None)
        _bracket(ax, 0, (size - 1) * stride, -0.65, f"(I−1)·S = {(size - 1) * stride}")
        _bracket(ax, (size - 1) * stride, full, -1.35, f"D(K−1)+1 = {span}")
        ax.set_yticks([3, 1.65, 0], [message("size_strip.input", lang, stride=stride),
                                    message("size_strip.span", lang, span=span),
                                    message("size_strip.output", lang, out=out)])
        legend = []
        if padding:
            legend.append((Rectangle((0, 0), 1, 1, facecolor=CROPPED, hatch="//", edgecolor="#555555"),
                           message("size_strip.cropped", lang, padding=padding)))
        if output_padding and padding:
            legend.append((Rectangle((0, 0), 1, 1, facecolor=OUTPUT, edgecolor=KEPT, lw=2.0),
                           message("size_strip.kept", lang)))
        if padding + out > full:
            legend.append((Rectangle((0, 0), 1, 1, facecolor=BIAS, hatch="..", edgecolor="#555555"),
                           message("size_strip.bias_only", lang)))
        if legend:
            ax.legend(*zip(*legend), loc="upper left", bbox_to_anchor=(0.0, 0.0), fontsize=10, frameon=False,
                      ncols=min(len(legend), 2))
        ax.set_title(f"I={size}, K={kernel_size}, S={stride}, P={padding}, P_out={output_padding}, D={dilation}"
                     f"  →  O={out}", fontsize=11, loc="left")
        ax.set_xlim(-0.2, width + 0.2)
        ax.set_ylim(-2.1, 3.6)
        ax.set_xticks([])
        ax.tick_params(axis="y", length=0, labelsize=10)
        for spine in ax.spines.values():
            spine.set_visible(False)
    return describe(ax.figure, message("size_strip.alt", lang, size=size, kernel_size=kernel_size, stride=stride,
                                       padding=padding, output_padding=output_padding, dilation=dilation,
                                       full=full, out=out))


def size_strips(settings, lang):
    """One size_strip per axis, stacked, each titled with its axis name (depth, height, width in the lesson's
    language).

    settings: {"height": (size, kernel_size, stride, padding, output_padding, dilation), "width": (...)}, axis names
    as course_utils.arithmetic.AXES gives them. ValueError for settings that are not such a dict of 1 to 3 axes;
    RuleError / ValueError as size_strip, for the first axis that breaks a rule.
    """
    check_lang(lang)
    names = {name for axes in AXES.values() for name in axes}
    if not isinstance(settings, dict) or not 1 <= len(settings) <= 3 or not set(settings) <= names \
            or any(not isinstance(v, (tuple, list)) or len(v) != 6 for v in settings.values()):
        raise ValueError("settings must be a dict of 1 to 3 axes, e.g. {'height': (size, kernel_size, stride, "
                         "padding, output_padding, dilation), 'width': (...)}, with axis names from "
                         f"{sorted(names)}; got {settings!r}")
    for values in settings.values():
        conv_transpose_output_size(*values)
    figure = Figure(figsize=(10.0, 3.6 * len(settings)), layout="constrained")
    alts = []
    with course_fonts():
        for ax, (side, values) in zip(figure.subplots(len(settings), 1, squeeze=False)[:, 0], settings.items()):
            size_strip(*values, lang, ax=ax)
            name = message(f"arithmetic.axis.{side}", lang)
            ax.set_title(f"{name}: {ax.get_title(loc='left')}", fontsize=11, loc="left")
            alts.append(f"{name}: {alt_text(figure)}")
    return describe(figure, " ".join(alts))
