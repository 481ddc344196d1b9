"""Each check of DESIGN §4 "What a valid course guarantees", with its code and its `line:col`.

Types and required fields, ids, references and the rules of each question type.
Every broken course is built in `tmp_path` around one valid lesson and quiz
(`ok`); positions are counted by hand (1-based) in the comments, and each test
checks that what is valid still loads.
"""

from __future__ import annotations

import string

import pytest

from course.i18n import messages_content
from tests.unit.small_course import BAD, BASE, OK_LESSON, OK_QUIZ, QUIZ, assert_rest_loads, found, load

# A lesson to break by replacing one line; its lines and where their values start:
LESSON = (
    "id: casse\n"  # 1  value at col 5
    "title: Titre\n"  # 2  value at col 8
    "summary: Résumé.\n"  # 3  value at col 10
    "duration_min: 5\n"  # 4  value at col 15
    "objectives: [Réparer]\n"  # 5  list at col 13, first item at col 14
    "sections:\n"  # 6
    "  - title: Section\n"  # 7  section mapping at col 5, title value at col 12
    "    text: Du texte.\n"  # 8  value at col 11
)


def with_question(text: str) -> dict[str, str]:
    """The valid quiz plus one question, which starts on line 9 ("  - " then the mapping at col 5)."""
    return {QUIZ: OK_QUIZ + text}


def question_ids(course) -> list[str]:
    return [q.id for q in course.quizzes["ok"].questions]


# --- text where YAML reads something else ----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "code"),
    [
        ("title: Titre", "title: no", 2, 8, "quote_it_bool"),
        ("title: Titre", "title: Yes", 2, 8, "quote_it_bool"),
        ("summary: Résumé.", "summary: on", 3, 10, "quote_it_bool"),
        ("summary: Résumé.", "summary: off", 3, 10, "quote_it_bool"),
        ("title: Titre", "title: 012", 2, 8, "quote_it_number"),
        ("title: Titre", "title: 12:30", 2, 8, "quote_it_number"),  # YAML 1.1 sexagesimal: 750
        ("title: Titre", "title: 3.14", 2, 8, "quote_it_number"),
        ("title: Titre", "title: 1_000", 2, 8, "quote_it_number"),  # YAML 1.1 digit separator
        ("title: Titre", "title: 2024-05-01", 2, 8, "quote_it_date"),
        ("title: Titre", "title: null", 2, 8, "quote_it_null"),
        ("title: Titre", "title: ~", 2, 8, "quote_it_null"),
        ("title: Titre", "title:", 2, 7, "quote_it_null"),  # empty: the node is right after ":"
        ("    text: Du texte.", "    text: 1789", 8, 11, "quote_it_number"),
    ],
)
def test_unquoted_value_read_as_another_type_says_to_quote_it(tmp_path, old, new, line, col, code):
    course = load(tmp_path, {BAD: LESSON.replace(old, new)})
    assert found(course) == [(BAD, line, col, "error", code)]
    assert "casse" not in course.lessons  # a required text was refused
    assert_rest_loads(course)


def test_quote_it_message_shows_the_fix(tmp_path):
    course = load(tmp_path, {BAD: LESSON.replace("title: Titre", "title: no")})
    assert course.problems[0].message == (
        "« no » est lu comme un booléen (vrai/faux) et non comme un texte : mettez-le entre guillemets, "
        '« title: "no" ».'
    )
    course = load(tmp_path / "2", {BAD: LESSON.replace("title: Titre", "title: 012")})
    assert '« title: "012" »' in course.problems[0].message


def test_quoted_values_are_text(tmp_path):
    text = (
        LESSON.replace("title: Titre", 'title: "no"')
        .replace("summary: Résumé.", "summary: '12:30'")
        .replace("objectives: [Réparer]", 'objectives: ["yes", "012", \'on\']')
        .replace("    text: Du texte.", "    text: |\n      2024-05-01")
    )
    course = load(tmp_path, {BAD: text})
    assert course.problems == []
    lesson = course.lessons["casse"]
    assert (lesson.title, lesson.summary, lesson.objectives) == ("no", "12:30", ["yes", "012", "on"])
    assert lesson.sections[0].text == "2024-05-01\n"


