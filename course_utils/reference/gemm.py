"""The fast formulations: one big matrix product, then either col2im (F.fold) or an interleave of phases."""

import torch
from torch.nn import functional as F

from course_utils.reference._checks import Setting, checked

__all__ = ["conv_transpose2d"]

# Measured crossover (float32 and float64, one thread): below ~30 positions per input channel, col2im wins.
PHASES_MIN_POSITIONS_PER_CHANNEL = 32


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """torch.nn.functional.conv_transpose2d from matrix products and copies; no convolution op inside.

    Shapes: input (N, C_in, H, W) or (C_in, H, W), weight (C_in, C_out / groups, kH, kW), bias (C_out,) or None;
    the output is (N, C_out, H_out, W_out) with H_out = (H−1)S − 2P + D(kH−1) + P_out + 1 (PyTorch's docs),
    differentiable in input, weight and bias. TypeError for a non-tensor argument, ValueError naming the rule
    for anything PyTorch refuses (see _checks.checked), both before any computation.

    GEMM + col2im always works. When the kernel is a multiple of the stride (k4 s2, k2 s2, ...) and the batch
    has many positions per input channel, the sub-pixel form is faster: it never overlap-adds, and its one-off
    cost (rearranging the weight) is spread over many positions.
    """
    st = checked(input, weight, bias, stride, padding, output_padding, groups, dilation)
    n, c_in, h, w = st.input.shape
    kernel = weight.shape[2:]
    if (st.groups == 1 and st.dilation == (1, 1) and all(k % s == 0 for k, s in zip(kernel, st.stride))
            and n * h * w >= PHASES_MIN_POSITIONS_PER_CHANNEL * c_in):
        out = _gemm_phases(st, weight, bias)
    else:
        out = _gemm_col2im(st, weight, bias)
    return out if st.batched else out.squeeze(0)


def _gemm_col2im(st: Setting, weight, bias):
    """Every input pixel times the whole kernel (one GEMM), then F.fold adds the overlapping stamps."""
    x, groups = st.input, st.groups
    n, c_in, h, w = x.shape
    kh, kw = weight.shape[2:]
    c_out = weight.shape[1] * groups
    if groups == 1 and n == 1:  # a plain 2-D GEMM skips the batched path's overhead
        cols = (weight.reshape(c_in, -1).t() @ x.reshape(c_in, h * w))[None]
    else:
        xg = x.reshape(n, groups, c_in // groups, h * w)
        wg = weight.reshape(groups, c_in // groups, -1)
        cols = (wg.transpose(1, 2) @ xg).reshape(n, c_out * kh * kw, h * w)
    if all(op < s for op, s in zip(st.output_padding, st.stride)):
        out = F.fold(cols, st.out_size, (kh, kw), dilation=st.dilation, padding=st.padding, stride=st.stride)
    else:
        # output_padding >= stride (allowed when smaller than dilation): fold the whole canvas, then cut it.
        full = [(size - 1) * s + d * (k - 1) + 1 for size, s, d, k in zip((h, w), st.stride, st.dilation, (kh, kw))]
        canvas = F.fold(cols, full, (kh, kw), dilation=st.dilation, stride=st.stride)
        (ph, pw), (oh, ow) = st.padding, st.out_size
        canvas = F.pad(canvas, (0, max(0, pw + ow - full[1]), 0, max(0, ph + oh - full[0])))
        out = canvas[:, :, ph:ph + oh, pw:pw + ow].contiguous()
    return out if bias is None else out + bias.view(1, -1, 1, 1)


def _gemm_phases(st: Setting, weight, bias):
    """Sub-pixel form (groups 1, dilation 1, kernel a multiple of the stride): each output phase
    (rows ≡ ry, cols ≡ rx mod S) is an ordinary correlation of the input with an M×M sub-kernel, M = K/S.
    One GEMM computes all S² phases at once; strided copies interleave them into the output."""
    x = st.input
    n, c_in, h, w = x.shape
    c_out, kh, kw = weight.shape[1:]
    (sh, sw), (ph, pw), (oh, ow) = st.stride, st.padding, st.out_size
    mh, mw = kh // sh, kw // sw
    # Tap t = m·S + r lands on phase r, m rows below the input row; patch offset u = M − 1 − m.
    sub = weight.view(c_in, c_out, mh, sh, mw, sw).permute(3, 5, 1, 0, 2, 4).flip(4, 5)
    sub = sub.reshape(sh * sw * c_out, c_in * mh * mw)
    # Phase rows q = 0 … hq − 1 cover the output (plus output_padding rows that only get the bias).
    hq, wq = max(h + mh - 1, -(-(ph + oh) // sh)), max(w + mw - 1, -(-(pw + ow) // sw))
    xp = F.pad(x, (mw - 1, wq - w, mh - 1, hq - h)).transpose(0, 1)
    patches = x.new_empty(c_in, mh, mw, n, hq, wq)
    for uy in range(mh):
        for ux in range(mw):
            patches[:, uy, ux] = xp[:, :, uy:uy + hq, ux:ux + wq]
    phases = (sub @ patches.view(c_in * mh * mw, n * hq * wq)).view(sh, sw, c_out, n, hq, wq)
    out = x.new_empty(n, c_out, oh, ow)
    for py in range(min(sh, oh)):
        (qy, ry), ny = divmod(py + ph, sh), len(range(py, oh, sh))
        for px in range(min(sw, ow)):
            (qx, rx), nx = divmod(px + pw, sw), len(range(px, ow, sw))
            out[:, :, py::sh, px::sw] = phases[ry, rx, :, :, qy:qy + ny, qx:qx + nx].transpose(0, 1)
    return out if bias is None else out + bias.view(1, -1, 1, 1)
