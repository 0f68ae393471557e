"""A convolution as an explicit matrix C, so that conv2d(x) = C @ x.flatten() and the transposed one is Cᵀ."""

import torch

from course_utils.arithmetic import conv_output_size
from course_utils.reference._checks import pair, tensor

__all__ = ["conv_matrix"]


# The explicit matrix is for small, printable examples; its loops run once per entry it can fill.
MAX_ENTRIES = 2**26


def conv_matrix(weight, input_size, stride=1, padding=0, dilation=1) -> torch.Tensor:
    """C of shape (C_out·H_out·W_out, C_in·H·W) for a Conv2d weight (C_out, C_in, kH, kW) or a 2-D kernel.

    H_out = floor((H + 2P − D(kH−1) − 1) / S) + 1 (PyTorch's Conv2d docs); sizes are ints or (height, width)
    pairs. TypeError for a weight that is not a tensor; ValueError naming the rule for a size Conv2d refuses
    or a matrix of more than MAX_ENTRIES entries, before anything is allocated.
    """
    tensor(weight, "weight")
    if weight.dim() == 2:
        weight = weight[None, None]
    if weight.dim() != 4:
        raise ValueError(f"weight must be 2-D (kH, kW) or 4-D (C_out, C_in, kH, kW), got shape {tuple(weight.shape)}")
    (h, w), (sh, sw), (ph, pw), (dh, dw) = (pair(input_size, "input_size"), pair(stride, "stride"),
                                            pair(padding, "padding"), pair(dilation, "dilation"))
    c_out, c_in, kh, kw = weight.shape
    if min(h, w) < 1:
        raise ValueError(f"input_size must be at least 1 on each axis, got {input_size!r}")
    out = []
    for axis, args in (("height", (h, kh, sh, ph, dh)), ("width", (w, kw, sw, pw, dw))):
        try:
            out.append(conv_output_size(*args))
        except ValueError as err:
            raise ValueError(f"no convolution output: {axis}: {err}") from None
    oh, ow = out
    entries = c_out * oh * ow * c_in * h * w
    if entries > MAX_ENTRIES:
        raise ValueError(f"C would have {c_out * oh * ow} × {c_in * h * w} = {entries:.3g} entries, more than the "
                         f"{MAX_ENTRIES} conv_matrix builds for examples; use a smaller input_size or fewer channels")
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
