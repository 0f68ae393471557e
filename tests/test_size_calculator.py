"""The output-size calculator and its strip diagram, tested without a kernel: set slider values, read the text."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from torch import nn

from course_utils.arithmetic import RuleError
from course_utils.diagrams import size_strip
from course_utils.i18n import LANGS, message
from course_utils.widgets import SizeCalculator
from course_utils.widgets.size_calculator import LIMITS


@pytest.mark.parametrize("lang", LANGS)
def test_formula_with_numbers_range_and_round_trip(lang):
    calc = SizeCalculator(lang, draw=False)
    calc.controls["I"].value = 7
    calc.controls["K"].value = 4
    assert calc.text.splitlines() == [
        "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1",
        "  = (7 − 1)·2 − 2·1 + 1·(4 − 1) + 0 + 1",
        "  = 14",
        message("size_calculator.range", lang, low=14, high=15),
        message("size_calculator.conv_back", lang, out=14, back=7),
    ]
    assert repr(calc) == "SizeCalculator(I=7, K=4, S=2, P=1, P_out=0, D=1)"


def test_every_slider_changes_the_result():
    calc = SizeCalculator("en", I=4, K=3, S=2, P=1, P_out=0, D=1, draw=False)
    results = {}
    for name, value in [("I", 5), ("K", 5), ("S", 3), ("P", 0), ("P_out", 1), ("D", 2)]:
        calc.controls[name].value = value
        results[name] = calc.text.splitlines()[2]
    assert results == {"I": "  = 9", "K": "  = 11", "S": "  = 15", "P": "  = 17", "P_out": "  = 18", "D": "  = 22"}


def test_output_size_range_starts_at_one():
    calc = SizeCalculator("en", I=2, K=2, S=2, P=2, P_out=1, draw=False)
    assert calc.text.splitlines()[2:4] == ["  = 1", message("size_calculator.range", "en", low=1, high=1)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("values, key", [
    ({"S": 2, "D": 1, "P_out": 2}, "output_padding_too_large"),
    ({"I": 1, "K": 1, "S": 1, "P": 3}, "output_too_small"),
])
def test_impossible_combinations_name_the_rule_in_the_language(values, key, lang):
    calc = SizeCalculator(lang, draw=False)
    for name, value in values.items():
        calc.controls[name].value = value
    with pytest.raises(RuleError) as info:
        calc.render(**calc.values())
    assert info.value.key == key
    assert calc.text == message("widgets.invalid", lang, rule=info.value.explain(lang))
    assert calc.figure is None


def test_dilation_allows_output_padding_beyond_the_stride():
    calc = SizeCalculator("en", I=5, K=3, S=2, P=1, P_out=2, D=3, draw=False)
    lines = calc.text.splitlines()
    assert lines[2] == "  = 15"
    assert lines[3:] == [message("size_calculator.range", "en", low=13, high=14),
                         message("size_calculator.conv_back", "en", out=15, back=6)]


def test_print_shows_the_text(capsys):
    calc = SizeCalculator("ko", draw=False)
    calc.print()
    assert capsys.readouterr().out == calc.text + "\n"


def test_the_figure_follows_the_sliders_inside_the_widget(capsys):
    calc = SizeCalculator("en")
    assert isinstance(calc.figure, Figure)
    calc.controls["I"].value = 3
    assert calc.figure.axes[0].get_title(loc="left").endswith("O=5")
    # The picture is widget state, not a display call: nbval and slides see no extra cell output.
    (shown,) = calc._plot.outputs
    assert shown["data"]["image/png"] and capsys.readouterr().out == ""
    calc.controls["P_out"].value = 3
    assert calc.figure is None and calc._plot.outputs == ()


@pytest.mark.parametrize("lang", LANGS)
def test_size_strip_is_pure_and_labelled(lang):
    before = dict(matplotlib.rcParams)
    fig = size_strip(3, 3, 2, 0, 1, 1, lang)
    assert isinstance(fig, Figure) and plt.get_fignums() == []
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [message("size_strip.input", lang, stride=2), message("size_strip.span", lang, span=3),
                      message("size_strip.output", lang, out=8)]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [message("size_strip.bias_only", lang)]
    texts = [t.get_text() for t in ax.texts]
    assert "(I−1)·S = 4" in texts and "D(K−1)+1 = 3" in texts
    assert dict(matplotlib.rcParams) == before


def test_size_strip_legend_names_cropped_kept_and_bias_only_cells():
    fig = size_strip(3, 3, 2, 1, 2, 3, "en")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        message("size_strip.cropped", "en", padding=1), message("size_strip.kept", "en"),
        message("size_strip.bias_only", "en")]
    assert size_strip(5, 4, 2, 0, 0, 1, "en").axes[0].get_legend() is None


def test_size_strip_draws_on_given_axes_and_refuses_broken_rules():
    ax = Figure().add_subplot()
    assert size_strip(4, 4, 2, 1, 0, 1, "en", ax=ax) is ax.figure
    with pytest.raises(RuleError):
        size_strip(4, 3, 2, 1, 2, 1, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_per_axis_settings_work_out_the_formula_per_axis(lang):
    calc = SizeCalculator(lang, I=(16, 10), K=(3, 4), S=(1, 2), P=(1, 1), draw=False)
    height, width = (message(f"arithmetic.axis.{side}", lang) for side in ("height", "width"))
    assert list(calc.controls) == [f"{name}_{side}" for name in ("I", "K", "S", "P", "P_out", "D") for side in "hw"]
    assert calc.text.splitlines() == [
        "O = (I − 1)·S − 2P + D·(K − 1) + P_out + 1",
        f"  {height}: (16 − 1)·1 − 2·1 + 1·(3 − 1) + 0 + 1 = 16",
        f"  {width}: (10 − 1)·2 − 2·1 + 1·(4 − 1) + 0 + 1 = 20",
        "  = (16, 20)",
        message("size_calculator.range_per_axis", lang, ranges=f"{height} 16…16, {width} 20…21"),
        message("size_calculator.conv_back_per_axis", lang, conv="Conv2d", out=(16, 20), back=(16, 10)),
    ]
    assert repr(calc) == "SizeCalculator(I=(16, 10), K=(3, 4), S=(1, 2), P=(1, 1), P_out=(0, 0), D=(1, 1))"


def test_per_axis_results_agree_with_pytorch():
    calc = SizeCalculator("en", I=(8, 16, 16), K=(3, 4, 4), S=(1, 2, 2), P=1, draw=False)
    layer = nn.ConvTranspose3d(1, 1, (3, 4, 4), stride=(1, 2, 2), padding=1)
    assert calc.text.splitlines()[4] == f"  = {tuple(layer(torch.zeros(1, 1, 8, 16, 16)).shape[2:])}"
    calc.controls["P_out_w"].value = 1
    layer = nn.ConvTranspose3d(1, 1, (3, 4, 4), stride=(1, 2, 2), padding=1, output_padding=(0, 0, 1))
    assert calc.text.splitlines()[4] == f"  = {tuple(layer(torch.zeros(1, 1, 8, 16, 16)).shape[2:])}"
    assert calc.text.splitlines()[-1].startswith("Conv3d with")


@pytest.mark.parametrize("lang", LANGS)
def test_a_rule_broken_on_one_axis_names_that_axis(lang):
    calc = SizeCalculator(lang, I=(7, 7), K=(3, 3), S=(2, 1), P=1, draw=False)
    calc.controls["P_out_w"].value = 1
    with pytest.raises(RuleError) as info:
        calc.render(**calc.values())
    assert info.value.key == "output_padding_too_large" and info.value.axis == "width"
    assert calc.text == message("widgets.invalid", lang, rule=info.value.explain(lang))
    assert message("arithmetic.axis.width", lang) in calc.text and calc.figure is None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("bad", [{"K": (3, 4, 5, 6)}, {"K": (3, 4), "S": (1, 2, 2)}, {"K": (3, 4.5)},
                                 {"S": [1, "2"]}, {"P": ()}])
def test_bad_per_axis_values_are_refused_in_the_learners_language(lang, bad):
    name = next(iter(bad)) if len(bad) == 1 else "K"
    with pytest.raises(ValueError) as info:
        SizeCalculator(lang, draw=False, **bad)
    assert str(info.value) == RuleError("not_per_axis", name=name, value=repr(bad[name])).explain(lang)


def test_per_axis_values_outside_a_slider_are_refused_naming_the_slider():
    with pytest.raises(ValueError, match="K_w must be an integer from 1 to 7"):
        SizeCalculator("en", K=(3, 9), draw=False)


def test_one_integer_tuples_keep_the_single_axis_calculator():
    assert SizeCalculator("en", K=(4,), S=[2], draw=False).text == SizeCalculator("en", K=4, S=2, draw=False).text
    assert list(SizeCalculator("en", K=(4, 4), S=2, draw=False).controls)[:2] == ["I_h", "I_w"]


def test_per_axis_figure_has_one_strip_per_axis_with_its_name():
    from course_utils.diagrams.alt import alt_text
    calc = SizeCalculator("ko", I=(3, 4, 5), K=(2, 3, 4), S=(1, 2, 2), P=(0, 1, 1))
    titles = [ax.get_title(loc="left") for ax in calc.figure.axes]
    assert [t.split(":")[0] for t in titles] == ["깊이", "세로", "가로"]
    assert titles[2].endswith("O=10") and alt_text(calc.figure).startswith("깊이:")
    calc.controls["P_h"].value = 5
    assert calc.figure is None


def _axis_settings(count):
    return st.fixed_dictionaries({name: st.tuples(*[st.integers(low, high)] * count)
                                  for name, (low, high) in LIMITS.items()})


def _per_axis_agrees_with_pytorch(values):
    count = len(values["I"])
    layer = (nn.ConvTranspose2d if count == 2 else nn.ConvTranspose3d)(
        1, 1, values["K"], values["S"], values["P"], output_padding=values["P_out"], dilation=values["D"], bias=False)
    try:
        with torch.no_grad():
            expected = tuple(layer(torch.zeros(1, 1, *values["I"])).shape[2:])
    except RuntimeError:
        expected = None
    lang = "ko" if sum(values["I"]) % 2 else "en"
    calc = SizeCalculator(lang, draw=False, **values)
    if expected is None or 0 in expected:
        sides = ("height", "width") if count == 2 else ("depth", "height", "width")
        invalid = message("widgets.invalid", lang, rule="")
        assert calc.text.startswith(invalid) and any(message(f"arithmetic.axis.{s}", lang) in calc.text for s in sides)
    else:
        assert calc.text.splitlines()[count + 1] == f"  = {expected}"


SWEEP = dict(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=150, **SWEEP)
@given(_axis_settings(2))
def test_2d_per_axis_settings_give_what_pytorch_gives(values):
    _per_axis_agrees_with_pytorch(values)


@settings(max_examples=60, **SWEEP)
@given(_axis_settings(3))
def test_3d_per_axis_settings_give_what_pytorch_gives(values):
    _per_axis_agrees_with_pytorch(values)
