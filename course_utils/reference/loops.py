"""The readable formulation: every input pixel stamps a scaled copy of the kernel on the output (scatter-add)."""

import torch

from course_utils.reference._checks import checked

__all__ = ["conv_transpose2d_loops"]


def conv_transpose2d_loops(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    """Scatter-add with Python loops over input positions: slow, but each line is one step of the picture."""
    st = checked(input, weight, bias, stride, padding, output_padding, groups, dilation)
    x, groups = st.input, st.groups
    n, c_in, h, w = x.shape
    kh, kw = weight.shape[2:]
    (sh, sw), (dh, dw), (ph, pw), (oh, ow) = st.stride, st.dilation, st.padding, st.out_size
    cin_g, cout_g = c_in // groups, weight.shape[1]
    # The canvas holds every cell a stamp can reach; padding is cut from it at the end.
    canvas = x.new_zeros(n, cout_g * groups, max(ph + oh, (h - 1) * sh + dh * (kh - 1) + 1),
                         max(pw + ow, (w - 1) * sw + dw * (kw - 1) + 1))
    for g in range(groups):
        ins, outs = slice(g * cin_g, (g + 1) * cin_g), slice(g * cout_g, (g + 1) * cout_g)
        for i in range(h):
            for j in range(w):
                # Input pixel (i, j) times the kernel: one (C_out/groups, kH, kW) stamp per sample.
                stamp = torch.einsum("nc,cokl->nokl", x[:, ins, i, j], weight[ins])
                rows = slice(i * sh, i * sh + dh * (kh - 1) + 1, dh)
                cols = slice(j * sw, j * sw + dw * (kw - 1) + 1, dw)
                canvas[:, outs, rows, cols] += stamp
    out = canvas[:, :, ph:ph + oh, pw:pw + ow]
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out if st.batched else out.squeeze(0)
