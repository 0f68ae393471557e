"""Output-size arithmetic of convolution and transposed convolution, with PyTorch's accept/reject rules."""

import numbers
from functools import partial

import torch

from course_utils.i18n import message

__all__ = [
    "RuleError",
    "conv_output_size",
    "conv_transpose_output_size",
    "output_size_range",
    "overlap_counts_1d",
    "overlap_map",
]


class RuleError(ValueError):
    """A size configuration PyTorch refuses; `explain(lang)` names the broken rule in ko or en."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(self.explain("en"))

    def explain(self, lang: str) -> str:
        return message(f"arithmetic.{self.key}", lang, **self.values)

    def __reduce__(self):
        return partial(type(self), self.key, **self.values), ()


def _require(condition: bool, key: str, **values) -> None:
    if not condition:
        raise RuleError(key, **values)


def _integers(**named) -> list[int]:
    for name, value in named.items():
        _require(isinstance(value, numbers.Integral) and not isinstance(value, bool),
                 "not_integer", name=name, value=repr(value))
    return [int(value) for value in named.values()]


def _check_common(size, kernel_size, stride, padding, dilation) -> list[int]:
    values = _integers(size=size, kernel_size=kernel_size, stride=stride, padding=padding, dilation=dilation)
    size, kernel_size, stride, padding, dilation = values
    _require(size >= 1, "at_least_one", name="size", value=size)
    _require(kernel_size >= 1, "at_least_one", name="kernel_size", value=kernel_size)
    _require(stride >= 1, "at_least_one", name="stride", value=stride)
    _require(padding >= 0, "not_negative", name="padding", value=padding)
    _require(dilation >= 1, "at_least_one", name="dilation", value=dilation)
    return values


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """O = floor((I + 2P - D(K-1) - 1) / S) + 1, as torch.nn.Conv2d computes it."""
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    span = dilation * (kernel_size - 1) + 1
    _require(span <= size + 2 * padding, "kernel_too_large", span=span, padded=size + 2 * padding)
    return (size + 2 * padding - span) // stride + 1


def conv_transpose_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0,
                               output_padding: int = 0, dilation: int = 1) -> int:
    """O = (I-1)S - 2P + D(K-1) + P_out + 1, as torch.nn.ConvTranspose2d computes it."""
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    (output_padding,) = _integers(output_padding=output_padding)
    _require(output_padding >= 0, "not_negative", name="output_padding", value=output_padding)
    _require(output_padding < stride or output_padding < dilation,
             "output_padding_too_large", output_padding=output_padding, stride=stride, dilation=dilation)
    out = (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1
    _require(out >= 1, "output_too_small", out=out)
    return out


def output_size_range(size: int, kernel_size: int, stride: int = 1, padding: int = 0,
                      dilation: int = 1) -> range:
    """The sizes ConvTranspose2d.forward(x, output_size=...) accepts: [min, min + S - 1], at least 1.

    The width is S whatever the dilation: forward sets output_padding = output_size - min.
    """
    size, kernel_size, stride, padding, dilation = _check_common(size, kernel_size, stride, padding, dilation)
    smallest = (size - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + 1
    largest = smallest + stride - 1
    _require(largest >= 1, "no_output_size", smallest=smallest, largest=largest)
    return range(max(smallest, 1), largest + 1)


def overlap_counts_1d(size: int, kernel_size: int, stride: int, padding: int = 0) -> torch.Tensor:
    """For each output position, how many input positions a transposed convolution adds there."""
    out = conv_transpose_output_size(size, kernel_size, stride, padding)
    counts = torch.zeros(out + 2 * padding, dtype=torch.int64)
    for i in range(size):
        counts[i * stride: i * stride + kernel_size] += 1
    return counts[padding: padding + out]


def overlap_map(input_size: int, kernel_size: int, stride: int, padding: int = 0) -> torch.Tensor:
    """The 2-D overlap counts: the outer product of the 1-D counts (a square input, a square kernel)."""
    counts = overlap_counts_1d(input_size, kernel_size, stride, padding)
    return counts[:, None] * counts[None, :]
