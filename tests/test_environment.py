"""environment.yml (conda, Binder) and pyproject.toml list the same packages with the same bounds."""

import re
import tomllib


def pyproject_requirements(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return sorted(project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra])


def environment_pip_requirements(root):
    lines = (root / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  - pip:")
    pip = [line.strip()[2:] for line in lines[start + 1:] if re.match(r"^\s{6}- ", line)]
    return sorted(r for r in pip if not r.startswith("--"))  # pip options (an extra index) are not requirements


def test_conda_environment_matches_pyproject(root):
    assert environment_pip_requirements(root) == pyproject_requirements(root)


def test_python_versions_agree(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert f"  - python{project['requires-python']}" in (root / "environment.yml").read_text(encoding="utf-8")


def test_every_requirement_has_a_lower_bound(root):
    assert all(">=" in r for r in pyproject_requirements(root))


def test_binder_takes_cpu_torch_and_installs_the_course(root):
    environment = (root / "environment.yml").read_text(encoding="utf-8")
    assert "      - --extra-index-url https://download.pytorch.org/whl/cpu\n" in environment
    commands = [line for line in (root / "postBuild").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    assert commands[0] == "set -e"
    assert any(line.startswith("python -m pip install") and "--no-deps" in line and " -e ." in line for line in commands)