def test_unquoted_yes_in_a_list_of_texts(tmp_path):
    # "objectives: [Réparer, on]": "objectives: [" is 13 characters, "Réparer" 14-20, ", " then "on" at 23
    course = load(tmp_path, {BAD: LESSON.replace("[Réparer]", "[Réparer, on]")})
    assert found(course) == [(BAD, 5, 23, "error", "quote_it_bool")]
    assert course.lessons["casse"].objectives == ["Réparer"]  # the good item is kept


def test_list_whose_every_item_is_refused_counts_as_missing(tmp_path):
    # "objectives:\n  - no": the item is on line 6 at col 5; without objectives the lesson is refused
    text = LESSON.replace("objectives: [Réparer]", "objectives:\n  - no")
    course = load(tmp_path, {BAD: text})
    assert found(course) == [(BAD, 6, 5, "error", "quote_it_bool")]
    assert "casse" not in course.lessons
    assert_rest_loads(course)


# --- booleans are true/false only ------------------------------------------------------------------


@pytest.mark.parametrize("value", ["yes", "no", "True", "FALSE", "on", "1", '"true"', "vrai"])
def test_true_false_answer_must_be_true_or_false(tmp_path, value):
    question = (
        "  - id: casse\n"  # 9
        "    type: true_false\n"  # 10
        "    statement: Une affirmation.\n"  # 11
        f"    answer: {value}\n"  # 12: "    answer: " is 12 characters, value at col 13
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(question))
    assert found(course) == [(QUIZ, 12, 13, "error", "expected_bool")]
    assert "true ou false" in course.problems[0].message
    assert question_ids(course) == ["q1"]  # the question is left out, the quiz stays


def test_correct_true_with_a_capital_is_refused(tmp_path):
    question = (
        "  - id: casse\n"  # 9: question at col 5
        "    type: single\n"  # 10
        "    prompt: Laquelle ?\n"  # 11
        "    choices:\n"  # 12
        "      - text: Celle-ci\n"  # 13
        "        correct: True\n"  # 14: "        correct: " is 17 characters, value at col 18
        "      - text: Celle-là\n"  # 15
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(question))
    # the refused flag leaves no correct choice, which the single rule reports too
    assert found(course) == [
        (QUIZ, 9, 5, "error", "single_needs_one"),
        (QUIZ, 14, 18, "error", "expected_bool"),
    ]
    assert question_ids(course) == ["q1"]


def test_shuffle_must_be_a_real_boolean(tmp_path):
    quiz = OK_QUIZ.replace("lesson: ok\n", "lesson: ok\nshuffle: oui\n")
    course = load(tmp_path, {QUIZ: quiz})
    # "shuffle: oui" is line 3, value at col 10; the quiz still loads with its default
    assert found(course) == [(QUIZ, 3, 10, "error", "expected_bool")]
    assert course.quizzes["ok"].shuffle is True


# --- required fields and types -----------------------------------------------------------------------


def test_missing_required_field(tmp_path):
    course = load(tmp_path, {BAD: LESSON.replace("summary: Résumé.\n", "")})
    assert found(course) == [(BAD, 1, 1, "error", "missing_key")]
    assert "« summary »" in course.problems[0].message
    assert "casse" not in course.lessons
    assert_rest_loads(course)


def test_missing_required_field_in_a_section(tmp_path):
    # the second section has no text: it is left out, the lesson keeps its first section
    text = LESSON + "  - title: Sans texte\n"  # line 9, section mapping at col 5
    course = load(tmp_path, {BAD: text})
    assert found(course) == [(BAD, 9, 5, "error", "section_needs_text")]
    assert [s.title for s in course.lessons["casse"].sections] == ["Section"]


def test_lesson_whose_only_section_is_refused_is_not_loaded(tmp_path):
    course = load(tmp_path, {BAD: LESSON.replace("    text: Du texte.\n", "")})
    assert found(course) == [(BAD, 7, 5, "error", "section_needs_text")]
    assert "casse" not in course.lessons  # never a lesson without sections
    assert_rest_loads(course)


