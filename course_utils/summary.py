"""A per-layer table of a model: each leaf module's output shape and parameter count, in call order."""

from dataclasses import dataclass

import torch
from torch import nn

from course_utils.i18n import message
from course_utils.sr_report import display_width

__all__ = ["LayerRow", "layer_rows", "layer_table"]


@dataclass(frozen=True)
class LayerRow:
    name: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int


def _leaves(model: nn.Module):
    return [(name or type(model).__name__, module) for name, module in model.named_modules()
            if not list(module.children())]


def layer_rows(model: nn.Module, *inputs: torch.Tensor) -> list[LayerRow]:
    """Run model(*inputs) once in eval mode without gradients; one row per leaf-module call, in call order.

    TypeError unless model is an nn.Module; model(*inputs)'s own errors pass through.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    rows: list[LayerRow] = []
    counted: set[int] = set()

    def hook(name):
        def record(module, _args, output):
            first_call = id(module) not in counted
            counted.add(id(module))
            own = sum(p.numel() for p in module.parameters(recurse=False)) if first_call else 0
            shape = tuple(output.shape) if isinstance(output, torch.Tensor) else ()
            rows.append(LayerRow(name, type(module).__name__, shape, own))
        return record

    handles = [module.register_forward_hook(hook(name)) for name, module in _leaves(model)]
    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(*inputs)
    finally:
        model.train(was_training)
        for handle in handles:
            handle.remove()
    return rows


def layer_table(model: nn.Module, *inputs: torch.Tensor, lang: str = "en") -> str:
    """layer_rows as aligned text with a total line (the total counts every parameter of the model).

    Column heads in lang ("ko" or "en"; ValueError otherwise).
    """
    head = [message(f"summary.{key}", lang) for key in ("layer", "type", "output_shape", "params", "total")]
    rows = layer_rows(model, *inputs)
    total = sum(p.numel() for p in model.parameters())
    cells = [tuple(head[:4])]
    cells += [(r.name, r.kind, str(r.output_shape), f"{r.parameters:,}") for r in rows]
    cells.append((head[4], "", "", f"{total:,}"))
    widths = [max(display_width(row[i]) for row in cells) for i in range(4)]

    def pad(text, width, right=False):
        fill = " " * (width - display_width(text))
        return fill + text if right else text + fill

    lines = [f"{pad(a, widths[0])}  {pad(b, widths[1])}  {pad(c, widths[2])}  {pad(d, widths[3], True)}".rstrip()
             for a, b, c, d in cells]
    lines.insert(1, "-" * (sum(widths) + 6))
    return "\n".join(lines)
