"""Each exercise accepts its computed answer, rejects others with a hint, and speaks both languages."""

import pytest

from course_utils.exercises import feedback, registered
from course_utils.i18n import LANGS, message

EXERCISES = sorted(registered())


@pytest.mark.parametrize("exercise_id", EXERCISES)
@pytest.mark.parametrize("lang", LANGS)
def test_right_and_wrong_answers(exercise_id, lang):
    exercise = registered()[exercise_id]
    right = exercise.expected()
    assert isinstance(right, exercise.kind)
    assert feedback(exercise_id, right, lang) == message("exercises.correct", lang, explanation=exercise.explanation[lang])
    assert str(right) in exercise.explanation[lang], "the explanation should show the computed answer"
    assert feedback(exercise_id, right + 1, lang) == message("exercises.wrong", lang, hint=exercise.hint[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_unanswered_and_wrong_kind(lang):
    assert feedback("01.1", ..., lang) == message("exercises.unanswered", lang)
    assert feedback("01.1", "5", lang).startswith("❌") and "'5'" in feedback("01.1", "5", lang)
    assert feedback("01.1", True, lang).startswith("❌")


def test_unknown_exercise_lists_known_ones():
    with pytest.raises(KeyError, match="unknown exercise '9.9'; known: 00.1"):
        feedback("9.9", 1, "ko")


def test_every_registered_exercise_is_used_in_a_lesson(root):
    sources = "".join(p.read_text(encoding="utf-8") for p in (root / "notebooks" / "src").glob("*.py"))
    assert [e for e in EXERCISES if f'check("{e}"' not in sources] == []