@pytest.mark.parametrize(
    ("old", "new", "line", "col", "code"),
    [
        ("duration_min: 5", "duration_min: cinq", 4, 15, "expected_int"),
        ("duration_min: 5", 'duration_min: "5"', 4, 15, "expected_int"),
        ("duration_min: 5", "duration_min: 5.5", 4, 15, "expected_int"),
        ("duration_min: 5", "duration_min: 012", 4, 15, "expected_int"),  # octal in YAML 1.1
        ("duration_min: 5", "duration_min: true", 4, 15, "expected_int"),
        ("duration_min: 5", "duration_min:", 4, 14, "empty_value"),
        ("objectives: [Réparer]", "objectives: Réparer", 5, 13, "expected_list"),
        ("objectives: [Réparer]", "objectives: []", 5, 13, "empty_value"),
        ("title: Titre", "title: [Titre]", 2, 8, "expected_scalar"),
        ("title: Titre", "title: {fr: Titre}", 2, 8, "expected_scalar"),
        (
            "sections:\n  - title: Section\n    text: Du texte.\n",
            "sections: Du texte.\n",
            6,
            11,
            "expected_list",
        ),
        ("sections:\n  - title: Section\n    text: Du texte.\n", "sections: []\n", 6, 11, "empty_value"),
        ("  - title: Section\n    text: Du texte.\n", "  - Du texte.\n", 7, 5, "expected_mapping"),
    ],
)
def test_wrong_type_refuses_the_lesson(tmp_path, old, new, line, col, code):
    course = load(tmp_path, {BAD: LESSON.replace(old, new)})
    assert found(course) == [(BAD, line, col, "error", code)]
    assert "casse" not in course.lessons
    assert_rest_loads(course)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('"0.7"', "expected_number"),
        ("soixante-dix", "expected_number"),
        (".nan", "expected_number"),
        (".inf", "expected_number"),
        ("[0.7]", "expected_scalar"),
    ],
)
def test_pass_ratio_must_be_a_number(tmp_path, value, code):
    quiz = OK_QUIZ.replace("lesson: ok\n", f"lesson: ok\npass_ratio: {value}\n")
    course = load(tmp_path, {QUIZ: quiz})
    # "pass_ratio: " is 12 characters: the value is line 3, col 13; the quiz keeps its default
    assert found(course) == [(QUIZ, 3, 13, "error", code)]
    assert course.quizzes["ok"].pass_ratio == 0.7


def test_pass_ratio_out_of_range_and_integers(tmp_path):
    course = load(tmp_path, {QUIZ: OK_QUIZ.replace("lesson: ok\n", "lesson: ok\npass_ratio: 70\n")})
    assert found(course) == [(QUIZ, 1, 1, "error", "pass_ratio")]
    course = load(tmp_path / "2", {QUIZ: OK_QUIZ.replace("lesson: ok\n", "lesson: ok\npass_ratio: 1\n")})
    assert course.problems == [] and course.quizzes["ok"].pass_ratio == 1.0


def test_duration_must_be_at_least_one_minute(tmp_path):
    course = load(tmp_path, {BAD: LESSON.replace("duration_min: 5", "duration_min: 0")})
    assert found(course) == [(BAD, 1, 1, "error", "duration")]


@pytest.mark.parametrize(
    ("value", "code", "hint"),
    [
        ("tips", "bad_choice_hint", "tip"),
        ("astuce", "bad_choice", None),
        ("Fact", "bad_choice_hint", "fact"),
    ],
)
def test_callout_must_be_one_of_four(tmp_path, value, code, hint):
    text = LESSON.replace("    text: Du texte.", f"    text: Du texte.\n    callout: {value}")
    course = load(tmp_path, {BAD: text})
    # "    callout: " is 13 characters: line 9, col 14; the section (and so the lesson) is refused
    assert found(course) == [(BAD, 9, 14, "error", code)]
    if hint:
        assert f"vouliez-vous dire « {hint} »" in course.problems[0].message
    assert "fact, tip, warning, example" in course.problems[0].message


# --- unknown keys and types ------------------------------------------------------------------------


def test_unknown_key_with_did_you_mean(tmp_path):
    question = (
        "  - id: casse\n"  # 9: question at col 5
        "    type: short\n"  # 10
        "    promt: Quel mot ?\n"  # 11: the key at col 5
        "    accept: [mot]\n"  # 12
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(question))
    # one mistake, one message: no « Il manque la clé prompt » on top of « vouliez-vous dire prompt ? »
    assert found(course) == [(QUIZ, 11, 5, "error", "unknown_key_hint")]
    unknown = course.problems[0]
    assert unknown.message == "Clé inconnue « promt » : vouliez-vous dire « prompt » ?"
    assert question_ids(course) == ["q1"]


