"""The interior of an overlap map (output positions the border cannot reach) and a verdict on its evenness."""

from course_utils.arithmetic import one_axis, overlap_counts_1d
from course_utils.i18n import message

__all__ = ["interior_range", "interior_values", "verdict"]


def interior_range(input_size: int, kernel_size: int, stride: int, padding: int = 0) -> range:
    """Output positions (1-D) that every input able to reach them exists for: [max(0, K−S) − P, I·S − P) ∩ output.

    Arguments as overlap_counts_1d (ints, numpy integers, one-element integer tensors or sequences); RuleError as it.
    """
    input_size, kernel_size, stride, padding = one_axis(input_size=input_size, kernel_size=kernel_size,
                                                        stride=stride, padding=padding)
    out = len(overlap_counts_1d(input_size, kernel_size, stride, padding))
    start = max(max(0, kernel_size - stride) - padding, 0)
    stop = min(input_size * stride - padding, out)
    return range(start, max(start, stop))


def interior_values(input_size: int, kernel_size: int, stride: int, padding: int = 0) -> list[int]:
    """The distinct 1-D overlap counts inside the interior, ascending."""
    counts = overlap_counts_1d(input_size, kernel_size, stride, padding)
    inside = interior_range(input_size, kernel_size, stride, padding)
    return sorted(set(counts[inside.start:inside.stop].tolist()))


def _join(values) -> str:
    return ", ".join(str(v) for v in values)


def verdict(input_size: int, kernel_size: int, stride: int, padding: int = 0, lang: str = "en") -> str:
    """One sentence in lang: is the interior even, uneven (a period-S pattern), holed, or too small to judge?"""
    input_size, kernel_size, stride, padding = one_axis(input_size=input_size, kernel_size=kernel_size,
                                                        stride=stride, padding=padding)
    inside = interior_range(input_size, kernel_size, stride, padding)
    k, s = kernel_size, stride
    if len(inside) < stride:
        return message("overlap.too_small", lang, length=len(inside), s=s)
    values = interior_values(input_size, kernel_size, stride, padding)
    values_2d = sorted({a * b for a in values for b in values})
    if values[0] == 0:
        return message("overlap.holes", lang, k=k, s=s, values2d=_join(values_2d))
    if len(values) == 1:
        counts = overlap_counts_1d(input_size, kernel_size, stride, padding).tolist()
        text = message("overlap.even", lang, k=k, s=s, count1d=values[0], count2d=values[0] ** 2)
        if set(counts) != set(values):
            whole = sorted({a * b for a in counts for b in counts})
            text += " " + message("overlap.border_only", lang, values2d=_join(whole))
        return text
    ratio = values[-1] / values[0]
    return message("overlap.uneven", lang, k=k, s=s, values1d=_join(values), values2d=_join(values_2d),
                   ratio1d=f"{ratio:g}", ratio2d=f"{ratio * ratio:g}")
