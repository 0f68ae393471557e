"""From-scratch transposed convolution: readable loops (2-D, and 1-D to 3-D per axis), the fast GEMM + col2im,
the matrix C, equivalent views."""

from course_utils.reference.gemm import conv_transpose2d
from course_utils.reference.loops import conv_transpose2d_loops
from course_utils.reference.matrix import conv_matrix
from course_utils.reference.nd import conv_transpose_nd_loops
from course_utils.reference.views import (as_conv_weight, conv_transpose2d_phases,
                                          conv_transpose2d_zero_insertion)

__all__ = ["conv_transpose2d", "conv_transpose2d_loops", "conv_transpose_nd_loops", "conv_matrix", "as_conv_weight",
           "conv_transpose2d_zero_insertion", "conv_transpose2d_phases"]
