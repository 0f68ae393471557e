"""The review quiz: each right answer is decided by code, feedback speaks the learner's language, text is printable."""

import re

import pytest
import torch

from course_utils.build.check import HANGUL
from course_utils.i18n import LANGS, message
from course_utils.review import QUESTIONS, aligned_rows_06, parameter_counts_05
from course_utils.widgets import Question, Quiz
from course_utils.widgets.quiz import LETTERS


def test_questions_cover_lessons_01_to_07_with_unique_ids():
    assert {q.lesson for q in QUESTIONS} == {f"0{n}" for n in range(1, 8)}
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_each_question_has_one_computed_answer_and_both_languages(question):
    assert 0 <= question.answer() < len(question.choices)
    for field in ("prompt", "hint", "explanation"):
        assert HANGUL.search(question.text(field, "ko")), field
        assert not HANGUL.search(question.text(field, "en")), field
    for choice in question.choices:
        assert not HANGUL.search(choice["en"])


def test_the_right_answers_are_spread_over_the_letters():
    assert len({q.answer() for q in QUESTIONS}) == 3


def test_facts_the_answers_rest_on():
    assert parameter_counts_05() == [524_416, 295_040, 1_180_160]
    assert aligned_rows_06() == [(101, 100), (101, 50), (100, 100)]


def test_answering_leaves_random_state_and_gradient_mode_alone():
    state = torch.get_rng_state()
    with torch.no_grad():
        [q.answer() for q in QUESTIONS]
        assert not torch.is_grad_enabled()
    assert torch.equal(state, torch.get_rng_state())


@pytest.mark.parametrize("lang", LANGS)
def test_feedback_for_unanswered_right_and_wrong(lang):
    quiz = Quiz(QUESTIONS, lang)
    assert quiz.text.count(message("quiz.unanswered", lang)) == len(QUESTIONS)
    first, second = QUESTIONS[0], QUESTIONS[1]
    quiz.controls[first.id].value = first.answer()
    wrong = (second.answer() + 1) % len(second.choices)
    quiz.controls[second.id].value = wrong
    assert message("quiz.correct", lang, explanation=first.text("explanation", lang)) in quiz.text
    assert message("quiz.wrong", lang, letter=LETTERS[wrong], hint=second.text("hint", lang)) in quiz.text
    assert quiz.text.endswith(message("quiz.score", lang, right=1, answered=2, total=len(QUESTIONS)))
    quiz.controls[second.id].value = None
    assert quiz.text.endswith(message("quiz.score", lang, right=1, answered=1, total=len(QUESTIONS)))


def test_all_right_answers_score_full_marks_and_print(capsys):
    quiz = Quiz(QUESTIONS, "en")
    for q in QUESTIONS:
        quiz.controls[q.id].value = q.answer()
    quiz.print()
    assert capsys.readouterr().out.rstrip().endswith(f"Score: {len(QUESTIONS)} right of {len(QUESTIONS)} answered "
                                                      f"({len(QUESTIONS)} questions).")


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_names_every_right_choice(lang):
    key = Quiz(QUESTIONS, lang).answer_key()
    for q in QUESTIONS:
        assert q.choice(q.answer(), lang) in key and q.text("explanation", lang) in key


def test_repr_is_deterministic():
    assert repr(Quiz(QUESTIONS, "ko")) == "Quiz(" + ", ".join(f"{q.id}=None" for q in QUESTIONS) + ")"


def _question(id="x", choices=2, answer=0):
    texts = {"ko": "질문", "en": "question"}
    return Question(id, "01", texts, tuple({"ko": str(i), "en": str(i)} for i in range(choices)),
                    lambda: answer, texts, texts)


@pytest.mark.parametrize("questions, match", [
    ([], "at least one question"),
    ([_question(), _question()], "unique ids"),
    ([_question(choices=1)], "2 to 8 choices"),
    ([_question(answer=5)], "a right one among them"),
])
def test_broken_quizzes_are_refused_with_the_reason(questions, match):
    with pytest.raises(ValueError, match=re.escape(match)):
        Quiz(questions, "en")
