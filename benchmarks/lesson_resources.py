"""Time each generated notebook top to bottom in a fresh kernel and read the kernel's peak memory.

Usage: python benchmarks/lesson_resources.py [LESSON ...]   (run from the repository root)
"""

import copy
import sys
import time
from pathlib import Path

import nbformat

from course_utils.build.execute import execute

PEAK_RSS = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"


def measure(path: Path) -> tuple[float, int]:
    nb = copy.deepcopy(nbformat.read(path, as_version=4))
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS))
    started = time.perf_counter()
    execute(nb, cwd=path.parent, label=str(path))
    seconds = time.perf_counter() - started
    return seconds, int(nb.cells[-1].outputs[0]["text"])


def main(names: list[str]) -> None:
    print(f"{'notebook':44} {'seconds':>8} {'peak MiB':>9} {'file KiB':>9}")
    for lang in ("ko", "en"):
        for path in sorted(Path("notebooks", lang).glob("*.ipynb")):
            if names and not any(path.stem.startswith(n) for n in names):
                continue
            seconds, peak = measure(path)
            print(f"{str(path):44} {seconds:8.1f} {peak:9d} {path.stat().st_size // 1024:9d}")


if __name__ == "__main__":
    main(sys.argv[1:])
