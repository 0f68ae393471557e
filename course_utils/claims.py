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

    float64 only. Recursive summation of n terms errs by at most (n−1)·u·Σ|xᵢ|, u = 2⁻⁵³ ≈ 1.1e-16 (Higham,
    *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §4.2): 5.1e-13·Σ|xᵢ| for the course's longest sum
    (4,608 terms), below 1e-9 of the result unless Σ|xᵢ| exceeds it about 2,000-fold. A float32 result can
    differ by more than 1e-5, e.g. when batch normalization subtracts a mean of 5 from values of that size.
    """
    for name, t in (("a", a), ("b", b)):
        if not isinstance(t, torch.Tensor) or t.dtype != torch.float64:
            raise TypeError(f"close: {name} must be a float64 tensor (float32 rounding can exceed rtol), "
                            f"got {getattr(t, 'dtype', type(t).__name__)}")
    if a.shape != b.shape:
        raise ValueError(f"close: shapes differ, {tuple(a.shape)} vs {tuple(b.shape)}")
    scale = max(a.abs().max().item(), b.abs().max().item(), 1e-300) if a.numel() else 1.0
    return bool((a - b).abs().max().item() <= rtol * scale) if a.numel() else True
