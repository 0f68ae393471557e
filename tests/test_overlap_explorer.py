"""The overlap explorer reacts to its sliders, speaks the learner's language and explains invalid settings."""

import pytest
from matplotlib.figure import Figure

from course_utils.arithmetic import RuleError, overlap_map
from course_utils.i18n import message
from course_utils.overlap import verdict
from course_utils.widgets.overlap_explorer import OverlapExplorer


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_starts_at_the_documents_table_and_calls_its_interior_even(lang):
    explorer = OverlapExplorer(lang)
    assert repr(explorer) == "OverlapExplorer(kernel_size=4, stride=2, padding=1, input_size=3)"
    lines = explorer.text.splitlines()
    assert lines[0] == message("overlap_explorer.setting", lang, size=3, k=4, s=2, p=1, out=6)
    assert lines[1] == message("overlap_explorer.counts", lang, counts="1 2 2 2 2 1")
    assert lines[2] == message("overlap_explorer.interior", lang, first=1, last=4)
    assert lines[3] == verdict(3, 4, 2, 1, lang)
    assert isinstance(explorer.figure, Figure)
    image = explorer.figure.axes[0].images[0].get_array()
    assert image.tolist() == overlap_map(3, 4, 2, 1).tolist()


def test_sliders_update_the_verdict():
    explorer = OverlapExplorer("en")
    explorer.controls["kernel_size"].value = 3
    explorer.controls["padding"].value = 0
    explorer.controls["input_size"].value = 6
    assert explorer.text.splitlines()[-1] == verdict(6, 3, 2, 0, "en")
    assert "max/min = 4" in explorer.text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_invalid_setting_shows_the_rule_not_a_traceback(lang, capsys):
    explorer = OverlapExplorer(lang)
    explorer.controls["input_size"].value = 1
    explorer.controls["padding"].value = 4
    with pytest.raises(RuleError) as caught:
        overlap_map(1, 4, 2, 4)
    assert explorer.text == message("widgets.invalid", lang, rule=caught.value.explain(lang))
    assert explorer.figure is None
    capsys.readouterr()
    explorer.print()
    assert capsys.readouterr().out == explorer.text + "\n"


def test_no_interior_is_said_so():
    explorer = OverlapExplorer("ko", input_size=1)
    assert message("overlap_explorer.no_interior", "ko") in explorer.text
    assert explorer.text.endswith(message("overlap.too_small", "ko", length=0, s=2))
