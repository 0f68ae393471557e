"""Every True/False a lesson prints is a claim() that stops the notebook when it does not hold."""

import ast
import re

import nbformat
import pytest

from course_utils.i18n import LANGS

# A boolean on its own (not a keyword argument in a repr such as "symbols=True").
BOOLEAN = re.compile(r"(?<![=\w])(True|False)\b")
# (lesson, first line of the cell) -> why its printed boolean needs no claim() in the lesson.
CHECKED_ELSEWHERE = {
    ("02_how_it_works", "common = ScatterAddStepper(LANG, kernel_size=4, stride=2, padding=1, symbols=False)"):
        "the widget's own comparison with F.conv_transpose2d; tests/test_scatter_stepper.py requires True",
}


def notebooks(root):
    return sorted(p for lang in LANGS for p in (root / "notebooks" / lang).glob("*.ipynb"))


def printed_text(cell):
    return "".join(out.get("text", "") + out.get("data", {}).get("text/plain", "") for out in cell.get("outputs", []))


def test_printed_booleans_come_from_claims(root):
    unchecked = []
    for path in notebooks(root):
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
            exempt = (path.stem, cell.source.splitlines()[0] if cell.source else "") in CHECKED_ELSEWHERE
            if cell.cell_type == "code" and BOOLEAN.search(printed_text(cell)) and "claim(" not in cell.source \
                    and not exempt:
                unchecked.append(f"{path.relative_to(root)} cell {number}: {cell.source.splitlines()[0]}")
    assert not unchecked, "print a boolean with course_utils.claims.claim:\n" + "\n".join(unchecked)


def test_lessons_pick_no_tolerances_by_hand(root):
    for source in [*sorted((root / "notebooks" / "src").glob("*.py")), root / "course_utils" / "review.py"]:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"\b(allclose|isclose|assert_close)\(", text), \
            f"{source.name}: compute in float64 and compare with course_utils.claims.close"


def boolean_prints(code: str) -> list[str]:
    """print(...) calls with a comparison, a negation or a torch.equal-like call as one of their arguments."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            for arg in node.args:
                values = [v.value for v in arg.values if isinstance(v, ast.FormattedValue)] \
                    if isinstance(arg, ast.JoinedStr) else [arg]
                if any(isinstance(v, (ast.Compare, ast.BoolOp)) or (isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.Not))
                       or (isinstance(v, ast.Call) and getattr(v.func, "attr", getattr(v.func, "id", None))
                           in {"equal", "bool", "all", "any", "close", "isinstance"}) for v in values):
                    found.append(ast.unparse(node)[:100])
    return found


def test_lessons_print_no_boolean_without_claim(root):
    found = []
    for source in sorted((root / "notebooks" / "src").glob("*.py")):
        for cell in source.read_text(encoding="utf-8").split("\n# %%")[1:]:
            header, _, body = cell.partition("\n")
            if "[markdown]" in header:
                continue
            found += [f"{source.name}: {call}" for call in boolean_prints(body)]
    assert not found, "print these with course_utils.claims.claim:\n" + "\n".join(found)


def test_boolean_prints_are_found():
    assert boolean_prints('print("same:", torch.equal(a, b))\nprint(f"{x == y}")\nprint("n:", not ok)')
    assert not boolean_prints('print("sizes:", [n for n in range(9) if n == 3])\nprint(f"{x:>9,}")')


@pytest.mark.parametrize("line, found", [("same: True", True), ("match False", True),
                                          ("Stepper(step=2, symbols=True)", False), ("Trueness", False)])
def test_the_boolean_pattern(line, found):
    assert bool(BOOLEAN.search(line)) is found
