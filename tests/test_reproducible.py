"""setup() pins the CPU arithmetic in a running kernel as if the environment had been set before Python started.

Each case runs in a fresh interpreter, because ATen, oneDNN and MKL choose their kernels once per process.
"""

import os
import subprocess
import sys

import pytest

from course_utils.reproducible import KERNEL_ENV, NATIVE_KERNELS, runs_pinned_kernels

pytestmark = pytest.mark.skipif(not runs_pinned_kernels(), reason="the kernels pinned are those of x86-64 with AVX2")

# What a lesson computes: a convolution (oneDNN), a transposed convolution and a matrix product (MKL), a sum
# and a tanh (ATen), after importing what the lessons import.
FINGERPRINT = """
import hashlib, sys
import skimage, sklearn, torch
import course_utils.diagrams, course_utils.metrics, course_utils.photos, course_utils.summary, course_utils.widgets
from course_utils.notebook import setup
from course_utils.reproducible import describe
if "setup" in sys.argv:
    setup("en")
g = torch.Generator().manual_seed(0)
x, w = torch.randn(4, 64, 32, 32, generator=g), torch.randn(64, 64, 3, 3, generator=g)
a, b = torch.randn(300, 500, generator=g), torch.randn(500, 200, generator=g)
results = [torch.nn.functional.conv2d(x, w, padding=1), torch.nn.functional.conv_transpose2d(x, w, stride=2),
           a @ b, torch.tanh(x).sum()]
print(describe(), hashlib.sha256(b"".join(r.numpy().tobytes() for r in results)).hexdigest())
"""

CLEAN = {name: value for name, value in os.environ.items()
         if name not in KERNEL_ENV and name not in (NATIVE_KERNELS, "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def fingerprint(*args, **env):
    done = subprocess.run([sys.executable, "-c", FINGERPRINT, *args], env=CLEAN | env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr == ""
    return done.stdout.strip()


@pytest.fixture(scope="module")
def pinned_before_start():
    return fingerprint(**KERNEL_ENV, OMP_NUM_THREADS="1")


def test_setup_gives_the_results_of_kernels_chosen_before_start(pinned_before_start):
    assert pinned_before_start.startswith("CPU kernels: AVX2 | threads: 1 ")
    assert fingerprint("setup") == pinned_before_start


def test_setup_overrides_kernel_and_thread_settings_from_outside(pinned_before_start):
    other = {"ATEN_CPU_CAPABILITY": "default", "ONEDNN_MAX_CPU_ISA": "SSE41", "MKL_CBWR": "AUTO",
             "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"}
    assert fingerprint("setup", **other) == pinned_before_start


def test_the_pin_matters_on_this_cpu(pinned_before_start):
    other = fingerprint("setup", **{NATIVE_KERNELS: "1", "ATEN_CPU_CAPABILITY": "default", "MKL_CBWR": "AUTO"})
    assert other.startswith("CPU kernels: DEFAULT | threads: 1 ")
    assert other.split()[-1] != pinned_before_start.split()[-1]


def test_computing_before_setup_is_refused():
    code = ("import torch\ntorch.randn(64, 64) @ torch.randn(64, 64)\n"
            "from course_utils.notebook import setup\nsetup('ko')")
    done = subprocess.run([sys.executable, "-c", code], env=CLEAN, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "KernelsAlreadyChosen" in done.stderr and "커널을 다시 시작하고" in done.stderr
