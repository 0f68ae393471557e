"""A convolution as an explicit matrix C, so that conv2d(x) = C @ x.flatten() and the transposed one is Cᵀ."""

import torch

from course_utils.reference._checks import pair

__all__ = ["conv_matrix"]


def conv_matrix(weight, input_size, stride=1, padding=0, dilation=1) -> torch.Tensor:
    """C of shape (C_out·H_out·W_out, C_in·H·W) for a Conv2d weight (C_out, C_in, kH, kW) or a 2-D kernel."""
    if weight.dim() == 2:
        weight = weight[None, None]
    if weight.dim() != 4:
        raise ValueError(f"weight must be 2-D (kH, kW) or 4-D (C_out, C_in, kH, kW), got shape {tuple(weight.shape)}")
    (h, w), (sh, sw), (ph, pw), (dh, dw) = (pair(input_size, "input_size"), pair(stride, "stride"),
                                            pair(padding, "padding"), pair(dilation, "dilation"))
    c_out, c_in, kh, kw = weight.shape
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    if min(h, w, sh, sw, dh, dw) < 1 or min(ph, pw) < 0 or min(oh, ow) < 1:
        raise ValueError(f"no convolution output: input {(h, w)}, kernel {(kh, kw)}, stride {(sh, sw)}, "
                         f"padding {(ph, pw)}, dilation {(dh, dw)}")
    c = weight.new_zeros(c_out, oh, ow, c_in, h, w)
    for y in range(oh):
        for x in range(ow):
            for ki in range(kh):
                for kj in range(kw):
                    # Output (y, x) reads input (iy, ix) through kernel tap (ki, kj); padding reads nothing.
                    iy, ix = y * sh - ph + ki * dh, x * sw - pw + kj * dw
                    if 0 <= iy < h and 0 <= ix < w:
                        c[:, y, x, :, iy, ix] = weight[:, :, ki, kj]
    return c.reshape(c_out * oh * ow, c_in * h * w)
