"""Argument checks shared by the reference implementations: PyTorch's rules, each named when broken."""

from typing import NamedTuple

import torch

from course_utils.arithmetic import conv_transpose_output_size

__all__ = ["Setting", "pair", "checked"]


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
    """An int or a pair of ints as (height, width)."""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        value = tuple(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        value = (value, value)
    if not (isinstance(value, tuple) and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        raise ValueError(f"{name} must be an int or a pair of ints, got {value!r}")
    return value


def checked(input, weight, bias, stride, padding, output_padding, groups, dilation) -> Setting:
    """Check every rule torch.nn.functional.conv_transpose2d enforces; ValueError names the broken one."""
    if input.dim() not in (3, 4):
        raise ValueError(f"input must be 3-D (C_in, H, W) or 4-D (N, C_in, H, W), got shape {tuple(input.shape)}")
    if weight.dim() != 4:
        raise ValueError(f"weight must be 4-D (C_in, C_out / groups, kH, kW), got shape {tuple(weight.shape)}")
    if input.dtype != weight.dtype:
        raise ValueError(f"input and weight must have the same dtype, got {input.dtype} and {weight.dtype}")
    if not isinstance(groups, int) or isinstance(groups, bool) or groups < 1:
        raise ValueError(f"groups must be a positive int, got {groups!r}")
    c_in = weight.shape[0]
    if c_in % groups:
        raise ValueError(f"weight.shape[0] = C_in = {c_in} must be divisible by groups = {groups}")
    batched = input.dim() == 4
    x = input if batched else input.unsqueeze(0)
    if x.shape[1] != c_in:
        raise ValueError(f"input has {x.shape[1]} channels but weight.shape[0] = C_in = {c_in} "
                         "(a transposed convolution's weight is (C_in, C_out / groups, kH, kW))")
    c_out = weight.shape[1] * groups
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
    return Setting(x, batched, s, p, op, d, groups, tuple(out))
