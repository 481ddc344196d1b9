"""Item analysis read a column at a time (runs of first sittings that asked the same
questions) gives the figures read mark by mark, learner after learner: same marks in the
same order (so the same floats), same wrong answers, each shown as it was first given."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from course.reports.items import EASY, HARD, ItemCollector
from course.reports.model import ItemFigures
from course.reports.stats import correlation
from tests.unit import reports_data as data

INDEX = data.index()
QUIZZES = {**{q: info.questions for q, info in INDEX.quizzes.items()}, "q-absent": ("x", "y")}
TEXTS = ["oui", "Non", "non ", "  NON", "", "Peut-être", "peut-être"]


def by_mark(sittings: list[dict[str, Any]], min_answers: int) -> tuple[ItemFigures, ...]:
    """The figures as defined: each learner's first sitting read mark by mark."""
    marks: dict[tuple[str, str], tuple[list[float], list[float], Counter[str]]] = {}
    shown: dict[str, str] = {}
    for learner in sittings:
        for quiz, ((questions, scores, right, texts), _) in learner.items():
            if quiz not in INDEX.quizzes:
                continue
            total = sum(scores)
            for question, score, correct, text in zip(questions, scores, right, texts, strict=True):
                found = marks.setdefault((quiz, question), ([], [], Counter()))
                found[0].append(score)
                found[1].append(total - score)
                if not correct and text:
                    tidy = " ".join(text.split())
                    if tidy:
                        shown.setdefault(tidy.casefold(), tidy)
                        found[2][tidy.casefold()] += 1
    out = []
    for key, info in INDEX.questions.items():
        if key not in marks:
            continue
        mine, rest, wrong = marks[key]
        n = len(mine)
        facility = sum(mine) / n
        discrimination = correlation(mine, rest) if n >= min_answers else None
        flags = []
        if n >= min_answers:
            flags += ["easy"] if facility >= EASY else ["hard"] if facility <= HARD else []
            flags += ["negative"] if discrimination is not None and discrimination < 0 else []
        out.append(
            ItemFigures(
                quiz=key[0],
                question=key[1],
                kind=INDEX.quizzes[key[0]].kind,
                prompt=info.prompt,
                qtype=info.qtype,
                answers=n,
                facility=facility,
                discrimination=discrimination,
                wrong=tuple(
                    (shown[text], count / n)
                    for text, count in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))
                ),
                flags=tuple(flags),
            )
        )
    return tuple(out)


@st.composite
def first_sitting(draw: Any, quiz: str) -> tuple[Any, float]:
    asked = QUIZZES[quiz]
    if draw(st.booleans()):  # most sittings ask the whole quiz, in its order
        questions = tuple(asked)
    else:
        questions = tuple(draw(st.permutations(asked))[: draw(st.integers(0, len(asked)))])
    scores = tuple(draw(st.sampled_from([0.0, 1.0, 0.5, 1 / 3])) for _ in questions)
    right = tuple(score == 1.0 for score in scores)
    texts = tuple(draw(st.sampled_from(TEXTS)) for _ in questions)
    return (questions, scores, right, texts), sum(scores) / max(len(asked), 1)


learners = st.lists(
    st.lists(st.sampled_from(list(QUIZZES)), unique=True, max_size=3).flatmap(
        lambda quizzes: st.tuples(*(first_sitting(quiz) for quiz in quizzes)).map(
            lambda sittings: dict(zip(quizzes, sittings, strict=True))
        )
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(learners, st.integers(1, 4))
@example(  # the shown form of a wrong answer is the first given, across quizzes and runs
    [
        {"q-sift": ((("etapes", "source"), (0.0, 1.0), (False, True), ("  NON", "oui")), 0.5)},
        {"q-illec": ((("aide",), (0.0,), (False,), ("Non",)), 0.0)},
        {"q-sift": ((("source", "etapes"), (0.0, 0.0), (False, False), ("non ", "Non")), 0.0)},
    ],
    3,
)
def test_items_read_by_runs_are_the_items_read_mark_by_mark(
    sittings: list[dict[str, Any]], min_answers: int
) -> None:
    collector = ItemCollector()
    for learner in sittings:
        collector.add(learner, INDEX)
    assert collector.figures(INDEX, min_answers) == by_mark(sittings, min_answers)


def test_sittings_that_asked_the_whole_quiz_make_one_run_whatever_their_tuples() -> None:
    collector = ItemCollector()
    for n in range(5):
        questions = tuple(q for q in INDEX.quizzes["q-sift"].questions)  # a tuple of its own each time
        collector.add({"q-sift": ((questions, (1.0, 0.0), (True, False), ("", f"non {n}")), 0.5)}, INDEX)
    assert len(collector._runs["q-sift"]) == 1
    source = next(x for x in collector.figures(INDEX, 3) if x.question == "source")
    assert (source.answers, source.facility, len(source.wrong)) == (5, 0.0, 5)