def test_unknown_key_without_a_close_match_lists_the_keys(tmp_path):
    course = load(tmp_path, {BAD: LESSON + "couleur: bleu\n"})  # line 9, col 1
    assert found(course) == [(BAD, 9, 1, "error", "unknown_key")]
    assert "id, title, summary, duration_min, objectives, sections" in course.problems[0].message
    assert "casse" in course.lessons  # an unknown key alone does not refuse the lesson


def test_misspelt_question_type(tmp_path):
    question = (
        "  - id: casse\n"  # 9
        "    type: singel\n"  # 10: "    type: " is 10 characters, value at col 11
        "    prompt: Laquelle ?\n"
        "    choices: [{text: A, correct: true}, {text: B}]\n"
    )
    course = load(tmp_path, with_question(question))
    assert found(course) == [(QUIZ, 10, 11, "error", "bad_choice_hint")]
    assert "vouliez-vous dire « single » ?" in course.problems[0].message
    assert question_ids(course) == ["q1"]


def test_question_without_type(tmp_path):
    course = load(tmp_path, with_question("  - id: casse\n    prompt: Laquelle ?\n"))
    assert found(course) == [(QUIZ, 9, 5, "error", "missing_type")]
    assert "single, multiple, true_false, order, match, short" in course.problems[0].message


def test_key_that_belongs_to_another_question_type(tmp_path):
    question = (
        "  - id: casse\n"  # 9
        "    type: true_false\n"  # 10
        "    prompt: Vrai ?\n"  # 11: true_false has a statement, not a prompt
        "    answer: true\n"
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(question))
    assert found(course) == [(QUIZ, 9, 5, "error", "missing_key"), (QUIZ, 11, 5, "error", "unknown_key")]


# --- unique ids --------------------------------------------------------------------------------------


def test_duplicate_lesson_id_across_modules(tmp_path):
    files = {
        "lessons/n/module.yaml": "title: Autre module\norder: 2\n",
        "lessons/n/01-copie.yaml": OK_LESSON.replace("title: Leçon valide", "title: Copie"),
    }
    course = load(tmp_path, files)
    assert found(course) == [("lessons/n/01-copie.yaml", 1, 1, "error", "duplicate_id")]
    assert "(lessons/m/01-ok.yaml:1)" in course.problems[0].message
    assert course.lessons["ok"].title == "Leçon valide"  # the first one is kept
    assert course.lessons_of(course.modules[1]) == []  # and the copy appears nowhere
    assert [lesson.id for lesson in course.ordered_lessons()] == ["ok"]


def test_duplicate_quiz_id(tmp_path):
    course = load(tmp_path, {"quizzes/m/02-copie.yaml": OK_QUIZ})
    assert found(course) == [("quizzes/m/02-copie.yaml", 1, 1, "error", "duplicate_id")]
    assert "(quizzes/m/01-ok.yaml:1)" in course.problems[0].message
    assert_rest_loads(course)


def test_duplicate_question_id(tmp_path):
    question = (
        "  - id: q1\n"  # 9: same id as the question on line 4
        "    type: short\n"
        "    prompt: Encore ?\n"
        "    accept: [oui]\n"
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(question))
    assert found(course) == [(QUIZ, 9, 5, "error", "duplicate_id")]
    assert "(quizzes/m/01-ok.yaml:4)" in course.problems[0].message
    assert [type(q).__name__ for q in course.quizzes["ok"].questions] == ["TrueFalseQuestion"]


def test_duplicate_glossary_id(tmp_path):
    glossary = (
        "terms:\n"  # 1
        "  - id: terme\n"  # 2
        "    term: Terme\n"
        "    definition: Une définition.\n"
        "  - id: terme\n"  # 5: the second term, mapping at col 5
        "    term: Autre\n"
        "    definition: Une autre.\n"
    )
    course = load(tmp_path, {"lessons/glossary.yaml": glossary})
    assert found(course) == [("lessons/glossary.yaml", 5, 5, "error", "duplicate_id")]
    assert course.glossary["terme"].term == "Terme"
    assert_rest_loads(course)


