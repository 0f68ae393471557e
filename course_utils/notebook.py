"""The first code cell of every lesson: one call that makes figures, seeds, arithmetic and printing predictable."""

import random

import numpy as np
import torch

from course_utils import fonts
from course_utils.i18n import check_lang
from course_utils.reproducible import pin_computation

__all__ = ["setup", "SEED"]

SEED = 0


def setup(lang: str) -> None:
    """Pin the CPU arithmetic, register the Korean font, set plotting defaults and seed every generator.

    Call once per notebook, before any tensor computation (reproducible.pin_computation says why).
    """
    check_lang(lang)
    pin_computation()
    import matplotlib
    import matplotlib.pyplot as plt

    # Load the backend now (pyplot loads it lazily): in a kernel this registers the inline PNG display of
    # Figure objects, so a diagram returned as a cell's value shows as an image, and applies its defaults first.
    plt.switch_backend(matplotlib.get_backend())
    plt.rcParams.update(fonts.rc())
    plt.rcParams.update({"figure.dpi": 80, "savefig.dpi": 80, "image.cmap": "viridis", "font.size": 11})
    _figures_sharp_and_described()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_printoptions(precision=4, sci_mode=False)


def _figures_sharp_and_described() -> None:
    """In a kernel: figures as 2x PNGs shown at their 1x size (sharp on hi-DPI screens and phones), each with
    its alt text (diagrams.alt) and the pixel height of its smallest font at that 1x size (min_text_px,
    diagrams.text_size; the slides check it) and, for a figure split for the slides, the boxes of its parts
    (slide_parts) in the output's metadata. Outside a kernel: nothing."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    from course_utils.diagrams.alt import alt_text
    from course_utils.diagrams.text_size import slide_parts, smallest_text_px

    set_matplotlib_formats("retina")
    png = shell.display_formatter.formatters["image/png"]
    draw = png.lookup_by_type(Figure)

    def described(fig):
        found = draw(fig)
        data, metadata = found if isinstance(found, tuple) else (found, {})
        alt, text_px, parts = alt_text(fig), smallest_text_px(fig), slide_parts(fig)
        extra = {**({"alt": alt} if alt else {}), **({"min_text_px": text_px} if text_px else {}),
                 **({"slide_parts": parts} if parts else {})}
        return (data, {**(metadata or {}), **extra}) if extra else (data, metadata)

    png.for_type(Figure, described)
