"""Coding exercises: the learner writes a function; `check_code` runs it on many cases and reports the first
(smallest) failing one in the learner's language.

Each exercise lists its cases from small to large, with the expected result computed by PyTorch itself
(`F.conv_transpose2d`, `F.pixel_shuffle`, ...) in float64. The submission is called on copies of each case's
inputs, in the caller's thread, under a time limit.

Time limit: `signal.setitimer(ITIMER_REAL)` raises an exception in the main thread when a case runs longer than
`TIME_LIMIT_S`. This works in a Jupyter kernel and under nbval (both run cells in the kernel's main thread) and
under pytest, leaves no process or thread behind, and keeps the learner's variables and imports (a subprocess
would not see them). A thread cannot stop a running function, and a forked child of a kernel that has used
PyTorch's thread pools can deadlock. The alarm fires between Python bytecodes, so a single long PyTorch call
finishes before it is stopped; a loop that swallows the exception with a bare `except:` is stopped by the next
alarm, which raises on every traced line of the submission instead. Where there is no SIGALRM (Windows) or
outside the main thread the cases run without a limit.

Forbidden functions: while a submission runs, each dotted name in `CodingExercise.forbidden` (for example
"torch.nn.functional.conv_transpose1d") is replaced by a function that raises `Forbidden`, and restored afterwards,
also after a timeout or an error. The expected results are computed before, outside that window.
"""

import contextlib
import copy
import importlib
import signal
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

import torch
from torch import nn

from course_utils.exercises import as_number, echo
from course_utils.i18n import check_lang, message

__all__ = ["Case", "CodingExercise", "Forbidden", "NotAModule", "REFUSED", "TIME_LIMIT_S", "Verdict", "cases_of",
           "check_code", "evaluate", "feedback_code", "forbidding", "hint", "register_coding", "registered_coding",
           "verify_code"]

TIME_LIMIT_S = 2.0
RTOL = 1e-9
SHOWN_VALUES = 8


class _Refused:
    """The expected outcome of a case PyTorch refuses: the submission must raise ValueError."""

    def __repr__(self) -> str:
        return "ValueError"


REFUSED = _Refused()


@dataclass(frozen=True)
class Case:
    """One generated case: the settings shown to the learner, the arguments passed, the expected result
    (a float64 tensor, an int, a torch.Size for shape-only checks, or REFUSED)."""

    settings: dict[str, Any]
    args: tuple
    expected: Any


def _call_plain(submission: Callable, args: tuple) -> Any:
    return submission(*args)


@dataclass(frozen=True)
class CodingExercise:
    """A function to write. `cases()` lists Cases from small to large; `call(submission, args)` runs one;
    `compare` is "values" (float64 tensors), "integer" (int or REFUSED) or "shape" (output of a module);
    `hints` go from a nudge to the idea to the solution; `forbidden` names (dotted, e.g.
    "torch.nn.functional.conv_transpose1d") the callables a submission may not use."""

    id: str
    signature: str
    cases: Callable[[], list[Case]]
    hints: tuple[dict[str, str], ...]
    explanation: dict[str, str]
    compare: str = "values"
    exact_dtype: bool = True
    call: Callable[[Callable, tuple], Any] = field(default=_call_plain)
    forbidden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """The outcome of a check: `kind` ("correct", "unanswered", "not_callable", "raised", "forbidden", "timeout",
    "mutated", "not_tensor", "not_module", "wrong_shape", "wrong_dtype", "wrong_values", "wrong_integer",
    "should_refuse"), the index of the failing case in `cases()` (None when none failed), and message values."""

    kind: str
    case_index: int | None = None
    values: dict[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, CodingExercise] = {}


def register_coding(exercise: CodingExercise) -> CodingExercise:
    """Add a coding exercise; ValueError when its id is taken."""
    if exercise.id in _REGISTRY:
        raise ValueError(f"coding exercise {exercise.id!r} is registered twice")
    _REGISTRY[exercise.id] = exercise
    return exercise


def registered_coding() -> dict[str, CodingExercise]:
    """Every coding exercise of the course, by id."""
    from course_utils import exercises
    exercises.registered()
    return dict(_REGISTRY)


_CASES: dict[str, list[Case]] = {}


