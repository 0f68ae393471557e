"""Which printed digits depend on the CPU's compute kernels: every lesson runs again with other kernels.

setup()'s kernel pin is switched off (COURSE_NATIVE_KERNELS=1) and ATen runs its portable kernels, MKL its default
branch, oneDNN this CPU's own code. Every cell whose output then changes must carry the x86-digits tag (its digits
are compared only where setup() runs the pinned kernels); every other cell, so every shape, count and claim, must
print the same, and a tagged cell may differ only in its output, never raise. This stands in for a machine with
other kernels, such as an ARM laptop (whose BLAS and convolution libraries differ too, which this cannot exercise).
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import nbformat
import pytest

from course_utils.reproducible import NATIVE_KERNELS, X86_DIGITS_TAG, runs_pinned_kernels

LANG = "ko"  # the Korean kernels start in the inherited environment (notebooks/conftest.py)
OTHER_KERNELS = {NATIVE_KERNELS: "1", "ATEN_CPU_CAPABILITY": "default", "MKL_CBWR": "AUTO",
                 "COURSE_COMPARE_ALL_DIGITS": "1"}

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not runs_pinned_kernels(), reason="the stored digits are those of x86-64 with AVX2")]


def tagged_cells(notebook):
    code = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    return {f"Cell {n}" for n, cell in enumerate(code) if X86_DIGITS_TAG in cell.metadata.get("tags", [])}


def test_only_tagged_cells_change_with_other_kernels(root, tmp_path):
    notebooks = sorted((root / "notebooks" / LANG).glob("*.ipynb"))
    env = {k: v for k, v in os.environ.items() if k not in ("ONEDNN_MAX_CPU_ISA", "OMP_NUM_THREADS")} | OTHER_KERNELS
    report = tmp_path / "report.xml"
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-o", "addopts=",
           "--nbval", "--nbval-current-env", f"--nbval-sanitize-with={root / 'tests' / 'sanitize.cfg'}",
           "--nbval-cell-timeout=120", f"--junitxml={report}", *[str(n.relative_to(root)) for n in notebooks]]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=1500)
    assert report.exists(), done.stdout[-3000:]
    changed, wrong = [], []
    for case in ET.parse(report).getroot().iter("testcase"):
        problem = case.find("failure") if case.find("failure") is not None else case.find("error")
        if problem is None:
            continue
        path = case.get("classname").replace(".", "/").rsplit("/", 1)[0] + ".ipynb"
        cell = case.get("name")
        differs_only = "Cell outputs differ" in (problem.text or "")
        if differs_only and cell in tagged_cells(root / path):
            changed.append(f"{path} {cell}")
        else:
            wrong.append(f"{path} {cell}: {(problem.get('message') or '')[:200]}")
    assert not wrong, ("cells that change or fail with other kernels, not (only) tagged " + X86_DIGITS_TAG + ":\n"
                       + "\n".join(wrong))
    assert changed, "no printed digit depends on the kernels: then the pin and the tags are not needed"
    print("changed with other kernels (all tagged):", changed)
