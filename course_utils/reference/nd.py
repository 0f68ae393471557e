"""Scatter-add for 1-D, 2-D and 3-D transposed convolution with per-axis settings (ConvTranspose1d/2d/3d)."""

import itertools
import numbers

import torch

from course_utils.arithmetic import conv_transpose_output_size
from course_utils.reference._checks import fits, tensor

__all__ = ["conv_transpose_nd_loops"]


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _per_axis(value, axes: int, name: str) -> tuple[int, ...]:
    if _is_int(value):
        return (int(value),) * axes
    if isinstance(value, (tuple, list)) and len(value) == axes and all(_is_int(v) for v in value):
        return tuple(int(v) for v in value)
    raise ValueError(f"{name} must be an int or a tuple of {axes} ints (one per spatial axis), got {value!r}")


def conv_transpose_nd_loops(input, weight, bias=None, stride=1, padding=0, output_padding=0, dilation=1):
    """Every input position stamps input · kernel on the output (Python loop over positions), for 1 to 3 axes.

    input (N, C_in, *spatial) with 1 ≤ len(spatial) ≤ 3; weight (C_in, C_out, *kernel) as in ConvTransposeNd
    (groups=1); bias (C_out,) or None. stride, padding, output_padding, dilation: an int or one int per axis.
    Output (N, C_out, *out) with out from course_utils.arithmetic.conv_transpose_output_size per axis, whose
    RuleError (a ValueError naming the axis) is raised for sizes PyTorch refuses. TypeError for non-tensors,
    ValueError for shapes that do not match.
    """
    x, w = tensor(input, "input"), tensor(weight, "weight")
    axes = x.ndim - 2
    if not 1 <= axes <= 3 or w.ndim != x.ndim:
        raise ValueError(f"input must be (N, C_in, *spatial) with 1 to 3 spatial axes and weight "
                         f"(C_in, C_out, *kernel) with as many; got {tuple(x.shape)} and {tuple(w.shape)}")
    if w.shape[0] != x.shape[1]:
        raise ValueError(f"weight.shape[0] ({w.shape[0]}) must equal the input channels ({x.shape[1]})")
    if bias is not None and (tensor(bias, "bias").shape != (w.shape[1],)):
        raise ValueError(f"bias must have shape ({w.shape[1]},), got {tuple(bias.shape)}")
    s, p, op, d = (_per_axis(v, axes, n) for v, n in ((stride, "stride"), (padding, "padding"),
                                                       (output_padding, "output_padding"), (dilation, "dilation")))
    kernel, size = tuple(w.shape[2:]), tuple(x.shape[2:])
    out = conv_transpose_output_size(size, kernel, s, p, op, d)
    # The canvas holds every cell a stamp can reach; padding is cut from it at the end.
    reach = [max(pi + oi, (ii - 1) * si + di * (ki - 1) + 1) for pi, oi, ii, si, di, ki in zip(p, out, size, s, d, kernel)]
    fits((x.shape[0], w.shape[1], *reach), "an output canvas", "these sizes")
    canvas = x.new_zeros(x.shape[0], w.shape[1], *reach)
    for position in itertools.product(*(range(n) for n in size)):
        stamp = torch.einsum("nc,co...->no...", x[(slice(None), slice(None), *position)], w)
        window = tuple(slice(i * si, i * si + di * (ki - 1) + 1, di) for i, si, di, ki in zip(position, s, d, kernel))
        canvas[(slice(None), slice(None), *window)] += stamp
    result = canvas[(slice(None), slice(None), *(slice(pi, pi + oi) for pi, oi in zip(p, out)))]
    if bias is not None:
        result = result + bias.view(1, -1, *([1] * axes))
    return result