def cases_of(exercise: CodingExercise) -> list[Case]:
    """The exercise's cases, generated once per session (they are passed to submissions only as copies)."""
    if exercise.id not in _CASES:
        _CASES[exercise.id] = exercise.cases()
    return _CASES[exercise.id]


def _exercise(exercise_id: str) -> CodingExercise:
    known = registered_coding()
    if exercise_id not in known:
        raise KeyError(f"unknown coding exercise {exercise_id!r}; known: {', '.join(sorted(known))}")
    return known[exercise_id]


class NotAModule(Exception):
    """Raised by an exercise's `call` when the learner's factory returned something other than an nn.Module."""

    def __init__(self, value: Any):
        super().__init__(type(value).__name__)
        self.value = value


class Forbidden(Exception):
    """Raised in place of a callable the exercise forbids; `name` is how the learner writes it (`F.…`, `nn.…`)."""

    def __init__(self, name: str):
        super().__init__(f"{name} may not be used in this exercise")
        self.name = name


_SHORT_PREFIXES = (("torch.nn.functional.", "F."), ("torch.nn.", "nn."))


def _short_name(dotted: str) -> str:
    for prefix, short in _SHORT_PREFIXES:
        if dotted.startswith(prefix):
            return short + dotted[len(prefix):]
    return dotted


def _refuser(dotted: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise Forbidden(_short_name(dotted))
    return refuse


def _resolve(dotted: str) -> tuple[Any, str]:
    """(owner, attribute) of a dotted name such as "torch.nn.functional.conv_transpose1d"; AttributeError or
    ImportError when it does not name an attribute of an importable module."""
    module_name, attribute = dotted.rsplit(".", 1)
    owner = importlib.import_module(module_name)
    getattr(owner, attribute)
    return owner, attribute


@contextlib.contextmanager
def forbidding(names: tuple[str, ...]):
    """Within the block, each dotted name raises Forbidden when called; the originals come back on leaving,
    whatever happened inside."""
    saved = []
    try:
        for dotted in names:
            owner, attribute = _resolve(dotted)
            saved.append((owner, attribute, getattr(owner, attribute)))
            setattr(owner, attribute, _refuser(dotted))
        yield
    finally:
        for owner, attribute, original in reversed(saved):
            setattr(owner, attribute, original)


class _TimeUp(BaseException):
    """Raised by the alarm inside a submission; a BaseException so `except Exception` in it does not swallow it."""


def _run_limited(function: Callable[[], Any], seconds: float) -> tuple[str, Any]:
    """("value", result), ("raised", exception) or ("timeout", None).

    The first alarm raises _TimeUp in the running code. If the code catches it (a bare `except:` in a loop), the
    next alarm also traces every line of the code's frames and raises _TimeUp there, outside any `try` body.
    """
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    armed, fired = [use_alarm], [False]
    previous_trace = sys.gettrace()

    def on_line(frame, event, arg):
        if not armed[0]:
            return None
        if event == "line":
            raise _TimeUp
        return on_line

    def on_alarm(signum, frame):
        if not armed[0]:
            return
        if fired[0]:
            sys.settrace(on_line)
            while frame is not None and frame.f_code is not _run_limited.__code__:
                frame.f_trace = on_line
                frame = frame.f_back
        fired[0] = True
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm) if use_alarm else None
    try:
        try:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
            with torch.no_grad():
                return "value", function()
        finally:
            armed[0] = False
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                sys.settrace(previous_trace)
    except _TimeUp:
        return "timeout", None
    except Exception as error:  # the learner's error, reported as a message
        return "raised", error


def _snapshot(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, nn.Module):
        return {k: v.detach().clone() for k, v in value.state_dict().items()}
    return copy.deepcopy(value)


def _same(before: Any, after: Any) -> bool:
    if isinstance(after, torch.Tensor):
        return (before.shape == after.shape and before.dtype == after.dtype
                and torch.equal(before.nan_to_num(), after.detach().nan_to_num()))
    if isinstance(after, nn.Module):
        now = after.state_dict()
        return before.keys() == now.keys() and all(torch.equal(before[k], now[k]) for k in before)
    return before == after


