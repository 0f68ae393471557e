"""The comparison table is built from the measured values given, with headers and words in the language."""

import pytest

from course_utils.comparison import Measured, markdown_table
from course_utils.i18n import message
from course_utils.metrics import strength_verdict

ROWS = [
    Measured("ConvT", 0.86, 102_760_448, 524_416, (0.010, 1.0), "transposed"),
    Measured("Upsample+Conv", 0.0, 231_211_008, 295_040, (0.020, 3.0), "resize"),
]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_table_shows_measured_values_in_the_language(lang):
    lines = markdown_table(ROWS, ["(1, 256, 14, 14)", "(8, 256, 56, 56)"], lang).splitlines()
    assert len(lines) == 4 and lines[0].count("|") == lines[2].count("|") == 9
    assert message("comparison.cpu_time", lang, size="(8, 256, 56, 56)") in lines[0]
    first, second = lines[2], lines[3]
    assert f"{strength_verdict(0.86, lang)} (0.860)" in first and "524,416" in first
    assert "102.8 M (×1.00)" in first and "231.2 M (×2.25)" in second
    assert f"10.0 ms ({message('comparison.fastest', lang)})" in first
    assert f"3000.0 ms ({message('comparison.slower', lang, ratio='3.00')})" in second
    assert message("comparison.use.resize", lang) in second


def test_rows_are_checked():
    with pytest.raises(ValueError, match="one CPU time per size"):
        markdown_table(ROWS, ["only one size"], "en")
    with pytest.raises(ValueError, match="use must be one of"):
        Measured("x", 0.0, 1, 1, (1.0,), "unknown")
