"""The output-size calculator and its strip diagram, tested without a kernel: set slider values, read the text."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from course_utils.arithmetic import RuleError
from course_utils.diagrams import size_strip
from course_utils.i18n import LANGS, message
from course_utils.widgets import SizeCalculator


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
