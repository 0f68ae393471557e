"""A cell that times out fails the run, and so does every later cell: none is left as an unverified xfail."""

import shutil
import subprocess
import sys

import nbformat


def test_a_time_out_fails_the_cell_and_the_rest_of_the_notebook(tmp_path, root):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(root / "notebooks" / "conftest.py", folder / "conftest.py")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time\ntime.sleep(30)"),
                                         nbformat.v4.new_code_cell("print(1)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    nb.cells[0].execution_count, nb.cells[1].execution_count = 1, 2
    nbformat.write(nb, folder / "slow.ipynb")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval",
           "--nbval-current-env", "--nbval-cell-timeout=3", "--rootdir", str(tmp_path), str(folder / "slow.ipynb")]
    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout[-2000:]
    assert "1 failed, 1 error" in done.stdout and "xfail" not in done.stdout, done.stdout[-2000:]
    assert "not verified: an earlier cell of this notebook timed out" in done.stdout
