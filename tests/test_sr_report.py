"""The lab's results table: localized headers, aligned columns (Hangul counts double), every row formatted."""

import pytest

from course_utils.i18n import LANGS, message
from course_utils.sr_report import Result, display_width, results_table, text_table


def test_display_width_counts_hangul_twice():
    assert display_width("abc") == 3
    assert display_width("모델") == 4
    assert display_width("PSNR (dB, 평균)") == 13 + 2


def test_text_table_aligns_by_display_width():
    table = text_table(["모델", "n"], [["a", "1"], ["long name", "12"]]).splitlines()
    assert table[0] == "모델        n"
    assert table[1] == "---------  --"
    assert table[2] == "a           1"
    assert len({display_width(line) for line in table}) == 1
    with pytest.raises(ValueError, match="2 cells"):
        text_table(["a", "b"], [["only one"]])


@pytest.mark.parametrize("lang", LANGS)
def test_results_table_has_headers_in_the_language_and_gains_against_the_baseline(lang):
    baseline = Result("bicubic", 0, 27.0, 0.85, 0.0, 0.0)
    rows = [Result("A", 5713, 27.25, 0.861, 0.5, 0.002), Result("B", 5601, 26.9, 0.84, 0.0, 0.0)]
    lines = results_table(baseline, rows, lang).splitlines()
    assert lines[0].startswith(message("sr_report.model", lang))
    assert message("sr_report.psnr", lang) in lines[0] and message("sr_report.strength_trained", lang) in lines[0]
    assert len(lines) == 2 + 3
    assert "5,713" in lines[3] and "27.25" in lines[3] and "+0.25" in lines[3] and "0.861" in lines[3]
    assert "-0.10" in lines[4]
    assert f"0.500 {message('metrics.clear', lang)}" in lines[3]
    assert f"0.002 {message('metrics.weak', lang)}" in lines[3]
