"""Real photographs that ship inside the scikit-image wheel, as luminance tensors, ×2 box downscaling and patches."""

from importlib import resources
from pathlib import Path

import torch
from torch.nn import functional as F

from course_utils._ints import integer
from course_utils._tensors import dense

__all__ = ["BUNDLED", "bundled_path", "luminance", "downscale2", "patches"]

# skimage.data name -> the file the wheel carries in skimage/data (these load without pooch or a network).
BUNDLED = {
    "astronaut": "astronaut.png",
    "camera": "camera.png",
    "chelsea": "chelsea.png",
    "coffee": "coffee.png",
    "coins": "coins.png",
    "grass": "grass.png",
    "moon": "moon.png",
    "rocket": "rocket.jpg",
}


def bundled_path(name: str) -> Path:
    """The photograph's file inside the installed skimage package; FileNotFoundError if the wheel lacks it."""
    if name not in BUNDLED:
        raise KeyError(f"unknown photograph {name!r}; bundled: {', '.join(sorted(BUNDLED))}")
    path = Path(str(resources.files("skimage") / "data" / BUNDLED[name]))
    if not path.is_file():
        raise FileNotFoundError(f"{path} is not in the installed scikit-image; it would need a download")
    return path


def luminance(name: str) -> torch.Tensor:
    """The photograph as float32 (H, W) in [0, 1], cropped to even sides; colour via skimage.color.rgb2gray."""
    from skimage.color import rgb2gray
    from skimage.io import imread

    pixels = imread(str(bundled_path(name)))
    grey = rgb2gray(pixels) if pixels.ndim == 3 else pixels / 255.0
    height, width = grey.shape
    return torch.tensor(grey[: height // 2 * 2, : width // 2 * 2], dtype=torch.float32)


def downscale2(images: torch.Tensor) -> torch.Tensor:
    """×2 downscaling with a 2×2 box filter: (…, H, W) → (…, H/2, W/2), each pixel the mean of one 2×2 block.

    Integer and bool images are averaged in the default float dtype (the mean of 1, 2, 3, 4 is 2.5).
    TypeError for a non-tensor, ValueError for a complex or empty tensor or odd H or W.
    """
    if not isinstance(images, torch.Tensor):
        raise TypeError(f"images must be a torch.Tensor, got {type(images).__name__}")
    dense(images, "images")
    if images.ndim < 2 or images.shape[-2] % 2 or images.shape[-1] % 2 or images.numel() == 0:
        raise ValueError(f"need (…, H, W) with even H and W, none empty, got shape {tuple(images.shape)}")
    if images.is_complex():
        raise ValueError(f"images must be real, got {images.dtype}")
    if not images.is_floating_point():
        images = images.to(torch.get_default_dtype())
    flat = images.reshape(-1, 1, *images.shape[-2:])
    return F.avg_pool2d(flat, 2).reshape(*images.shape[:-2], images.shape[-2] // 2, images.shape[-1] // 2)


def patches(image: torch.Tensor, size: int, stride: int | None = None) -> torch.Tensor:
    """Every size×size window of an (H, W) image on a grid of step `stride` (default size), row by row: (N, size, size).

    ValueError unless image is a 2-D tensor at least size×size and size, stride are positive integers.
    """
    stride = size if stride is None else stride
    for name, value in (("size", size), ("stride", stride)):
        if integer(value) is None or integer(value) < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    size, stride = integer(size), integer(stride)
    if not isinstance(image, torch.Tensor) or image.ndim != 2 or size > min(image.shape):
        raise ValueError(f"image must be a 2-D tensor at least {size}×{size}, "
                         f"got {tuple(image.shape) if isinstance(image, torch.Tensor) else type(image).__name__}")
    dense(image, "image")
    return image.unfold(0, size, stride).unfold(1, size, stride).reshape(-1, size, size)
