"""No committed file names a folder of the machine that built it (tracebacks in notebooks included)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from course_utils.build.execute import _without_machine_paths

# An absolute path into an installed Python's packages, whoever's machine it is.
PACKAGES_PATH = re.compile(r"(?<![\w<.~])/(?:[\w.+-]+/)+(?:site|dist)-packages/")


def tracked_files(root):
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    return [root / name for name in listed.stdout.split("\0") if name]


def test_no_committed_file_contains_a_machine_path(root):
    found = []
    for path in tracked_files(root):
        if not path.is_file() or path.suffix in {".ttf", ".png"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for needle in (str(root), sys.prefix):
            if needle in text:
                found.append(f"{path.relative_to(root)}: {needle}")
        found += [f"{path.relative_to(root)}: {m.group()}" for m in PACKAGES_PATH.finditer(text)]
    assert not found, "\n".join(found[:20])


def test_tracebacks_lose_this_machines_folders():
    line = f"File {Path(sys.prefix) / 'lib' / 'x.py'}:3, in f"
    assert _without_machine_paths(line) == "File <python>/lib/x.py:3, in f"
    assert not PACKAGES_PATH.search(_without_machine_paths(f"{__import__('sysconfig').get_paths()['purelib']}/torch/a.py"))
