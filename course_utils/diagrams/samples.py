"""Pictures of model inputs and outputs: image grids and segmentation examples (data in, Figure out)."""

import torch
from matplotlib.figure import Figure

from course_utils.diagrams._canvas import axes, course_fonts
from course_utils.diagrams._checks import image_batch, items, positive_int, value_range as checked_range, whole
from course_utils.diagrams.alt import describe
from course_utils.i18n import check_lang, message

__all__ = ["tile", "image_grid", "segmentation_samples", "pattern_panels"]


def tile(images: torch.Tensor, nrow: int, gap: int = 1) -> torch.Tensor:
    """(N, C, H, W) images as one (C, rows·(H+gap)−gap, nrow·(W+gap)−gap) picture, row by row; gaps are NaN.

    ValueError unless images are a non-empty, real, finite (N, C, H, W) tensor, nrow ≥ 1 and gap ≥ 0 integers.
    """
    image_batch(images, "images", channels=None)
    nrow = positive_int(nrow, "nrow")
    gap = whole(gap, "gap", 0)
    n, c, h, w = images.shape
    rows = -(-n // nrow)
    out = torch.full((c, rows * (h + gap) - gap, nrow * (w + gap) - gap), float("nan"))
    for index, image in enumerate(images.detach().float().cpu()):
        r, col = divmod(index, nrow)
        out[:, r * (h + gap): r * (h + gap) + h, col * (w + gap): col * (w + gap) + w] = image
    return out


def _show(ax, picture: torch.Tensor, low: float, high: float) -> None:
    """Draw a (C, H, W) picture: one channel in grey, three as RGB; values mapped from [low, high] to [0, 1]."""
    scaled = ((picture - low) / (high - low)).clamp(0, 1)
    if scaled.shape[0] == 1:
        ax.imshow(scaled[0].numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    else:
        rgb = scaled.permute(1, 2, 0).nan_to_num(1.0)
        ax.imshow(rgb.numpy(), interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])


def image_grid(images: torch.Tensor, nrow: int = 8, title: str = "", value_range=(-1.0, 1.0), ax=None, lang=None):
    """A grid of (N, C, H, W) images (grey for C = 1, RGB for C = 3) with an optional title.

    value_range (low, high), low < high, is mapped to black … white; ValueError for anything tile refuses.
    With lang ("ko" or "en") and no ax, the figure gets alt text in that language (what the grid holds).
    """
    if lang is not None:
        check_lang(lang)
    low, high = checked_range(value_range, "value_range")
    picture = tile(images, nrow)
    if picture.shape[0] not in (1, 3):
        raise ValueError(f"images need 1 or 3 channels to be drawn, got {picture.shape[0]}")
    own_figure = ax is None
    with course_fonts():
        width = min(8.0, 0.45 * nrow + 0.4)
        ax = axes(ax, figsize=(width, width * picture.shape[1] / picture.shape[2] + 0.3))
        _show(ax, picture, low, high)
        if title:
            ax.set_title(title, fontsize=10)
    if lang is not None and own_figure:
        kind = message("diagrams.grid_grey" if picture.shape[0] == 1 else "diagrams.grid_colour", lang)
        describe(ax.figure, message("diagrams.grid_alt", lang, title=f"{title}: " if title else "", kind=kind,
                                    count=images.shape[0], nrow=min(nrow, images.shape[0])))
    return ax.figure


def segmentation_samples(images: torch.Tensor, masks: torch.Tensor, predictions: dict, lang: str) -> Figure:
    """One row per example: the input, the true mask, then each named predicted mask (all (N, 1, H, W)).

    ValueError for predictions that are not a dict {name: tensor}, tensors that are not (N, C, H, W) with one
    N ≥ 1 for all, 1 or 3 channels, finite real values.
    """
    check_lang(lang)
    if not isinstance(predictions, dict):
        raise ValueError(f"predictions must be a dict {{name: (N, 1, H, W) tensor}}, got {type(predictions).__name__}")
    columns = [(message("samples.input", lang), images, None),
               (message("samples.true_mask", lang), masks, (0.0, 1.0))]
    columns += [(name, mask, (0.0, 1.0)) for name, mask in predictions.items()]
    if any(not isinstance(tensor, torch.Tensor) or tensor.ndim != 4 for _, tensor, _ in columns):
        raise ValueError("images, masks and every prediction must be tensors of shape (N, C, H, W)")
    n = images.shape[0]
    if n < 1 or any(tensor.shape[0] != n for _, tensor, _ in columns):
        raise ValueError("images, masks and every prediction need the same number of examples, at least one")
    for (name, tensor, _), what in zip(columns, ["images", "masks", *(f"predictions[{k!r}]" for k in predictions)]):
        image_batch(tensor, what)
    with course_fonts():
        figure = Figure(figsize=(1.6 * len(columns), 1.6 * n + 0.4), layout="constrained")
        grid = figure.subplots(n, len(columns), squeeze=False)
        for col, (name, tensor, value_range) in enumerate(columns):
            for row in range(n):
                picture = tensor[row].detach().float().cpu()
                low, high = value_range or (float(picture.min()), float(picture.max()))
                _show(grid[row, col], picture, low, high if high > low else low + 1)
            grid[0, col].set_title(name, fontsize=9)
    return describe(figure, message("diagrams.segmentation_alt", lang, count=n,
                                    columns="; ".join(name for name, _, _ in columns)))


def pattern_panels(outputs: dict, spectra: dict, lang: str) -> Figure:
    """Per name: the first (C, H, W) image of its batch on top, its (H, W) power spectrum (log scale) below.

    ValueError unless outputs and spectra are dicts naming the same models, each output a non-empty, finite,
    real (N, 1 or 3, H, W) tensor and each spectrum a non-empty, finite, real (H, W) tensor of values ≥ 0.
    """
    check_lang(lang)
    if not isinstance(outputs, dict) or not isinstance(spectra, dict) or not outputs or set(outputs) != set(spectra):
        raise ValueError("outputs and spectra must name the same, non-empty set of models")
    for name in outputs:
        image_batch(outputs[name], f"outputs[{name!r}]")
        power = spectra[name]
        if not isinstance(power, torch.Tensor) or power.ndim != 2:
            raise ValueError(f"spectra[{name!r}] must be an (H, W) tensor, got {getattr(power, 'shape', type(power))}")
        image_batch(power[None, None], f"spectra[{name!r}]", channels=(1,))
        if (power < 0).any():
            raise ValueError(f"spectra[{name!r}] must hold powers ≥ 0, got a negative value")
    with course_fonts():
        figure = Figure(figsize=(2.4 * len(outputs), 5.0), layout="constrained")
        grid = figure.subplots(2, len(outputs), squeeze=False)
        for col, name in enumerate(outputs):
            sample = outputs[name][0].detach().float().cpu()
            _show(grid[0, col], sample, float(sample.min()), float(sample.max()))
            grid[0, col].set_title(name, fontsize=9)
            power = spectra[name].detach().double().cpu().clamp_min(1e-12).log10()
            low = float(torch.quantile(power.flatten(), 0.01))
            grid[1, col].imshow(power.numpy(), cmap="magma", vmin=low, interpolation="nearest")
            grid[1, col].set_xticks([])
            grid[1, col].set_yticks([])
        grid[0, 0].set_ylabel(message("samples.one_sample", lang), fontsize=9)
        grid[1, 0].set_ylabel(message("samples.spectrum", lang), fontsize=9)
    return describe(figure, message("diagrams.patterns_alt", lang, names="; ".join(map(str, outputs))))
