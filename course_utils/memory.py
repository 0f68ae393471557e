"""Activation memory of a forward pass, measured: what each operator returns, the peak alive, what autograd saves."""

import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import torch
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves

__all__ = ["Allocation", "ActivationTrace", "trace_activations", "saved_for_backward_bytes", "parameter_bytes"]


@dataclass(frozen=True)
class Allocation:
    """One tensor an operator returned: the operator's name, the shape and the bytes."""

    op: str
    shape: tuple[int, ...]
    bytes: int


@dataclass(frozen=True)
class ActivationTrace:
    """Every new tensor of a forward pass in order, and the most bytes alive at once (the input included)."""

    allocations: tuple[Allocation, ...]
    peak_bytes: int


def _nbytes(t: torch.Tensor) -> int:
    return t.numel() * t.element_size()


class _Recorder(TorchDispatchMode):
    """Counts the new tensors operators return (views and in-place results share memory: skipped) while alive."""

    def __init__(self, baseline: int):
        super().__init__()
        self.allocations: list[Allocation] = []
        self.live = self.peak = baseline

    def _free(self, size: int) -> None:
        self.live -= size

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if any(r.alias_info is not None for r in func._schema.returns):
            return out
        for t in tree_leaves(out):
            if isinstance(t, torch.Tensor):
                size = _nbytes(t)
                self.allocations.append(Allocation(func.overloadpacket.__name__, tuple(t.shape), size))
                self.live += size
                self.peak = max(self.peak, self.live)
                weakref.finalize(t, self._free, size)
        return out


def _check(module, x) -> None:
    if not isinstance(module, nn.Module):
        raise TypeError(f"module must be a torch.nn.Module, got {type(module).__name__}")
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x must be a torch.Tensor, got {type(x).__name__}")


@contextmanager
def _cpu_code_paths(x: torch.Tensor):
    """On the meta device, run the code paths the CPU runs: deterministic algorithms off for the block.

    With torch.use_deterministic_algorithms(True) (setup() turns it on), F.interpolate's bilinear and trilinear
    modes run a decomposition into about 30 smaller operators on every device except the CPU, meta included
    (torch/nn/functional.py, `not input.is_cpu`); the CPU never creates those temporaries.
    """
    if x.device.type != "meta" or not torch.are_deterministic_algorithms_enabled():
        yield
        return
    warn_only = torch.is_deterministic_algorithms_warn_only_enabled()
    torch.use_deterministic_algorithms(False)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(True, warn_only=warn_only)


def trace_activations(module: nn.Module, x: torch.Tensor) -> ActivationTrace:
    """Run module(x) without autograd and record the tensors it creates.

    On the meta device (shapes only, nothing computed) the trace follows the CPU's code paths, also under
    deterministic algorithms (_cpu_code_paths says why), so it equals the CPU's trace.
    TypeError unless module is an nn.Module and x a tensor; module(x)'s own errors pass through.
    """
    _check(module, x)
    recorder = _Recorder(baseline=_nbytes(x))
    with torch.no_grad(), _cpu_code_paths(x), recorder:
        module(x)
    return ActivationTrace(tuple(recorder.allocations), recorder.peak)


def saved_for_backward_bytes(module: nn.Module, x: torch.Tensor) -> int:
    """Bytes of the activations autograd keeps for the backward pass of module(x) (parameters excluded).

    On the meta device it follows the CPU's code paths, as trace_activations does.
    TypeError unless module is an nn.Module and x a floating-point tensor (autograd needs one).
    """
    _check(module, x)
    if not (x.is_floating_point() or x.is_complex()):
        raise TypeError(f"x must be a floating-point tensor for autograd, got {x.dtype}")
    params = list(module.parameters())
    saved: list[torch.Tensor] = []

    def pack(t):
        if not any(t is p for p in params) and not any(t is s for s in saved):
            saved.append(t)
        return t

    with torch.enable_grad(), _cpu_code_paths(x), torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        module(x.detach().requires_grad_())
    return sum(_nbytes(t) for t in saved)


def parameter_bytes(module: nn.Module) -> int:
    """Bytes of the module's parameters; TypeError unless module is an nn.Module."""
    if not isinstance(module, nn.Module):
        raise TypeError(f"module must be a torch.nn.Module, got {type(module).__name__}")
    return sum(_nbytes(p) for p in module.parameters())