def test_same_question_id_in_two_quizzes_is_fine(tmp_path):
    course = load(
        tmp_path,
        {
            "lessons/m/02-deux.yaml": OK_LESSON.replace("id: ok", "id: deux").replace(
                "quiz: ok", "quiz: deux"
            ),
            "quizzes/m/02-deux.yaml": OK_QUIZ.replace("id: ok", "id: deux").replace(
                "lesson: ok", "lesson: deux"
            ),
        },
    )
    assert course.problems == []
    assert course.question("deux", "q1") is not None and course.question("ok", "q1") is not None


# --- references ------------------------------------------------------------------------------------


def test_lesson_names_an_unknown_quiz(tmp_path):
    course = load(tmp_path, {BAD: LESSON + "quiz: okk\n"})
    # line 9 "quiz: okk": the reference itself, column 7
    assert found(course) == [(BAD, 9, 7, "error", "unknown_ref_hint")]
    assert course.problems[0].message == (
        "Référence inconnue : l'identifiant « okk » (quiz) n'existe pas (le plus proche : ok)."
    )
    assert course.lessons["casse"].quiz == "okk"
    assert course.quiz_for(course.lessons["casse"]) is None
    assert_rest_loads(course)


def test_quiz_names_an_unknown_lesson(tmp_path):
    quiz = OK_QUIZ.replace("id: ok", "id: seul", 1).replace("lesson: ok", "lesson: inconnue")
    course = load(tmp_path, {"quizzes/m/02-seul.yaml": quiz})
    # line 2 "lesson: inconnue": the value starts at column 9
    assert found(course) == [("quizzes/m/02-seul.yaml", 2, 9, "error", "unknown_ref")]
    assert "« inconnue »" in course.problems[0].message
    assert_rest_loads(course)


def test_lesson_names_an_unknown_glossary_term(tmp_path):
    course = load(tmp_path, {BAD: LESSON + "glossary: [terme, termes, absent]\n"})
    # line 9 "glossary: [terme, termes, absent]": each unknown item at its own column
    assert found(course) == [(BAD, 9, 19, "error", "unknown_ref_hint"), (BAD, 9, 27, "error", "unknown_ref")]
    messages = [p.message for p in course.problems]
    assert any("« termes » (terme du glossaire) n'existe pas (le plus proche : terme)" in m for m in messages)
    assert any("« absent » (terme du glossaire) n'existe pas" in m for m in messages)


def test_glossary_see_also_names_an_unknown_term(tmp_path):
    glossary = BASE["lessons/glossary.yaml"] + "    see_also: [inconnu]\n"
    course = load(tmp_path, {"lessons/glossary.yaml": glossary})
    # line 5 "    see_also: [inconnu]": the item at column 16
    assert found(course) == [("lessons/glossary.yaml", 5, 16, "error", "unknown_ref")]


def test_quiz_of_a_lesson_that_names_another_quiz_is_a_warning(tmp_path):
    quiz = OK_QUIZ.replace("id: ok", "id: autre", 1)
    course = load(tmp_path, {"quizzes/m/02-autre.yaml": quiz})
    assert found(course) == [("quizzes/m/02-autre.yaml", 1, 1, "warning", "quiz_lesson_mismatch")]
    assert course.errors == []


def test_a_refused_lesson_makes_its_quiz_reference_unknown(tmp_path):
    """Knock-on effect worth knowing: fix the first error and the second goes away."""
    course = load(tmp_path, {"lessons/m/01-ok.yaml": OK_LESSON.replace("title: Leçon valide", "title: no")})
    # The consequence comes right after its cause, says so and suggests no other lesson.
    assert found(course) == [
        ("lessons/m/01-ok.yaml", 2, 8, "error", "quote_it_bool"),
        (QUIZ, 2, 9, "error", "unknown_ref_broken"),
    ]
    consequence = course.problems[1]
    assert consequence.message.startswith("conséquence de l'erreur ci-dessus : ")
    assert "proche" not in consequence.message
    assert consequence.cause == ("lessons/m/01-ok.yaml", 2, 8)
    assert consequence.as_dict()["cause"] == {"path": "lessons/m/01-ok.yaml", "line": 2, "col": 8}


