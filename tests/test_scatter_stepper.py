"""The scatter-add stepper and its diagrams: right partial sums, overlaps, rule messages, pure figures."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from course_utils.diagrams import conv_matrix_grid, scatter_add_step, scatter_add_steps
from course_utils.i18n import message
from course_utils.widgets import ScatterAddStepper


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_document_example_symbolic_and_numeric(lang):
    stepper = ScatterAddStepper(lang, draw=False)
    assert "1e+2d+3b+4a" in stepper.text and "2c" in stepper.text
    assert message("scatter_stepper.done", lang, out=4) in stepper.text
    stepper.controls["symbols"].value = False
    assert " 23 " in stepper.text and message("scatter_stepper.matches", lang, same=True) in stepper.text


def test_steps_say_where_each_copy_lands_and_what_it_overlaps():
    stepper = ScatterAddStepper("en", step=2, draw=False)
    assert message("scatter_stepper.placed", "en", step=2, i=0, j=1, value=2, r0=0, r1=2, c0=1, c1=3, overlaps=6) in stepper.text
    stepper.controls["stride"].value = 2
    assert message("scatter_stepper.placed", "en", step=2, i=0, j=1, value=2, r0=0, r1=2, c0=2, c1=4, overlaps=3) in stepper.text
    assert "1c+2a" in stepper.text and "done" not in stepper.text


@pytest.mark.parametrize("k, s, p", [(4, 2, 1), (3, 2, 1), (2, 2, 0), (4, 1, 2), (1, 3, 0)])
def test_numbers_match_pytorch_for_every_setting(k, s, p):
    stepper = ScatterAddStepper("en", kernel_size=k, stride=s, padding=p, symbols=False, draw=False)
    assert message("scatter_stepper.matches", "en", same=True) in stepper.text
    if p:
        assert "[" in stepper.text and message("scatter_stepper.cropped", "en", p=p, out=(2 - 1) * s - 2 * p + k) in stepper.text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_impossible_setting_names_the_rule(lang):
    stepper = ScatterAddStepper(lang, kernel_size=1, stride=1, padding=2, draw=False)
    assert stepper.text.startswith(message("widgets.invalid", lang, rule="")[:8])
    assert "= -2" in stepper.text  # (I−1)S − 2P + K = 1 − 4 + 1
    assert stepper.figure is None


def test_figure_and_printable_text(capsys):
    stepper = ScatterAddStepper("ko", step=3)
    assert isinstance(stepper.figure, Figure) and plt.get_fignums() == []
    stepper.print()
    assert capsys.readouterr().out.strip() == stepper.text.strip()
    assert repr(stepper) == "ScatterAddStepper(step=3, kernel_size=3, stride=1, padding=0, symbols=True)"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_diagrams_are_pure_and_labelled(lang):
    before = dict(matplotlib.rcParams)
    grid = conv_matrix_grid([["a", "b", ""], ["", "a", "b"]], lang, input_width=3)
    assert message("scatter_add.matrix_title", lang, rows=2, cols=3) == grid.axes[0].get_title()
    snapshots = [[["1a", ""], ["", ""]], [["1a", "2a"], ["", ""]]]
    steps = scatter_add_steps(snapshots, [(0, 0, 1, 1), (0, 1, 1, 1)], lang, values=[1, 2])
    titles = [ax.get_title() for ax in steps.axes]
    assert message("scatter_add.step_value", lang, step=2, steps=2, value=2) in titles
    one = scatter_add_step([["1a+2b+3c", ""]], [[3, 0]], lang, stamp=(0, 0, 1, 1), padding=0)
    assert "1a+2b\n+3c" in [t.get_text() for t in one.axes[0].texts]
    assert plt.get_fignums() == [] and dict(matplotlib.rcParams) == before
