"""The checkerboard strength is 0 without a phase pattern, 1 for a pure one, offset- and scale-invariant, bounded."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from course_utils.i18n import message
from course_utils.metrics import (FLAT_BELOW, checkerboard_strength, interior, pattern_rms, phase_means,
                                  strength_verdict)


def tiled(pattern, reps=8):
    """A map that repeats a period×period pattern; the leading dims of pattern are kept."""
    return pattern.repeat(*([1] * (pattern.ndim - 2)), reps, reps)


def test_constant_and_zero_maps_have_no_pattern():
    assert checkerboard_strength(torch.full((2, 3, 16, 16), 5.0)) == 0.0
    assert checkerboard_strength(torch.zeros(1, 1, 16, 16)) == 0.0


def test_pure_zero_mean_checkerboard_has_strength_one():
    assert checkerboard_strength(tiled(torch.tensor([[1.0, -1.0], [-1.0, 1.0]]))) == pytest.approx(1.0)


def test_any_periodic_map_has_strength_one_whatever_its_level():
    # phase means 1, 1, 1, 3: the variation is all pattern; the level 1.5 does not count (it did before)
    y = tiled(torch.tensor([[1.0, 1.0], [1.0, 3.0]]))
    assert checkerboard_strength(y) == pytest.approx(1.0)
    assert pattern_rms(y) == pytest.approx(0.75 ** 0.5)


def rows_of_period_four(size=16):
    """A map whose every phase mean is 0 (rows 1, 1, −1, −1 repeating): variation that is not a pattern."""
    rows = torch.tensor([1.0, 1.0, -1.0, -1.0]).repeat(size // 4)
    return rows[:, None].expand(size, size).clone()[None, None]


@pytest.mark.parametrize("amplitude", [0.5, 1.0, 3.0])
def test_known_share_of_a_pattern_in_other_variation(amplitude):
    # checkerboard ±1 (energy 1) + rows of period 4 (energy a², phase means 0): strength = 1 / sqrt(1 + a²)
    y = tiled(torch.tensor([[1.0, -1.0], [-1.0, 1.0]]))[None, None] + amplitude * rows_of_period_four()
    assert checkerboard_strength(y) == pytest.approx((1 + amplitude ** 2) ** -0.5)
    assert pattern_rms(y) == pytest.approx(1.0)


def test_overlap_pattern_of_kernel_3_stride_2_with_equal_weights():
    # phases receive 4, 2, 2, 1 contributions: a periodic interior (strength 1), pattern RMS sqrt(1.1875)
    layer = nn.ConvTranspose2d(1, 1, 3, stride=2, bias=False)
    with torch.no_grad():
        layer.weight.fill_(1.0)
        y = layer(torch.ones(1, 1, 12, 12))
    assert checkerboard_strength(y) == pytest.approx(1.0)
    assert pattern_rms(y) == pytest.approx(1.1875 ** 0.5)


def test_a_pattern_on_a_grey_image_is_measured_as_on_a_black_one():
    # the example: a 0.18-grey-level pattern on mid grey scored 0.001 and on black 1
    pattern = tiled(torch.tensor([[1.0, -1.0], [-1.0, 1.0]], dtype=torch.float64))[None, None] * 0.18 / 255
    image = pattern + 0.3 * rows_of_period_four().double()
    assert checkerboard_strength(image + 0.5) == pytest.approx(checkerboard_strength(image), rel=1e-9)
    assert checkerboard_strength(pattern + 0.5) == pytest.approx(1.0)


def test_rounding_noise_on_a_flat_map_is_no_pattern():
    noise = torch.randn(1, 1, 16, 16, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    assert checkerboard_strength(1.0 + FLAT_BELOW / 10 * noise) == 0.0
    assert checkerboard_strength(1.0 + FLAT_BELOW * 100 * noise) > 0.0


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


def random_map(seed, shape=(2, 3, 19, 17)):
    return torch.rand(*shape, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))


seeds, periods, borders = st.integers(0, 2**31 - 1), st.integers(1, 4), st.integers(0, 3)


@settings(max_examples=60, deadline=None)
@given(seeds, periods, borders, st.floats(0.0, 10.0))
def test_always_between_zero_and_one(seed, period, border, offset):
    assert 0.0 <= checkerboard_strength(random_map(seed) + offset, period, border) <= 1.0


@settings(max_examples=60, deadline=None)
@given(seeds, periods, borders, st.floats(-1e3, 1e3), st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=3))
def test_offset_invariant(seed, period, border, offset, per_channel):
    y = random_map(seed)
    shifted = y + offset + torch.tensor(per_channel, dtype=torch.float64)[:, None, None]
    assert checkerboard_strength(shifted, period, border) == pytest.approx(checkerboard_strength(y, period, border),
                                                                         rel=1e-6, abs=1e-9)
    assert pattern_rms(shifted, period, border) == pytest.approx(pattern_rms(y, period, border), rel=1e-6, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(seeds, periods, borders, st.floats(1e-6, 1e6), st.sampled_from([1.0, -1.0]))
def test_scale_invariant_and_pattern_rms_scales(seed, period, border, size, sign):
    y = random_map(seed) + 0.5
    assert checkerboard_strength(sign * size * y, period, border) == pytest.approx(
        checkerboard_strength(y, period, border), rel=1e-6, abs=1e-9)
    assert pattern_rms(sign * size * y, period, border) == pytest.approx(size * pattern_rms(y, period, border),
                                                                        rel=1e-6)


@settings(max_examples=60, deadline=None)
@given(seeds, st.integers(2, 4), borders, st.floats(-10.0, 10.0))
def test_zero_without_phase_dependence_and_one_for_a_periodic_map(seed, period, border, level):
    y = random_map(seed, (2, 3, 24, 24))
    means = phase_means(y, period, 0)
    rows = torch.arange(24) % period
    phase_free = y - means[..., rows[:, None], rows[None, :]]
    assert checkerboard_strength(phase_free + level, period, 0) == pytest.approx(0.0, abs=1e-6)
    periodic = means[..., rows[:, None], rows[None, :]] + level
    assert checkerboard_strength(periodic, period, border) == pytest.approx(1.0)


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
