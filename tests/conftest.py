import os
from pathlib import Path

import pytest
import torch

from course_utils.build.execute import prepare_kernel_env

ROOT = Path(__file__).resolve().parents[1]

# Kernels started by nbval inherit this environment; the font cache is built before any kernel runs.
prepare_kernel_env()


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="module")
def one_thread():
    """Tiny tensors: one thread is fastest and avoids waiting on busy cores (use with pytest.mark.usefixtures)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
