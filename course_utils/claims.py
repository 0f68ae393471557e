"""A lesson's stated facts, printed and checked: a claim that does not hold stops the notebook."""

import torch

__all__ = ["ClaimError", "claim", "close"]


class ClaimError(AssertionError):
    """The value a lesson printed is not the value its text states."""


def claim(label: str, value, expected=True) -> None:
    """Print 'label: value'; raise ClaimError unless value == expected (a bool, number or string).

    Tensors are not accepted: reduce them first (torch.equal, close, .item()), so the printed value is the claim.
    """
    if isinstance(value, torch.Tensor):
        raise TypeError(f"claim {label!r}: pass a bool or a number, not a tensor (use torch.equal, close or .item())")
    print(f"{label}:", value)
    if value != expected:
        raise ClaimError(f"{label}: 레슨은 {expected!r}라고 말하지만 이번 실행은 {value!r}입니다 / "
                         f"the lesson states {expected!r}, this run gives {value!r}")


def close(a: torch.Tensor, b: torch.Tensor, rtol: float = 1e-9) -> bool:
    """True when float64 tensors a and b (same shape) differ by at most rtol times their largest magnitude.

    float64 only: its rounding (2⁻⁵³ ≈ 1.1e-16 per operation) stays far below 1e-9 for the sums of up to ~10⁶
    terms in this course, while a float32 result can differ by more than 1e-5 after cancellation, e.g. when
    batch normalization subtracts a mean of 5 from values of that size (Higham, *Accuracy and Stability of
    Numerical Algorithms*, 2nd ed., §4.2: the error bound of recursive summation grows with n·u·Σ|xᵢ|).
    """
    for name, t in (("a", a), ("b", b)):
        if not isinstance(t, torch.Tensor) or t.dtype != torch.float64:
            raise TypeError(f"close: {name} must be a float64 tensor (float32 rounding can exceed rtol), "
                            f"got {getattr(t, 'dtype', type(t).__name__)}")
    if a.shape != b.shape:
        raise ValueError(f"close: shapes differ, {tuple(a.shape)} vs {tuple(b.shape)}")
    scale = max(a.abs().max().item(), b.abs().max().item(), 1e-300) if a.numel() else 1.0
    return bool((a - b).abs().max().item() <= rtol * scale) if a.numel() else True
