"""Checkerboard strength: how much of an output's variation repeats with the stride's period.

Definition. Remove `border` pixels from each side of the last two dimensions of `y` and keep the largest
block whose sides are multiples of `period`: the interior Y. A pixel at row i, column j of `y` belongs to
phase (i mod period, j mod period). For every leading index (batch, channel), c is the mean of Y,
m[a, b] the mean of Y over phase (a, b); the phase pattern is m[a, b] − c (every phase holds the same
number of interior pixels, so c is also the average of the period² phase means). Then

    strength = sqrt( mean (m[a, b] − c)²  /  mean (Y − c)² )

with the means taken over every leading index and every phase (numerator) or pixel (denominator). The
variation of Y about its per-channel level c (its AC energy, the variance) splits exactly into the phase
pattern and the rest, so strength² is the share of the variation that depends only on the phase.

Properties (tests/test_metrics.py checks each):
- range [0, 1]; 0 when no channel changes with the phase, 1 when the variation is nothing but the
  phase pattern (an exactly periodic interior);
- offset-invariant: adding any constant to y, or a different constant to each channel, leaves it unchanged
  (the constant level is not part of the variation, unlike the mean square it replaced);
- scale-invariant: multiplying y by any nonzero number leaves it unchanged (computed on Y / max|Y|);
- a flat interior has strength 0. "Flat" means that the variation's RMS is at most FLAT_BELOW times
  max|Y|, the size of float32 rounding, so that rounding noise is not measured as a pattern; only there
  can an offset matter, by making a tiny variation count as rounding.
Empty, complex or non-finite y is refused (ValueError).

Apply it to a layer's response to a constant input (Odena, Dumoulin & Olah, "Deconvolution and
Checkerboard Artifacts", Distill 2016): a phase-free layer answers a flat input with a flat interior, so
strength 0; any other layer answers with an exactly periodic interior, so strength 1. How large that
pattern is, in y's units, is pattern_rms. On images (whose content varies) strength says how much of the
image's variation is the period pattern.
"""

import numbers

import torch

from course_utils._tensors import dense
from course_utils.i18n import message

__all__ = ["interior", "phase_means", "checkerboard_strength", "strength_verdict", "pattern_rms",
           "NONE_BELOW", "WEAK_BELOW", "FLAT_BELOW"]

NONE_BELOW = 1e-3
WEAK_BELOW = 0.1
FLAT_BELOW = 1e-5


def _check(y, period, border) -> None:
    if not isinstance(y, torch.Tensor) or y.ndim < 2:
        raise ValueError(f"y must be a tensor with at least 2 dimensions (…, H, W), got {type(y).__name__}"
                         + (f" of shape {tuple(y.shape)}" if isinstance(y, torch.Tensor) else ""))
    dense(y, "y")
    if y.numel() == 0:
        raise ValueError(f"y must not be empty, got shape {tuple(y.shape)}")
    if y.is_complex():
        raise ValueError(f"y must be real, got {y.dtype}; measure y.real and y.imag separately")
    if not torch.isfinite(y).all():
        raise ValueError("y must be finite, got NaN or infinity (a diverged layer or a division by zero?)")
    for name, value, low in [("period", period, 1), ("border", border, 0)]:
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
            raise ValueError(f"{name} must be an integer of at least {low}, got {value!r}")
    height, width = y.shape[-2:]
    if min(height, width) - 2 * border < period:
        raise ValueError(f"the interior of a {height}×{width} map without a border of {border} "
                         f"is smaller than one period ({period})")


def interior(y: torch.Tensor, period: int = 2, border: int = 4) -> torch.Tensor:
    """y without `border` pixels on each side, cropped to multiples of `period` (phases keep y's grid)."""
    _check(y, period, border)
    height, width = y.shape[-2:]
    rows = (height - 2 * border) // period * period
    cols = (width - 2 * border) // period * period
    return y[..., border:border + rows, border:border + cols]


def phase_means(y: torch.Tensor, period: int = 2, border: int = 4) -> torch.Tensor:
    """The interior's mean over each phase, float64 of shape (…, period, period); [a, b] is rows ≡ a, columns ≡ b.

    ValueError as checkerboard_strength.
    """
    return _phase_means(interior(y, period, border).double(), period, border)


def _phase_means(inner: torch.Tensor, period: int, border: int) -> torch.Tensor:
    means = torch.empty(*inner.shape[:-2], period, period, dtype=torch.float64)
    for a in range(period):
        for b in range(period):
            first_row, first_col = (a - border) % period, (b - border) % period
            means[..., a, b] = inner[..., first_row::period, first_col::period].mean(dim=(-2, -1))
    return means


def checkerboard_strength(y: torch.Tensor, period: int = 2, border: int = 4) -> float:
    """sqrt(energy of the phase pattern / energy of the variation): 0 = no pattern, 1 = nothing but the pattern.

    y is (…, H, W), real and finite; ValueError for an empty, complex or non-finite y, a period below 1, a
    negative border or an interior smaller than one period. Offset- and scale-invariant, in [0, 1]; a flat
    interior (variation RMS ≤ FLAT_BELOW · max|Y|) gives 0. Definition: the module docstring (after Odena et al.).
    """
    inner = interior(y, period, border).detach().double()
    scale = inner.abs().max()
    if scale == 0:
        return 0.0
    inner = inner / scale
    variation = inner - inner.mean(dim=(-2, -1), keepdim=True)
    total = variation.pow(2).mean()
    if total.sqrt() <= FLAT_BELOW:
        return 0.0
    means = _phase_means(variation, period, border)
    pattern = (means - means.mean(dim=(-2, -1), keepdim=True)).pow(2).mean()
    return float(torch.sqrt(pattern / total).clamp(max=1.0))


def pattern_rms(y: torch.Tensor, period: int = 2, border: int = 4) -> float:
    """The RMS of the phase pattern, sqrt(mean (m[a, b] − c)²), in y's units (module docstring).

    Offset-invariant; multiplying y by s multiplies it by |s|. ValueError as checkerboard_strength.
    """
    means = phase_means(y.detach(), period, border)
    return float((means - means.mean(dim=(-2, -1), keepdim=True)).pow(2).mean().sqrt())


def strength_verdict(strength: float, lang: str) -> str:
    """A word for a strength: none (< NONE_BELOW), weak (< WEAK_BELOW: under 1% of the variation's energy), clear."""
    if isinstance(strength, bool) or not isinstance(strength, (int, float)) or not 0.0 <= strength <= 1.0:
        raise ValueError(f"a checkerboard strength is a number in [0, 1], got {strength!r}")
    level = "none" if strength < NONE_BELOW else "weak" if strength < WEAK_BELOW else "clear"
    return message(f"metrics.{level}", lang)
