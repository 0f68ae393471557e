"""Each exercise accepts its computed answer, rejects others with a hint, and speaks both languages."""

import json

import pytest

from course_utils.build.source import SOLUTION_FIRST_LINE
from course_utils import exercises
from course_utils.exercises import WrongSolution, check, feedback, registered, verify
from course_utils.i18n import LANGS, message

EXERCISES = sorted(registered())


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("lang", LANGS)
def test_right_and_wrong_answers(exercise_id, lang):
    exercise = registered()[exercise_id]
    right = exercise.expected()
    assert isinstance(right, exercise.kind)
    assert feedback(exercise_id, right, lang) == message("exercises.correct", lang, explanation=exercise.explanation[lang])
    shown = {str(right), f"{right:,}"} if isinstance(right, int) else {str(right)}
    assert any(text in exercise.explanation[lang] for text in shown), \
        "the explanation should show the computed answer"
    assert feedback(exercise_id, right + 1, lang) == message("exercises.nudge", lang, nudge=exercise.nudge[lang])
    assert feedback(exercise_id, right + 1, lang, wrong_before=1) == message("exercises.wrong", lang,
                                                                              hint=exercise.hint[lang])


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_hints_come_in_steps(exercise_id):
    """A nudge that points the way, then the idea: two different texts in both languages, neither giving the
    number away."""
    exercise = registered()[exercise_id]
    assert exercise.nudge is not None, f"{exercise_id} has no nudge (the first hint step)"
    assert set(exercise.nudge) == set(exercise.hint) == set(LANGS)
    right = str(exercise.expected())
    for lang in LANGS:
        assert exercise.nudge[lang].strip() and exercise.nudge[lang] != exercise.hint[lang]
        assert f" {right} " not in f" {exercise.nudge[lang]} ", f"{exercise_id}: the nudge states the answer"


def test_check_moves_through_the_hint_steps(capsys, monkeypatch):
    monkeypatch.setattr(exercises, "_WRONG_ANSWERS", {})
    exercise = registered()["00.1"]
    wrong = exercise.expected() + 1
    for answer in (..., "x", wrong, wrong, exercise.expected(), wrong):
        check("00.1", answer, "en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == message("exercises.nudge", "en", nudge=exercise.nudge["en"])
    assert lines[3] == lines[5] == message("exercises.wrong", "en", hint=exercise.hint["en"])


@pytest.mark.parametrize("lang", LANGS)
def test_unanswered_and_wrong_kind(lang):
    assert feedback("01.1", ..., lang) == message("exercises.unanswered", lang)
    assert feedback("01.1", "5", lang).startswith("❌") and "'5'" in feedback("01.1", "5", lang)
    assert feedback("01.1", True, lang).startswith("❌")


def test_unknown_exercise_lists_known_ones():
    with pytest.raises(KeyError, match="unknown exercise '9.9'; known: 00.1"):
        feedback("9.9", 1, "ko")


SOLUTION_HEADER = '# %% tags=["solution"] jupyter={"source_hidden": true}'


def test_every_exercise_is_asked_and_has_a_hidden_solution(root):
    sources = "".join(p.read_text(encoding="utf-8") for p in (root / "notebooks" / "src").glob("*.py"))
    cells = sources.split("\n# %%")
    for exercise_id in EXERCISES:
        asked = [c for c in cells if f'check("{exercise_id}", answer, LANG)' in c and "answer = ..." in c]
        solved = [c for c in cells if f'verify("{exercise_id}", solution)' in c]
        assert len(asked) == 1, exercise_id
        assert len(solved) == 1 and ("# %%" + solved[0]).startswith(SOLUTION_HEADER), exercise_id


def test_verify_is_silent_for_the_answer_and_names_a_wrong_solution(capsys):
    for exercise_id, exercise in registered().items():
        verify(exercise_id, exercise.expected())
        with pytest.raises(WrongSolution, match=rf"exercise {exercise_id} gives"):
            verify(exercise_id, exercise.expected() + 1)
    assert capsys.readouterr().out == ""


def test_solutions_give_nothing_away_in_the_notebooks(root):
    """Hidden source and outputs, a first line that is not the answer (JupyterLab shows it in place of the hidden
    cell), and no output at all (JupyterLab shows a cell's outputs again when it runs): verify raised otherwise."""
    for lang in LANGS:
        for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                if "solution" in cell["metadata"].get("tags", []):
                    assert cell["metadata"]["jupyter"] == {"source_hidden": True, "outputs_hidden": True}, path.name
                    assert "".join(cell["source"]).startswith(SOLUTION_FIRST_LINE + "\n"), path.name
                    assert cell["outputs"] == [] and cell["execution_count"] is not None, path.name
