"""Sample pictures: tiling is exact, the figures are pure, labelled in the learner's language, and refuse bad input."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
import torch
from matplotlib.figure import Figure

from course_utils.diagrams import image_grid, pattern_panels, segmentation_samples, tile
from course_utils.i18n import message


def test_tile_places_images_row_by_row_with_nan_gaps():
    images = torch.arange(5.0).view(5, 1, 1, 1).expand(5, 1, 2, 2)
    out = tile(images, nrow=2)
    assert out.shape == (1, 3 * 3 - 1, 2 * 3 - 1)
    assert out[0, 0, 0] == 0 and out[0, 0, 3] == 1 and out[0, 3, 0] == 2 and out[0, 6, 0] == 4
    assert torch.isnan(out[0, 2, 0]) and torch.isnan(out[0, 6, 3])


@pytest.mark.parametrize("bad", [torch.zeros(2, 2), "images"])
def test_tile_refuses_what_is_not_a_batch_of_images(bad):
    with pytest.raises(ValueError, match=r"shape \(N, C, H, W\)"):
        tile(bad, nrow=2)


def test_tile_refuses_a_bad_row_length():
    with pytest.raises(ValueError, match="nrow must be a positive integer"):
        tile(torch.zeros(2, 1, 2, 2), nrow=0)


def test_image_grid_is_pure_and_titled():
    before = dict(matplotlib.rcParams)
    fig = image_grid(torch.rand(6, 3, 4, 4) * 2 - 1, nrow=3, title="t")
    assert isinstance(fig, Figure) and plt.get_fignums() == [] and fig.axes[0].get_title() == "t"
    assert dict(matplotlib.rcParams) == before
    with pytest.raises(ValueError, match="1 or 3 channels"):
        image_grid(torch.zeros(2, 2, 4, 4))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_segmentation_columns_are_named_in_the_language(lang):
    images, masks = torch.randn(3, 1, 8, 8), (torch.rand(3, 1, 8, 8) > 0.5).float()
    fig = segmentation_samples(images, masks, {"transposed": masks, "upsample": masks}, lang)
    titles = [ax.get_title() for ax in fig.axes[:4]]
    assert titles == [message("samples.input", lang), message("samples.true_mask", lang), "transposed", "upsample"]
    assert len(fig.axes) == 12 and plt.get_fignums() == []


def test_segmentation_needs_as_many_examples_everywhere():
    with pytest.raises(ValueError, match="same number of examples"):
        segmentation_samples(torch.zeros(3, 1, 4, 4), torch.zeros(2, 1, 4, 4), {}, "en")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_pattern_panels_show_a_sample_and_a_spectrum_per_model(lang):
    outputs = {"a": torch.randn(2, 3, 8, 8), "b": torch.randn(2, 3, 8, 8)}
    spectra = {name: torch.rand(8, 8) for name in outputs}
    fig = pattern_panels(outputs, spectra, lang)
    assert len(fig.axes) == 4 and fig.axes[0].get_title() == "a"
    assert fig.axes[2].get_ylabel() == message("samples.spectrum", lang)
    with pytest.raises(ValueError, match="same, non-empty set"):
        pattern_panels(outputs, {"a": spectra["a"]}, lang)
