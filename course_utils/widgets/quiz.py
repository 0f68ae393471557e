"""A multiple-choice quiz: one radio-button group per question, checked at once, printable for slides."""

import html
import re
from dataclasses import dataclass
from typing import Callable

import ipywidgets as widgets

from course_utils.i18n import check_lang, message
from course_utils.widgets.explorer import Explorer

__all__ = ["Question", "Quiz"]

LETTERS = "abcdefgh"


@dataclass(frozen=True)
class Question:
    """`answer()` computes the index of the right choice; an explanation may be computed too (a callable)."""

    id: str
    lesson: str
    prompt: dict[str, str]
    choices: tuple[dict[str, str], ...]
    answer: Callable[[], int]
    hint: dict[str, str]
    explanation: dict[str, str] | Callable[[], dict[str, str]]

    def text(self, field: str, lang: str) -> str:
        value = getattr(self, field)
        return (value() if callable(value) else value)[lang]

    def choice(self, index: int, lang: str) -> str:
        return f"({LETTERS[index]}) {self.choices[index][lang]}"


class Quiz(Explorer):
    """Questions in, a score out. Test without a kernel: set `quiz.controls[question_id].value = index`."""

    def __init__(self, questions, lang: str):
        check_lang(lang)
        self.questions = tuple(questions)
        ids = [q.id for q in self.questions]
        if not ids or len(set(ids)) != len(ids):
            raise ValueError(f"a quiz needs at least one question and unique ids, got {ids}")
        for q in self.questions:
            if not 2 <= len(q.choices) <= len(LETTERS) or not 0 <= q.answer() < len(q.choices):
                raise ValueError(f"question {q.id!r}: needs 2 to {len(LETTERS)} choices and a right one among them")
        controls = {
            q.id: widgets.RadioButtons(options=[(_plain(q.choice(i, lang)), i) for i in range(len(q.choices))],
                                       value=None, layout=widgets.Layout(width="auto"))
            for q in self.questions
        }
        super().__init__(controls, lang)
        prompts = [widgets.HTML(f"<b>{n}. [{q.lesson}]</b> {_html(q.text('prompt', lang))}")
                   for n, q in enumerate(self.questions, start=1)]
        items = [widgets.VBox([prompt, controls[q.id]]) for prompt, q in zip(prompts, self.questions)]
        self.children = (widgets.VBox(items), *self.children[1:])

    def render(self, **values):
        lines, right, answered = [], 0, 0
        for number, q in enumerate(self.questions, start=1):
            lines.append(f"{number}. [{q.lesson}] {_plain(q.text('prompt', self.lang))}")
            lines += [f"   {_plain(q.choice(i, self.lang))}" for i in range(len(q.choices))]
            chosen = values[q.id]
            if chosen is None:
                verdict = message("quiz.unanswered", self.lang)
            else:
                answered += 1
                if chosen == q.answer():
                    right += 1
                    verdict = message("quiz.correct", self.lang, explanation=q.text("explanation", self.lang))
                else:
                    verdict = message("quiz.wrong", self.lang, letter=LETTERS[chosen], hint=q.text("hint", self.lang))
            lines += [f"   → {verdict}", ""]
        lines.append(message("quiz.score", self.lang, right=right, answered=answered, total=len(self.questions)))
        return "\n".join(lines), None

    def answer_key(self) -> str:
        """Every question with its right choice and the explanation (for lecturers and self-checking)."""
        lines = []
        for number, q in enumerate(self.questions, start=1):
            lines += [f"{number}. [{q.lesson}] {q.choice(q.answer(), self.lang)}",
                      f"   {q.text('explanation', self.lang)}"]
        return "\n".join(lines)


def _plain(text: str) -> str:
    """Text for widgets that show no markup: inline `code` loses its backticks."""
    return text.replace("`", "")


def _html(text: str) -> str:
    """Text for an HTML widget: escaped, with inline `code` as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))
