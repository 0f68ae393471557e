"""The course's publishing settings, read from [tool.course] in pyproject.toml."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ConfigError", "CourseConfig", "load_config"]

GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$")


class ConfigError(ValueError):
    """[tool.course] in pyproject.toml holds a value the build cannot use."""


@dataclass(frozen=True)
class CourseConfig:
    """repository: the public GitHub URL of the course ("" while it has none); branch: the one Colab opens."""

    repository: str = ""
    branch: str = "main"

    def __post_init__(self):
        for name in ("repository", "branch"):
            if not isinstance(getattr(self, name), str):
                raise ConfigError(f"[tool.course] {name} must be a string, got {getattr(self, name)!r}")
        if not self.branch:
            raise ConfigError("[tool.course] branch must name a branch (e.g. \"main\"), got an empty string")
        if self.repository and not GITHUB.match(self.repository):
            raise ConfigError(
                f"[tool.course] repository must look like https://github.com/OWNER/NAME "
                f"(Colab opens notebooks from GitHub), got {self.repository!r}"
            )

    def colab_url(self, notebook: str) -> str:
        """The Colab address of a notebook path inside the repository, e.g. notebooks/ko/00_course_map.ipynb."""
        found = GITHUB.match(self.repository)
        return f"https://colab.research.google.com/github/{found['owner']}/{found['name']}/blob/{self.branch}/{notebook}"

    def pip_url(self) -> str:
        """What pip installs the course package from."""
        return f"git+{self.repository.rstrip('/')}@{self.branch}"


def load_config(root: Path) -> CourseConfig:
    """The settings in root/pyproject.toml; the defaults (no repository) when it has no [tool.course].

    ConfigError (naming the file and the fix) when the file is not UTF-8 TOML or [tool.course] is not a table
    of known string keys.
    """
    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        return CourseConfig()
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, IsADirectoryError) as err:
        raise ConfigError(f"{pyproject}: cannot be read as TOML ({err}); fix the file") from None
    tool = document.get("tool", {})
    table = tool.get("course", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.course] must be a table with repository and branch; fix the file")
    unknown = sorted(set(table) - {"repository", "branch"})
    if unknown:
        raise ConfigError(f"{pyproject}: unknown keys in [tool.course]: {', '.join(unknown)}; "
                          "keep only repository and branch")
    try:
        return CourseConfig(**table)
    except ConfigError as err:
        raise ConfigError(f"{pyproject}: {err}") from None
