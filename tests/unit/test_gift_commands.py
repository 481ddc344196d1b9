"""The functions behind `atelier gift import/export`: files, streams, exit codes, no Textual."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from course.i18n import set_language
from course.interchange.commands import gift_export, gift_import
from course.interchange.gift_reader import read_gift
from course.interchange.yaml_writer import SCHEMA_LINE
from tests.unit.test_gift_writer import arrowed

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"
ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def test_import_to_a_file_reports_and_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "moodle-questions.gift"
    source.write_bytes((FIXTURES / "moodle-questions.gift.txt").read_bytes())
    out, stream = tmp_path / "quiz.yaml", io.StringIO()
    assert gift_import(source, out, None, "ma-lecon", stream) == 1
    quiz = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert quiz["id"] == "moodle-questions" and quiz["lesson"] == "ma-lecon"
    assert len(quiz["questions"]) == 7
    report = stream.getvalue()
    assert report.count("Non convertie — ") == 2
    assert report.endswith(f"{out} écrit : 7 questions converties, 2 non converties.\n")
    text = out.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE + "\n# Importé de moodle-questions.gift (GIFT)")
    assert "#     ::Q8:: How are you? {}\n" in text  # the skipped source, kept as a comment
    assert "  # À vérifier — ligne 5, « Moodle activities »" in text


def test_import_to_the_stream_keeps_notices_as_comments(tmp_path: Path) -> None:
    source = tmp_path / "Mon quiz é.gift"
    source.write_bytes(b"\xef\xbb\xbf::A:: Vrai ?{T####Oui.}\r\n")
    stream = io.StringIO()
    assert gift_import(source, None, None, None, stream) == 0
    quiz = yaml.safe_load(stream.getvalue())
    assert quiz["id"] == "mon-quiz-e"
    assert quiz["questions"] == [
        {"id": "a", "type": "true_false", "statement": "Vrai ?", "answer": True, "explanation": "Oui."}
    ]


def test_import_messages_can_go_elsewhere(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("::A:: Q ?{=a ~b}\n\n::B:: Essai{}\n", encoding="utf-8")
    stream, messages = io.StringIO(), io.StringIO()
    assert gift_import(source, None, "quiz", None, stream, messages) == 1
    assert yaml.safe_load(stream.getvalue())["questions"][0]["id"] == "a"
    assert "Non convertie — ligne 3, « B »" in messages.getvalue()
    assert messages.getvalue().endswith("1 question convertie, 1 non convertie.\n")


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "fichier introuvable"),
        (b"\xff\xfe::A::", "n'est pas en UTF-8"),
    ],
)
def test_unreadable_input_exits_2(tmp_path: Path, content: bytes | None, expected: str) -> None:
    source = tmp_path / "q.gift"
    if content is not None:
        source.write_bytes(content)
    stream = io.StringIO()
    assert gift_import(source, tmp_path / "out.yaml", None, None, stream) == 2
    assert expected in stream.getvalue()
    assert not (tmp_path / "out.yaml").exists()


def test_nothing_convertible_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("Essai{}\n", encoding="utf-8")
    stream = io.StringIO()
    assert gift_import(source, tmp_path / "out.yaml", None, None, stream) == 1
    assert "rien n'a été écrit" in stream.getvalue()
    assert not (tmp_path / "out.yaml").exists()


def test_import_never_replaces_an_existing_quiz(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("Q ?{T}\n", encoding="utf-8")
    out, stream = tmp_path / "01-quiz.yaml", io.StringIO()
    out.write_text("# mon quiz écrit à la main\n", encoding="utf-8")
    assert gift_import(source, out, None, None, stream) == 2
    assert out.read_text(encoding="utf-8") == "# mon quiz écrit à la main\n"
    assert stream.getvalue() == (
        f"{out} existe déjà : rien n'a été écrit. Choisissez un autre nom avec -o, "
        "ou ajoutez --force pour le remplacer (l'ancien fichier sera gardé sous le nom "
        "01-quiz.yaml.bak).\n"
    )


def test_import_with_force_keeps_the_old_quiz_as_a_backup(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("Q ?{T}\n", encoding="utf-8")
    out = tmp_path / "01-quiz.yaml"
    for round_ in ("premier", "second"):
        out.write_text(f"# {round_}\n", encoding="utf-8")
        assert gift_import(source, out, None, None, io.StringIO(), force=True) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["questions"][0]["type"] == "true_false"
    assert (tmp_path / "01-quiz.yaml.bak").read_text(encoding="utf-8") == "# premier\n"
    assert (tmp_path / "01-quiz.yaml.2.bak").read_text(encoding="utf-8") == "# second\n"


def test_atelier_aiken_import_refuses_to_overwrite(tmp_path: Path) -> None:
    source = tmp_path / "q.txt"
    source.write_text("Question ?\nA) Oui\nB) Non\nANSWER: A\n", encoding="utf-8")
    out = tmp_path / "quiz.yaml"
    out.write_text("id: mien\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "aiken", "import", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "existe déjà" in result.stderr
    assert out.read_text(encoding="utf-8") == "id: mien\n"


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("Q ?{T}\n", encoding="utf-8")
    stream = io.StringIO()
    assert gift_import(source, tmp_path / "absent" / "out.yaml", None, None, stream) == 2
    assert "Impossible d'écrire" in stream.getvalue()


def test_export_to_a_file(tmp_path: Path) -> None:
    out, stream = tmp_path / "quiz.gift", io.StringIO()
    assert gift_export(FIXTURES / "quiz-all-types.yaml", out, stream) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("// Exporté du quiz « desinformation-sift » (leçon « desinformation-sift »)")
    assert len(read_gift(text).quiz["questions"]) == 6
    assert "remise en ordre" in stream.getvalue()
    assert stream.getvalue().endswith("6 questions converties, 0 non convertie.\n")


def test_export_to_the_stream_puts_notices_in_gift_comments(tmp_path: Path) -> None:
    stream = io.StringIO()
    assert gift_export(FIXTURES / "quiz-all-types.yaml", None, stream) == 0
    text = stream.getvalue()
    assert "// À vérifier — question « etapes-sift » : remise en ordre" in text
    assert read_gift(text).quiz["questions"][0]["id"] == "premiere-etape"


def test_export_partial_exits_1(tmp_path: Path) -> None:
    quiz = tmp_path / "quiz.yaml"
    quiz.write_text(
        "id: q\nlesson: q\nquestions:\n"
        "  - {id: a, type: true_false, statement: Oui, answer: true}\n"
        "  - {id: b, type: essay, prompt: Racontez}\n",
        encoding="utf-8",
    )
    out, stream = tmp_path / "quiz.gift", io.StringIO()
    assert gift_export(quiz, out, stream) == 1
    assert "::a::" in out.read_text(encoding="utf-8")
    assert "Non convertie — question « b »" in stream.getvalue()


@pytest.mark.parametrize(
    "content, expected",
    [
        ("id: [unclosed\n", "YAML invalide"),
        ("- just\n- a list\n", "n'est pas un quiz"),
        ("id: q\nquestions: 3\n", "n'est pas un quiz"),
    ],
)
def test_export_of_a_bad_quiz_exits_2(tmp_path: Path, content: str, expected: str) -> None:
    quiz = tmp_path / "quiz.yaml"
    quiz.write_text(content, encoding="utf-8")
    stream = io.StringIO()
    assert gift_export(quiz, tmp_path / "out.gift", stream) == 2
    assert expected in stream.getvalue()


def test_full_round_trip_through_files(tmp_path: Path) -> None:
    gift, back, stream = tmp_path / "desinformation-sift.gift", tmp_path / "back.yaml", io.StringIO()
    assert gift_export(FIXTURES / "quiz-all-types.yaml", gift, stream) == 0
    assert gift_import(gift, back, None, None, stream) == 0
    original = yaml.safe_load((FIXTURES / "quiz-all-types.yaml").read_text(encoding="utf-8"))
    reloaded = yaml.safe_load(back.read_text(encoding="utf-8"))
    original["questions"][0]["explanation"] = original["questions"][0]["explanation"].strip()
    original["questions"] = arrowed(original["questions"])
    assert reloaded == original


def test_interchange_never_imports_textual() -> None:
    code = (
        "import sys, course.interchange.commands; "
        "sys.exit(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_import_keeps_only_questions_the_validator_accepts(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("::bon:: Vrai ?{T}\n\n::ponctuation:: Le signe ?{=:}\n", encoding="utf-8")
    out, stream = tmp_path / "quiz.yaml", io.StringIO()
    assert gift_import(source, out, None, None, stream) == 1
    assert [q["id"] for q in yaml.safe_load(out.read_text(encoding="utf-8"))["questions"]] == ["bon"]
    assert "non importée, « atelier validate » la refuserait : Une question « short »" in stream.getvalue()