def test_an_unreadable_quiz_file_makes_the_lesson_reference_a_consequence_printed_after_it(tmp_path):
    # lessons/ sorts before quizzes/, yet the consequence in the lesson comes after its cause
    course = load(tmp_path, {QUIZ: 'id: ok\nlesson: ok\nquestions:\n  - id: "q1\n'})
    assert found(course) == [
        (QUIZ, 4, 9, "error", "yaml_unclosed_quote"),
        ("lessons/m/01-ok.yaml", 10, 7, "error", "unknown_ref_broken"),
    ]
    assert course.problems[1].message == (
        "conséquence de l'erreur ci-dessus : « ok » (quiz) n'a pas pu être lu : "
        "cette référence remarchera une fois l'erreur corrigée."
    )


def test_a_broken_glossary_makes_every_term_reference_a_consequence(tmp_path):
    course = load(
        tmp_path, {"lessons/glossary.yaml": "terms:\n  - id: terme\n    term: Terme\n\tdefinition: x\n"}
    )
    assert found(course) == [
        ("lessons/glossary.yaml", 4, 1, "error", "yaml_tab"),
        ("lessons/m/01-ok.yaml", 9, 12, "error", "unknown_ref_broken"),
    ]


def test_a_quiz_its_lesson_does_not_name_is_an_orphan_warning(tmp_path):
    course = load(tmp_path, {"lessons/m/01-ok.yaml": OK_LESSON.replace("quiz: ok\n", "")})
    assert found(course) == [(QUIZ, 2, 9, "warning", "orphan_quiz")]
    assert "ne sera jamais proposé" in course.problems[0].message


# --- rules of each question type ----------------------------------------------------------------------


def single(choices: str) -> str:
    return (
        "  - id: casse\n    type: single\n    prompt: Laquelle ?\n    choices:\n"
        + choices
        + "    explanation: Voilà.\n"
    )


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        (single("      - text: A\n      - text: B\n"), ["single_needs_one"]),
        (
            single("      - {text: A, correct: true}\n      - {text: B, correct: true}\n"),
            ["single_needs_one"],
        ),
        (single("      - {text: A, correct: true}\n"), ["choices_needs_two"]),
        (single("      - {text: A}\n"), ["single_needs_one", "choices_needs_two"]),
        (
            "  - id: casse\n    type: multiple\n    prompt: Lesquelles ?\n"
            "    choices: [{text: A}, {text: B}, {text: C, correct: false}]\n",
            ["multiple_needs_one"],
        ),
        (
            "  - id: casse\n    type: order\n    prompt: Dans l'ordre ?\n    items: [Seul]\n",
            ["order_needs_two"],
        ),
        (
            "  - id: casse\n    type: order\n    prompt: Dans l'ordre ?\n    items: [A, B, A]\n",
            ["order_distinct"],
        ),
        (
            "  - id: casse\n    type: match\n    prompt: Associez.\n    pairs:\n      - {left: A, right: Un}\n",
            ["match_needs_two"],
        ),
        (
            "  - id: casse\n    type: match\n    prompt: Associez.\n    pairs:\n      - {left: A, right: '1'}\n"
            "      - {left: A, right: '2'}\n",
            ["match_distinct"],
        ),
        (
            "  - id: casse\n    type: match\n    prompt: Associez.\n    pairs:\n      - {left: A, right: Un}\n"
            "      - {left: B, right: Un}\n",
            ["match_distinct"],
        ),
        ("  - id: casse\n    type: short\n    prompt: Quel mot ?\n    accept: []\n", ["short_needs_one"]),
        (
            "  - id: casse\n    type: short\n    prompt: Quel mot ?\n    accept: ['?!', '...']\n",
            ["short_needs_one"],
        ),
    ],
)
def test_question_that_cannot_be_answered_right_is_left_out(tmp_path, question, codes):
    course = load(tmp_path, with_question(question))
    # the rules are reported at the question: line 9, col 5
    assert [p for p in found(course) if p[3] == "error"] == [(QUIZ, 9, 5, "error", code) for code in codes]
    assert question_ids(course) == ["q1"]


