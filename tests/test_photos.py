"""The lab's photographs come from inside the scikit-image wheel, and patches and downscaling are exact."""

from pathlib import Path

import numpy as np
import pytest
import skimage
import skimage.data
import torch

from course_utils.photos import BUNDLED, bundled_path, downscale2, luminance, patches


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_each_photograph_is_a_file_of_the_installed_package_equal_to_skimage_data(name):
    path = bundled_path(name)
    assert path.is_file() and path.is_relative_to(Path(skimage.__file__).parent)
    from skimage.io import imread
    assert np.array_equal(imread(str(path)), getattr(skimage.data, name)())


def test_unknown_names_are_refused_with_the_list():
    with pytest.raises(KeyError, match="bundled: astronaut"):
        bundled_path("lena")


def test_luminance_is_float_in_unit_range_with_even_sides():
    for name in ("chelsea", "coins"):  # colour 300×451 and grey 303×384: both have an odd side
        y = luminance(name)
        assert y.dtype == torch.float32 and y.ndim == 2
        assert y.shape[0] % 2 == 0 and y.shape[1] % 2 == 0
        assert 0.0 <= float(y.min()) and float(y.max()) <= 1.0
    assert tuple(luminance("chelsea").shape) == (300, 450)


def test_colour_uses_bt709_weights():
    rgb = skimage.data.astronaut()[:2, :2].astype(float) / 255
    expected = rgb @ np.array([0.2125, 0.7154, 0.0721])
    assert torch.allclose(luminance("astronaut")[:2, :2].double(), torch.tensor(expected), atol=1e-6)


def test_downscale2_is_the_mean_of_each_2x2_block_and_keeps_leading_dims():
    x = torch.arange(16.0).reshape(4, 4)
    assert torch.equal(downscale2(x), torch.tensor([[2.5, 4.5], [10.5, 12.5]]))
    batch = torch.rand(3, 1, 6, 8)
    assert downscale2(batch).shape == (3, 1, 3, 4)
    assert torch.allclose(downscale2(batch)[2, 0], downscale2(batch[2, 0]))
    with pytest.raises(ValueError, match="even H and W"):
        downscale2(torch.zeros(5, 4))


def test_patches_cover_a_grid_row_by_row_and_are_deterministic():
    image = torch.arange(6 * 8.0).reshape(6, 8)
    p = patches(image, 2)
    assert p.shape == (3 * 4, 2, 2)
    assert torch.equal(p[1], image[0:2, 2:4]) and torch.equal(p[4], image[2:4, 0:2])
    assert torch.equal(patches(image, 2), p)
    assert patches(image, 4, stride=2).shape == (2 * 3, 4, 4)
    assert patches(torch.zeros(7, 9), 4).shape == (1 * 2, 4, 4)  # partial windows at the edges are dropped
    with pytest.raises(ValueError, match="at least 9×9"):
        patches(image, 9)
