"""Checks on what a diagram is asked to draw: ValueError naming the argument, before anything is drawn."""

import numbers

import numpy as np

__all__ = ["positive_int", "finite_array", "grid_shape", "value_range"]


def positive_int(value, name: str) -> int:
    """value as an int when it is a whole number of at least 1 (numpy integers too, not bools)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def finite_array(values, ndim: int, name: str) -> np.ndarray:
    """values as a non-empty float array of ndim dimensions with no NaN or infinity."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a rectangular {ndim}-D array of real numbers") from None
    if array.ndim != ndim or min(array.shape, default=0) < 1:
        raise ValueError(f"{name} must be a non-empty {ndim}-D array, got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers, got NaN or infinity")
    return array


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
