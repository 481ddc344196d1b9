"""The whole bundled course followed in plain mode with « Continuer », answering every question right."""

from __future__ import annotations

import re
from itertools import repeat

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_text,
)
from course.progress import ProgressStore
from tests.unit.plain_script import printed, run_plain

DECORATION = re.compile("[\u2500-\u25ff▔▁░█✓✗•›▶◀]|\x1b")


def _listed(block: str) -> dict[str, str]:
    """The numbered lines of the latest question (wrapped lines joined): text → number."""
    found = re.findall(r"^(\d+)\. (.+(?:\n {3,}.+)*)$", block, re.M)
    return {" ".join(text.split()): number for number, text in found}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _right_answer(course, block: str) -> str | None:
    """The right answer to the question shown last in `block`, typed as the plain mode asks."""
    header = re.search(r"Quiz « (.*?) », question \d+ sur \d+\. ", _flat(block))
    if header is None:
        return None
    shown_text = _flat(block)[header.end() :]
    candidates = [
        q
        for quiz in course.quizzes.values()
        for q in quiz.questions
        if course.quiz_title(quiz) == header.group(1) and shown_text.startswith(_flat(question_text(q)))
    ]
    question = max(candidates, key=lambda q: len(question_text(q)))
    shown = _listed(block)
    if isinstance(question, TrueFalseQuestion):
        return "1" if question.answer else "2"
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return " ".join(shown[_flat(c.text)] for c in question.choices if c.correct)
    if isinstance(question, OrderQuestion):
        return " ".join(shown[_flat(item)] for item in question.items)
    if isinstance(question, MatchQuestion):
        return " ".join(shown[_flat(pair.right)] for pair in question.pairs)
    assert isinstance(question, ShortQuestion)
    return question.accept[0]


def walker(course):
    """Answers every prompt of the plain mode from what it printed last."""
    state = {"steps": 0}

    def answer(text: str) -> str:
        state["steps"] += 1
        assert state["steps"] < 5000, "the walk does not end"
        block = text[text.rfind(">>\n") + 3 :]
        last = block.rstrip("\n").split("\n")[-5:]
        prompt = " ".join(last)
        if "Bravo, toutes les leçons sont terminées" in block:
            return "q"
        if prompt.endswith("Écrivez votre prénom (un surnom suffit), puis Entrée."):
            return "Testeur"
        if "Tapez « c » pour continuer" in prompt:
            return "c"
        if "Quelle est votre certitude" in block:
            return "3"
        right = _right_answer(course, block) if "Quiz « " in block and "Juste." not in block else None
        if right is not None:
            return right
        if "« rejouer »" in prompt:
            return "suite"
        if "Tapez « r » pour recommencer" in prompt or "Tapez « suite »" in prompt:
            return "suite"
        if "publications que vous aimez" in prompt or "qui vous alertent" in prompt:
            return "1"
        if "Tapez 1 pour fiable" in prompt or re.search(r"Tapez 1(, 2)*( ou \d)? puis Entrée", prompt):
            return "1"
        raise AssertionError(f"unexpected prompt: {prompt}")

    return answer


def test_the_bundled_course_can_be_followed_to_the_end_in_plain_mode(private_data):
    course = load_course(bundled_course_dir())
    transcript = run_plain(private_data, repeat(walker(course)), course=bundled_course_dir())
    lines = printed(transcript)
    assert (
        "Bravo, toutes les leçons sont terminées ! Vous pouvez en refaire une ou passer aux révisions."
        in _flat(transcript)
    )
    assert max(len(line) for line in lines) <= 80
    assert [line for line in lines if DECORATION.search(line)] == []
    store = ProgressStore(private_data)
    try:
        answers = store.answers(store.find_learner("Testeur").id)
    finally:
        store.close()
    quiz_answers = [a for a in answers if a.mode == "quiz"]
    assert len({(a.quiz, a.question) for a in quiz_answers}) == course.question_count()
    assert all(a.correct for a in quiz_answers)
