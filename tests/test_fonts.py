"""Hangul and the minus sign render without missing-glyph warnings, and only when asked."""

import warnings

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from course_utils import fonts


def test_font_and_licence_ship_with_the_package():
    assert fonts.NANUM_GOTHIC.stat().st_size > 1_000_000
    licence = fonts.NANUM_GOTHIC.with_name("OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence


def test_register_adds_the_bundled_file_once():
    fonts.register()
    fonts.register()
    bundled = [f for f in font_manager.fontManager.ttflist if f.fname == str(fonts.NANUM_GOTHIC)]
    assert len(bundled) == 1 and bundled[0].name == "NanumGothic"


def test_hangul_and_minus_sign_draw_without_warnings(tmp_path, monkeypatch):
    # Hide any system-wide Nanum font, so only the bundled file can supply the Hangul.
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if "Nanum" not in f.name])
    font_manager.FontManager._findfont_cached.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with matplotlib.rc_context(fonts.rc()):
            fig = Figure()
            ax = fig.add_subplot()
            ax.plot([-2, -1, 0], [1, -1, 0])
            ax.set_title("전치 합성곱: 출력 크기 −2")
            fig.savefig(tmp_path / "hangul.png")
            used = font_manager.findfont(font_manager.FontProperties(family="NanumGothic"), fallback_to_default=False)
    font_manager.FontManager._findfont_cached.cache_clear()
    assert used == str(fonts.NANUM_GOTHIC)
    assert (tmp_path / "hangul.png").stat().st_size > 0


def test_minus_sign_comes_from_dejavu():
    with matplotlib.rc_context(fonts.rc()):
        assert matplotlib.rcParams["font.family"][0] == "DejaVu Sans"
        assert matplotlib.rcParams["axes.unicode_minus"] is True
