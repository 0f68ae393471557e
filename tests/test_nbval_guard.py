"""Prove that nbval really compares stored outputs: one changed digit must fail the run, in a training table too."""

import json
import re
import shutil
import subprocess
import sys

import pytest

from course_utils.reproducible import runs_pinned_kernels

LESSON = "notebooks/en/01_why_upsampling.ipynb"
TRAINING = "notebooks/en/06_unet_decoder.ipynb"


def run_nbval(notebook, root):
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
           "--nbval", "--nbval-current-env", f"--nbval-sanitize-with={root / 'tests' / 'sanitize.cfg'}",
           "--rootdir", str(notebook.parent), str(notebook)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=notebook.parent, timeout=300)


def change_one_digit(path, where=lambda cell: True):
    """Change the first digit of the first stdout output of a code cell chosen by where; return that cell's number."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    for number, cell in enumerate(code):
        for out in cell.get("outputs", []):
            if out.get("name") == "stdout" and where(cell) and any(ch.isdigit() for ch in "".join(out["text"])):
                text = "".join(out["text"])
                digit = next(ch for ch in text if ch.isdigit())
                out["text"] = text.replace(digit, str((int(digit) + 1) % 10), 1)
                path.write_text(json.dumps(nb), encoding="utf-8")
                return number
    raise AssertionError("no stdout output to change")


def copy_into(folder, root, notebook):
    """The notebook, with the nbval rules of notebooks/conftest.py beside it."""
    folder.mkdir()
    shutil.copy(root / "notebooks" / "conftest.py", folder / "conftest.py")
    return shutil.copy(root / notebook, folder / "lesson.ipynb")


def test_untouched_copy_passes_and_one_changed_digit_fails(tmp_path, root):
    untouched = copy_into(tmp_path / "untouched", root, LESSON)
    changed = copy_into(tmp_path / "changed", root, LESSON)
    change_one_digit(changed)

    ok = run_nbval(untouched, root)
    assert ok.returncode == 0, ok.stdout[-2000:]
    bad = run_nbval(changed, root)
    assert bad.returncode == 1, bad.stdout[-2000:]
    assert "1 failed" in bad.stdout


@pytest.mark.skipif(not runs_pinned_kernels(), reason="training digits are compared on x86-64 with AVX2 only")
def test_one_changed_digit_in_a_training_table_fails(tmp_path, root):
    changed = copy_into(tmp_path / "changed", root, TRAINING)
    number = change_one_digit(changed, where=lambda cell: "x86-digits" in cell["metadata"].get("tags", []))
    bad = run_nbval(changed, root)
    assert bad.returncode == 1, bad.stdout[-2000:]
    assert "1 failed" in bad.stdout, bad.stdout[-2000:]
    assert re.findall(r"^FAILED \S+::Cell (\d+)", bad.stdout, re.M) == [str(number)], bad.stdout[-2000:]
