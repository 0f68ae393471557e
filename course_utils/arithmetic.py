"""Output-size arithmetic of convolution and transposed convolution, with PyTorch's accept/reject rules."""

from functools import partial, wraps
from inspect import signature

import torch

from course_utils._ints import integer, is_sequence, per_axis
from course_utils.i18n import message

__all__ = [
    "MAX_POSITIONS",
    "RuleError",
    "conv_output_size",
    "conv_transpose_output_size",
    "output_size_range",
    "overlap_counts_1d",
    "overlap_map",
]


# Axis names by the number of axes, as Conv1d / Conv2d / Conv3d count them (N, C, [D,] [H,] W).
AXES = {1: ("length",), 2: ("height", "width"), 3: ("depth", "height", "width")}
# overlap_counts_1d and overlap_map build one tensor entry per output position; beyond this they would need gigabytes.
MAX_POSITIONS = 2**26


class RuleError(ValueError):
    """A size configuration PyTorch refuses; `explain(lang)` names the broken rule in ko or en.

    `axis` ("length"; "height" or "width"; "depth", "height" or "width"; None for a single size) says which entry
    of a per-axis tuple (1-D, 2-D or 3-D) broke it.
    """

    def __init__(self, key: str, axis: str | None = None, **values):
        self.key, self.axis, self.values = key, axis, values
        super().__init__(self.explain("en"))

    def explain(self, lang: str) -> str:
        text = message(f"arithmetic.{self.key}", lang, **self.values)
        return text if self.axis is None else f"{message(f'arithmetic.axis.{self.axis}', lang)}: {text}"

    def __reduce__(self):
        return partial(type(self), self.key, self.axis, **self.values), ()


def _require(condition: bool, key: str, **values) -> None:
    if not condition:
        raise RuleError(key, **values)


def _integers(**named) -> list[int]:
    values = [integer(value) for value in named.values()]
    for (name, value), whole in zip(named.items(), values):
        _require(whole is not None, "not_integer", name=name, value=repr(value))
    return values


def one_axis(**named) -> list[int]:
    """The integers of a one-axis helper: a sequence of one integer counts as that integer, a longer one is
    RuleError "one_axis"."""
    values = {}
    for name, value in named.items():
        if is_sequence(value):
            axes = per_axis(value)
            _require(axes is not None and len(axes) == 1, "one_axis", name=name, value=repr(value))
            value = axes[0]
        values[name] = value
    return _integers(**values)


def _per_axis(function):
    """Let function take its sizes per axis, like PyTorch's Conv1d/2d/3d: (length,), (height, width) or
    (depth, height, width) as a tuple, list, 1-D tensor or 1-D array. The longest sequence sets the number of
    axes; a sequence of one integer and a plain integer apply to every axis ((2,) with a (height, width) size means
    2 on both axes, as in torch.nn.functional.conv_transpose2d). It then returns a tuple, one result per axis, and
    a broken rule names its axis. Plain integers (numpy integers and one-element integer tensors too) give a plain
    result."""
    parameters = signature(function)

    @wraps(function)
    def per_axis_call(*args, **kwargs):
        named = parameters.bind(*args, **kwargs).arguments
        if not any(is_sequence(value) for value in named.values()):
            return function(*args, **kwargs)
        axes = {name: per_axis(value, most=len(AXES)) for name, value in named.items()}
        count = max(len(values) for values in axes.values() if values is not None)
        for name, value in named.items():
            _require(axes[name] is not None and len(axes[name]) in (1, count), "not_per_axis", name=name,
                     value=repr(value))
        results = []
        for axis, side in enumerate(AXES[count]):
            one = {name: values[axis % len(values)] for name, values in axes.items()}
            try:
                results.append(function(**one))
            except RuleError as err:
                raise RuleError(err.key, side, **err.values) from None
        return tuple(results)

    return per_axis_call


def _check_common(size, kernel_size, stride, padding, dilation) -> list[int]:
    values = _integers(size=size, kernel_size=kernel_size, stride=stride, padding=padding, dilation=dilation)
    size, kernel_size, stride, padding, dilation = values
    _require(size >= 1, "at_least_one", name="size", value=size)
    _require(kernel_size >= 1, "at_least_one", name="kernel_size", value=kernel_size)
    _require(stride >= 1, "at_least_one", name="stride", value=stride)
    _require(padding >= 0, "not_negative", name="padding", value=padding)
    _require(dilation >= 1, "at_least_one", name="dilation", value=dilation)
    return values


