"""Korean-capable fonts for matplotlib, registered on request, never at import."""

from pathlib import Path

from matplotlib import font_manager

__all__ = ["FAMILY", "NANUM_GOTHIC", "register", "rc"]

NANUM_GOTHIC = Path(__file__).with_name("NanumGothic.ttf")
# DejaVu Sans first keeps the real minus sign (U+2212); NanumGothic supplies the Hangul.
FAMILY = ["DejaVu Sans", "NanumGothic"]


def register() -> None:
    """Make the bundled NanumGothic known to matplotlib (idempotent)."""
    known = {Path(f.fname) for f in font_manager.fontManager.ttflist}
    if NANUM_GOTHIC not in known:
        font_manager.fontManager.addfont(str(NANUM_GOTHIC))


def rc() -> dict:
    """rcParams that draw Hangul and minus signs; use with matplotlib.rc_context."""
    register()
    return {"font.family": FAMILY, "axes.unicode_minus": True}
