"""GIFT import: Moodle's own fixture, every supported tournure, every reported one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from course.i18n import set_language
from course.interchange import PLACEHOLDER_EXPLANATION, slugify
from course.interchange.gift_reader import html_to_markdown, read_gift, split_blocks

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def _questions(text: str) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in read_gift(text).quiz["questions"]}


def _count_questions(text: str) -> int:
    """Blocks of non-blank lines that are not only comments: what a GIFT reader must account for."""
    count, body = 0, False
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            count, body = count + body, False
        elif not line.strip().startswith("//"):
            body = True
    return count


# --- Moodle's fixture -------------------------------------------------------------------------


def test_moodle_fixture_every_question_imported_or_reported() -> None:
    text = (FIXTURES / "moodle-questions.gift.txt").read_text(encoding="utf-8")
    result = read_gift(text, "moodle")
    assert _count_questions(text) == 9
    assert result.imported == 7
    assert result.skipped == 2
    assert result.imported + result.skipped == _count_questions(text)
    skipped = {(n.title, n.line, n.key) for n in result.notices if n.skipped}
    assert skipped == {("Q8", 2, "interchange.gift.essay"), ("Q5", 31, "interchange.gift.numerical")}


def test_moodle_fixture_contents() -> None:
    text = (FIXTURES / "moodle-questions.gift.txt").read_text(encoding="utf-8")
    moodle = read_gift(text)
    questions = {q["id"]: q for q in moodle.quiz["questions"]}
    assert list(questions) == [
        "moodle-activities",
        "q2",
        "colours",
        "shortanswer",
        "q1",
        "2-08-tsl",
        "2-08-tsl-2",
    ]
    match = questions["moodle-activities"]
    assert match["prompt"] == "Match the **activity** to the description."
    assert [p["right"] for p in match["pairs"]] == ["Forum", "Choice", "Database", "Wiki"]
    assert questions["q2"]["choices"] == [
        {"text": "yellow", "correct": True, "feedback": "right; good!"},
        {"text": "red", "feedback": "wrong, it's yellow"},
        {"text": "blue", "feedback": "wrong, it's yellow"},
    ]
    assert questions["colours"]["type"] == "multiple"
    assert [c["text"] for c in questions["colours"]["choices"] if c.get("correct")] == ["yellow", "off-beige"]
    assert questions["shortanswer"]["accept"] == ["Frog"]
    assert questions["q1"]["answer"] is False
    # Moodle shows the wrong-answer feedback to wrong answers only: it is kept for the trainer, not merged
    assert (
        questions["q1"]["explanation"] == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    )
    assert any(
        n.key == "interchange.gift.wrong_feedback" and "42 is the Ultimate Answer." in n.message()
        for n in moodle.notices
        if n.question_id == "q1"
    )
    assert questions["2-08-tsl"]["answer"] is True and questions["2-08-tsl-2"]["answer"] is True


def test_moodle_fixture_losses_are_named() -> None:
    text = (FIXTURES / "moodle-questions.gift.txt").read_text(encoding="utf-8")
    messages = "\n".join(n.message() for n in read_gift(text).notices)
    assert "« Chat »" in messages  # matching distractor
    assert "« Cat »" in messages  # 50 % short answer
    assert "You gave the right answer." in messages  # right-side true/false feedback
    assert "Good!" in messages  # per-answer short feedback
    assert "ligne 2, « Q8 »" in messages and "ligne 31, « Q5 »" in messages


# --- The French sample --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Any:
    return read_gift((FIXTURES / "atelier.gift").read_text(encoding="utf-8"), "atelier", "lecon")


def test_sample_counts(sample: Any) -> None:
    text = (FIXTURES / "atelier.gift").read_text(encoding="utf-8")
    assert sample.imported == 13 and sample.skipped == 7
    assert sample.imported + sample.skipped + 1 == _count_questions(text)  # + the $CATEGORY block
    assert sample.quiz["id"] == "atelier" and sample.quiz["lesson"] == "lecon"


def test_category_is_a_notice_and_a_comment(sample: Any) -> None:
    assert sample.comments == ["Moodle $CATEGORY: $course$/Désinformation/Leçon 3"]
    assert any(n.key == "interchange.gift.category" and n.line == 4 for n in sample.notices)


def test_single_choice_with_feedback_and_general_feedback(sample: Any) -> None:
    question = sample.quiz["questions"][0]
    assert question["id"] == "sift-1" and question["type"] == "single"
    assert question["choices"][1] == {
        "text": "Je m'arrête et je regarde qui publie",
        "correct": True,
        "feedback": "Oui : c'est le « S » (Stop) de SIFT.",
    }
    assert question["explanation"].startswith("SIFT : Stop")


def test_reported_questions_have_line_and_reason(sample: Any) -> None:
    skipped = {n.line: n.key.rsplit(".", 1)[1] for n in sample.notices if n.skipped}
    assert skipped == {
        48: "essay",
        50: "description",
        52: "numerical",
        54: "numerical",
        56: "several_right",
        60: "no_right",
        62: "braces",
    }
    essay = next(n for n in sample.notices if n.line == 48)
    assert essay.message().startswith("ligne 48, « Essai » : question ouverte")
    assert "::Essai::" in essay.source


def test_ids_from_titles_and_prompts(sample: Any) -> None:
    ids = [q["id"] for q in sample.quiz["questions"]]
    assert "quels-indices-suggerent-un-faux-compte" in ids
    assert ids[-2:] == ["qu-est-ce-que-l-illectronisme", "qu-est-ce-que-l-illectronisme-2"]
    assert len(set(ids)) == len(ids)
    assert all(slugify(i) == i for i in ids)


def test_formats_and_escapes(sample: Any) -> None:
    questions = {q["id"]: q for q in sample.quiz["questions"]}
    assert questions["echappements"]["prompt"] == (
        "Les caractères ~ = # { } : et la barre \\ s'échappent.\nDeuxième ligne."
    )
    assert questions["echappements"]["choices"][0]["text"] == "Oui, avec \\"
    html_question = questions["html"]
    assert html_question["prompt"] == "Quel service **public** accompagne les démarches en ligne ?"
    assert html_question["choices"][0]["feedback"] == "*Oui*, près de chez vous."
    assert html_question["explanation"] == "Voir [le site officiel](https://www.france-services.gouv.fr)."
    assert questions["plain"]["statement"] == "Une affirmation *toujours* vraie."


def test_missing_word_gets_a_blank(sample: Any) -> None:
    question = next(q for q in sample.quiz["questions"] if "_____" in q.get("prompt", ""))
    assert question["prompt"].endswith("la lecture _____.")
    assert [c.get("correct", False) for c in question["choices"]] == [False, True, False]
    keys = {n.key for n in sample.notices if n.question_id == question["id"]}
    assert keys == {"interchange.gift.blank", "interchange.gift.placeholder"}


def test_partial_credit_and_placeholders(sample: Any) -> None:
    questions = {q["id"]: q for q in sample.quiz["questions"]}
    assert [c.get("correct", False) for c in questions["partiel"]["choices"]] == [True, False, False]
    notes = {n.key for n in sample.notices if n.question_id == "partiel"}
    assert notes == {"interchange.gift.partial_single", "interchange.gift.placeholder"}
    assert questions["partiel"]["explanation"] == PLACEHOLDER_EXPLANATION
    bubble = questions["comment-s-appelle-l-enfermement-dans-des"]
    assert bubble["accept"] == ["bulle de filtres", "bulle de filtre"]


def test_true_false_feedbacks(sample: Any) -> None:
    questions = {q["id"]: q for q in sample.quiz["questions"]}
    assert questions["vrai-avec-retours"] == {
        "id": "vrai-avec-retours",
        "type": "true_false",
        "statement": "Cette affirmation est vraie.",
        "answer": True,
        "explanation": PLACEHOLDER_EXPLANATION,
    }
    assert any(
        n.key == "interchange.gift.wrong_feedback" and "Relisez la leçon." in n.message()
        for n in sample.notices
    )
    assert any(n.key == "interchange.gift.right_feedback" and "Bravo." in n.message() for n in sample.notices)


# --- Small cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("answer, value", [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)])
def test_true_false_spellings(answer: str, value: bool) -> None:
    question = read_gift(f"Affirmation.{{{answer}####Parce que.}}").quiz["questions"][0]
    assert question["answer"] is value and question["explanation"] == "Parce que."


def test_wrong_feedback_is_kept_apart_from_the_explanation_every_learner_reads() -> None:
    result = read_gift("Affirmation.{T#Faux, car…#Bien.####En bref.}")
    assert result.quiz["questions"][0]["explanation"] == "En bref."
    assert [n.key for n in result.notices if "Faux, car…" in n.message()] == [
        "interchange.gift.wrong_feedback"
    ]


def test_empty_answers_are_dropped_as_moodle_does() -> None:
    # A real teacher bank writes {~=some~a few}: Moodle drops the empty answer before "=some".
    result = read_gift("How much? {~=some~a few}\n\nHow many? {~~=lots~=none ~ few}\n")
    assert [q["choices"] for q in result.quiz["questions"]][0] == [
        {"text": "some", "correct": True},
        {"text": "a few"},
    ]
    assert len(result.quiz["questions"]) == 1  # the second has two right answers: reported, not guessed
    assert result.skipped == 1


def test_weights_media_and_html_spaces_are_reported_or_cleaned() -> None:
    text = (
        '::P:: Lesquelles ? <img src="@@PLUGINFILE@@/a.png">{~%60%un ~%40%deux ~%-100%trois}\n\n'
        "::N:: Laquelle ?{=&nbsp;oui ~%-50%non}\n"
    )
    result = read_gift(text)
    keys = {(n.question_id, n.key) for n in result.notices}
    assert {
        ("p", "interchange.gift.media"),
        ("p", "interchange.gift.partial_multiple"),
        ("n", "interchange.gift.negative_weights"),
    } <= keys
    assert result.quiz["questions"][1]["choices"][0]["text"] == "oui"


def test_comments_crlf_and_bom() -> None:
    text = "\ufeff// commentaire\r\n::A:: Question ?{\r\n// au milieu\r\n=oui\r\n~non\r\n}\r\n"
    result = read_gift(text)
    assert result.quiz["questions"][0]["choices"] == [{"text": "oui", "correct": True}, {"text": "non"}]
    assert result.notices[0].line == 2


def test_match_pairs_must_be_distinct() -> None:
    result = read_gift("::M:: Associez.{=a -> x =b -> x}")
    assert result.imported == 0 and result.notices[0].key == "interchange.gift.match_pairs"


def test_short_answer_wildcards_and_zero_weights_are_reported() -> None:
    result = read_gift("::S:: Mot ?{=mot =%0%faux#Non. =mo*}")
    assert result.quiz["questions"][0]["accept"] == ["mot"]
    message = " ".join(n.message() for n in result.notices)
    assert "« faux »" in message and "« mo* »" in message and "« Non. »" in message


def test_hints_and_order_marks_from_comments() -> None:
    text = (
        "// atelier-type: order\n// atelier-hint: D'abord \\: ceci\n"
        "::ordre:: Rangez.{=1 -> a =2 -> b ####Voilà.}"
    )
    question = read_gift(text).quiz["questions"][0]
    assert question == {
        "id": "ordre",
        "type": "order",
        "prompt": "Rangez.",
        "items": ["a", "b"],
        "explanation": "Voilà.",
        "hints": ["D'abord : ceci"],
    }


def test_split_blocks_lines() -> None:
    blocks = split_blocks("// a\n\n  Q1 {T}\n\n\n// c\nQ2\n{F}\n")
    assert [(b.line, b.lines) for b in blocks] == [(3, ["Q1 {T}"]), (7, ["Q2", "{F}"])]


def test_html_to_markdown_keeps_every_word() -> None:
    html = (
        "<p>Voir <a href='https://x.example'>le <b>site</b></a> &amp; <em>la</em> liste :</p>"
        "<ul><li>un</li><li>deux</li></ul><script>cache()</script>a < b<br/>fin"
    )
    assert html_to_markdown(html) == (
        "Voir [le **site**](https://x.example) & *la* liste :\n\n- un\n- deux\n\na < b\nfin"
    )


def test_moodle_format_with_tags_is_converted() -> None:
    question = read_gift("Un mot en <b>gras</b> ?{=oui ~non}").quiz["questions"][0]
    assert question["prompt"] == "Un mot en **gras** ?"
    plain = read_gift("Est-ce que 2 < 3 et 4 > 1 ?{T}").quiz["questions"][0]
    assert plain["statement"] == "Est-ce que 2 < 3 et 4 > 1 ?"


def test_english_notices() -> None:
    set_language("en")
    try:
        notice = read_gift("::E:: Essay?{}").notices[0]
        assert notice.message() == (
            "line 1, “E”: open question (essay, empty “{}”): no equivalent in quizzes, not imported."
        )
    finally:
        set_language("fr")


def test_imported_quiz_passes_the_course_validator(tmp_path: Path) -> None:
    """The converted file is a valid quiz for the app's own loader and checks."""
    loader = pytest.importorskip("course.content.loader")
    checks = pytest.importorskip("course.content.checks")
    from course.content.model import Quiz
    from course.interchange.yaml_writer import dump_quiz

    result = read_gift((FIXTURES / "atelier.gift").read_text(encoding="utf-8"), "atelier")
    path = tmp_path / "atelier.yaml"
    path.write_text(dump_quiz(result.quiz, result.comments), encoding="utf-8")
    quiz, problems = loader.load_file(Quiz, path, tmp_path, "quiz")
    # Only the provisional explanations are named, for the trainer to write.
    assert [p.code for p in problems if p.code != "leftover_text"] == []
    assert len(quiz.questions) == result.imported
    assert [p for q in quiz.questions for p in checks.question_problems(q)] == []