@_per_axis
def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """O = floor((I + 2P - D(K-1) - 1) / S) + 1, as torch.nn.Conv2d computes it (formula from its docs).

    Each argument is an int or a per-axis tuple of 1, 2 or 3 ints (all tuples the same length); with tuples
    the result has one entry per axis, e.g. (O_height, O_width).
    RuleError (a ValueError) names the broken rule, and the axis for pairs.
    """
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    span = dilation * (kernel_size - 1) + 1
    _require(span <= size + 2 * padding, "kernel_too_large", span=span, padded=size + 2 * padding)
    return (size + 2 * padding - span) // stride + 1


@_per_axis
def conv_transpose_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0,
                               output_padding: int = 0, dilation: int = 1) -> int:
    """O = (I-1)S - 2P + D(K-1) + P_out + 1, as torch.nn.ConvTranspose2d computes it (formula from its docs).

    Each argument is an int or a per-axis tuple of 1, 2 or 3 ints (all tuples the same length); with tuples
    the result has one entry per axis, e.g. (O_height, O_width).
    RuleError (a ValueError) names the broken rule, and the axis for pairs.
    """
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    (output_padding,) = _integers(output_padding=output_padding)
    _require(output_padding >= 0, "not_negative", name="output_padding", value=output_padding)
    _require(output_padding < stride or output_padding < dilation,
             "output_padding_too_large", output_padding=output_padding, stride=stride, dilation=dilation)
    out = (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
    _require(out >= 1, "output_too_small", out=out)
    return out


@_per_axis
def output_size_range(size: int, kernel_size: int, stride: int = 1, padding: int = 0,
                      dilation: int = 1) -> range:
    """The sizes ConvTranspose2d.forward(x, output_size=...) accepts: [min, min + S - 1], at least 1.

    The width is S whatever the dilation: forward sets output_padding = output_size - min (see PyTorch's
    ConvTranspose2d._output_padding). With per-axis tuples (1-D, 2-D, 3-D): one range per axis. RuleError otherwise.
    """
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    smallest = (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + 1
    largest = smallest + stride - 1
    _require(largest >= 1, "no_output_size", smallest=smallest, largest=largest)
    return range(max(smallest, 1), largest + 1)


def overlap_counts_1d(input_size: int, kernel_size: int, stride: int, padding: int = 0) -> torch.Tensor:
    """For each output position, how many input positions a transposed convolution adds there: int64 (O,).

    Output position o (before padding is cut, x = o + P) receives input i when iS ≤ x ≤ iS + K − 1, so the
    count is the size of [ceil((x − K + 1) / S), floor(x / S)] ∩ [0, I − 1]. One axis only: a sequence of
    one int counts as that int, RuleError "one_axis" for a pair (use overlap_map), "too_large" beyond
    MAX_POSITIONS, the size rules otherwise.
    """
    size, kernel_size, stride, padding = one_axis(input_size=input_size, kernel_size=kernel_size, stride=stride,
                                                   padding=padding)
    for name, value in (("input_size", size), ("kernel_size", kernel_size), ("stride", stride)):
        _require(value >= 1, "at_least_one", name=name, value=value)
    _require(padding >= 0, "not_negative", name="padding", value=padding)
    out = conv_transpose_output_size(size, kernel_size, stride, padding)
    _require(out <= MAX_POSITIONS, "too_large", count=out, limit=MAX_POSITIONS)
    x = torch.arange(padding, padding + out, dtype=torch.int64)
    last = torch.clamp(torch.div(x, stride, rounding_mode="floor"), max=size - 1)
    first = torch.clamp(-torch.div(kernel_size - 1 - x, stride, rounding_mode="floor"), min=0)
    return torch.clamp(last - first + 1, min=0)


def overlap_map(input_size, kernel_size, stride, padding=0) -> torch.Tensor:
    """The overlap counts of a transposed convolution: the outer product of the 1-D counts of each axis.

    Plain ints give the 2-D map (O, O), the same on both axes. Per-axis tuples give one dimension per axis:
    (O,) for 1-D, (O_height, O_width) for 2-D, (O_depth, O_height, O_width) for 3-D. RuleError as
    overlap_counts_1d (naming the axis), "too_large" when the map would exceed MAX_POSITIONS entries.
    """
    counts = _per_axis(overlap_counts_1d)(input_size, kernel_size, stride, padding)
    per_axis = counts if isinstance(counts, tuple) else (counts, counts)
    total = 1
    for one in per_axis:
        total *= len(one)
    _require(total <= MAX_POSITIONS, "too_large", count=total, limit=MAX_POSITIONS)
    grid = per_axis[0]
    for one in per_axis[1:]:
        grid = grid[..., None] * one
    return grid
