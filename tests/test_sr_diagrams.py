"""The super-resolution figures draw what they are given, in both languages, and refuse malformed input."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils.diagrams import crop_gallery, gain_bars
from course_utils.i18n import LANGS, message


@pytest.mark.parametrize("lang", LANGS)
def test_crop_gallery_shows_every_crop_on_a_fixed_range(lang):
    crops = [np.full((8, 8), v) for v in (0.0, 0.5, 1.0)]
    fig = crop_gallery(crops, ["a", "b", "c"], "camera", lang, columns=2)
    assert isinstance(fig, Figure)
    images = [ax.images[0] for ax in fig.axes if ax.images]
    assert len(images) == 3 and all(im.get_clim() == (0.0, 1.0) for im in images)
    assert fig._suptitle.get_text() == message("super_resolution.crops", lang, image="camera", size=8)


def test_crop_gallery_refuses_mismatched_input():
    with pytest.raises(ValueError, match="one title per crop"):
        crop_gallery([np.zeros((4, 4))], ["a", "b"], "camera", "en")
    with pytest.raises(ValueError, match="one shape"):
        crop_gallery([np.zeros((4, 4)), np.zeros((5, 5))], ["a", "b"], "camera", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_gain_bars_one_bar_per_model_and_the_seed_band(lang):
    fig = gain_bars(["A", "B"], [0.2, -0.05], (0.1, 0.25), "A", lang)
    ax = fig.axes[0]
    assert [round(p.get_width(), 2) for p in ax.patches if p.get_height() < 1][-2:] == [0.2, -0.05]
    assert ax.get_xlabel() == message("super_resolution.gain_axis", lang)
    assert ax.get_legend().get_texts()[0].get_text() == message("super_resolution.seed_band", lang, model="A")
    with pytest.raises(ValueError, match="one name per gain"):
        gain_bars(["A"], [0.1, 0.2], (0.0, 0.1), "A", lang)


def test_crop_gallery_note_ends_the_title():
    fig = crop_gallery([np.zeros((4, 4))], ["a"], "camera", "ko", note="학습 후")
    assert fig._suptitle.get_text() == message("super_resolution.crops", "ko", image="camera", size=4) + ": 학습 후"
