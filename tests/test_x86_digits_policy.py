"""Where setup() cannot run the pinned x86-64 kernels, x86-digits cells run unchecked and every other cell is compared."""

import importlib.util
from types import SimpleNamespace

import pytest


@pytest.fixture
def rules(root):
    spec = importlib.util.spec_from_file_location("notebook_rules", root / "notebooks" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(*tag_lists):
    parent = SimpleNamespace(timed_out=False, kernel=None)
    return [SimpleNamespace(cell=SimpleNamespace(metadata={"tags": tags}), options={"check": True}, parent=parent)
            for tags in tag_lists]


@pytest.mark.parametrize("pinned, native, compare_all, checked", [
    (False, None, None, [False, True, True]),    # ARM, or x86-64 without AVX2
    (True, None, None, [True, True, True]),      # x86-64 with AVX2: everything compared
    (True, "1", None, [False, True, True]),      # the pin switched off
    (False, None, "1", [True, True, True]),      # asked to compare everything
])
def test_only_x86_digit_cells_go_unchecked_without_the_pinned_kernels(rules, monkeypatch, pinned, native,
                                                                       compare_all, checked):
    monkeypatch.setattr(rules, "runs_pinned_kernels", lambda: pinned)
    for name, value in (("COURSE_NATIVE_KERNELS", native), (rules.COMPARE_ALL_DIGITS, compare_all)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    items = cells(["x86-digits"], [], ["raises-exception"])
    items.append(SimpleNamespace(name="not a notebook cell"))
    rules.pytest_collection_modifyitems(items)
    assert [item.options["check"] for item in items[:3]] == checked
