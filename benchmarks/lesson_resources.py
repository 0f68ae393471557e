"""Time each generated notebook top to bottom in a fresh kernel, find its slowest cell, read its peak memory.

Usage: python benchmarks/lesson_resources.py [LESSON ...]   (run from the repository root)
"""

import copy
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat

from course_utils.build.execute import execute

PEAK_RSS = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"


def cell_seconds(cell) -> float:
    """How long the kernel took for a code cell, from nbclient's timestamps."""
    times = cell.metadata.get("execution", {})
    start, end = times.get("iopub.execute_input"), times.get("shell.execute_reply")
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() if start and end else 0.0


def measure(path: Path) -> tuple[float, float, int]:
    """Seconds for the whole notebook, seconds of its slowest cell, the kernel's peak RSS in MiB."""
    nb = copy.deepcopy(nbformat.read(path, as_version=4))
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS))
    started = time.perf_counter()
    execute(nb, cwd=path.parent, label=str(path), record_timing=True)
    seconds = time.perf_counter() - started
    slowest = max(cell_seconds(c) for c in nb.cells if c.cell_type == "code")
    return seconds, slowest, int(nb.cells[-1].outputs[0]["text"])


def main(names: list[str]) -> None:
    print(f"{'notebook':44} {'seconds':>8} {'slowest cell':>13} {'peak MiB':>9} {'file KiB':>9}")
    for lang in ("ko", "en"):
        for path in sorted(Path("notebooks", lang).glob("*.ipynb")):
            if names and not any(path.stem.startswith(n) for n in names):
                continue
            seconds, slowest, peak = measure(path)
            print(f"{str(path):44} {seconds:8.1f} {slowest:13.1f} {peak:9d} {path.stat().st_size // 1024:9d}")


if __name__ == "__main__":
    main(sys.argv[1:])
