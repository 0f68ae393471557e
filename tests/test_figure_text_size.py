"""What the slides learn about a figure (course_utils.diagrams.text_size): the smallest font it really draws, in
pixels of its PNG's natural size, and the boxes of the parts a dense figure is shown in, one slide each."""

import io

import pytest
from matplotlib.figure import Figure
from PIL import Image

from course_utils.diagrams import scatter_add_steps
from course_utils.diagrams.text_size import slide_parts, smallest_text_px, split_for_slides


def _png_size(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return Image.open(buffer).size


def test_the_smallest_drawn_font_in_pixels_at_the_figures_dpi():
    fig = Figure(figsize=(4, 3), dpi=80)
    ax = fig.add_subplot()
    ax.set_title("title", fontsize=20)
    ax.tick_params(labelsize=7)
    assert smallest_text_px(fig) == pytest.approx(7 * 80 / 72, abs=0.01)
    ax.set_axis_off()  # hidden tick labels are not drawn, so they do not count
    assert smallest_text_px(fig) == pytest.approx(20 * 80 / 72, abs=0.01)


def test_a_figure_without_words_has_no_smallest_font():
    fig = Figure(figsize=(2, 2), dpi=80)
    fig.add_subplot().set_axis_off()
    assert smallest_text_px(fig) is None


def test_parts_are_boxes_of_the_png_one_per_group():
    fig = Figure(figsize=(6, 3), dpi=80, layout="constrained")
    left, right = fig.subplots(1, 2)
    left.set_title("left")
    right.set_title("right")
    assert slide_parts(fig) == []
    split_for_slides(fig, [[left], [right]])
    width, height = _png_size(fig)
    (l0, t0, r0, b0), (l1, t1, r1, b1) = slide_parts(fig)
    assert 0 <= l0 < r0 <= l1 < r1 <= width and 0 <= t0 < b0 <= height and 0 <= t1 < b1 <= height
    assert r1 - l1 > width / 3 and b0 - t0 > height / 2


def test_split_refuses_axes_of_another_figure_and_empty_groups():
    fig, other = Figure(), Figure()
    with pytest.raises(ValueError, match="the figure's own axes"):
        split_for_slides(fig, [[other.add_subplot()]])
    with pytest.raises(ValueError, match="the figure's own axes"):
        split_for_slides(fig, [[]])


def test_scatter_add_steps_are_shown_one_step_a_slide():
    cells = [["a", ""], ["", ""]]
    fig = scatter_add_steps([cells, cells, cells], [(0, 0, 1, 1)] * 3, "en")
    assert len(slide_parts(fig)) == 3


def test_a_long_gallery_title_wraps_instead_of_widening_the_figure():
    import numpy as np

    from course_utils.diagrams import response_gallery

    images, titles = [np.eye(4)] * 3, ["a", "b", "c"]
    short = _png_size(response_gallery(images, titles, "en", title="Short"))
    long = _png_size(response_gallery(images, titles, "en", title="A very long title " * 8))
    assert long[0] <= short[0] + 2 and long[1] > short[1]
