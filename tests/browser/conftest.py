"""JupyterLab on 127.0.0.1 and Debian's Chromium driven by Playwright, for the browser tests (marker `browser`).

Without Chromium or Playwright every browser test is skipped with the reason. The server serves a temporary
copy of notebooks/, so running the lessons never touches the committed notebooks.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
# --disable-background-networking and friends: no calls to Google hosts (CI machines may have no internet).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-breakpad",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
]
SERVER_START_TIMEOUT_S = 120
# User settings of the test server: every cell stays in the page (no windowing), nothing is saved or fetched.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (f"Chromium not found at {CHROMIUM}: install Debian's (apt-get install chromium fonts-noto-cjk "
                "fonts-noto-color-emoji; .ci/run does) or set COURSE_CHROMIUM")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return 'Playwright is not installed: pip install -e ".[test,browser]" (never run `playwright install`)'
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Lab:
    """A running JupyterLab server: its address, token and the folder it serves."""

    def __init__(self, base: Path):
        self.root = base / "notebooks"
        shutil.copytree(ROOT / "notebooks", self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        self.home = base / "jupyter"
        for plugin, values in LAB_SETTINGS.items():
            path = self.home / "lab-settings" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = base / "jupyterlab.log"
        self.process = None

    def env(self) -> dict:
        """Isolated from the user's Jupyter settings, workspaces and kernels; kernels start quietly."""
        env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
        env.update(
            JUPYTER_CONFIG_DIR=str(self.home / "config"),
            JUPYTER_DATA_DIR=str(self.home / "data"),
            JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(self.home / "lab-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.home / "workspaces"),
        )
        env.pop("JUPYTER_PATH", None)
        return env

    def start(self) -> None:
        cmd = [
            sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
            "--ServerApp.allow_root=True", "--ServerApp.terminals_enabled=False",
            "--LabApp.expose_app_in_browser=True", "--LabApp.extension_manager=readonly",
            "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(cmd, cwd=self.root, env=self.env(), stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.api("status"), timeout=5) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not answer within {SERVER_START_TIMEOUT_S} s:\n{self.log_tail()}")

    def api(self, path: str) -> str:
        return f"{self.url}/api/{path}?token={self.token}"

    def notebook_url(self, relative: str) -> str:
        """A notebook in its own fresh workspace, so no other open tab (or its kernel) is restored."""
        workspace = relative.replace("/", "-").removesuffix(".ipynb")
        return f"{self.url}/lab/workspaces/{workspace}/tree/{relative}?reset&token={self.token}"

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:  # a clean shutdown also stops every kernel it started
            urllib.request.urlopen(urllib.request.Request(self.api("shutdown"), method="POST"), timeout=10).close()
            self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    server = Lab(tmp_path_factory.mktemp("jupyterlab"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    reason = browser_missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """build/screenshots (git-ignored): one picture per lesson and language, for people to look at."""
    folder = ROOT / "build" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
