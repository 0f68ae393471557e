"""Run a notebook top to bottom in a fresh kernel of the current Python environment."""

import os
import re
import sys
import sysconfig
import uuid
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_core.paths import jupyter_runtime_dir
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

__all__ = ["ExecutionError", "execute", "prepare_kernel_env", "shortened"]

CELL_TIMEOUT_S = 300
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# An error text is kept to its first and last DETAIL_LINES lines, each at most DETAIL_WIDTH characters.
DETAIL_LINES, DETAIL_WIDTH = 20, 300


class ExecutionError(RuntimeError):
    """A cell raised (without a raises-exception tag); the message names the cell and the error.

    `index` is the failing cell's position in the executed notebook (None when unknown), `detail` the
    error and its traceback as plain text (no terminal colour codes).
    """

    def __init__(self, text: str, index: int | None = None, detail: str = ""):
        super().__init__(text)
        self.index, self.detail = index, detail


def plain(text: str) -> str:
    """text without terminal colour codes (IPython colours its tracebacks)."""
    return ANSI_ESCAPE.sub("", text)


def shortened(text: str, lines: int = DETAIL_LINES, width: int = DETAIL_WIDTH) -> str:
    """text kept to its first and last `lines` lines, each cut to `width` characters; what is cut is said in
    place (how many lines or characters), so a huge error message stays readable and the error type (last
    line of a traceback) stays in."""
    kept = []
    for line in text.split("\n"):
        kept.append(line if len(line) <= width else f"{line[:width]}… [{len(line) - width} more characters cut]")
    if len(kept) > 2 * lines:
        cut = text.split("\n")[lines:-lines]
        kept[lines:-lines] = [f"… [{len(cut)} lines ({sum(map(len, cut))} characters) cut] …"]
    return "\n".join(kept)


class _CurrentEnvKernels(KernelSpecManager):
    """Always start this interpreter's ipykernel, whatever kernelspecs the user has installed."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (ipykernel)",
            language="python",
        )


class _CurrentEnvKernelManager(AsyncKernelManager):
    def __init__(self, **kwargs):
        # Local sockets where the platform has them: ipykernel warns on stderr about every unencrypted TCP kernel.
        # The socket path is absolute because the kernel runs in the notebook's folder, not in ours.
        if os.name == "posix":
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True)
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault("ip", str(runtime / f"course-build-{uuid.uuid4().hex[:12]}"))
        super().__init__(kernel_spec_manager=_CurrentEnvKernels(), **kwargs)


def prepare_kernel_env() -> None:
    """Keep kernels quiet: no debugger notice at start-up, no 'building the font cache' on stderr."""
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    from matplotlib import font_manager  # noqa: F401  (builds matplotlib's font cache in this process)


def execute(nb: nbformat.NotebookNode, cwd: Path, label: str, record_timing: bool = False) -> nbformat.NotebookNode:
    """Execute nb in cwd and return it with outputs; raise ExecutionError naming the failing cell.

    record_timing keeps nbclient's per-cell timestamps in each cell's metadata["execution"] (for benchmarks).
    """
    prepare_kernel_env()
    started = []  # indices of the cells sent to the kernel, in order
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        kernel_manager_class=_CurrentEnvKernelManager,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=record_timing,
        on_cell_execute=lambda cell, cell_index: started.append(cell_index),
    )
    try:
        client.execute()
    except CellExecutionError as err:
        failing = next(
            (i for i, c in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        where = f"cell {failing + 1}" if failing is not None else "a cell"
        detail = shortened(plain(str(err)).strip())
        raise ExecutionError(f"{label}: {where} failed:\n{detail}", failing, detail) from None
    except (DeadKernelError, CellTimeoutError) as err:
        failing = started[-1] if started else None  # the cell running when the kernel died or time ran out
        detail = plain(str(err)).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        detail = f"{type(err).__name__}: {detail[:300]}"
        raise ExecutionError(f"{label}: cell {failing + 1 if failing is not None else '?'} failed:\n{detail}",
                             failing, detail) from None
    for cell in nb.cells:
        cell_outputs = cell.get("outputs", [])
        if cell_outputs:
            cell.outputs = _merge_streams(cell_outputs)
            for out in cell.outputs:
                if out.output_type == "error":
                    out.traceback = [_without_machine_paths(line) for line in out.traceback]
    return nb


def _without_machine_paths(text: str) -> str:
    """A traceback line with this machine's folders (site-packages, Python, home) replaced by short names."""
    folders = {sysconfig.get_paths()["purelib"]: "<site-packages>", sysconfig.get_paths()["platlib"]: "<site-packages>",
               sys.prefix: "<python>", sys.base_prefix: "<python>", str(Path.home()): "~"}
    for folder in sorted((f for f in folders if len(f) > 1), key=len, reverse=True):
        text = text.replace(folder, folders[folder])
    return text


def _merge_streams(outputs: list) -> list:
    """Consecutive prints to one stream as one output, however the kernel's messages were timed."""
    merged = []
    for out in outputs:
        last = merged[-1] if merged else None
        if out.output_type == "stream" and last is not None and last.output_type == "stream" and last.name == out.name:
            last.text += out.text
        else:
            merged.append(out)
    return merged
