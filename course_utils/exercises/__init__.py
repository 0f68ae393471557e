"""Checked exercises: `check(exercise_id, answer, lang)` prints feedback in the learner's language."""

import importlib
import numbers
import pkgutil
import reprlib
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import torch

from course_utils.i18n import check_lang, message

__all__ = ["Exercise", "WrongSolution", "as_number", "check", "echo", "feedback", "register", "registered", "verify"]


class WrongSolution(AssertionError):
    """A lesson's own solution does not give the exercise's answer (the build and nbval then fail)."""


@dataclass(frozen=True)
class Exercise:
    """One question: `expected()` computes the answer (never a typed-in constant).

    Hints come in steps: the first wrong answer gets the `nudge` (a question that points the way), later wrong
    answers the `hint` (the idea); the lesson's collapsed solution cell is the last step.
    """

    id: str
    expected: Callable[[], Any]
    kind: type
    hint: dict[str, str]
    explanation: dict[str, str]
    nudge: dict[str, str] | None = None

    def is_correct(self, answer: Any) -> bool:
        return answer == self.expected()


_REGISTRY: dict[str, Exercise] = {}
_WRONG_ANSWERS: dict[str, int] = {}
ECHO_CHARS = 80
_ECHO = reprlib.Repr()
_ECHO.maxlevel, _ECHO.maxlist, _ECHO.maxtuple, _ECHO.maxdict, _ECHO.maxset = 2, 8, 8, 4, 8
_ECHO.maxstring, _ECHO.maxother = 40, ECHO_CHARS


def as_number(answer: Any) -> Any:
    """A tensor or array of exactly one readable element (torch.tensor(16), numpy.array([16])) as the Python
    number it holds; anything else unchanged, so that it counts as the wrong kind of answer: several elements,
    a tensor with no values (meta device), a masked element (numpy.ma)."""
    if isinstance(answer, torch.Tensor):
        readable = answer.numel() == 1 and not answer.is_meta
        return answer.item() if readable else answer
    if isinstance(answer, (np.ndarray, np.generic)):
        readable = answer.size == 1 and not np.ma.getmaskarray(answer).any()
        return answer.item() if readable else answer
    return answer


def echo(answer: Any) -> str:
    """The answer as a short one-line repr (at most ECHO_CHARS characters), however large it is."""
    text = " ".join(_ECHO.repr(answer).split())
    return text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS - 1] + "…"


def register(exercise: Exercise) -> Exercise:
    """Add an exercise to the course's registry; ValueError when its id is taken."""
    if exercise.id in _REGISTRY:
        raise ValueError(f"exercise {exercise.id!r} is registered twice")
    _REGISTRY[exercise.id] = exercise
    return exercise


def registered() -> dict[str, Exercise]:
    """Every exercise of the course, by id."""
    _load_all()
    return dict(_REGISTRY)


def _load_all() -> None:
    """Import every lessonNN module of this package; each registers its exercises."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def _verdict(exercise: Exercise, answer: Any) -> str:
    """'unanswered', 'wrong_type', 'correct' or 'wrong'."""
    if answer is Ellipsis or answer is None:
        return "unanswered"
    answer = as_number(answer)
    if exercise.kind is int and (isinstance(answer, bool) or not isinstance(answer, numbers.Integral)):
        return "wrong_type"
    return "correct" if exercise.is_correct(answer) else "wrong"


def _exercise(exercise_id: str) -> Exercise:
    exercises = registered()
    if exercise_id not in exercises:
        raise KeyError(f"unknown exercise {exercise_id!r}; known: {', '.join(sorted(exercises))}")
    return exercises[exercise_id]


def feedback(exercise_id: str, answer: Any, lang: str, wrong_before: int = 0) -> str:
    """The feedback text for an answer (what `check` prints); one-element tensors and arrays count as numbers.
    A wrong answer gets the nudge when no wrong answer came before (`wrong_before == 0`), the hint after that.

    KeyError for an unknown exercise id, ValueError for an unknown lang.
    """
    check_lang(lang)
    exercise = _exercise(exercise_id)
    verdict = _verdict(exercise, answer)
    if verdict == "unanswered":
        return message("exercises.unanswered", lang)
    if verdict == "wrong_type":
        return message("exercises.wrong_type", lang, expected=message("exercises.kind.int", lang),
                       got=echo(as_number(answer)))
    if verdict == "correct":
        return message("exercises.correct", lang, explanation=exercise.explanation[lang])
    if exercise.nudge is not None and wrong_before == 0:
        return message("exercises.nudge", lang, nudge=exercise.nudge[lang])
    return message("exercises.wrong", lang, hint=exercise.hint[lang])


def check(exercise_id: str, answer: Any, lang: str) -> None:
    """Print whether the answer is right; wrong answers get the hint steps in turn (the nudge first, then the
    idea), counted per exercise in this kernel."""
    wrong_before = _WRONG_ANSWERS.get(exercise_id, 0)
    print(feedback(exercise_id, answer, lang, wrong_before))
    if _verdict(_exercise(exercise_id), answer) == "wrong":
        _WRONG_ANSWERS[exercise_id] = wrong_before + 1


def verify(exercise_id: str, solution: Any) -> None:
    """Check a lesson's own solution without printing anything, so running every cell gives no answer away.

    Raises WrongSolution (naming the exercise, the solution and the expected answer) when it is wrong, KeyError
    for an unknown exercise id.
    """
    exercise = _exercise(exercise_id)
    if not exercise.is_correct(as_number(solution)):
        raise WrongSolution(f"the solution of exercise {exercise_id} gives {echo(solution)}, "
                            f"but the answer is {echo(exercise.expected())}")
