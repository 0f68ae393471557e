"""Checkerboard figures are pure: they return a Figure, leave pyplot and rcParams alone, and label in the language."""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils.arithmetic import overlap_counts_1d, overlap_map
from course_utils.diagrams import (overlap_heatmap, overlap_heatmaps, overlap_outer_product, response_gallery,
                                   strength_bars)
from course_utils.i18n import LANGS, message
from course_utils.overlap import interior_range


def _texts(fig):
    found = [t.get_text() for ax in fig.axes for t in ax.texts]
    found += [ax.get_xlabel() for ax in fig.axes] + [ax.get_title() for ax in fig.axes]
    found += [fig.get_suptitle(), fig.get_supxlabel()]
    return found


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_figures_are_pure_and_labelled(lang):
    before = dict(matplotlib.rcParams)
    panels = [("K=4 S=2 P=1", overlap_map(5, 4, 2, 1), interior_range(5, 4, 2, 1)),
              ("K=3 S=2 P=0", overlap_map(5, 3, 2), interior_range(5, 3, 2))]
    figures = [
        overlap_heatmap(overlap_map(3, 4, 2, 1), lang, interior=interior_range(3, 4, 2, 1)),
        overlap_heatmaps(panels, lang),
        overlap_outer_product(overlap_counts_1d(5, 3, 2), lang),
        response_gallery([np.ones((6, 6)), np.arange(36.0).reshape(6, 6)], ["flat", "ramp"], lang),
        strength_bars(["a", "b"], [0.0, 0.9], lang),
    ]
    assert all(isinstance(fig, Figure) for fig in figures) and plt.get_fignums() == []
    assert dict(matplotlib.rcParams) == before
    assert message("checkerboard.interior_legend", lang) in _texts(figures[0])
    assert message("checkerboard.interior_legend", lang) in _texts(figures[1])
    assert message("checkerboard.outer_product", lang) in _texts(figures[2])
    assert message("checkerboard.gallery", lang) in _texts(figures[3])
    assert message("checkerboard.strength_axis", lang) in _texts(figures[4])


def test_heatmap_shows_the_counts_and_outlines_the_interior():
    fig = overlap_heatmap(overlap_map(3, 4, 2, 1), "en", interior=range(1, 5))
    ax = fig.axes[0]
    assert ax.images[0].get_array().tolist() == overlap_map(3, 4, 2, 1).tolist()
    assert [t.get_text() for t in ax.texts[:6]] == ["1", "2", "2", "2", "2", "1"]
    outline = ax.patches[0]
    assert (outline.get_x(), outline.get_width()) == (0.5, 4)


def test_outer_product_panel_is_the_product():
    fig = overlap_outer_product([1, 2, 1], "en")
    images = [ax.images[0] for ax in fig.axes if ax.images]
    assert images[0].get_array().tolist() == [[1, 2, 1], [2, 4, 2], [1, 2, 1]]


def test_flat_images_are_drawn_mid_grey():
    fig = response_gallery([np.full((4, 4), 3.0)], ["flat"], "en")
    low, high = fig.axes[0].images[0].get_clim()
    assert low < 3.0 < high


def test_draws_on_given_axes():
    ax = Figure().add_subplot()
    assert overlap_heatmap(np.ones((3, 3)), "en", ax=ax) is ax.figure
    assert strength_bars(["a"], [0.5], "ko", ax=ax) is ax.figure


@pytest.mark.parametrize("call, match", [
    (lambda: overlap_heatmap(np.ones(3), "en"), "2-D array"),
    (lambda: overlap_heatmaps([], "en"), "at least one"),
    (lambda: response_gallery([np.ones((2, 2))], [], "en"), "one title per image"),
    (lambda: strength_bars(["a", "b"], [0.1], "en"), "one name per strength"),
    (lambda: overlap_outer_product([[1, 2]], "en"), "1-D array"),
])
def test_bad_input_is_named(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of"):
        overlap_heatmap(np.ones((2, 2)), "fr")


def test_response_gallery_says_constant_input_unless_given_its_own_title():
    images, titles = [np.zeros((4, 4)), np.eye(4)], ["a", "b"]
    for lang in LANGS:
        default = response_gallery(images, titles, lang)
        assert default._suptitle.get_text() == message("checkerboard.gallery", lang)
        assert response_gallery(images, titles, lang, title="trained")._suptitle.get_text() == "trained"
