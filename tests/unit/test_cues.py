"""Quizzes that measure what they claim: no strategy that skips reading beats chance.

The bundled course is loaded with the real loader, and each test-wise strategy
(pick the longest choice; call « false » what holds « toujours », « jamais »…;
judge an address by its ending) gets its expected score, computed with the real
grading, next to the score of a learner answering at random. Every strategy must
stay within 5 points of chance. Then `atelier validate`'s cue warnings, each at
the line of its question, and `exact: true` for typed addresses and numbers.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from course.content.cue_checks import ABSOLUTE_WORDS
from course.content.loader import load_course
from course.content.model import (
    MultipleQuestion,
    Question,
    Quiz,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_text,
)
from course.quiz.grading import grade
from tests.unit.small_course import load

ROOT = Path(__file__).parents[2]
MARGIN = 0.05


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


def _questions(course) -> list[tuple[Quiz, Question]]:
    return [(quiz, q) for quiz in course.quizzes.values() for q in quiz.questions]


def _chance(question: Question) -> float:
    """The expected score of a learner who answers at random (any non-empty set for `multiple`)."""
    if isinstance(question, SingleQuestion):
        return 1 / len(question.choices)
    if isinstance(question, TrueFalseQuestion):
        return 0.5
    indexes = range(len(question.choices))
    picks = [p for size in range(1, len(question.choices) + 1) for p in itertools.combinations(indexes, size)]
    return sum(grade(question, list(p)).score for p in picks) / len(picks)


def _single_pick(question: SingleQuestion, candidates: list[int]) -> float:
    """The expected score of picking one of `candidates` at random (all choices if none)."""
    candidates = candidates or list(range(len(question.choices)))
    return sum(grade(question, i).score for i in candidates) / len(candidates)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


# --- (1) the strategies, on the bundled course -----------------------------------------------------


def longest_choice_scores(course) -> tuple[float, float, int]:
    """Pick the longest choice of every `single` question (a tie split evenly)."""
    singles = [q for _, q in _questions(course) if isinstance(q, SingleQuestion)]
    scores = []
    for q in singles:
        longest = max(len(c.text) for c in q.choices)
        scores.append(_single_pick(q, [i for i, c in enumerate(q.choices) if len(c.text) == longest]))
    return _mean(scores), _mean([_chance(q) for q in singles]), len(singles)


def absolute_statement_scores(course) -> tuple[float, float, int]:
    """Answer « false » to every true/false statement that holds an absolute word."""
    marked = [
        q
        for _, q in _questions(course)
        if isinstance(q, TrueFalseQuestion) and ABSOLUTE_WORDS.search(q.statement)
    ]
    return _mean([float(not q.answer) for q in marked]), 0.5, len(marked)


HEDGE_WORDS = re.compile(
    r"\b(souvent|peut|peuvent|parfois|en général|généralement|sans doute|plutôt|certains|certaines|sauf)\b",
    re.IGNORECASE,
)


def hedged_statement_scores(course) -> tuple[float, float, int]:
    """Answer « true » to every true/false statement that hedges (« souvent », « peut », « en général »…)."""
    hedged = [
        q
        for _, q in _questions(course)
        if isinstance(q, TrueFalseQuestion) and HEDGE_WORDS.search(q.statement)
    ]
    return _mean([float(q.answer) for q in hedged]), 0.5, len(hedged)


def absolute_choice_scores(course) -> tuple[float, float, int]:
    """In a `single` question, rule out the choices that hold an absolute word and pick among the rest."""
    singles = [
        q
        for _, q in _questions(course)
        if isinstance(q, SingleQuestion) and any(ABSOLUTE_WORDS.search(c.text) for c in q.choices)
    ]
    scores = [
        _single_pick(q, [i for i, c in enumerate(q.choices) if not ABSOLUTE_WORDS.search(c.text)])
        for q in singles
    ]
    return _mean(scores), _mean([_chance(q) for q in singles]), len(singles)


HOST = re.compile(r"(?:https?://)?((?:[a-z0-9-]+\.)+([a-z]{2,}))(?=[/\s»,)]|$)", re.IGNORECASE)
RESERVED = {"example", "invalid", "test", "localhost"}
ASKS_FOR_TRAPS = re.compile(r"piég|frauduleu|fausse|faux site|arnaque|usurp|méfier|suspect", re.IGNORECASE)


def ending_says_real(text: str) -> bool | None:
    """What the ending of the address in `text` suggests: True for .fr, .com…, False for .example; None if no address."""
    found_host = HOST.search(text)
    if found_host is None or "." not in found_host.group(1):
        return None
    return found_host.group(2).lower() not in RESERVED


def address_ending_scores(course) -> tuple[float, float, int]:
    """Judge every address by its ending: .fr or .gouv.fr is real, .example is a trap.

    The learner reads the prompt, so a question that asks for the traps gets the traps.
    """
    scores, chances = [], []
    for _, q in _questions(course):
        if isinstance(q, TrueFalseQuestion):
            says = ending_says_real(q.statement)
            if says is None:
                continue
            answer = says != bool(ASKS_FOR_TRAPS.search(q.statement))
            scores.append(grade(q, answer).score)
        elif isinstance(q, (SingleQuestion, MultipleQuestion)):
            endings = [ending_says_real(c.text) for c in q.choices]
            if sum(e is not None for e in endings) < 2:
                continue
            wanted = not ASKS_FOR_TRAPS.search(q.prompt)
            picked = [i for i, e in enumerate(endings) if e is wanted]
            if isinstance(q, SingleQuestion):
                scores.append(_single_pick(q, picked))
            else:
                scores.append(grade(q, picked or [0]).score)
        else:
            continue
        chances.append(_chance(q))
    return _mean(scores), _mean(chances), len(scores)


STRATEGIES = {
    "longest choice": longest_choice_scores,
    "absolute word means false": absolute_statement_scores,
    "hedge word means true": hedged_statement_scores,
    "rule out absolute choices": absolute_choice_scores,
    "address ending": address_ending_scores,
}


@pytest.mark.parametrize("name", STRATEGIES)
def test_no_strategy_that_skips_reading_beats_chance_by_more_than_five_points(course, name):
    """Both ways: a strategy far below chance means its opposite (« never the longest ») is a cue too."""
    score, chance, count = STRATEGIES[name](course)
    assert count >= 5, f"{name}: too few questions to measure ({count})"
    assert abs(score - chance) <= MARGIN, (
        f"{name}: {score:.0%} against {chance:.0%} by chance, on {count} questions"
    )


def test_the_bundled_course_is_measured_whole(course):
    assert course.errors == []
    assert len(_questions(course)) == course.question_count() >= 250


# --- (3) skills over trivia; parallel pre- and post-tests ------------------------------------------


RECALL = re.compile(
    r"en quelle année|quelle année|quel article|quelle date|quand .* (lancé|créé|adopté|publié|mis en ligne)"
    r"|combien de (millions|mois|jours|pays|coupures|membres)|à partir de combien|quelle part|quel pourcentage",
    re.IGNORECASE,
)


def _tests_of(course, kind: str) -> list[Quiz]:
    return [course.quizzes[getattr(m, kind)] for m in course.modules if getattr(m, kind) in course.quizzes]


def test_few_questions_ask_for_a_date_a_figure_or_an_article_and_none_in_pre_tests(course):
    recall = [f"{q.pos.path}:{q.pos.line}" for _, q in _questions(course) if RECALL.search(question_text(q))]
    assert len(recall) <= 0.05 * course.question_count(), recall
    in_pretests = [
        q.id
        for quiz in _tests_of(course, "pretest")
        for q in quiz.questions
        if RECALL.search(question_text(q)) or re.search(r"\barticle \d", question_text(q))
    ]
    assert in_pretests == []


def _options(question: Question) -> int:
    """How many things the learner chooses among, sorts or pairs: same count, same difficulty of guessing."""
    return len(
        getattr(question, "choices", None)
        or getattr(question, "items", None)
        or getattr(question, "pairs", None)
        or []
    )


def test_pre_and_post_tests_are_parallel_forms(course):
    pretests, posttests = _tests_of(course, "pretest"), _tests_of(course, "posttest")
    assert len(pretests) == len(posttests) == len(course.modules)
    for pre, post in zip(pretests, posttests):
        assert [q.type for q in pre.questions] == [q.type for q in post.questions], (pre.id, post.id)
        assert [_options(q) for q in pre.questions] == [_options(q) for q in post.questions], (
            pre.id,
            post.id,
        )
        shared = {question_text(q) for q in pre.questions} & {question_text(q) for q in post.questions}
        assert shared == set(), f"{pre.id} and {post.id} share items: {shared}"


# --- (2) what `atelier validate` tells the trainer ------------------------------------------------

CUED = """\
id: ok
lesson: ok
questions:
  - id: longue
    type: single
    prompt: Que faire d'un SMS douteux ?
    choices:
      - text: Le transférer au 33700 puis le supprimer sans cliquer sur le lien
        correct: true
      - text: Cliquer
      - text: Répondre
    explanation: On le signale au 33700.
  - id: toutes
    type: single
    prompt: Quels réflexes ?
    choices:
      - text: Lire l'adresse lettre par lettre
      - text: Toutes les réponses ci-dessus
        correct: true
      - text: Attendre un peu
    explanation: Les deux.
  - id: un
    type: true_false
    statement: Un site bien présenté est toujours fiable.
    answer: false
    explanation: Non.
  - id: deux
    type: true_false
    statement: Un lien raccourci n'est jamais dangereux.
    answer: false
    explanation: Non.
  - id: trois
    type: true_false
    statement: Tous les SMS de livraison sont vrais.
    answer: false
    explanation: Non.
  - id: domaine
    type: short
    prompt: Quel est le domaine enregistré de https://ameli.fr.aide.example ?
    accept: [aide.example]
    explanation: On lit juste avant la première barre.
