import os
from pathlib import Path

import pytest

from course_utils.build.execute import prepare_kernel_env

ROOT = Path(__file__).resolve().parents[1]

# Kernels started by nbval inherit this environment; the font cache is built before any kernel runs.
prepare_kernel_env()


@pytest.fixture
def root() -> Path:
    return ROOT