def _describe(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"{tuple(value.shape)}"
    if isinstance(value, nn.Module):
        return type(value).__name__
    return repr(value)


def _settings_text(case: Case) -> str:
    return ", ".join(f"{k}={_describe(v)}" for k, v in case.settings.items())


def _number(v: float) -> str:
    return f"{v:.4g}"


def _values_text(t: torch.Tensor) -> str:
    flat = t.detach().flatten().tolist()
    shown = ", ".join(_number(v) for v in flat[:SHOWN_VALUES])
    return f"[{shown}{', …' if len(flat) > SHOWN_VALUES else ''}]"


def _first_difference(expected: torch.Tensor, received: torch.Tensor) -> tuple[tuple[int, ...], float, float]:
    scale = max(expected.abs().max().item(), received.abs().max().item(), 1e-300) if expected.numel() else 1.0
    bad = ((expected - received).abs() > RTOL * scale) | received.isnan()
    index = tuple(int(i) for i in bad.nonzero()[0])
    return index, expected[index].item(), received[index].item()


def _judge(exercise: CodingExercise, case: Case, received: Any) -> tuple[str, dict[str, Any]] | None:
    """None when the received result is right, else (kind, message values)."""
    expected = case.expected
    if exercise.compare == "integer":
        if expected is REFUSED:
            return ("should_refuse", {"received": echo(received)})
        received = as_number(received)
        if isinstance(received, bool) or not isinstance(received, int):
            return ("wrong_integer", {"expected": expected, "received": echo(received)})
        return None if received == expected else ("wrong_integer", {"expected": expected, "received": received})
    if not isinstance(received, torch.Tensor):
        return ("not_tensor", {"got": echo(received)})
    if tuple(received.shape) != tuple(expected if exercise.compare == "shape" else expected.shape):
        want = tuple(expected) if exercise.compare == "shape" else tuple(expected.shape)
        return ("wrong_shape", {"expected": want, "received": tuple(received.shape)})
    if exercise.compare == "shape":
        return None
    if exercise.exact_dtype and received.dtype != expected.dtype:
        return ("wrong_dtype", {"expected": expected.dtype, "received": received.dtype})
    if not (received.is_floating_point() or received.dtype in (torch.int64, torch.int32, torch.int16, torch.int8,
                                                                torch.uint8)):
        return ("wrong_dtype", {"expected": expected.dtype, "received": received.dtype})
    got = received.detach().to(torch.float64)
    if expected.numel() == 0 or torch.isfinite(got).all() and (
            (expected - got).abs().max().item()
            <= RTOL * max(expected.abs().max().item(), got.abs().max().item(), 1e-300)):
        return None
    index, e, r = _first_difference(expected, got)
    return ("wrong_values", {"expected": _values_text(expected), "received": _values_text(got),
                             "index": index, "e": _number(e), "r": _number(r)})


def evaluate(exercise_id: str, submission: Any, time_limit: float = TIME_LIMIT_S) -> Verdict:
    """Run a submission on every case of an exercise, smallest first; the Verdict of the first failure.

    The global random state is the same afterwards (the cases and the submission may draw from it).
    KeyError for an unknown exercise id.
    """
    exercise = _exercise(exercise_id)
    with torch.random.fork_rng(devices=[]):
        return _evaluate(exercise, submission, time_limit)


def _evaluate(exercise: CodingExercise, submission: Any, time_limit: float) -> Verdict:
    if submission is None or submission is Ellipsis:
        return Verdict("unanswered")
    if not callable(submission):
        return Verdict("not_callable", None, {"got": echo(submission)})
    cases = cases_of(exercise)
    for index, case in enumerate(cases):
        given = tuple(_snapshot(a) if isinstance(a, torch.Tensor) else copy.deepcopy(a) for a in case.args)
        before = tuple(_snapshot(a) for a in given)
        with forbidding(exercise.forbidden):
            outcome, result = _run_limited(lambda: exercise.call(submission, given), time_limit)
        if outcome == "raised" and isinstance(result, Forbidden):
            return Verdict("forbidden", index, {"name": result.name})
        if outcome == "timeout":
            return Verdict("timeout", index, {"seconds": _number(time_limit)})
        if outcome == "raised" and isinstance(result, NotAModule):
            if index == 0 and result.value is None:
                return Verdict("unanswered", 0)
            return Verdict("not_module", index, {"got": echo(result.value)})
        if outcome == "raised":
            if case.expected is REFUSED and isinstance(result, ValueError):
                continue
            line = (str(result).strip().splitlines() or [""])[0]
            return Verdict("raised", index, {"error": f"{type(result).__name__}: {line[:200]}".rstrip(": ")})
        names = list(case.settings)
        for position, (old, new) in enumerate(zip(before, given)):
            if not _same(old, new):
                argument = names[position] if position < len(names) else str(position)
                return Verdict("mutated", index, {"argument": argument})
        if index == 0 and result is None and case.expected is not None:
            return Verdict("unanswered", 0)
        judged = _judge(exercise, case, result)
        if judged is not None:
            return Verdict(judged[0], index, judged[1])
    return Verdict("correct", None, {"total": len(cases)})


def feedback_code(exercise_id: str, submission: Any, lang: str, time_limit: float = TIME_LIMIT_S) -> str:
    """The feedback text for a submission (what `check_code` prints). ValueError for an unknown lang."""
    check_lang(lang)
    exercise = _exercise(exercise_id)
    verdict = evaluate(exercise_id, submission, time_limit)
    if verdict.kind == "correct":
        detail = message("coding.all_passed", lang, total=verdict.values["total"])
        return message("exercises.correct", lang, explanation=f"{detail} {exercise.explanation[lang]}")
    if verdict.kind in ("unanswered", "not_callable"):
        return message(f"coding.{verdict.kind}", lang, signature=exercise.signature, **verdict.values)
    with torch.random.fork_rng(devices=[]):
        cases = cases_of(exercise)
    case = cases[verdict.case_index]
    where = message("coding.case", lang, number=verdict.case_index + 1, total=len(cases),
                    settings=_settings_text(case))
    text = message(f"coding.{verdict.kind}", lang, case=where, **verdict.values)
    return f"{text}\n{message('coding.hint_offer', lang, id=exercise.id)}"


def check_code(exercise_id: str, submission: Any, lang: str, time_limit: float = TIME_LIMIT_S) -> None:
    """Print whether the submitted function is right; if not, the smallest case it fails and why."""
    print(feedback_code(exercise_id, submission, lang, time_limit))


def verify_code(exercise_id: str, solution: Any) -> None:
    """Check a lesson's own solution function without printing anything, so running every cell gives no answer
    away (the coding counterpart of `course_utils.exercises.verify`).

    Raises WrongSolution naming the exercise and the verdict when the solution fails a case; KeyError for an
    unknown exercise id.
    """
    from course_utils.exercises import WrongSolution
    verdict = evaluate(exercise_id, solution)
    if verdict.kind != "correct":
        detail = feedback_code(exercise_id, solution, "en")
        raise WrongSolution(f"the solution of coding exercise {exercise_id} fails: {detail}")


def _hint_steps(exercise_id: str, lang: str) -> tuple[str, ...]:
    from course_utils.exercises import registered
    if exercise_id in registered_coding():
        return tuple(h[lang] for h in _exercise(exercise_id).hints)
    answers = registered()
    if exercise_id not in answers:
        raise KeyError(f"unknown exercise {exercise_id!r}; known: {', '.join(sorted({**answers, **_REGISTRY}))}")
    return answers[exercise_id].hint[lang], message("coding.hint_solution_cell", lang)


def hint(exercise_id: str, lang: str, step: int = 1) -> None:
    """Print hint `step` of an exercise: for a coding exercise 1 a nudge, 2 the idea, 3 the solution; for a
    number-answer exercise 1 its hint, 2 where the solution is.

    KeyError for an unknown exercise id; ValueError (in the learner's language) for a step out of range.
    """
    check_lang(lang)
    steps = _hint_steps(exercise_id, lang)
    if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= len(steps):
        raise ValueError(message("coding.hint_step", lang, steps=len(steps), got=echo(step)))
    label = message(f"coding.hint_label.{1 if step == 1 else 3 if step == len(steps) else 2}", lang)
    print(message("coding.hint", lang, step=step, steps=len(steps), label=label, text=steps[step - 1]))


def seeded(seed: int) -> torch.Generator:
    """A CPU generator seeded for one exercise's cases (the cases are the same on every run)."""
    return torch.Generator().manual_seed(seed)


def randn(generator: torch.Generator, *shape: int) -> torch.Tensor:
    """float64 normal values of the given shape from the generator."""
    return torch.randn(*shape, generator=generator, dtype=torch.float64)
