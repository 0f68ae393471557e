"""Diagrams are pure: they return a Figure, leave pyplot and rcParams alone, and refuse bad input."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from course_utils.diagrams import encoder_decoder
from course_utils.i18n import message


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_encoder_decoder_is_pure_and_labelled_in_the_language(lang):
    before = dict(matplotlib.rcParams)
    fig = encoder_decoder([256, 128, 64, 32, 16, 8], lang)
    assert isinstance(fig, Figure) and plt.get_fignums() == []
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert message("diagrams.encoder", lang) in texts and "8×8" in texts
    assert dict(matplotlib.rcParams) == before


def test_encoder_decoder_draws_on_given_axes():
    ax = Figure().add_subplot()
    assert encoder_decoder([4, 2], "en", ax=ax) is ax.figure


def test_sizes_must_shrink():
    with pytest.raises(ValueError, match="sizes must shrink stage by stage"):
        encoder_decoder([8, 16], "en")
