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
    plt.rcParams.update({"figure.dpi": 80, "savefig.dpi": 80, "image.cmap": "viridis"})
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_printoptions(precision=4, sci_mode=False)
