"""The checkerboard strength is 0 without a phase pattern, 1 for a pure one, scale-invariant and bounded."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from course_utils.i18n import message
from course_utils.metrics import checkerboard_strength, interior, phase_means, strength_verdict


def tiled(pattern, reps=8):
    """A map that repeats a period×period pattern; the leading dims of pattern are kept."""
    return pattern.repeat(*([1] * (pattern.ndim - 2)), reps, reps)


def test_constant_and_zero_maps_have_no_pattern():
    assert checkerboard_strength(torch.full((2, 3, 16, 16), 5.0)) == 0.0
    assert checkerboard_strength(torch.zeros(1, 1, 16, 16)) == 0.0


def test_pure_zero_mean_checkerboard_has_strength_one():
    assert checkerboard_strength(tiled(torch.tensor([[1.0, -1.0], [-1.0, 1.0]]))) == pytest.approx(1.0)


def test_known_value_for_phase_means_one_one_one_three():
    # m = [1, 1, 1, 3]: m̄ = 1.5, mean (m − m̄)² = 0.75, mean Y² = 3, strength = sqrt(0.25) = 0.5
    y = tiled(torch.tensor([[1.0, 1.0], [1.0, 3.0]]))
    assert checkerboard_strength(y) == pytest.approx(0.5)


def test_overlap_pattern_of_kernel_3_stride_2_with_equal_weights():
    # phases receive 4, 2, 2, 1 contributions: sqrt(1.1875 / 6.25)
    layer = nn.ConvTranspose2d(1, 1, 3, stride=2, bias=False)
    with torch.no_grad():
        layer.weight.fill_(1.0)
        y = layer(torch.ones(1, 1, 12, 12))
    assert checkerboard_strength(y) == pytest.approx((1.1875 / 6.25) ** 0.5)


@pytest.mark.parametrize("factor", [1e-6, 0.5, 3.0, -2.0, 1e6])
def test_scale_invariant(factor):
    y = torch.randn(2, 4, 20, 20, generator=torch.Generator().manual_seed(1))
    assert checkerboard_strength(factor * y) == pytest.approx(checkerboard_strength(y), rel=1e-6)


def test_phases_follow_the_maps_own_grid_whatever_the_border():
    y = tiled(torch.tensor([[0.0, 1.0], [2.0, 3.0]]))
    for border in range(5):
        assert phase_means(y, 2, border).tolist() == [[0.0, 1.0], [2.0, 3.0]]


def test_interior_is_cropped_to_whole_periods():
    y = torch.zeros(1, 1, 17, 23)
    assert tuple(interior(y, period=3, border=2).shape) == (1, 1, 12, 18)


def test_border_hides_edge_effects():
    y = torch.ones(1, 1, 16, 16)
    y[..., 0, :] = 100.0
    assert checkerboard_strength(y, border=1) == 0.0 and checkerboard_strength(y, border=0) > 0.1


def test_period_one_never_sees_a_pattern():
    assert checkerboard_strength(torch.randn(3, 10, 10), period=1, border=0) == 0.0


def test_resize_convolution_is_phase_free_and_random_transposed_convolution_is_not():
    torch.manual_seed(0)
    x = torch.ones(1, 8, 12, 12)
    with torch.no_grad():
        resize = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(8, 8, 3, padding=1))
        transposed = nn.ConvTranspose2d(8, 8, 4, stride=2, padding=1)
        assert checkerboard_strength(resize(x)) < 1e-6
        assert checkerboard_strength(transposed(x)) > 0.5


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31 - 1), st.integers(1, 4), st.integers(0, 3), st.floats(0.0, 10.0))
def test_always_between_zero_and_one(seed, period, border, offset):
    y = torch.rand(2, 3, 19, 17, generator=torch.Generator().manual_seed(seed)) + offset
    assert 0.0 <= checkerboard_strength(y, period, border) <= 1.0


@pytest.mark.parametrize("bad, match", [
    (dict(y=torch.zeros(5)), "at least 2 dimensions"),
    (dict(y=[[1.0]]), "must be a tensor"),
    (dict(y=torch.zeros(8, 8), period=0), "period must be an integer of at least 1"),
    (dict(y=torch.zeros(8, 8), period=2.0), "period must be an integer"),
    (dict(y=torch.zeros(8, 8), border=-1), "border must be an integer of at least 0"),
    (dict(y=torch.zeros(8, 8), border=4), "smaller than one period"),
])
def test_bad_arguments_are_named(bad, match):
    with pytest.raises(ValueError, match=match):
        checkerboard_strength(**bad)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_verdict_words(lang):
    assert strength_verdict(0.0, lang) == message("metrics.none", lang)
    assert strength_verdict(0.05, lang) == message("metrics.weak", lang)
    assert strength_verdict(0.86, lang) == message("metrics.clear", lang)
    for bad in (1.5, -0.1, "0.5", None, True):
        with pytest.raises(ValueError, match=r"a number in \[0, 1\]"):
            strength_verdict(bad, lang)
