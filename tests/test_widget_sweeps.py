"""Every combination of every explorer's sliders against PyTorch itself (not against course_utils)."""

import itertools

import pytest
import torch
from torch.nn import functional as F

from course_utils.i18n import message
from course_utils.widgets import OverlapExplorer, ScatterAddStepper, SizeCalculator
from course_utils.widgets.scatter_stepper import INPUT
from course_utils.widgets.size_calculator import LIMITS

INVALID = message("widgets.invalid", "en", rule="")


pytestmark = pytest.mark.usefixtures("one_thread")


def torch_line(size, kernel, weight=None, **kwargs):
    """PyTorch's 1-D transposed convolution of ones (or of weight) over `size` ones; None where it refuses.

    An empty result counts as refused: one PyTorch path returns it where the others raise "too small".
    """
    weight = torch.ones(1, 1, kernel, dtype=torch.float64) if weight is None else weight
    try:
        line = F.conv_transpose1d(torch.ones(1, 1, size, dtype=torch.float64), weight, **kwargs)[0, 0]
    except RuntimeError:
        return None
    return line if line.numel() else None


def sweep(explorer, ranges):
    """Set every combination of the sliders (innermost last), yielding (values, explorer.text) for each."""
    names = list(ranges)
    for combination in itertools.product(*ranges.values()):
        for name, value in zip(names, combination):
            if explorer.controls[name].value != value:
                explorer.controls[name].value = value
        yield dict(zip(names, combination)), explorer.text


def test_size_calculator_agrees_with_pytorch_on_every_slider_combination():
    calc = SizeCalculator("en", draw=False)
    ranges = {name: range(low, high + 1) for name, (low, high) in LIMITS.items()}
    checked, disagreements = 0, []
    for v, text in sweep(calc, ranges):
        line = torch_line(v["I"], v["K"], stride=v["S"], padding=v["P"], output_padding=v["P_out"], dilation=v["D"])
        agrees = text.startswith(INVALID) if line is None else text.splitlines()[2:3] == [f"  = {len(line)}"]
        if not agrees:
            disagreements.append(v)
        checked += 1
    assert checked == 16 * 7 * 4 * 7 * 4 * 3
    assert disagreements == [], f"{len(disagreements)} disagree, e.g. {disagreements[:3]}"


def test_the_first_setting_the_issue_reported_now_gives_pytorchs_size():
    calc = SizeCalculator("ko", I=1, K=2, S=1, P=2, P_out=2, D=3, draw=False)
    assert calc.text.splitlines()[2] == "  = 2" == f"  = {len(torch_line(1, 2, stride=1, padding=2, output_padding=2, dilation=3))}"


def test_overlap_explorer_agrees_with_pytorch_on_every_slider_combination():
    explorer = OverlapExplorer("en", draw=False)
    ranges = {"kernel_size": range(1, 9), "stride": range(1, 5), "padding": range(0, 5), "input_size": range(1, 9)}
    checked = 0
    for v, text in sweep(explorer, ranges):
        line = torch_line(v["input_size"], v["kernel_size"], stride=v["stride"], padding=v["padding"])
        if line is None:
            assert text.startswith(INVALID), v
        else:
            counts = " ".join(str(int(c)) for c in line.tolist())
            assert text.splitlines()[1] == message("overlap_explorer.counts", "en", counts=counts), v
        checked += 1
    assert checked == 8 * 4 * 5 * 8


def test_scatter_stepper_agrees_with_pytorch_on_every_slider_combination():
    stepper = ScatterAddStepper("en", symbols=False, draw=False)
    ranges = {"step": range(0, 5), "kernel_size": range(1, 5), "stride": range(1, 4), "padding": range(0, 3),
              "symbols": (True, False)}
    x = torch.tensor(INPUT, dtype=torch.float64)[None, None]
    checked = 0
    for v, text in sweep(stepper, ranges):
        k, s, p = v["kernel_size"], v["stride"], v["padding"]
        w = torch.arange(1.0, k * k + 1, dtype=torch.float64).view(1, 1, k, k)
        try:
            y = F.conv_transpose2d(x, w, stride=s, padding=p)
        except RuntimeError:
            y = None
        if y is None or y.numel() == 0:
            assert text.startswith(INVALID), v
        else:
            full = (len(INPUT) - 1) * s + k
            assert text.splitlines()[0] == message("scatter_stepper.setting", "en", k=k, s=s, p=p, full=full,
                                                   out=y.shape[-1]), v
            if v["step"] == 4 and not v["symbols"]:
                assert text.splitlines()[-1] == message("scatter_stepper.matches", "en", same=True), v
        checked += 1
    assert checked == 5 * 4 * 3 * 3 * 2
