"""Per-axis arithmetic (1-D, 2-D, 3-D, non-square) agrees with PyTorch's ConvNd and ConvTransposeNd, refusals included."""

import random

import pytest
import torch
from torch.nn import functional as F

from course_utils.arithmetic import AXES, RuleError, conv_output_size, conv_transpose_output_size, overlap_map
from course_utils.i18n import LANGS

pytestmark = pytest.mark.usefixtures("one_thread")

TRANSPOSED = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
DIRECT = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
PER_DIMENSION = 1100  # settings per number of axes, for each of the two layers: 3 × 1100 × 2 = 6600 in all


def _setting(rng, axes):
    """One random per-axis setting: mostly valid, with 0 strides, negative paddings, large output paddings."""
    while True:
        one = {"size": [rng.randint(1, 6) for _ in range(axes)],
               "kernel_size": [rng.randint(1, 5) for _ in range(axes)],
               "stride": [rng.randint(0, 3) for _ in range(axes)],
               "padding": [rng.randint(-1, 3) for _ in range(axes)],
               "output_padding": [rng.randint(0, 3) for _ in range(axes)],
               "dilation": [rng.randint(1, 3) for _ in range(axes)]}
        # Non-square: at least one setting differs between axes (1-D has a single axis).
        if axes == 1 or any(len(set(values)) > 1 for values in one.values()):
            return {name: tuple(values) for name, values in one.items()}


def _torch_shape(layer, axes, one, transposed):
    x = torch.zeros(1, 1, *one["size"])
    w = torch.zeros(1, 1, *one["kernel_size"])
    extra = {"output_padding": one["output_padding"]} if transposed else {}
    try:
        y = layer(x, w, stride=one["stride"], padding=one["padding"], dilation=one["dilation"], **extra)
    except RuntimeError:
        return None
    return tuple(y.shape[2:]) if y.numel() else None  # an empty output counts as refused (see test_arithmetic)


def _ours(function, one, transposed):
    names = ["size", "kernel_size", "stride", "padding"] + (["output_padding"] if transposed else []) + ["dilation"]
    try:
        return function(*(one[name] for name in names))
    except RuleError as err:
        assert err.axis in AXES[len(one["size"])] and all(err.explain(lang) for lang in LANGS)
        return None


@pytest.mark.parametrize("axes", [1, 2, 3])
def test_per_axis_sizes_and_refusals_match_pytorch(axes):
    rng = random.Random(1800 + axes)
    refused = 0
    with torch.no_grad():
        for _ in range(PER_DIMENSION):
            one = _setting(rng, axes)
            for transposed, function, layers in [(True, conv_transpose_output_size, TRANSPOSED),
                                                 (False, conv_output_size, DIRECT)]:
                expected = _torch_shape(layers[axes], axes, one, transposed)
                assert _ours(function, one, transposed) == expected, one
                refused += expected is None
    # The sweep must exercise both answers, not only one.
    assert 0.1 * PER_DIMENSION < refused < 1.9 * PER_DIMENSION


@pytest.mark.parametrize("size, kernel, stride, padding", [
    ((7,), (4,), (4,), (0,)),
    ((3, 5), (3, 4), (1, 2), (1, 1)),
    ((2, 3, 4), (3, 2, 4), (2, 1, 2), (1, 0, 1)),
])
def test_overlap_map_is_a_transposed_convolution_of_ones_in_every_dimension(size, kernel, stride, padding):
    grid = overlap_map(size, kernel, stride, padding)
    ones = TRANSPOSED[len(size)](torch.ones(1, 1, *size), torch.ones(1, 1, *kernel), stride=stride, padding=padding)
    assert torch.equal(grid, ones[0, 0].long())


def test_mixed_tuple_lengths_are_refused_with_the_rule():
    with pytest.raises(RuleError) as info:
        conv_transpose_output_size((4, 4, 4), (3, 3))
    assert info.value.key == "not_per_axis"
    with pytest.raises(RuleError) as info:
        conv_transpose_output_size((4, 4, 4, 4), 3)
    assert info.value.key == "not_per_axis"


def test_a_3d_refusal_names_the_depth_axis():
    with pytest.raises(RuleError) as info:
        conv_transpose_output_size((1, 5, 5), 1, 1, (1, 0, 0))
    assert info.value.axis == "depth" and info.value.explain("ko").startswith("깊이: ")


@pytest.mark.parametrize("axes", [1, 2, 3])
def test_the_nd_reference_matches_pytorch_on_random_non_square_settings(axes):
    from course_utils.reference import conv_transpose_nd_loops

    rng = random.Random(180 + axes)
    gen = torch.Generator().manual_seed(axes)
    checked = 0
    while checked < 20:
        one = _setting(rng, axes)
        if one["size"] and _torch_shape(TRANSPOSED[axes], axes, one, True) is None:
            with pytest.raises(RuleError):
                conv_transpose_nd_loops(torch.zeros(1, 1, *one["size"]), torch.zeros(1, 1, *one["kernel_size"]),
                                        None, one["stride"], one["padding"], one["output_padding"], one["dilation"])
            continue
        x = torch.randn(2, 3, *one["size"], dtype=torch.float64, generator=gen)
        w = torch.randn(3, 2, *one["kernel_size"], dtype=torch.float64, generator=gen)
        b = torch.randn(2, dtype=torch.float64, generator=gen)
        named = {name: one[name] for name in ("stride", "padding", "output_padding", "dilation")}
        expected = TRANSPOSED[axes](x, w, b, **named)
        assert torch.allclose(conv_transpose_nd_loops(x, w, b, **named), expected, rtol=1e-12, atol=1e-12)
        checked += 1


def test_the_nd_reference_names_shape_mistakes():
    from course_utils.reference import conv_transpose_nd_loops

    with pytest.raises(ValueError, match="1 to 3 spatial axes"):
        conv_transpose_nd_loops(torch.zeros(1, 1, 2, 2, 2, 2), torch.zeros(1, 1, 2, 2, 2, 2))
    with pytest.raises(ValueError, match="one per spatial axis"):
        conv_transpose_nd_loops(torch.zeros(1, 1, 4), torch.zeros(1, 1, 2), stride=(2, 2))
