"""Real question banks through `atelier gift/aiken import`, as a trainer would run it.

Fixtures (origin and licence in tests/fixtures/interchange/README.md): Moodle's own
Aiken importer fixtures and two public GIFT banks from UCLouvain's guestquiz plugin.
Every figure below was counted by hand in the source file, not read from the output.
"""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from course.content.loader import load_course
from course.i18n import set_language
from course.interchange.commands import aiken_import, gift_import

FIXTURES = Path(__file__).parents[1] / "fixtures"
BANKS = FIXTURES / "interchange"

# Words an untranslated notice would show; none of them is French.
ENGLISH = {
    "the", "and", "not", "with", "without", "line", "error", "warning", "skipped", "missing",
    "answer", "answers", "feedback", "numerical", "essay", "matching", "category", "converted",
    "check", "invalid", "written", "should", "file", "sound",
}  # fmt: skip
TITLE = re.compile(r"« [^»]*»")  # titles and quotes come from the bank itself


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def run_import(tmp_path: Path, bank: str, command=gift_import) -> tuple[int, dict, list[str], str]:
    """Import `bank` into a tiny course as lesson « alpha-deux »'s quiz; exit code, quiz, notices, file."""
    course = tmp_path / "cours"
    shutil.copytree(FIXTURES / "mini", course)
    out = course / "quizzes" / "alpha" / "02-deux.yaml"
    out.unlink()
    source = tmp_path / bank
    source.write_bytes((BANKS / bank).read_bytes())
    messages = io.StringIO()
    code = command(source, out, "alpha-deux", "alpha-deux", io.StringIO(), messages)
    text = out.read_text(encoding="utf-8")
    return code, yaml.safe_load(text), messages.getvalue().splitlines(), text


def validate(tmp_path: Path) -> None:
    """What `atelier validate` would say about the tiny course: no error at all."""
    course = load_course(tmp_path / "cours")
    assert [p.message for p in course.errors] == []
    assert len(course.quizzes["alpha-deux"].questions) > 0


def english_words(lines: list[str], tmp_path: Path) -> set[str]:
    """English words in the notices, leaving out the bank's own titles and the file's path."""
    said = [TITLE.sub("", line.replace(str(tmp_path), "")) for line in lines]
    words = {w.lower() for line in said for w in re.findall(r"[^\W\d_]+", line)}
    return words & ENGLISH


def test_uclouvain_bank_imports_all_31_questions_and_flags_its_6_images(tmp_path: Path) -> None:
    code, quiz, notices, text = run_import(tmp_path, "uclouvain-recherche-documentaire.gift")
    assert code == 0
    questions = quiz["questions"]
    assert len(questions) == 31  # Cert1-12 without Cert3, S1Q1-5, S2Q1-10, S3Q1-5
    assert Counter(q["type"] for q in questions) == {"single": 18, "multiple": 13}
    assert notices[-1].endswith("écrit : 31 questions converties, 0 non convertie.")
    media = [line for line in notices if "image, son ou fichier de Moodle" in line]
    assert [re.search(r"« (\w+) »", line).group(1) for line in media] == [
        "Cert4", "S2Q10", "S2Q6", "S2Q7", "S2Q8", "S2Q9",
    ]  # fmt: skip
    assert all(line.startswith("À vérifier — ") for line in media)
    assert notices[0].startswith("À vérifier — ligne 2, « $course$/top/Défaut pour Louv23x/Module 2 »")
    assert len(notices) == 1 + 6 + 1  # the category, the six images, the summary
    assert text.count("# À vérifier — ") == 6 and "# Moodle $CATEGORY: $course$/top/" in text
    assert english_words(notices, tmp_path) == set()
    validate(tmp_path)


def test_uclouvain_bank_keeps_french_text_escapes_and_multiple_answers(tmp_path: Path) -> None:
    _, quiz, _, _ = run_import(tmp_path, "uclouvain-recherche-documentaire.gift")
    by_id = {q["id"]: q for q in quiz["questions"]}
    assert by_id["cert2"]["prompt"] == "L’élément de troncature astérisque * permet :"  # `\:` unescaped
    cert8 = by_id["cert8"]  # five answers at 20 %, three at 0 %
    assert [c["text"] for c in cert8["choices"] if c.get("correct")] == [
        "Film", "Rapport de statistiques", "Roman", "Article", "Photo",
    ]  # fmt: skip
    s2q3 = by_id["s2q3"]  # three answers at 33.33333 %
    assert sum(1 for c in s2q3["choices"] if c.get("correct")) == 3
    assert (
        "[https://doi.org/10.1787/e30b1bf2-fr](https://doi.org/10.1787/e30b1bf2-fr)"
        in by_id["s2q5"]["prompt"]
    )
    assert by_id["s1q2"]["explanation"].endswith("soumises *au copyright*.")
    texts = [str(v) for q in quiz["questions"] for v in q.values()]
    texts += [c["text"] for q in quiz["questions"] for c in q.get("choices", [])]
    assert not [t for t in texts if "&nbsp;" in t or "<p" in t or "\\n" in t or "\\:" in t]


