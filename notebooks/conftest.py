"""How nbval checks the notebooks here: time-outs fail, x86-64-only digits, two CPU settings per run."""

import os
from pathlib import Path

import pytest

from course_utils.reproducible import NATIVE_KERNELS, X86_DIGITS_TAG, runs_pinned_kernels

# Set to 1 to compare x86-digits cells even where they are not compared (tests/test_reproducibility.py does).
COMPARE_ALL_DIGITS = "COURSE_COMPARE_ALL_DIGITS"
# On x86-64 the English notebooks' kernels start in this environment, the Korean ones' in the inherited one.
# setup() must override it, so both languages match outputs stored under one setting: a second CPU setting per run.
OTHER_KERNEL_ENV = {"ATEN_CPU_CAPABILITY": "default", "ONEDNN_MAX_CPU_ISA": "SSE41", "MKL_CBWR": "AUTO",
                    "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"}
_INHERITED = {name: os.environ.get(name) for name in OTHER_KERNEL_ENV}
# nbval waits 5 s for a finished cell's output and counts a longer wait as a time-out; a loaded machine needs more.
OUTPUT_WAIT_S = 30


def _is_notebook_cell(item) -> bool:
    return hasattr(item, "cell") and hasattr(item, "options") and hasattr(item.parent, "timed_out")


def compares_x86_digits() -> bool:
    """x86-digits cells are compared where setup() runs the x86-64 kernels they were stored with."""
    pinned = runs_pinned_kernels() and os.environ.get(NATIVE_KERNELS) != "1"
    return pinned or os.environ.get(COMPARE_ALL_DIGITS) == "1"


def pytest_collection_modifyitems(items):
    if compares_x86_digits():
        return
    for item in items:
        if _is_notebook_cell(item) and X86_DIGITS_TAG in item.cell.metadata.get("tags", []):
            item.options["check"] = False  # still executed: its claims and errors still count


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if not _is_notebook_cell(item):
        return
    item.output_timeout = OUTPUT_WAIT_S
    if item.parent.timed_out:
        # nbval would mark every later cell xfail, i.e. unverified: here a time-out fails them all.
        pytest.fail("not verified: an earlier cell of this notebook timed out", pytrace=False)
    if item.parent.kernel is None and runs_pinned_kernels():  # the notebook's kernel starts with this cell
        english = Path(str(item.parent.path)).parent.name == "en"
        for name, value in (OTHER_KERNEL_ENV if english else _INHERITED).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