def test_match_pair_right_side_must_be_text(tmp_path):
    question = (
        "  - id: casse\n    type: match\n    prompt: Associez.\n    pairs:\n      - {left: A, right: 1}\n"
    )
    course = load(tmp_path, with_question(question))
    # line 13 "      - {left: A, right: 1}": "{" at col 9, "left: A, " to col 18, "right: " 19-25, "1" col 26
    assert (QUIZ, 13, 26, "error", "quote_it_number") in found(course)


def test_short_with_an_empty_accepted_answer(tmp_path):
    question = "  - id: casse\n    type: short\n    prompt: Quel mot ?\n    accept: ['']\n"
    course = load(tmp_path, with_question(question))
    # line 12 "    accept: ['']": "    accept: [" is 13 characters, "''" at col 14
    assert [p for p in found(course) if p[3] == "error"] == [
        (QUIZ, 9, 5, "error", "short_needs_one"),
        (QUIZ, 12, 14, "error", "empty_text"),
    ]


def test_only_the_broken_question_is_left_out(tmp_path):
    questions = (
        "  - id: casse\n    type: order\n    prompt: Dans l'ordre ?\n    items: [Seul]\n"
        "    explanation: Voilà.\n"
        "  - id: bonne\n    type: order\n    prompt: Dans l'ordre ?\n    items: [Un, Deux]\n"
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(questions))
    assert found(course) == [(QUIZ, 9, 5, "error", "order_needs_two")]
    assert question_ids(course) == ["q1", "bonne"]


def test_quiz_without_any_valid_question_is_dropped_but_its_lesson_stays(tmp_path):
    quiz = (
        "id: ok\n"
        "lesson: ok\n"
        "questions:\n"
        "  - id: casse\n"  # 4: question at col 5
        "    type: order\n"
        "    prompt: Dans l'ordre ?\n"
        "    items: [Seul]\n"
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, {QUIZ: quiz})
    assert found(course) == [(QUIZ, 4, 5, "error", "order_needs_two")]
    assert "ok" not in course.quizzes
    assert course.quiz_for(course.lessons["ok"]) is None  # no unanswerable quiz reaches a learner


def test_quiz_with_an_empty_question_list(tmp_path):
    course = load(tmp_path, {QUIZ: "id: ok\nlesson: ok\nquestions: []\n"})  # "[]" is line 3, col 12
    assert found(course) == [(QUIZ, 3, 12, "error", "empty_value")]
    assert "ok" not in course.quizzes and "ok" in course.lessons


# --- no empty prompt or text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line_text", "col", "code"),
    [
        ("    prompt: ''", 13, "empty_text"),
        ('    prompt: "   "', 13, "empty_text"),
        ("    prompt: |\n      \n", 13, "empty_text"),
        ("    prompt:", 12, "quote_it_null"),
    ],
)
def test_empty_prompt(tmp_path, line_text, col, code):
    question = f"  - id: casse\n    type: short\n{line_text}\n    accept: [mot]\n    explanation: Voilà.\n"
    course = load(tmp_path, with_question(question))
    # the prompt is line 11
    assert found(course) == [(QUIZ, 11, col, "error", code)]
    assert question_ids(course) == ["q1"]


def test_empty_statement_and_choice_text(tmp_path):
    questions = (
        "  - id: vide\n"  # 9
        "    type: true_false\n"  # 10
        "    statement: ''\n"  # 11: value at col 16
        "    answer: true\n"
        "    explanation: Voilà.\n"
        "  - id: choix\n"  # 14
        "    type: single\n"
        "    prompt: Laquelle ?\n"
        "    choices:\n"
        "      - text: ' '\n"  # 18: "      - text: " is 14 characters, value at col 15
        "      - {text: B, correct: true}\n"
        "      - {text: C}\n"
        "    explanation: Voilà.\n"
    )
    course = load(tmp_path, with_question(questions))
    # the blank choice is left out (reported); the question keeps its two other choices
    assert found(course) == [(QUIZ, 11, 16, "error", "empty_text"), (QUIZ, 18, 15, "error", "empty_text")]
    assert question_ids(course) == ["q1", "choix"]
    assert [c.text for c in course.question("ok", "choix").choices] == ["B", "C"]


