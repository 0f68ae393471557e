"""Activation memory is measured from the tensors operators really create, on CPU and on the meta device."""

import pytest
import torch
from torch import nn

from course_utils.memory import Allocation, parameter_bytes, saved_for_backward_bytes, trace_activations

FLOAT = 4


@pytest.mark.parametrize("device", ["cpu", "meta"])
def test_upsample_then_convolution(device):
    layer = nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(8, 4, 3, padding=1)).to(device)
    x = torch.zeros(2, 8, 5, 5, device=device)
    trace = trace_activations(layer, x)
    assert trace.allocations == (
        Allocation("upsample_nearest2d", (2, 8, 10, 10), 2 * 8 * 100 * FLOAT),
        Allocation("convolution", (2, 4, 10, 10), 2 * 4 * 100 * FLOAT),
    )
    # input, upsampled and output are alive together while the convolution runs
    assert trace.peak_bytes == (2 * 8 * 25 + 2 * 8 * 100 + 2 * 4 * 100) * FLOAT
    # the convolution keeps its (upsampled) input for the backward pass; upsampling keeps nothing
    assert saved_for_backward_bytes(layer, x) == 2 * 8 * 100 * FLOAT


def test_intermediates_are_freed_as_the_chain_moves_on():
    layer = nn.Sequential(nn.Conv2d(1, 16, 1), nn.Conv2d(16, 1, 1), nn.Conv2d(1, 16, 1))
    trace = trace_activations(layer, torch.zeros(1, 1, 10, 10))
    # peak: input (1 ch) + second output (1 ch) + third output (16 ch), or input + first (16) + second (1)
    assert trace.peak_bytes == (1 + 16 + 1) * 100 * FLOAT


def test_views_and_in_place_results_are_not_new_memory():
    layer = nn.Sequential(nn.Conv2d(3, 3, 1), nn.ReLU(inplace=True), nn.Flatten())
    trace = trace_activations(layer, torch.zeros(1, 3, 4, 4))
    assert [a.op for a in trace.allocations] == ["convolution"]


def test_parameter_bytes():
    assert parameter_bytes(nn.Conv2d(256, 128, 3)) == (128 * 256 * 9 + 128) * FLOAT
    assert parameter_bytes(nn.PixelShuffle(2)) == 0


@pytest.fixture(params=[False, True], ids=["default", "deterministic"])
def algorithms(request):
    """Both settings of torch.use_deterministic_algorithms; setup() turns it on in every lesson."""
    before = torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()
    torch.use_deterministic_algorithms(request.param)
    yield request.param
    torch.use_deterministic_algorithms(before[0], warn_only=before[1])


@pytest.mark.parametrize("device", ["cpu", "meta"])
def test_bilinear_upsample_then_convolution_creates_only_real_tensors(device, algorithms):
    # deterministic mode sends F.interpolate's bilinear mode through a decomposition on non-CPU devices (meta
    # included); the trace must still show what the CPU creates: the upsampled tensor and the output
    layer = nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True),
                          nn.Conv2d(8, 4, 3, padding=1)).to(device)
    x = torch.zeros(2, 8, 5, 5, device=device)
    trace = trace_activations(layer, x)
    assert [a.op for a in trace.allocations] == ["upsample_bilinear2d", "convolution"]
    assert trace.peak_bytes == (2 * 8 * 25 + 2 * 8 * 100 + 2 * 4 * 100) * FLOAT
    assert saved_for_backward_bytes(layer, x) == 2 * 8 * 100 * FLOAT
    assert torch.are_deterministic_algorithms_enabled() == algorithms
