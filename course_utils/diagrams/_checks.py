"""Checks on what a diagram is asked to draw: ValueError naming the argument and the rule, before anything is
drawn. One place for the rules every figure shares (integers, lists, finite real arrays, image batches)."""

import numpy as np
import torch

from course_utils._ints import integer
from course_utils._tensors import dense

__all__ = ["whole", "positive_int", "items", "finite_array", "image_batch", "grid_shape", "value_range"]


def whole(value, name: str, low: int) -> int:
    """value as an int when it is a whole number of at least low (numpy integers and one-element integer tensors
    too, not bools)."""
    number = integer(value)
    if number is None or number < low:
        rule = "a positive integer" if low == 1 else f"an integer of at least {low}"
        raise ValueError(f"{name} must be {rule}, got {value!r}")
    return number


def positive_int(value, name: str) -> int:
    """value as an int when it is a whole number of at least 1."""
    return whole(value, name, 1)


def items(value, name: str, what: str) -> list:
    """value as a list when it is a list, tuple or other sized collection (not None, a string or a dict)."""
    try:
        if value is None or isinstance(value, (str, bytes, dict)):
            raise TypeError
        return list(value)
    except TypeError:
        raise ValueError(f"{name} must be a list of {what}, got {type(value).__name__}") from None


def finite_array(values, ndim: int, name: str) -> np.ndarray:
    """values (nested lists, an array or a tensor) as a non-empty float array of ndim dimensions with no NaN,
    infinity or complex number."""
    if isinstance(values, torch.Tensor):
        values = dense(values, name).detach().cpu().resolve_conj().numpy()
    try:
        raw = np.asarray(values)
        array = None if raw.dtype.kind == "c" else raw.astype(float)
    except (TypeError, ValueError, RuntimeError):
        raise ValueError(f"{name} must be a rectangular {ndim}-D array of real numbers") from None
    if array is None:
        raise ValueError(f"{name} must hold real numbers, got {raw.dtype} (draw values.real or abs(values))")
    if array.ndim != ndim or min(array.shape, default=0) < 1:
        raise ValueError(f"{name} must be a non-empty {ndim}-D array, got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers, got NaN or infinity")
    return array


def image_batch(images, name: str, channels=(1, 3)) -> torch.Tensor:
    """images when they are a real, finite (N, C, H, W) tensor with N, H, W ≥ 1 and C in channels (grey or RGB;
    None: any C ≥ 1)."""
    if not isinstance(images, torch.Tensor) or images.ndim != 4:
        raise ValueError(f"{name} must be a tensor of shape (N, C, H, W), "
                         f"got {tuple(images.shape) if isinstance(images, torch.Tensor) else type(images).__name__}")
    dense(images, name)
    n, c, h, w = images.shape
    if min(n, c, h, w) < 1 or channels is not None and c not in channels:
        rule = "at least one" if channels is None else " or ".join(map(str, channels))
        raise ValueError(f"{name} must hold at least one image of at least one pixel with {rule} channels, "
                         f"got shape {tuple(images.shape)}")
    if images.is_complex() or not torch.isfinite(images).all():
        raise ValueError(f"{name} must hold finite real numbers, got {images.dtype} with NaN, infinity or complex values")
    return images


def grid_shape(rows, name: str) -> tuple[int, int]:
    """(rows, columns) of a non-empty list of equally long rows."""
    if isinstance(rows, (str, bytes)) or not hasattr(rows, "__len__") or len(rows) == 0:
        raise ValueError(f"{name} must be a non-empty list of rows")
    lengths = {len(row) if hasattr(row, "__len__") and not isinstance(row, (str, bytes)) else -1 for row in rows}
    if len(lengths) != 1 or min(lengths) < 1:
        raise ValueError(f"{name} must be rectangular: rows of one non-zero length, got lengths {sorted(lengths)}")
    return len(rows), lengths.pop()


def value_range(pair, name: str) -> tuple[float, float]:
    """(low, high) with finite low < high: the values mapped to the darkest and the brightest grey."""
    try:
        low, high = (float(v) for v in pair)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a pair (low, high) of numbers, got {pair!r}") from None
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"{name} must be finite with low < high, got {pair!r}")
    return low, high
