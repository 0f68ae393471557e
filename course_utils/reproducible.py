"""Same printed digits on x86-64 CPUs with AVX2: one set of CPU compute kernels, one thread, deterministic algorithms.

Floating-point addition depends on its order. PyTorch's CPU kernels add in an order that depends on the widest
vector instructions the CPU has (AVX2, AVX-512), on the number of threads and on the code path its BLAS (MKL)
picks for the processor; training magnifies those last-bit differences into printed digits. `pin_computation`
fixes all of them before the first tensor operation; docs/reproducibility.md gives the measurements and what the
libraries' own documentation does and does not promise.
"""

import ctypes
import os
import platform
import subprocess
import sys
from functools import cache
from pathlib import Path

import torch

__all__ = ["KERNEL_ENV", "NATIVE_KERNELS", "X86_DIGITS_TAG", "KernelsAlreadyChosen", "is_x86_64",
           "runs_pinned_kernels", "pin_computation", "describe"]

# Read by ATen, oneDNN and MKL when they first compute (not at import), so setting them in the running kernel works.
KERNEL_ENV = {
    # ATen's vectorized kernels: the AVX2 build, also on AVX-512 CPUs (PyTorch's documented override).
    "ATEN_CPU_CAPABILITY": "avx2",
    # oneDNN's JIT convolutions: AVX2 code, also on AVX-512 CPUs (oneDNN's "CPU dispatcher control").
    "ONEDNN_MAX_CPU_ISA": "AVX2",
    # MKL's GEMM (PyTorch's float32 transposed convolutions and linear layers): the conditional numerical
    # reproducibility branch oneMKL documents for "Intel and Intel compatible CPUs" (SSE2 code without rcpps/rsqrtps);
    # its AVX2 branch exists on Intel CPUs only.
    "MKL_CBWR": "COMPATIBLE",
}
# MKL_CBWR_COMPATIBLE, as mkl_cbwr_get reports it (oneMKL "Named Constants for CNR Control").
_MKL_COMPATIBLE = 3
# Set to 1 to let PyTorch choose its kernels for this CPU (to see which printed digits depend on them).
NATIVE_KERNELS = "COURSE_NATIVE_KERNELS"
# The tag of notebook cells whose printed digits hold only where these kernels run (docs/reproducibility.md).
X86_DIGITS_TAG = "x86-digits"


class KernelsAlreadyChosen(RuntimeError):
    """PyTorch computed before pin_computation ran, so its kernels for this CPU are already fixed."""


def is_x86_64() -> bool:
    """True on the processors whose kernels the course pins (Intel and AMD 64-bit)."""
    return platform.machine().lower() in {"x86_64", "amd64"}


@cache
def runs_pinned_kernels() -> bool:
    """True on x86-64 CPUs that have AVX2, where setup() runs the kernels the stored outputs were made with.

    Asked of a fresh interpreter, because this one may have chosen its kernels already.
    """
    if not is_x86_64():
        return False
    code = "import torch; print(torch.backends.cpu.get_cpu_capability())"
    env = os.environ | {"ATEN_CPU_CAPABILITY": KERNEL_ENV["ATEN_CPU_CAPABILITY"]}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    return done.stdout.strip() == "AVX2"


def _mkl_branch() -> int | None:
    """MKL's reproducibility branch (mkl_cbwr_get), or None where this PyTorch build has no MKL."""
    library = Path(torch.__file__).parent / "lib" / "libtorch_cpu.so"
    try:
        get = ctypes.CDLL(str(library)).mkl_serv_cbwr_get
    except (OSError, AttributeError):
        return None
    get.restype, get.argtypes = ctypes.c_int, [ctypes.c_int]
    return get(-1)  # MKL_CBWR_ALL


def pin_computation() -> None:
    """Pin PyTorch's CPU kernels (x86-64), use one thread and deterministic algorithms only.

    Call before the first tensor computation of the process (the lesson's setup() does). Environment
    variables of the same names set outside are overridden: the course, not the machine, chooses the kernels.
    Raises KernelsAlreadyChosen when PyTorch already computed with the kernels of this CPU.
    """
    if is_x86_64() and os.environ.get(NATIVE_KERNELS) != "1":
        os.environ.update(KERNEL_ENV)
        capability = torch.backends.cpu.get_cpu_capability()
        branch = _mkl_branch()
        if capability.startswith("AVX512") or branch not in (None, _MKL_COMPATIBLE):
            raise KernelsAlreadyChosen(
                f"PyTorch computed before setup() and chose its CPU kernels (ATen {capability}, MKL branch {branch}); "
                "restart the kernel and run the notebook from the top / "
                "Jupyter 커널을 다시 시작하고 노트북을 처음부터 실행하세요")
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


def describe() -> str:
    """One line: the ATen kernels in use and the thread count, e.g. 'CPU kernels: AVX2 | threads: 1'."""
    return f"CPU kernels: {torch.backends.cpu.get_cpu_capability()} | threads: {torch.get_num_threads()}"