def test_empty_section_text(tmp_path):
    course = load(tmp_path, {BAD: LESSON.replace("text: Du texte.", "text: ''")})
    assert found(course) == [(BAD, 8, 11, "error", "empty_text")]
    assert "casse" not in course.lessons


# --- warnings -------------------------------------------------------------------------------------------


def test_question_without_explanation_is_a_warning(tmp_path):
    course = load(
        tmp_path, with_question("  - id: nue\n    type: short\n    prompt: Mot ?\n    accept: [mot]\n")
    )
    assert found(course) == [(QUIZ, 9, 5, "warning", "no_explanation")]
    assert question_ids(course) == ["q1", "nue"]


# --- the messages themselves -------------------------------------------------------------------------


def _placeholders(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


MESSAGES = [(lang, key) for lang in ("FR", "EN") for key in getattr(messages_content, lang)]


@pytest.mark.parametrize(("lang", "key"), MESSAGES)
def test_every_content_message_formats(lang, key):
    text = getattr(messages_content, lang)[key]
    filled = text.format(**dict.fromkeys(_placeholders(text), "X"))
    assert "{" not in filled


def test_french_and_english_catalogues_have_the_same_keys():
    assert set(messages_content.FR) == set(messages_content.EN)


# --- competences ---------------------------------------------------------------------------------


def test_competences_written_as_plain_digcomp_codes_get_their_labels(tmp_path):
    course = load(
        tmp_path, {"lessons/m/module.yaml": 'title: Module\norder: 1\ncompetences: ["4.1", "4.2"]\n'}
    )
    assert course.problems == []
    assert [(c.code, c.label) for c in course.modules[0].competences] == [
        ("4.1", "Protéger les appareils"),
        ("4.2", "Protéger les données personnelles et la vie privée"),
    ]


def test_a_competence_code_outside_digcomp_needs_a_label(tmp_path):
    module = 'title: Module\norder: 1\ncompetences:\n  - "9.9"\n  - code: "A1"\n    label: Mon référentiel\n'
    course = load(tmp_path, {"lessons/m/module.yaml": module})
    assert found(course) == [("lessons/m/module.yaml", 4, 5, "error", "unknown_competence")]
    assert [c.label for c in course.modules[0].competences] == ["Mon référentiel"]


# --- what a learner would miss in a section -----------------------------------------------------------


def test_images_are_named_at_their_line_missing_or_not_shown(tmp_path):
    lesson = OK_LESSON.replace(
        "    text: Du texte.\n",
        (
            "    text: |\n"  # 8
            "      Regardez :\n"  # 9
            "      ![Un faux SMS](images/sms.png)\n"  # 10: missing file
            "      ![Le vrai site](vrai.png) et ![](vrai.png)\n"
        ),
    )  # 11: present, with and without alt text
    course = load(tmp_path, {"lessons/m/01-ok.yaml": lesson, "lessons/m/vrai.png": b"\x89PNG"})
    assert found(course) == [
        ("lessons/m/01-ok.yaml", 10, 1, "warning", "image_missing"),
        ("lessons/m/01-ok.yaml", 11, 1, "warning", "image_not_shown"),
        ("lessons/m/01-ok.yaml", 11, 1, "warning", "image_without_text"),
    ]
    assert "« Le vrai site »" in course.problems[1].message


def test_a_section_taller_than_the_screen_is_a_warning(tmp_path):
    text = "".join(f"      Ligne {n} d'une section bien trop longue.\n" for n in range(30))
    lesson = OK_LESSON.replace("    text: Du texte.\n", "    text: |\n" + text)
    course = load(tmp_path, {"lessons/m/01-ok.yaml": lesson})
    assert found(course) == [("lessons/m/01-ok.yaml", 7, 5, "warning", "section_too_tall")]
    assert "environ 30 lignes" in course.problems[0].message


def test_a_no_break_space_before_the_colon_is_said_and_the_key_still_read(tmp_path):
    course = load(
        tmp_path,
        {"lessons/m/01-ok.yaml": OK_LESSON.replace("title: Leçon valide", "title\u00a0: Leçon valide")},
    )
    assert found(course) == [("lessons/m/01-ok.yaml", 2, 1, "error", "key_odd_space")]
    assert course.lessons["ok"].title == "Leçon valide"
