"""Prove that nbval really compares stored outputs: one changed digit must fail the run."""

import json
import shutil
import subprocess
import sys

LESSON = "notebooks/en/01_why_upsampling.ipynb"


def run_nbval(notebook, root):
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
           "--nbval", "--nbval-current-env", f"--nbval-sanitize-with={root / 'tests' / 'sanitize.cfg'}",
           "--rootdir", str(notebook.parent), str(notebook)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=notebook.parent, timeout=300)


def change_one_digit(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("name") == "stdout":
                text = "".join(out["text"])
                digit = next(ch for ch in text if ch.isdigit())
                out["text"] = text.replace(digit, str((int(digit) + 1) % 10), 1)
                path.write_text(json.dumps(nb), encoding="utf-8")
                return digit
    raise AssertionError("no stdout output to change")


def test_untouched_copy_passes_and_one_changed_digit_fails(tmp_path, root):
    untouched = tmp_path / "untouched" / "lesson.ipynb"
    changed = tmp_path / "changed" / "lesson.ipynb"
    for copy in (untouched, changed):
        copy.parent.mkdir()
        shutil.copy(root / LESSON, copy)
    change_one_digit(changed)

    ok = run_nbval(untouched, root)
    assert ok.returncode == 0, ok.stdout[-2000:]
    bad = run_nbval(changed, root)
    assert bad.returncode == 1, bad.stdout[-2000:]
    assert "1 failed" in bad.stdout