"""


def _warnings(tmp_path, quiz_text: str) -> list[tuple[str, int, str]]:
    course = load(tmp_path, {"quizzes/m/01-ok.yaml": quiz_text})
    assert course.errors == []
    return [(p.path, p.line, p.code) for p in course.warnings]


def test_validate_warns_about_each_cue_at_the_line_of_its_question(tmp_path):
    assert _warnings(tmp_path, CUED) == [
        ("quizzes/m/01-ok.yaml", 4, "cue_longest_choice"),
        ("quizzes/m/01-ok.yaml", 13, "cue_all_of_the_above"),
        ("quizzes/m/01-ok.yaml", 22, "cue_absolute_words"),
        ("quizzes/m/01-ok.yaml", 37, "cue_short_not_exact"),
    ]


def test_the_absolute_word_warning_names_every_false_statement(tmp_path):
    course = load(tmp_path, {"quizzes/m/01-ok.yaml": CUED})
    message = next(p.message for p in course.warnings if p.code == "cue_absolute_words")
    assert "3 des 3" in message and "lignes 22, 27, 32" in message


def test_a_quiz_written_without_cues_gets_no_warning(tmp_path):
    fixed = (
        CUED.replace("Le transférer au 33700 puis le supprimer sans cliquer sur le lien", "Le signaler")
        .replace("Toutes les réponses ci-dessus", "Regarder la date")
        .replace("Tous les SMS de livraison sont vrais.", "Toute personne peut signaler un SMS au 33700.")
        .replace(
            "answer: false\n    explanation: Non.\n  - id: domaine",
            "answer: true\n    explanation: Oui.\n  - id: domaine",
        )
        .replace("accept: [aide.example]", "accept: [aide.example]\n    exact: true")
    )
    assert _warnings(tmp_path, fixed) == []


def test_every_typed_address_or_number_of_the_bundled_course_is_exact(course):
    loose = [
        f"{q.pos.path}:{q.pos.line}"
        for _, q in _questions(course)
        if isinstance(q, ShortQuestion)
        and not q.exact
        and any(re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}|[\d\s]+", a.strip()) for a in q.accept)
    ]
    assert loose == []


def test_exact_short_answers_forgive_no_slip():
    loose = ShortQuestion(id="d", prompt="Domaine ?", accept=["remboursement-rapide.example"])
    exact = ShortQuestion(id="d", prompt="Domaine ?", accept=["remboursement-rapide.example"], exact=True)
    slip = "rembourssement-rapide.example"
    assert grade(loose, slip).correct and grade(loose, slip).spelling == "remboursement-rapide.example"
    assert not grade(exact, slip).correct
    assert grade(exact, " Remboursement-Rapide.EXAMPLE ").correct  # case and spaces still never matter


def test_atelier_validate_prints_the_cue_warnings_with_file_and_line(tmp_path, capsys, monkeypatch):
    from course.cli import main

    load(tmp_path, {"quizzes/m/01-ok.yaml": CUED})
    monkeypatch.chdir(tmp_path / "cours")  # paths are printed as opened from the current folder
    main(["validate", str(tmp_path / "cours")])
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "quizzes/m/01-ok.yaml:4:5: warning: Question « longue » : la bonne réponse est bien plus longue que les "
        "autres. On la devine sans lire : raccourcissez-la ou étoffez les autres.",
        "quizzes/m/01-ok.yaml:13:5: warning: Question « toutes » : évitez « Toutes les réponses ci-dessus ». Il "
        "suffit de repérer deux bonnes propositions pour répondre sans tout savoir.",
        "quizzes/m/01-ok.yaml:22:5: warning: Dans ce quiz, 3 des 3 phrases qui contiennent un mot absolu (toujours, "
        "jamais, tous, aucun, forcément…) sont fausses (lignes 22, 27, 32) : on peut répondre « faux » sans lire. "
        "Écrivez aussi des phrases vraies avec ces mots, ou retirez-les.",
        "quizzes/m/01-ok.yaml:37:5: warning: Question « domaine » : la réponse est une adresse ou un nombre. Ajoutez "
        "« exact: true » pour qu'une lettre ou un chiffre de travers ne soit pas accepté.",
    ]
    assert "4 avertissements" in out[-1]
