"""Argument checks shared by the reference implementations: PyTorch's rules, each named when broken.

Every check runs before any computation: a TypeError for an argument of the wrong Python type, a ValueError
naming the parameter and the rule for a value PyTorch refuses (or one too large to allocate).
"""

import math
from typing import NamedTuple

import torch

from course_utils._ints import integer, per_axis
from course_utils._tensors import dense
from course_utils.arithmetic import conv_transpose_output_size

__all__ = ["Setting", "MAX_ELEMENTS", "pair", "tensor", "fits", "checked"]

# No tensor the reference builds may exceed this many elements (PyTorch's 32-bit index limit, 8 GB in float32).
MAX_ELEMENTS = 2**31 - 1


class Setting(NamedTuple):
    """A validated call: 4-D input, sizes as (height, width) pairs, and the output size."""

    input: torch.Tensor
    batched: bool
    stride: tuple[int, int]
    padding: tuple[int, int]
    output_padding: tuple[int, int]
    dilation: tuple[int, int]
    groups: int
    out_size: tuple[int, int]


def pair(value, name: str) -> tuple[int, int]:
    """(height, width) from what PyTorch takes: an int (numpy integers and one-element integer tensors too), a
    pair of them, or a sequence of one for both axes ((2,), [2], torch.tensor([2]))."""
    axes = per_axis(value)
    if axes is None:
        raise ValueError(f"{name} must be an int or a pair (height, width) of ints (a sequence of one int counts "
                         f"for both axes), got {value!r}")
    return axes[0], axes[-1]


def tensor(value, name: str) -> torch.Tensor:
    """value if it is a tensor; TypeError naming the parameter otherwise."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(value).__name__}")
    return value


def fits(shape, what: str, because: str) -> None:
    """ValueError when a tensor of this shape would hold more than MAX_ELEMENTS elements."""
    count = math.prod(shape)
    if count > MAX_ELEMENTS:
        raise ValueError(f"{because} make {what} of shape {tuple(shape)}: {count:.3g} elements, more than the "
                         f"{MAX_ELEMENTS} (2**31 − 1) this reference allocates; use smaller sizes")


def _check_tensors(input, weight, bias) -> None:
    tensor(input, "input")
    tensor(weight, "weight")
    if bias is not None:
        tensor(bias, "bias")
    if input.is_complex():
        raise ValueError(f"input must be a real floating-point tensor: this reference computes real transposed "
                         f"convolutions only, got {input.dtype}; torch.nn.functional.conv_transpose2d takes complex "
                         "tensors, use it for them")
    if not input.is_floating_point():
        raise ValueError(f"input must be a real floating-point tensor, got {input.dtype}: this reference computes in "
                         "floating point; convert input and weight with .float() (or .double(), exact for integer sums "
                         "below 2**53)")
    named = [("weight", weight)] + ([("bias", bias)] if bias is not None else [])
    for name, value in named:
        if value.dtype != input.dtype:
            raise ValueError(f"input and {name} must have the same dtype, got {input.dtype} and {value.dtype}")
        if value.device != input.device:
            raise ValueError(f"input and {name} must be on the same device, got {input.device} and {value.device}")
    for name, value in [("input", input), *named]:
        dense(value, name)


def checked(input, weight, bias, stride, padding, output_padding, groups, dilation) -> Setting:
    """Check every rule torch.nn.functional.conv_transpose2d enforces; ValueError names the broken one.

    input (C_in, H, W) or (N, C_in, H, W), weight (C_in, C_out / groups, kH, kW), bias (C_out,) or None.
    """
    _check_tensors(input, weight, bias)
    if input.dim() not in (3, 4):
        raise ValueError(f"input must be 3-D (C_in, H, W) or 4-D (N, C_in, H, W), got shape {tuple(input.shape)}")
    if weight.dim() != 4:
        raise ValueError(f"weight must be 4-D (C_in, C_out / groups, kH, kW), got shape {tuple(weight.shape)}")
    if integer(groups) is None or integer(groups) < 1:
        raise ValueError(f"groups must be a positive int, got {groups!r}")
    groups = integer(groups)
    c_in, cout_g = weight.shape[:2]
    if c_in < 1 or cout_g < 1:
        raise ValueError(f"weight.shape[0] = C_in and weight.shape[1] = C_out / groups must be at least 1, "
                         f"got shape {tuple(weight.shape)}")
    if c_in % groups:
        raise ValueError(f"weight.shape[0] = C_in = {c_in} must be divisible by groups = {groups}")
    batched = input.dim() == 4
    x = input if batched else input.unsqueeze(0)
    if x.shape[1] != c_in:
        raise ValueError(f"input has {x.shape[1]} channels but weight.shape[0] = C_in = {c_in} "
                         "(a transposed convolution's weight is (C_in, C_out / groups, kH, kW))")
    c_out = cout_g * groups
    if bias is not None and tuple(bias.shape) != (c_out,):
        raise ValueError(f"bias must have shape (C_out,) = ({c_out},) with C_out = weight.shape[1] * groups, "
                         f"got {tuple(bias.shape)}")
    s, p, op, d = (pair(stride, "stride"), pair(padding, "padding"),
                   pair(output_padding, "output_padding"), pair(dilation, "dilation"))
    out = []
    for axis, size in enumerate(x.shape[2:]):
        try:
            out.append(conv_transpose_output_size(size, weight.shape[2 + axis], s[axis], p[axis], op[axis], d[axis]))
        except ValueError as err:
            raise ValueError(f"{('height', 'width')[axis]}: {err}") from None
    n, (kh, kw), (h, w) = x.shape[0], weight.shape[2:], x.shape[2:]
    canvas = [max(pad + o, (i - 1) * st + dil * (k - 1) + 1) for pad, o, i, st, dil, k in zip(p, out, (h, w), s, d, (kh, kw))]
    because = f"input {tuple(x.shape)}, weight {tuple(weight.shape)}, stride {s}, dilation {d}"
    fits((n, c_out, *canvas), "the output before padding is cut", because)
    fits((n, c_out * kh * kw, h * w), "the kernel stamps of all input pixels (GEMM columns)", because)
    return Setting(x, batched, s, p, op, d, groups, tuple(out))
