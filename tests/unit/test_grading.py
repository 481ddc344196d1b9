"""Answers: normalising typed text, forgiving one slip, grading the six types, Leitner review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from course.content.loader import load_course
from course.content.model import Choice, MultipleQuestion, ShortQuestion
from course.quiz.grading import grade
from course.quiz.review import LEARNT, due_cards, next_due, parse_time, review_cards
from course.text.normalise import match_short, normalise_answer

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="module")
def quiz():
    return {q.id: q for q in load_course(MINI).quizzes["alpha-un"].questions}


# --- normalise_answer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Illectronisme", "illectronisme"),  # case
        ("ILLECTRONISME", "illectronisme"),
        ("Éducation à l'écran", "education a l ecran"),  # accents, apostrophe as a space
        ("naïve Noël ça", "naive noel ca"),
        ("Œuvre cœur", "oeuvre coeur"),  # ligatures opened
        ("Æsope", "aesope"),
        ("ﬁn", "fin"),  # compatibility ligature
        ("Straße", "strasse"),
        ("  L'Œuvre   d’ÉTÉ !! ", "l oeuvre d ete"),  # typographic apostrophe, spaces, punctuation
        ("«Démocratie»", "democratie"),
        ("C'est-à-dire…", "c est a dire"),
        ("mot_de_passe", "mot de passe"),  # underscore is punctuation too
        ("a\tb\nc", "a b c"),
        ("100 %", "100"),
        ("?!...", ""),
        ("", ""),
    ],
)
def test_normalise_answer(typed, expected):
    assert normalise_answer(typed) == expected


def test_normalise_answer_is_idempotent():
    for text in ("Fracture  numérique !", "Cœur", "d’accord"):
        once = normalise_answer(text)
        assert normalise_answer(once) == once


# --- match_short -------------------------------------------------------------------------------------


def test_exact_match_ignores_case_accents_punctuation_and_spaces():
    result = match_short("  Illettrisme NUMÉRIQUE ! ", ["illectronisme", "illettrisme numérique"])
    assert (result.correct, result.exact, result.expected) == (True, True, "illettrisme numérique")


@pytest.mark.parametrize(
    ("typed", "slip"),
    [
        ("illectrinisme", "substitution"),
        ("illecctronisme", "insertion"),
        ("ilectronisme", "deletion"),
        ("illetcronisme", "swap of two neighbours"),
        ("lilectronisme", "swap at the start"),
        ("illectronism", "deletion at the end"),
        ("illectronismes", "insertion at the end"),
    ],
)
def test_one_slip_in_a_long_word_is_forgiven_and_the_spelling_shown(typed, slip):
    result = match_short(typed, ["Illectronisme"])
    assert result.correct, slip
    assert not result.exact
    assert result.expected == "Illectronisme"  # as the trainer wrote it


def test_eight_letters_is_long_enough():
    assert match_short("couriel", ["courriel"]).correct  # 8 letters: one deletion forgiven
    assert match_short("courrial", ["courriel"]).correct


@pytest.mark.parametrize("typed", ["citoyan", "citoye", "citoyenn", "ciotyen"])
def test_no_slip_in_a_word_shorter_than_eight_letters(typed):
    assert not match_short(typed, ["citoyen"]).correct  # 7 letters


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("ilectrinisme", "deletion and substitution"),
        ("illectronista", "two substitutions"),
        ("illectronismees", "two insertions"),
        ("ellictronisme", "swap of letters that are not neighbours"),
        ("iletcronisme", "deletion and swap"),
        ("illettrisme", "another word"),
    ],
)
def test_two_slips_are_not_forgiven(typed, why):
    assert not match_short(typed, ["illectronisme"]).correct, why


def test_slips_in_a_phrase():
    accept = ["fracture numérique"]
    assert match_short("fracture numeriqeu", accept).correct  # one slip in one long word
    assert match_short("fractrue numeirque", accept).correct  # one slip in each long word
    assert not match_short("fracture", accept).correct  # a word missing
    assert not match_short("fracture numérique totale", accept).correct  # a word too many
    assert not match_short("la democratie", ["le démocratie"]).correct  # slip in a 2-letter word


def test_empty_or_unrelated_answer_is_wrong():
    result = match_short("", ["courriel", "mél"])
    assert (result.correct, result.exact, result.expected) == (False, False, "courriel")
    assert not match_short("?!", ["courriel"]).correct
    assert not match_short("mail", ["courriel", "mél"]).correct


def test_exact_match_wins_over_a_slip_with_an_earlier_answer():
    result = match_short("courriels", ["courriel", "courriels"])
    assert (result.correct, result.exact, result.expected) == (True, True, "courriels")


# --- grade: the six types -------------------------------------------------------------------------------


def test_grade_single(quiz):
    question = quiz["q-single"]
    right = grade(question, 1)  # the correct choice is the second
    assert (right.correct, right.score, right.response) == (True, 1.0, 1)
    assert right.response_text == right.expected_text == "Dans une boîte aux lettres électronique"
    wrong = grade(question, 0)
    assert (wrong.correct, wrong.score) == (False, 0.0)
    assert wrong.response_text == "Dans le navigateur"
    assert wrong.expected_text == "Dans une boîte aux lettres électronique"
    assert wrong.feedback == ["Le navigateur affiche des pages web."]
    assert grade(question, 2).feedback == []
    assert grade(question, "1").correct  # a stored response read back as text


@pytest.mark.parametrize(
    ("response", "correct", "score"),
    [
        ([0, 2], True, 1.0),
        ([2, 0], True, 1.0),  # order does not matter
        ([0, 2, 2], True, 1.0),  # nor repeats
        ([0], False, 0.5),  # half of the right ones
        ([0, 1, 2], False, 0.5),  # both right ones, one wrong: 2 - 1 out of 2
        ([0, 1], False, 0.0),  # one right, one wrong
        ([1], False, 0.0),  # never below zero
        ([], False, 0.0),
    ],
)
def test_grade_multiple_with_partial_scores(quiz, response, correct, score):
    result = grade(quiz["q-multiple"], response)
    assert (result.correct, result.score) == (correct, score)
    assert result.response == sorted(set(response))
    assert result.expected_text == "Une adresse de destinataire | Un message"


def test_grade_multiple_partial_score_rounded():
    question = MultipleQuestion(
        id="m",
        prompt="?",
        choices=[Choice("A", True), Choice("B", True), Choice("C", True), Choice("D", False, "Non, pas D.")],
    )
    result = grade(question, [0, 3])
    assert result.score == 0.0  # (1 - 1) / 3
    assert result.feedback == ["Non, pas D."]
    assert grade(question, [0]).score == 0.3333  # 1 / 3, rounded to 4 places
    assert grade(question, [0, 1]).score == 0.6667


def test_grade_true_false(quiz):
    question = quiz["q-vf"]  # answer: true
    right, wrong = grade(question, True), grade(question, False)
    assert (right.correct, right.score, right.response_text, right.expected_text) == (
        True,
        1.0,
        "Vrai",
        "Vrai",
    )
    assert (wrong.correct, wrong.score, wrong.response_text, wrong.expected_text) == (
        False,
        0.0,
        "Faux",
        "Vrai",
    )
    english = grade(question, False, true_word="True", false_word="False")
    assert (english.response_text, english.expected_text) == ("False", "True")


@pytest.mark.parametrize(
    ("order", "correct", "score"),
    [
        ([0, 1, 2], True, 1.0),
        ([0, 2, 1], False, 0.3333),  # the first in place
        ([2, 1, 0], False, 0.3333),  # the middle in place
        ([1, 2, 0], False, 0.0),
        ([0, 1], False, 0.6667),  # an item missing: the others still count
    ],
)
def test_grade_order_scores_items_in_place(quiz, order, correct, score):
    question = quiz["q-order"]
    response = [question.items[i] for i in order]
    result = grade(question, response)
    assert (result.correct, result.score) == (correct, score)
    assert result.expected_text == "Écrire le message > Indiquer le destinataire > Envoyer"
    assert result.response_text == " > ".join(response)


def test_grade_match(quiz):
    question = quiz["q-match"]
    right = {"Courriel": "Écrire à quelqu'un", "Navigateur": "Lire des pages web"}
    assert (grade(question, right).correct, grade(question, right).score) == (True, 1.0)
    swapped = {"Courriel": "Lire des pages web", "Navigateur": "Écrire à quelqu'un"}
    assert (grade(question, swapped).correct, grade(question, swapped).score) == (False, 0.0)
    half = grade(question, {"Courriel": "Écrire à quelqu'un"})
    assert (half.correct, half.score) == (False, 0.5)
    assert half.response_text == "Courriel = Écrire à quelqu'un"
    assert half.expected_text == "Courriel = Écrire à quelqu'un ; Navigateur = Lire des pages web"
    assert grade(question, list(right.items())).correct  # pairs as a list of [left, right]


@pytest.mark.parametrize(
    ("typed", "correct", "spelling"),
    [
        ("courriel", True, None),
        ("  COURRIEL. ", True, None),
        ("Mél", True, None),
        ("mel", True, None),
        ("couriel", True, "courriel"),  # one slip in an 8-letter word: right, and the spelling is shown
        ("mail", False, None),
        ("", False, None),
    ],
)
def test_grade_short(quiz, typed, correct, spelling):
    result = grade(quiz["q-short"], typed)
    assert (result.correct, result.score, result.spelling) == (correct, float(correct), spelling)
    assert result.response == result.response_text == typed
    assert result.expected_text == "courriel"


def test_grade_short_forgives_one_slip_only_in_long_words():
    question = ShortQuestion(id="s", prompt="?", accept=["Démocratie", "vote"])
    assert grade(question, "democratei").spelling == "Démocratie"
    assert not grade(question, "vite").correct


def test_grade_unknown_type_is_a_programming_error():
    with pytest.raises(TypeError):
        grade(object(), 0)  # type: ignore[arg-type]


# --- review: Leitner boxes -------------------------------------------------------------------------------

T0 = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


@dataclass
class Answer:
    quiz: str
    question: str
    correct: bool
    timestamp: str


def at(when: datetime, correct: bool, question: str = "q-single", quiz: str = "alpha-un") -> Answer:
    return Answer(quiz, question, correct, when.isoformat())


def card_of(answers: list[Answer], question: str = "q-single"):
    return review_cards(answers)[("alpha-un", question)]


def test_right_answers_only_never_make_a_card():
    assert review_cards([at(T0, True), at(T0 + DAY, True)]) == {}
    assert due_cards([at(T0, True)], now=T0 + 30 * DAY) == []
    assert next_due([at(T0, True)]) is None


def test_wrong_answer_goes_to_box_one_due_the_next_day():
    answers = [at(T0, False)]
    card = card_of(answers)
    assert (card.box, card.due, card.learnt) == (1, T0 + DAY, False)
    assert due_cards(answers, now=T0 + DAY - timedelta(seconds=1)) == []
    assert due_cards(answers, now=T0 + DAY) == [card]
    assert next_due(answers) == T0 + DAY


def test_right_after_due_moves_up_a_box():
    answers = [at(T0, False), at(T0 + DAY + HOUR, True)]
    card = card_of(answers)
    assert (card.box, card.due) == (2, T0 + DAY + HOUR + 2 * DAY)


def test_right_before_due_changes_nothing():
    answers = [at(T0, False), at(T0 + 12 * HOUR, True)]
    card = card_of(answers)
    assert (card.box, card.due) == (1, T0 + DAY)


def test_wrong_again_goes_back_to_box_one():
    answers = [at(T0, False), at(T0 + DAY, True), at(T0 + 4 * DAY, True), at(T0 + 5 * DAY, False)]
    assert (card_of(answers).box, card_of(answers).due) == (1, T0 + 6 * DAY)


def test_boxes_wait_1_2_4_8_16_days_then_the_question_is_learnt():
    answers = [at(T0, False)]
    waits = []
    for expected_box in (2, 3, 4, 5):
        card = card_of(answers)
        answers.append(at(card.due, True))  # answered right exactly when due
        new = card_of(answers)
        assert new.box == expected_box
        waits.append((new.due - card.due).days)
    assert waits == [2, 4, 8, 16]
    last = card_of(answers)
    answers.append(at(last.due + HOUR, True))
    learnt = card_of(answers)
    assert learnt.box == LEARNT == 6 and learnt.learnt
    assert due_cards(answers, now=T0 + 365 * DAY) == []
    assert next_due(answers) is None
    # a learnt question answered wrong later comes back to box one
    answers.append(at(T0 + 400 * DAY, False))
    assert (card_of(answers).box, card_of(answers).learnt) == (1, False)


def test_history_order_does_not_matter():
    answers = [at(T0 + DAY + HOUR, True), at(T0, False)]
    assert card_of(answers).box == 2


def test_due_cards_longest_overdue_first_and_per_question():
    answers = [
        at(T0, False, "q-vf"),
        at(T0 + 2 * HOUR, False, "q-single"),
        at(T0 + HOUR, False, "q-order"),
        at(T0 + 3 * HOUR, True, "q-short"),
    ]
    due = due_cards(answers, now=T0 + 2 * DAY)
    assert [c.question for c in due] == ["q-vf", "q-order", "q-single"]
    assert next_due(answers) == T0 + DAY
    assert [c.question for c in due_cards(answers, now=T0 + DAY + HOUR)] == ["q-vf", "q-order"]


def test_same_question_id_in_two_quizzes_are_two_cards():
    answers = [at(T0, False, "q1", "quiz-a"), at(T0, False, "q1", "quiz-b")]
    assert set(review_cards(answers)) == {("quiz-a", "q1"), ("quiz-b", "q1")}


def test_parse_time_accepts_z_and_offsets():
    assert parse_time("2025-03-03T10:00:00Z") == T0
    assert parse_time("2025-03-03T11:00:00+01:00") == T0
    answers = [Answer("alpha-un", "q-single", False, "2025-03-03T10:00:00Z")]
    assert card_of(answers).due == T0 + DAY
