"""The loader reads files: the mini course, encodings, YAML syntax, tags, aliases, links, `atelier validate`.

Every broken course is built in `tmp_path` from a dict of file texts around one
valid lesson and quiz (`ok`), so each test shows the broken file it reads and
the `line:col` it expects (counted by hand, 1-based, in the comments), and checks
that the valid lesson still loads: one bad file never stops the others.
Encodings are committed under tests/fixtures/broken/encodings/ as `.bin` (so
that git's `*.yaml text eol=lf` never rewrites their bytes).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.content.build import make_inert
from course.content.loader import CourseNotFound, load_course
from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
MINI = FIXTURES / "mini"
BROKEN = FIXTURES / "broken"

from tests.unit.small_course import BAD, BASE, OK_LESSON, OK_QUIZ, assert_rest_loads, found, load, write  # noqa: F401, E402

# --- the miniature course -------------------------------------------------------------------------


def test_mini_course_loads_without_any_problem():
    course = load_course(MINI)
    assert course.problems == []
    assert course.title == "Mini parcours de test"
    assert [m.id for m in course.modules] == ["alpha", "beta"]
    assert [m.order for m in course.modules] == [1, 2]
    assert [lesson.id for lesson in course.ordered_lessons()] == ["alpha-un", "alpha-deux", "beta-un"]
    assert sorted(course.quizzes) == ["alpha-deux", "alpha-un"]
    assert list(course.glossary) == ["courriel", "navigateur", "mot-de-passe"]
    assert course.files_read == 9
    assert course.question_count() == 8
    assert course.lessons["beta-un"].quiz is None
    assert course.quiz_for(course.lessons["alpha-un"]).id == "alpha-un"
    assert course.lessons["alpha-un"].module == "alpha"
    assert course.lessons["beta-un"].module == "beta"


def test_mini_course_quiz_uses_all_six_types_in_a_stable_order():
    course = load_course(MINI)
    quiz = course.quizzes["alpha-un"]
    assert quiz.shuffle is False
    assert quiz.pass_ratio == 0.5
    assert [q.id for q in quiz.questions] == [
        "q-single",
        "q-multiple",
        "q-vf",
        "q-order",
        "q-match",
        "q-short",
    ]
    assert [type(q) for q in quiz.questions] == [
        SingleQuestion,
        MultipleQuestion,
        TrueFalseQuestion,
        OrderQuestion,
        MatchQuestion,
        ShortQuestion,
    ]
    single = quiz.questions[0]
    assert [c.correct for c in single.choices] == [False, True, False]
    assert single.hints == ["Pensez au facteur.", "C'est une boîte."]
    assert all(not q.hints for q in quiz.questions[1:])
    assert [c.correct for c in quiz.questions[1].choices] == [True, False, True]
    assert quiz.questions[2].answer is True
    assert quiz.questions[3].items == ["Écrire le message", "Indiquer le destinataire", "Envoyer"]
    assert [(p.left, p.right) for p in quiz.questions[4].pairs] == [
        ("Courriel", "Écrire à quelqu'un"),
        ("Navigateur", "Lire des pages web"),
    ]
    assert quiz.questions[5].accept == ["courriel", "mél"]
    second = course.quizzes["alpha-deux"]
    assert second.lesson == "alpha-deux" and second.shuffle is True and second.pass_ratio == 0.7
    assert [q.id for q in second.questions] == ["q-barre", "q-page"]


def test_positions_are_kept_for_error_messages():
    quiz = load_course(MINI).quizzes["alpha-un"]
    assert (quiz.pos.path, quiz.pos.line, quiz.pos.col) == ("quizzes/alpha/01-un.yaml", 1, 1)
    # "  - id: q-multiple" is line 17 of the file; the mapping starts after "  - ".
    assert (quiz.questions[1].pos.line, quiz.questions[1].pos.col) == (17, 5)


def test_base_of_these_tests_is_valid(tmp_path):
    course = load(tmp_path, {})
    assert course.problems == []
    assert_rest_loads(course)


def test_a_folder_without_lessons_is_not_a_course(tmp_path):
    with pytest.raises(CourseNotFound):
        load_course(tmp_path)


# --- encodings ----------------------------------------------------------------------------------


def encoded(name: str) -> bytes:
    return (BROKEN / "encodings" / name).read_bytes()


def test_utf16_is_refused_with_a_hint(tmp_path):
    data = encoded("utf16-bom.lesson.bin")
    assert data[:2] == b"\xff\xfe"  # the fixture is what it says
    course = load(tmp_path, {BAD: data})
    assert found(course) == [(BAD, 1, 1, "error", "encoding_utf16")]
    assert "UTF-8" in course.problems[0].message
    assert_rest_loads(course)


def test_utf32_is_refused_with_a_hint(tmp_path):
    course = load(tmp_path, {BAD: OK_LESSON.replace("id: ok", "id: u32").encode("utf-32")})
    assert found(course) == [(BAD, 1, 1, "error", "encoding_utf32")]


def test_latin1_is_refused_at_the_first_accent(tmp_path):
    data = encoded("latin1.lesson.bin")
    assert b"Le\xe7on" in data
    course = load(tmp_path, {BAD: data})
    # line 2 "title: Leçon en Latin-1": "title: " is 7 characters, "Le" 8-9, "ç" (0xE7) col 10.
    assert found(course) == [(BAD, 2, 10, "error", "encoding")]
    assert "0xE7" in course.problems[0].message
    assert_rest_loads(course)


def test_encoding_column_counts_characters_not_bytes(tmp_path):
    # line 2 "title: Déjà vu, leçon": é and à are valid UTF-8 (2 bytes each), ç is Latin-1.
    # "title: " 7 + "Déjà vu, le" 11 characters: ç is column 19 (21 if bytes were counted).
    course = load(tmp_path, {BAD: encoded("mixed.lesson.bin")})
    assert found(course) == [(BAD, 2, 19, "error", "encoding")]


def test_utf8_with_bom_and_crlf_is_accepted(tmp_path):
    data = encoded("utf8-bom-crlf.lesson.bin")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    course = load(tmp_path, {BAD: data})
    assert course.problems == []
    lesson = course.lessons["bom-crlf"]
    assert lesson.id == "bom-crlf"  # no BOM glued to the first key or value
    assert lesson.title == "Leçon avec BOM et CRLF"
    assert lesson.sections[0].text == "Du texte accentué."  # no stray \r
    assert_rest_loads(course)


def test_positions_in_a_bom_crlf_file_are_those_an_editor_shows(tmp_path):
    text = "id: crlf\r\ntitel: Faute de frappe\r\n"
    course = load(tmp_path, {BAD: b"\xef\xbb\xbf" + text.encode()})
    # line 2 col 1 is "titel"; the BOM does not shift line 1 either (missing keys point at 1:1).
    codes = found(course)
    assert (BAD, 2, 1, "error", "unknown_key_hint") in codes
    assert (BAD, 1, 1, "error", "missing_key") in codes


# --- YAML syntax --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "code"),
    [
        # an unquoted colon in a value: "title: Attention: piège", the second ":" is column 17
        ("id: casse\ntitle: Attention: piège\n", 2, 17, "yaml_colon"),
        # a tab used to indent line 3
        ("id: casse\nsections:\n\t- title: Section\n", 3, 1, "yaml_tab"),
        # a tab after the dash: "  -\ttitle", the tab is column 4
        ("id: casse\nsections:\n  -\ttitle: Section\n", 3, 4, "yaml_tab"),
        # a quote opened on line 2 and never closed: reported at the quote (line 2, col 8)
        ('id: casse\ntitle: "Titre\nsummary: Résumé.\n', 2, 8, "yaml_unclosed_quote"),
        # a key without its colon: the scanner notices on the next line, the key is on line 2
        ("id: casse\ntitle Titre\nsummary: Résumé.\n", 2, 1, "yaml_missing_colon"),
        # a list item one space too far left
        ("objectives:\n  - un\n - deux\n", 3, 2, "yaml_indent"),
        # two documents in one file
        ("id: casse\n---\nid: autre\n", 2, 1, "yaml_many_documents"),
        # an unknown backslash escape in double quotes is reported on line 1
        ('title: "C:\\dossier"\n', 1, None, "yaml_escape"),
    ],
)
def test_yaml_syntax_errors_are_explained_at_their_place(tmp_path, text, line, col, code):
    course = load(tmp_path, {BAD: text})
    (problem,) = course.problems
    assert (problem.path, problem.line, problem.severity, problem.code) == (BAD, line, "error", code)
    if col is not None:  # PyYAML and libyaml disagree by one on the escape's column
        assert problem.col == col
    assert_rest_loads(course)


def test_yaml_syntax_message_says_how_to_fix(tmp_path):
    course = load(tmp_path, {BAD: "id: casse\ntitle: Attention: piège\n"})
    assert "entre guillemets" in course.problems[0].message
    course = load(tmp_path / "2", {BAD: "id: casse\nsections:\n\t- title: Section\n"})
    assert "espaces" in course.problems[0].message


def test_unclosed_quote_message_is_fully_formatted(tmp_path):
    course = load(tmp_path, {BAD: 'id: casse\ntitle: "Titre\n'})
    assert "{detail}" not in course.problems[0].message


def test_raw_control_character_is_refused_at_its_place(tmp_path):
    # A raw ESC (0x1B) is not allowed in YAML at all: the file is refused, at the character.
    # line 2 "title: A<ESC>[31mB": "title: " 7, "A" 8, ESC column 9.
    course = load(tmp_path, {BAD: "id: casse\ntitle: A\x1b[31mB\n"})
    assert found(course) == [(BAD, 2, 9, "error", "yaml_special_char")]
    assert_rest_loads(course)


def test_raw_control_character_after_accents_is_placed_in_characters(tmp_path):
    # libyaml counts its position in bytes; the loader must still say line 2, column 10.
    course = load(tmp_path, {BAD: "id: éé\ntitle: Été\x07\n"})
    assert found(course) == [(BAD, 2, 11, "error", "yaml_special_char")]


def test_empty_file_is_named(tmp_path):
    course = load(tmp_path, {BAD: "# rien que des commentaires\n"})
    assert found(course) == [(BAD, 1, 1, "error", "empty_file")]
    assert_rest_loads(course)


@pytest.mark.parametrize("text", ["- une\n- liste\n", "juste du texte\n", "42\n"])
def test_a_file_that_is_not_a_mapping_is_refused(tmp_path, text):
    course = load(tmp_path, {BAD: text})
    assert found(course) == [(BAD, 1, 1, "error", "expected_mapping")]
    assert "leçon" in course.problems[0].message
    assert_rest_loads(course)


def test_duplicate_key_names_both_lines(tmp_path):
    text = (
        "id: casse\n"  # 1
        "title: Premier titre\n"  # 2
        "summary: Résumé.\n"  # 3
        "duration_min: 5\n"  # 4
        "objectives: [Un]\n"  # 5
        "sections:\n"  # 6
        "  - title: Section\n"  # 7
        "    text: Du texte.\n"  # 8
        "title: Second titre\n"  # 9: the second "title" key, column 1
    )
    course = load(tmp_path, {BAD: text})
    assert found(course) == [(BAD, 9, 1, "error", "duplicate_key")]
    assert "ligne 2" in course.problems[0].message
    # the first value is kept, the lesson loads, and the course is still invalid
    assert course.lessons["casse"].title == "Premier titre"
    assert_rest_loads(course)


def test_duplicate_key_in_a_nested_mapping(tmp_path):
    quiz = OK_QUIZ.replace("    answer: true\n", "    answer: true\n    answer: false\n")
    course = load(tmp_path, {"quizzes/m/01-ok.yaml": quiz})
    # "    answer: false" is line 8; its key starts at column 5
    assert found(course) == [("quizzes/m/01-ok.yaml", 8, 5, "error", "duplicate_key")]


# --- tags and aliases ---------------------------------------------------------------------------


def test_python_tag_is_refused_and_nothing_runs(tmp_path):
    witness = tmp_path / "pwned"
    text = (
        "id: casse\n"
        f'title: !!python/object/apply:os.system ["touch {witness}"]\n'
        "summary: Résumé.\n"
        "duration_min: 5\n"
        "objectives: [Un]\n"
        "sections:\n"
        "  - title: Section\n"
        "    text: Du texte.\n"
    )
    course = load(tmp_path, {BAD: text})
    assert not witness.exists()
    # the tag starts after "title: ", column 8 of line 2
    assert found(course) == [(BAD, 2, 8, "error", "tag")]
    assert "!!python/object/apply:os.system" in course.problems[0].message
    assert "casse" not in course.lessons  # title is required and was refused
    assert_rest_loads(course)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!include autre.yaml", "!include"),
        ("!!binary aGVsbG8=", "!!binary"),
    ],
)
def test_other_tags_are_refused(tmp_path, value, shown):
    course = load(tmp_path, {BAD: f"id: casse\ntitle: {value}\n"})
    assert (BAD, 2, 8, "error", "tag") in found(course)
    assert shown in next(p.message for p in course.problems if p.code == "tag")


def test_standard_tags_are_fine(tmp_path):
    course = load(tmp_path, {BAD: OK_LESSON.replace("id: ok", "id: !!str casse").replace("quiz: ok\n", "")})
    assert course.problems == []
    assert "casse" in course.lessons


def test_yaml_alias_is_refused(tmp_path):
    text = (
        "id: casse\n"  # 1
        "title: &t Mon titre\n"  # 2: the anchored node starts at column 8
        "summary: *t\n"  # 3: the alias reuses it
        "duration_min: 5\n"
        "objectives: [Un]\n"
        "sections:\n"
        "  - title: Section\n"
        "    text: Du texte.\n"
    )
    course = load(tmp_path, {BAD: text})
    # The composed tree cannot tell the alias from its anchor: the node is reported where it
    # was written first (2:8), and the message names the alias syntax (*nom).
    assert found(course) == [(BAD, 2, 8, "error", "alias")]
    assert "*nom" in course.problems[0].message
    assert "casse" not in course.lessons
    assert_rest_loads(course)


def test_billion_laughs_is_cut_short(tmp_path):
    lines = ["id: casse", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    course = load(tmp_path, {BAD: "\n".join(lines) + "\n"})
    assert "casse" not in course.lessons
    assert {p.code for p in course.problems} >= {"unknown_key", "missing_key"}
    assert_rest_loads(course)


def test_undefined_alias_is_read_as_a_text_to_quote(tmp_path):
    course = load(tmp_path, {BAD: "id: casse\ntitle: *rien\n"})
    # "*rien" starts at column 8 of line 2: a trainer meant a text (Markdown italics), not an alias
    assert found(course) == [(BAD, 2, 8, "error", "yaml_quote_start")]
    assert 'title: "*rien"' in course.problems[0].message


# --- control characters in text -----------------------------------------------------------------


def test_escaped_control_character_is_a_warning_and_made_inert(tmp_path):
    text = (
        "id: casse\n"
        'title: "Titre \\e[31mrouge\\e[0m"\n'  # line 2: the quoted scalar starts at column 8
        "summary: Résumé.\n"
        "duration_min: 5\n"
        "objectives: [Un]\n"
        "sections:\n"
        "  - title: Section\n"
        '    text: "Bidi \\u202e caché"\n'  # line 8: "    text: " is 10 characters, column 11
    )
    course = load(tmp_path, {BAD: text})
    assert found(course) == [
        (BAD, 2, 8, "warning", "control_chars"),
        (BAD, 8, 11, "warning", "control_chars"),
    ]
    assert course.errors == []
    lesson = course.lessons["casse"]
    assert "\x1b" not in lesson.title
    assert lesson.title == "Titre \u241b[31mrouge\u241b[0m"  # ␛ is visible and harmless
    assert lesson.sections[0].text == "Bidi \ufffd caché"
    assert_rest_loads(course)


def test_make_inert_keeps_tabs_newlines_and_accents():
    assert make_inert("Été\tà\nla « mer »") == "Été\tà\nla « mer »"
    assert make_inert("\x00\x07\x1b\x7f\x9b") == "\u2400\u2407\u241b\ufffd\ufffd"


# --- links and the course folder ------------------------------------------------------------------


def test_symlink_to_a_file_outside_the_course_is_refused(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(OK_LESSON.replace("id: ok", "id: dehors"), encoding="utf-8")
    root = write(tmp_path / "cours", {})
    (root / BAD).symlink_to(secret)
    course = load_course(root)
    assert found(course) == [(BAD, 1, 1, "error", "outside_course")]
    assert "dehors" not in course.lessons
    assert_rest_loads(course)


@pytest.mark.parametrize("rel", ["lessons/course.yaml", "lessons/glossary.yaml", "lessons/m/module.yaml"])
def test_symlinked_course_files_outside_the_course_are_refused(tmp_path, rel):
    outside = tmp_path / "ailleurs.yaml"
    outside.write_text("title: Pris ailleurs\nterms: []\n", encoding="utf-8")
    root = write(tmp_path / "cours", {rel: None})
    (root / rel).symlink_to(outside)
    course = load_course(root)
    assert (rel, 1, 1, "error", "outside_course") in found(course)
    assert course.title != "Pris ailleurs"
    assert all(m.title != "Pris ailleurs" for m in course.modules)


def test_symlinked_module_folder_outside_the_course_is_refused(tmp_path):
    elsewhere = write(tmp_path / "autre", {})
    root = write(tmp_path / "cours", {})
    (root / "lessons" / "z").symlink_to(elsewhere / "lessons" / "m", target_is_directory=True)
    course = load_course(root)
    assert ("lessons/z", 1, 1, "error", "outside_course") in found(course)
    assert [m.id for m in course.modules] == ["m"]


def test_symlink_inside_the_course_is_followed(tmp_path):
    root = write(
        tmp_path / "cours",
        {"partage/commun.yaml": OK_LESSON.replace("id: ok", "id: commun").replace("quiz: ok\n", "")},
    )
    (root / BAD).symlink_to(root / "partage" / "commun.yaml")
    course = load_course(root)
    assert course.problems == []
    assert "commun" in course.lessons


def test_file_too_big_is_refused_without_being_read(tmp_path):
    course = load(tmp_path, {BAD: b"id: gros\n" + b"# " + b"x" * (1024 * 1024) + b"\n"})
    assert found(course) == [(BAD, 1, 1, "error", "file_too_big")]
    assert_rest_loads(course)


def test_hidden_and_non_yaml_files_are_ignored(tmp_path):
    course = load(
        tmp_path,
        {
            "lessons/m/.02-cache.yaml": "::::",
            "lessons/m/notes.txt": "::::",
            "lessons/m/02-casse.yaml~": "::::",
            "lessons/_brouillons/x.yaml": "::::",
        },
    )
    assert course.problems == []


def test_module_without_module_yaml_is_named_and_its_lessons_still_load(tmp_path):
    lesson = OK_LESSON.replace("id: ok", "id: orphelin").replace("quiz: ok\n", "")
    course = load(tmp_path, {"lessons/n/01.yaml": lesson})
    assert found(course) == [("lessons/n/module.yaml", 1, 1, "error", "no_module_file")]
    assert course.lessons["orphelin"].module == "n"
    assert [m.id for m in course.modules] == ["m", "n"]  # a module without order comes last


def test_missing_course_yaml_is_a_warning(tmp_path):
    course = load(tmp_path, {"lessons/course.yaml": None})
    assert found(course) == [("lessons/course.yaml", 1, 1, "warning", "no_course_file")]
    assert course.title == "cours"


def test_yml_suffix_and_quizzes_at_the_top_of_quizzes_are_read(tmp_path):
    quiz = OK_QUIZ.replace("id: ok", "id: autre", 1)
    course = load(
        tmp_path, {"quizzes/m/01-ok.yaml": None, "quizzes/01-ok.yml": OK_QUIZ, "quizzes/02-autre.yml": quiz}
    )
    assert sorted(course.quizzes) == ["autre", "ok"]
    assert found(course) == [("quizzes/02-autre.yml", 1, 1, "warning", "quiz_lesson_mismatch")]


def test_one_bad_file_never_stops_the_others(tmp_path):
    """Many broken files at once: each is named, everything valid still loads."""
    good_two = OK_LESSON.replace("id: ok", "id: deux").replace("quiz: ok", "quiz: deux")
    files = {
        "lessons/m/02-deux-points.yaml": "id: a\ntitle: Attention: piège\n",
        "lessons/m/03-utf16.yaml": encoded("utf16-bom.lesson.bin"),
        "lessons/m/04-latin1.yaml": encoded("latin1.lesson.bin"),
        "lessons/m/05-vide.yaml": "",
        "lessons/m/06-balise.yaml": "id: !!python/object/apply:os.system [ls]\n",
        "lessons/m/07-deux.yaml": good_two,
        "lessons/n/module.yaml": "title: [pas, un, titre]\norder: 2\n",
        "lessons/n/01-tab.yaml": "id: t\n\ttitle: x\n",
        "quizzes/m/02-deux.yaml": OK_QUIZ.replace("id: ok", "id: deux").replace("lesson: ok", "lesson: deux"),
        "quizzes/m/03-casse.yaml": "id: c\nlesson: ok\nquestions: [\n",
    }
    course = load(tmp_path, files)
    assert sorted(course.lessons) == ["deux", "ok"]
    assert sorted(course.quizzes) == ["deux", "ok"]
    assert course.files_with_errors() == sorted(
        [
            "lessons/m/02-deux-points.yaml",
            "lessons/m/03-utf16.yaml",
            "lessons/m/04-latin1.yaml",
            "lessons/m/05-vide.yaml",
            "lessons/m/06-balise.yaml",
            "lessons/n/module.yaml",
            "lessons/n/01-tab.yaml",
            "quizzes/m/03-casse.yaml",
        ]
    )
    # a broken module.yaml still gives a module, named after its folder, placed last
    assert [m.id for m in course.modules] == ["m", "n"]
    assert course.modules[1].title == "n"
    assert [lesson.id for lesson in course.ordered_lessons()] == ["ok", "deux"]
    # problems come sorted by file, line and column
    assert found(course) == sorted(found(course), key=lambda p: (p[0], p[1], p[2]))


# --- atelier validate ---------------------------------------------------------------------------

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def run_validate(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_validate_a_valid_course(capsys):
    code, out, err = run_validate(capsys, str(MINI))
    assert code == 0
    assert err == ""
    assert out == (
        f"Parcours valide — {MINI} : 2 modules, 3 leçons, 2 quiz, 8 questions, 3 termes ; "
        "0 erreur, 0 avertissement, 9 fichiers lus.\n"
    )


def test_validate_prints_each_problem_then_a_summary(capsys, monkeypatch):
    root = BROKEN / "course"
    monkeypatch.chdir(root)  # paths are printed as an editor opens them from the current folder
    code, out, err = run_validate(capsys, str(root))
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 3
    first, second = (LINE.match(line) for line in lines[:2])
    assert first and second
    assert first.group("path", "line", "col", "sev") == ("lessons/m/02-deux-points.yaml", "2", "17", "error")
    assert first.group("msg").startswith("Deux-points inattendus : un texte qui contient « : » doit être")
    assert second.group("path", "line", "col", "sev") == ("quizzes/m/01-ok.yaml", "9", "5", "error")
    assert second.group("msg") == (
        "Une question « single » doit avoir exactement une proposition « correct: true » (ici : 2)."
    )
    assert lines[2] == (
        f"Parcours à corriger — {root} : 2 erreurs, 0 avertissement dans 5 fichiers lus ; "
        "chargés malgré tout : 1 leçon, 1 quiz, 1 question."
    )


def test_validate_warnings_alone_keep_exit_zero(tmp_path, capsys, monkeypatch):
    root = write(tmp_path / "cours", {"lessons/course.yaml": None})
    monkeypatch.chdir(root)
    code, out, _ = run_validate(capsys, str(root))
    assert code == 0
    assert out.splitlines()[0] == "lessons/course.yaml:1:1: warning: " + (
        "Pas de fichier lessons/course.yaml : le titre du parcours sera le nom du dossier."
    )
    assert "0 erreur, 1 avertissement" in out.splitlines()[1]


def test_validate_without_lessons_folder_cannot_run(tmp_path, capsys):
    code, out, err = run_validate(capsys, str(tmp_path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"Aucun parcours dans « {tmp_path} » : il faut un dossier lessons/")


def test_validate_a_folder_that_does_not_exist(tmp_path, capsys):
    code, out, err = run_validate(capsys, str(tmp_path / "nulle-part"))
    assert code == 2 and out == ""
    assert (
        err == f"« {tmp_path / 'nulle-part'} » n'existe pas : vérifiez le nom du dossier du parcours "
        "(atelier validate DOSSIER).\n"
    )
    assert "new course" not in err


def test_validate_a_file_names_the_course_that_holds_it(capsys):
    lesson = MINI / "lessons" / "alpha" / "module.yaml"
    code, out, err = run_validate(capsys, str(lesson))
    assert code == 2 and out == ""
    assert err.startswith(f"« {lesson} » : c'est un fichier, pas un dossier.")
    assert err.endswith(f"atelier validate {MINI}\n")


@pytest.mark.parametrize("where", ["nulle-part", "vide", "fichier.yaml"])
def test_validate_json_prints_json_on_every_exit(tmp_path, capsys, where):
    (tmp_path / "vide").mkdir()
    (tmp_path / "fichier.yaml").write_text("id: x\n", encoding="utf-8")
    code, out, err = run_validate(capsys, "--format", "json", str(tmp_path / where))
    report = json.loads(out)
    assert code == 2 and report["valid"] is False and report["problems"] == []
    assert (
        report["error"]["code"]
        == {"nulle-part": "missing", "vide": "not_found", "fichier.yaml": "is_file"}[where]
    )
    assert report["error"]["message"] + "\n" == err


def test_validate_prints_paths_an_editor_opens_from_the_current_folder(capsys, monkeypatch):
    monkeypatch.chdir(BROKEN)
    code, out, _ = run_validate(capsys, "course")
    assert out.splitlines()[0].startswith("course/lessons/m/02-deux-points.yaml:2:17: error: ")
    code, out, _ = run_validate(capsys, "--format", "json", "course")
    problem = json.loads(out)["problems"][0]
    assert (problem["path"], problem["file"]) == (
        "lessons/m/02-deux-points.yaml",
        "course/lessons/m/02-deux-points.yaml",
    )


def test_validate_json(capsys):
    code, out, err = run_validate(capsys, str(BROKEN / "course"), "--format", "json")
    assert code == 1 and err == ""
    report = json.loads(out)
    assert report["valid"] is False
    assert report["origin"] == "given"
    assert report["counts"] == {
        "files": 5,
        "modules": 1,
        "lessons": 1,
        "quizzes": 1,
        "questions": 1,
        "glossary": 0,
        "errors": 2,
        "warnings": 0,
    }
    assert [(p["path"], p["line"], p["col"], p["severity"], p["code"]) for p in report["problems"]] == [
        ("lessons/m/02-deux-points.yaml", 2, 17, "error", "yaml_colon"),
        ("quizzes/m/01-ok.yaml", 9, 5, "error", "single_needs_one"),
    ]
    assert all(
        set(p) == {"path", "file", "line", "col", "severity", "code", "message"} for p in report["problems"]
    )


def test_validate_json_of_a_valid_course(capsys):
    code, out, _ = run_validate(capsys, "--format", "json", str(MINI))
    report = json.loads(out)
    assert code == 0 and report["valid"] is True and report["problems"] == []
    assert report["counts"]["questions"] == 8 and report["counts"]["glossary"] == 3


def test_validate_without_dir_uses_the_current_folder(capsys, monkeypatch):
    monkeypatch.chdir(MINI)
    code, out, _ = run_validate(capsys)
    assert code == 0
    assert f"— {MINI} (dossier courant) :" in out


def test_validate_without_dir_nor_lessons_here_checks_the_bundled_course(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_validate(capsys, "--format", "json")
    report = json.loads(out)
    assert report["origin"] == "bundled"
    assert code == (0 if report["valid"] else 1)


def test_validate_in_english(capsys, monkeypatch):
    monkeypatch.setenv("ATELIER_LANG", "en")
    code, out, _ = run_validate(capsys, str(BROKEN / "course"))
    assert code == 1
    assert out.splitlines()[1].endswith(
        "A « single » question needs exactly one « correct: true » choice (here: 2)."
    )
    assert out.splitlines()[2].startswith("Course to fix — ")
    monkeypatch.setenv("ATELIER_LANG", "fr")
    run_validate(capsys, str(MINI))  # put French back for the tests that follow


def test_validate_with_lang_option(capsys):
    try:
        code = main(["--lang", "en", "validate", str(BROKEN / "course")])
    except SystemExit as exit_:
        code = exit_.code
    finally:
        main(["validate", str(MINI)])
        capsys.readouterr()
    assert code == 1


def test_validate_never_shows_a_traceback_on_a_very_broken_course(tmp_path, capsys):
    files = {
        "lessons/course.yaml": encoded("latin1.lesson.bin"),
        "lessons/glossary.yaml": "terms: beaucoup\n",
        "lessons/m/module.yaml": "- une liste\n",
        "lessons/m/01-ok.yaml": "id: [1, 2]\ntitle: {a: b}\nsummary: no\nduration_min: 1.5\n"
        "objectives: oui\nsections: {}\nglossary: terme\nsources: [[]]\ntrainer: x\n",
        "quizzes/m/01-ok.yaml": "id: ok\nlesson: ok\npass_ratio: beaucoup\nshuffle: yes\n"
        "questions:\n  - 12\n  - {type: []}\n  - {type: single, choices: x}\n"
        "  - {type: order, items: [[a]]}\n  - {type: match, pairs: [a, {left: []}]}\n",
        "quizzes/m/02.yaml": "\ufeff\x00",
        "quizzes/m/03.yaml": "[" * 5000,
    }
    root = write(tmp_path / "cours", files)
    code, out, err = run_validate(capsys, str(root))
    assert code == 1 and err == ""
    *problems, summary = out.splitlines()
    assert problems and all(LINE.match(line) for line in problems), problems
    assert summary.startswith("Parcours à corriger — ")
    code, out, _ = run_validate(capsys, str(root), "--format", "json")
    assert json.loads(out)["counts"]["errors"] == len(problems) - sum(": warning: " in p for p in problems)


def test_validate_exit_code_reaches_the_shell(tmp_path):
    script = "from course.cli import run; run()"
    cwd = Path(__file__).parents[2]
    for folder, expected in ((MINI, 0), (BROKEN / "course", 1), (tmp_path, 2)):
        result = subprocess.run(
            [sys.executable, "-c", script, "validate", str(folder)],
            cwd=cwd,
            capture_output=True,
            text=True,
            env={"ATELIER_LANG": "fr", "PATH": ""},
        )
        assert result.returncode == expected, result.stderr
        assert "Traceback" not in result.stderr


def test_copied_mini_course_gives_the_same_course(tmp_path):
    shutil.copytree(MINI, tmp_path / "copie")
    copy, original = load_course(tmp_path / "copie"), load_course(MINI)
    assert copy.lessons == original.lessons and copy.quizzes == original.quizzes


# --- files in the wrong place ----------------------------------------------------------------------


def test_a_quiz_saved_among_the_lessons_says_where_it_belongs(tmp_path):
    course = load(tmp_path, {"quizzes/m/01-ok.yaml": None, "lessons/m/03-quiz.yaml": OK_QUIZ})
    assert found(course) == [
        ("lessons/m/03-quiz.yaml", 1, 1, "error", "quiz_in_lessons"),
        ("lessons/m/01-ok.yaml", 10, 7, "error", "unknown_ref_broken"),
    ]
    assert "déplacez-le dans quizzes/m/" in course.problems[0].message


def test_a_lesson_saved_among_the_quizzes_says_where_it_belongs(tmp_path):
    lesson = OK_LESSON.replace("id: ok", "id: deux").replace("quiz: ok\n", "")
    course = load(tmp_path, {"quizzes/m/02-deux.yaml": lesson})
    assert found(course) == [("quizzes/m/02-deux.yaml", 1, 1, "error", "lesson_in_quizzes")]
    assert "lessons/m/" in course.problems[0].message


def test_files_saved_as_text_or_at_the_top_of_lessons_are_named(tmp_path):
    course = load(
        tmp_path,
        {
            "lessons/m/03-suite.yaml.txt": OK_LESSON,
            "lessons/04-seule.yaml": OK_LESSON,
            "quizzes/m/02-quiz.yml.txt": OK_QUIZ,
        },
    )
    assert found(course) == [
        ("lessons/04-seule.yaml", 1, 1, "warning", "misplaced_file"),
        ("lessons/m/03-suite.yaml.txt", 1, 1, "warning", "saved_as_text"),
        ("quizzes/m/02-quiz.yml.txt", 1, 1, "warning", "saved_as_text"),
    ]
    assert "Renommez-le « 03-suite.yaml »" in course.problems[1].message


def test_a_file_the_system_refuses_is_explained_in_french(tmp_path, monkeypatch):
    real = Path.read_bytes

    def refuse(self):
        if self.name == "02-casse.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    course = load(tmp_path, {BAD: "id: casse\n"})
    assert found(course) == [(BAD, 1, 1, "error", "unreadable")]
    assert (
        course.problems[0].message
        == "Impossible de lire ce fichier : accès refusé (vérifiez les droits du fichier)."
    )
