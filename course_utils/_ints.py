"""Integers as PyTorch reads its size arguments (stride, padding, …): the one reading every helper shares.

One integer: a Python int, a numpy integer, or an integer tensor or array holding exactly one element
(torch.tensor(2), torch.tensor([2])); never a bool, a float or a bool tensor. Per-axis integers: one integer,
or a tuple, list, 1-D tensor or 1-D array of one or two of them ((2,) means 2 on both axes, as in
torch.nn.functional.conv_transpose2d).
"""

import numbers

import numpy as np
import torch

__all__ = ["integer", "per_axis", "single", "is_sequence"]


def integer(value) -> int | None:
    """value as an int when it is one integer (see the module docstring), else None."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, torch.Tensor):
        whole = not value.is_floating_point() and not value.is_complex() and value.dtype != torch.bool
        return int(value.item()) if whole and value.numel() == 1 and not value.is_meta else None
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "iu":
        return int(value.item())
    return None


def per_axis(value, most: int = 2) -> tuple[int, ...] | None:
    """(v,) for one integer, the integers of a sequence of one to `most` of them, else None."""
    one = integer(value)
    if one is not None:
        return (one,)
    if isinstance(value, (tuple, list)) or isinstance(value, (torch.Tensor, np.ndarray)) and value.ndim == 1:
        items = [integer(item) for item in value]
        if 1 <= len(items) <= most and None not in items:
            return tuple(items)
    return None


def single(value) -> int | None:
    """One integer, or the only integer of a one-element sequence ((2,) means 2 where there is one axis), else None."""
    axes = per_axis(value)
    return axes[0] if axes is not None and len(axes) == 1 else None


def is_sequence(value) -> bool:
    """A tuple, a list, or a tensor or array of at least one dimension: values meant one per axis."""
    return isinstance(value, (tuple, list)) or isinstance(value, (torch.Tensor, np.ndarray)) and value.ndim >= 1
