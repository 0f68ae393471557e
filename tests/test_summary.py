"""layer_rows / layer_table: one row per leaf call, in order, with own parameters; the model is left as it was."""

import torch
from torch import nn

from course_utils.summary import LayerRow, layer_rows, layer_table


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(4, 2, 2, stride=2)
        self.conv = nn.Sequential(nn.Conv2d(4, 3, 3, padding=1), nn.BatchNorm2d(3), nn.ReLU())

    def forward(self, x, skip):
        return self.conv(torch.cat([self.up(x), skip], dim=1))


def test_rows_follow_the_calls_with_shapes_and_own_parameters():
    rows = layer_rows(TwoInputs(), torch.zeros(1, 4, 3, 3), torch.zeros(1, 2, 6, 6))
    assert rows == [
        LayerRow("up", "ConvTranspose2d", (1, 2, 6, 6), 4 * 2 * 2 * 2 + 2),
        LayerRow("conv.0", "Conv2d", (1, 3, 6, 6), 3 * 4 * 9 + 3),
        LayerRow("conv.1", "BatchNorm2d", (1, 3, 6, 6), 6),
        LayerRow("conv.2", "ReLU", (1, 3, 6, 6), 0),
    ]


def test_a_module_called_twice_counts_its_parameters_once():
    shared = nn.Linear(3, 3)
    model = nn.Module()
    model.shared = shared
    model.forward = lambda x: shared(shared(x))
    rows = layer_rows(model, torch.zeros(2, 3))
    assert [r.parameters for r in rows] == [12, 0] and [r.output_shape for r in rows] == [(2, 3), (2, 3)]


def test_a_leaf_model_is_its_own_row():
    assert layer_rows(nn.Conv2d(1, 1, 3), torch.zeros(1, 1, 5, 5)) == [LayerRow("Conv2d", "Conv2d", (1, 1, 3, 3), 10)]


def test_the_model_is_left_as_it_was():
    model = TwoInputs().train()
    before = model.conv[1].running_mean.clone()
    layer_rows(model, torch.randn(2, 4, 3, 3), torch.randn(2, 2, 6, 6))
    assert model.training and torch.equal(model.conv[1].running_mean, before)
    assert not model.up._forward_hooks and torch.is_grad_enabled()
    assert layer_rows(model.eval(), torch.zeros(1, 4, 3, 3), torch.zeros(1, 2, 6, 6)) and not model.training


def test_hooks_are_removed_when_the_forward_pass_fails():
    model = TwoInputs()
    try:
        layer_rows(model, torch.zeros(1, 4, 3, 3), torch.zeros(1, 2, 5, 5))
    except RuntimeError:
        pass
    assert not any(m._forward_hooks for m in model.modules()) and model.training


def test_table_is_aligned_and_totals_every_parameter():
    lines = layer_table(TwoInputs(), torch.zeros(1, 4, 3, 3), torch.zeros(1, 2, 6, 6)).splitlines()
    assert lines[0].split() == ["layer", "type", "output", "shape", "params"]
    assert set(lines[1]) == {"-"}
    assert lines[2].split()[:2] == ["up", "ConvTranspose2d"] and lines[2].endswith("34")
    assert lines[-1].split() == ["total", str(34 + 111 + 6)]


def test_meta_tensors_give_shapes_without_computing():
    with torch.device("meta"):
        model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ConvTranspose2d(8, 4, 4, 2, 1))
        rows = layer_rows(model, torch.empty(1, 3, 100, 100))
    assert [r.output_shape for r in rows] == [(1, 8, 98, 98), (1, 4, 196, 196)]
