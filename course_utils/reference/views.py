"""Equivalent views that reuse an ordinary convolution (F.conv2d); each gives conv_transpose2d's numbers."""

import torch
from torch.nn import functional as F

from course_utils._ints import integer
from course_utils.reference._checks import checked, tensor

__all__ = ["as_conv_weight", "conv_transpose2d_zero_insertion", "conv_transpose2d_phases"]


def as_conv_weight(weight, groups=1):
    """The Conv2d weight (C_out, C_in / groups, kH, kW) that convolves the way this transposed weight
    (C_in, C_out / groups, kH, kW) scatters: channels swapped per group, kernel flipped. ValueError for a
    weight that is not 4-D or whose C_in is not a multiple of groups."""
    tensor(weight, "weight")
    if weight.dim() != 4:
        raise ValueError(f"weight must be 4-D (C_in, C_out / groups, kH, kW), got shape {tuple(weight.shape)}")
    if integer(groups) is None or integer(groups) < 1:
        raise ValueError(f"groups must be a positive int, got {groups!r}")
    groups = integer(groups)
    if weight.shape[0] % groups:
        raise ValueError(f"weight.shape[0] = C_in = {weight.shape[0]} must be divisible by groups = {groups}")
    c_in, cout_g, kh, kw = weight.shape
    w = weight.reshape(groups, c_in // groups, cout_g, kh, kw).transpose(1, 2)
    return w.reshape(groups * cout_g, c_in // groups, kh, kw).flip(-2, -1)


def _pad_or_cut(x, before, after):
    """Pad (positive) or cut (negative) the last two dims; before/after are (height, width) pairs."""
    return F.pad(x, (before[1], after[1], before[0], after[0]))


def conv_transpose2d_zero_insertion(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                                    dilation=1):
    """Dumoulin & Visin's view: insert stride−1 zeros, pad D(K−1)−P, convolve at stride 1 with the flipped kernel."""
    st = checked(input, weight, bias, stride, padding, output_padding, groups, dilation)
    x = st.input
    n, c_in, h, w = x.shape
    (sh, sw), kernel = st.stride, weight.shape[2:]
    spread = x.new_zeros(n, c_in, (h - 1) * sh + 1, (w - 1) * sw + 1)
    spread[:, :, ::sh, ::sw] = x
    edge = [d * (k - 1) - p for d, k, p in zip(st.dilation, kernel, st.padding)]
    spread = _pad_or_cut(spread, edge, [e + op for e, op in zip(edge, st.output_padding)])
    out = F.conv2d(spread, as_conv_weight(weight, st.groups), bias, dilation=st.dilation, groups=st.groups)
    return out if st.batched else out.squeeze(0)


def conv_transpose2d_phases(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                            dilation=1):
    """Shi et al.'s view: stride S is S² small stride-1 convolutions of the input, interleaved on the output grid."""
    st = checked(input, weight, bias, stride, padding, output_padding, groups, dilation)
    x = st.input
    n, c_in, h, w = x.shape
    (sh, sw), (dh, dw) = st.stride, st.dilation
    kh, kw = weight.shape[2:]
    dilated = weight.new_zeros(*weight.shape[:2], dh * (kh - 1) + 1, dw * (kw - 1) + 1)
    dilated[:, :, ::dh, ::dw] = weight
    full = (h - 1) * sh + dilated.shape[2], (w - 1) * sw + dilated.shape[3]
    canvas = x.new_zeros(n, weight.shape[1] * st.groups, *full)
    for ry in range(min(sh, full[0])):
        for rx in range(min(sw, full[1])):
            sub = dilated[:, :, ry::sh, rx::sw]  # the taps that land on output rows ≡ ry, cols ≡ rx (mod S)
            if sub.numel() == 0:
                continue
            a, b = sub.shape[2] - 1, sub.shape[3] - 1
            phase = F.conv2d(F.pad(x, (b, b, a, a)), as_conv_weight(sub, st.groups), groups=st.groups)
            canvas[:, :, ry::sh, rx::sw] = phase
    (ph, pw), (oh, ow) = st.padding, st.out_size
    canvas = F.pad(canvas, (0, max(0, pw + ow - full[1]), 0, max(0, ph + oh - full[0])))
    out = canvas[:, :, ph:ph + oh, pw:pw + ow]
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out if st.batched else out.squeeze(0)
