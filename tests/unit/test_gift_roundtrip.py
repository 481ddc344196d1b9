"""Round trip quiz dict → GIFT → quiz dict, over generated quizzes (hypothesis).

Texts mix accents, newlines and every GIFT special character (`~ = # { } :`,
backslashes, `->`, `*`, `%`, `[`, `//`). They are trimmed, as GIFT and Moodle
trim every text; everything else must come back equal.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from course.interchange.gift_reader import PHP_SPACE, read_gift
from course.interchange.gift_writer import write_gift
from tests.unit.test_gift_writer import arrowed

ALPHABET = "abcXYZ019 éèàçôœÉÀ«»\u2019'\"!?.,;-_/\\~=#{}:%[]()*<>&$@\n\t\u00a0"
# Texts the loader accepts (a text of spaces only, even no-break ones, is refused as empty).
text = st.text(ALPHABET, min_size=1, max_size=25).map(lambda s: s.strip(PHP_SPACE)).filter(str.strip)
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
hints = st.lists(text, max_size=2)


def _common(draw: Any, kind: str, qid: str) -> dict[str, Any]:
    question: dict[str, Any] = {"id": qid, "type": kind}
    question["statement" if kind == "true_false" else "prompt"] = draw(text)
    return question


@st.composite
def choice_question(draw: Any, qid: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multiple"]))
    question = _common(draw, kind, qid)
    count = draw(st.integers(2, 6))
    if kind == "single":
        right = {draw(st.integers(0, count - 1))}
    else:
        right = set(draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=count, unique=True)))
    choices = []
    for index in range(count):
        choice: dict[str, Any] = {"text": draw(text)}
        if index in right:
            choice["correct"] = True
        feedback = draw(st.one_of(st.none(), text))
        if feedback:
            choice["feedback"] = feedback
        choices.append(choice)
    question["choices"] = choices
    return question


@st.composite
def other_question(draw: Any, qid: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["true_false", "short", "match", "order"]))
    question = _common(draw, kind, qid)
    if kind == "true_false":
        question["answer"] = draw(st.booleans())
    elif kind == "short":
        # at least one answer keeps a letter or a digit once punctuation is set aside (the loader's rule)
        question["accept"] = draw(
            st.lists(text, min_size=1, max_size=4).filter(
                lambda answers: any(any(ch.isalnum() for ch in a) for a in answers)
            )
        )
    elif kind == "order":
        question["items"] = draw(st.lists(text, min_size=2, max_size=5, unique=True))
    else:
        lefts = draw(st.lists(text, min_size=2, max_size=5, unique=True))
        rights = draw(st.lists(text, min_size=len(lefts), max_size=len(lefts), unique=True))
        question["pairs"] = [{"left": lf, "right": rt} for lf, rt in zip(lefts, rights, strict=True)]
    return question


@st.composite
def quizzes(draw: Any) -> dict[str, Any]:
    ids = draw(st.lists(slug, min_size=1, max_size=6, unique=True))
    questions = []
    for qid in ids:
        question = draw(st.one_of(choice_question(qid), other_question(qid)))
        question["explanation"] = draw(text)
        found = draw(hints)
        if found:
            question["hints"] = found
        questions.append(question)
    return {"id": "quiz", "lesson": "quiz", "pass_ratio": 0.7, "shuffle": True, "questions": questions}


@settings(max_examples=300, deadline=None)
@given(quizzes())
def test_gift_round_trip_keeps_every_question(quiz: dict[str, Any]) -> None:
    exported = write_gift(quiz)
    assert exported.skipped == 0 and exported.exported == len(quiz["questions"])
    back = read_gift(exported.text, "quiz")
    assert back.skipped == 0
    assert back.quiz["questions"] == arrowed(quiz["questions"])
    assert all(n.key != "interchange.gift.placeholder" for n in back.notices)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(min_size=1, max_size=40), st.text(max_size=20).map(lambda s: s + "\ue000\ue008\ue100")
    )  # the reader's placeholders
    .map(lambda s: s.strip(PHP_SPACE))
    .filter(str.strip)
)
def test_any_unicode_prompt_survives(prompt: str) -> None:
    """Beyond the GIFT alphabet: any text comes back, its line ends written as `\\n`."""
    question = {"id": "q", "type": "true_false", "statement": prompt, "answer": True, "explanation": prompt}
    back = read_gift(write_gift({"questions": [question]}).text).quiz["questions"]
    expected = prompt.replace("\r\n", "\n").replace("\r", "\n")
    assert back == [dict(question, statement=expected, explanation=expected)]
