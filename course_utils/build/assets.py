"""The scripts and stylesheets beside the decks and pages: reveal.js and MathJax from npm, pinned by npm/package-lock.json."""

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["AssetError", "NPM_DIR", "STATIC_DIR", "node_modules", "copy_static"]

NPM_DIR = Path(__file__).with_name("npm")
STATIC_DIR = Path(__file__).with_name("static")
# What the pages load, and the files those load in turn (fonts, MathJax's TeX extensions), package by package.
REVEAL_FILES = ("LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/theme/white.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js")
MATHJAX_FILES = ("LICENSE", "es5/tex-chtml.js", "es5/input/tex/extensions", "es5/output/chtml/fonts/woff-v2",
                 "es5/ui", "es5/a11y")
NPM_TIMEOUT_S = 300


class AssetError(RuntimeError):
    """The npm packages could not be installed (no npm, no registry) or lack a file the pages need."""


def _lock_key() -> str:
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        digest.update((NPM_DIR / name).read_bytes())
    return digest.hexdigest()[:12]


def node_modules(root: Path) -> Path:
    """build/vendor/<lock hash>/node_modules, installed with `npm ci` the first time (later builds work offline)."""
    target = root / "build" / "vendor" / _lock_key()
    if (target / "node_modules").is_dir():
        return target / "node_modules"
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError("npm not found: the slides and the site take reveal.js and MathJax from the npm registry; "
                         "install Node.js (it brings npm), then run the command again")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="npm-", dir=target.parent))
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy(NPM_DIR / name, staging / name)
        cmd = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        done = subprocess.run(cmd, cwd=staging, capture_output=True, text=True, timeout=NPM_TIMEOUT_S)
        if done.returncode != 0:
            raise AssetError(f"`npm ci` in {staging} failed:\n{done.stderr.strip()[-2000:]}")
        try:
            staging.rename(target)
        except OSError:  # another build installed the same lock file meanwhile
            pass
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target / "node_modules"


def _copy(source: Path, dest: Path) -> None:
    if not source.exists():
        raise AssetError(f"{source} is missing from the npm package; check course_utils/build/npm/package.json")
    dest.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, dest, dirs_exist_ok=True)
    else:
        shutil.copy2(source, dest)


def copy_static(root: Path, static: Path, reveal: bool) -> None:
    """Fill static/ with MathJax, the course stylesheet and (for decks) reveal.js."""
    modules = node_modules(root)
    packages = {"mathjax": MATHJAX_FILES, **({"reveal.js": REVEAL_FILES} if reveal else {})}
    for package, files in packages.items():
        for name in files:
            _copy(modules / package / name, static / package / name)
    for file in STATIC_DIR.iterdir():
        _copy(file, static / file.name)
