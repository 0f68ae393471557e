"""The one check every helper that reads a tensor's values shares: the tensor must hold readable values."""

import torch

__all__ = ["dense"]


def dense(value: torch.Tensor, name: str) -> torch.Tensor:
    """value when it is a dense (strided) tensor with data; ValueError naming the parameter for a sparse or other
    layout (most operations the course uses raise NotImplementedError on them) or a meta tensor (no values)."""
    if value.layout != torch.strided:
        raise ValueError(f"{name} must be a dense tensor, got layout {value.layout}; convert it with {name}.to_dense()")
    if value.is_meta:
        raise ValueError(f"{name} must hold values, got a tensor on the meta device (shape only)")
    return value