def test_uclouvain_bold_words_stay_bold(tmp_path: Path) -> None:
    _, quiz, _, _ = run_import(tmp_path, "uclouvain-recherche-documentaire.gift")
    by_id = {q["id"]: q for q in quiz["questions"]}
    assert by_id["cert5"]["prompt"] == "Cochez l’affirmation **incorrecte.**"
    assert by_id["s3q2"]["prompt"].endswith("énoncée.\n\n**Obtenir une liste de documents scientifiques**")


def test_guestquiz_demo_bank_sets_aside_its_two_numerical_questions(tmp_path: Path) -> None:
    code, quiz, notices, text = run_import(tmp_path, "guestquiz-level1.sgift")
    assert code == 1
    assert [(q["id"], q["type"]) for q in quiz["questions"]] == [
        ("qli01", "true_false"),
        ("qli02", "single"),
        ("qli03", "multiple"),
        ("qli04", "short"),
        ("gift-control-characters", "single"),
    ]
    skipped = [line for line in notices if line.startswith("Non convertie — ")]
    assert skipped == [
        "Non convertie — ligne 32, « QLI05 » : question numérique : pas d'équivalent dans les quiz, non importée.",
        "Non convertie — ligne 38, « QLI06 » : question numérique : pas d'équivalent dans les quiz, non importée.",
    ]
    assert sum("pas de retour général (####)" in line for line in notices) == 5
    assert not any("image, son ou fichier" in line for line in notices)  # no media in this bank
    assert notices[-1].endswith("écrit : 5 questions converties, 2 non converties.")
    assert "#     ::QLI06:: What year was the Treaty of Rome signed?\n" in text
    escapes = quiz["questions"][4]["choices"]
    assert [c["text"] for c in escapes] == ["~", "=", "#", "{", "}", "\\"]
    assert escapes[5]["correct"] is True and escapes[0]["feedback"] == "~ is a control character."
    assert quiz["questions"][3]["prompt"] == "The city _____ is the capital of europe."
    assert english_words(notices, tmp_path) == set()
    validate(tmp_path)


def test_moodle_aiken_fixture_imports_both_questions(tmp_path: Path) -> None:
    code, quiz, notices, _ = run_import(tmp_path, "moodle-questions.aiken.txt", aiken_import)
    assert code == 0
    assert [[c.get("correct", False) for c in q["choices"]] for q in quiz["questions"]] == [
        [False, True, False, False],
        [True, False],
    ]
    assert quiz["questions"][1]["prompt"].endswith('<html class="cool"> & images:')
    assert sum("Aiken n'a pas d'explication" in line for line in notices) == 2
    assert notices[-1].endswith("écrit : 2 questions converties, 0 non convertie.")
    assert english_words(notices, tmp_path) == set()
    validate(tmp_path)


def test_moodle_aiken_errors_fixture_sets_aside_what_moodle_refuses(tmp_path: Path) -> None:
    """Moodle's test: errors on lines 3, 5 and 7, 18; « A good question » and the one without spaces kept."""
    code, quiz, notices, _ = run_import(tmp_path, "moodle-aiken-errors.txt", aiken_import)
    assert code == 1
    assert [q["prompt"] for q in quiz["questions"]] == ["A good question", "A second good question"]
    assert [c["text"] for c in quiz["questions"][1]["choices"]] == [
        "Incorrect (No space)",
        "Correct (No space)",
    ]
    assert quiz["questions"][1]["choices"][1]["correct"] is True
    assert [line for line in notices if line.startswith("Non convertie — ")] == [
        "Non convertie — ligne 1, « A question with too few answers » : moins de deux propositions : non importée.",
        "Non convertie — ligne 5, « ? » : propositions sans énoncé : non importées.",
        "Non convertie — ligne 14, « A question started but not finished » : "
        "pas de ligne « ANSWER: » après les propositions : non importée.",
    ]
    assert notices[-1].endswith("écrit : 2 questions converties, 3 non converties.")
    assert english_words(notices, tmp_path) == set()
    validate(tmp_path)
