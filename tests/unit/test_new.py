"""`atelier new`: what it creates validates as it is; the guide's error messages are real."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from course import cli_new
from course.cli import main
from course.cli_new import TEMPLATES, render, yaml_scalar
from course.content.loader import load_course
from course.content.model import QUESTION_TYPES
from course.content.schema import KINDS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide-formateur.md"
LESSON = "lessons/premiers-pas/01-bienvenue.yaml"
QUIZ = "quizzes/premiers-pas/01-bienvenue.yaml"


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(root: Path) -> None:
    """No error; the only warnings name the template texts still to replace."""
    course = load_course(root)
    assert [p.format() for p in course.problems if p.code != "leftover_text"] == []
    assert all(p.severity == "warning" for p in course.problems)


def test_every_placeholder_text_the_validator_knows_is_in_a_template() -> None:
    from course.content.leftovers import TEMPLATE_STARTS

    templates = Path(__file__).parents[2] / "course" / "templates"
    texts = "".join(path.read_text(encoding="utf-8") for path in templates.glob("*.yaml"))
    assert [start for start in TEMPLATE_STARTS if start not in texts] == []


@pytest.fixture
def new_course(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "mon-parcours"
    code, out, err = run("new", "course", str(root), capsys=capsys)
    assert (code, err) == (0, ""), err
    return root


# --- new course -------------------------------------------------------------------------------


def test_new_course_validates_with_no_error_and_names_each_text_to_replace(new_course: Path) -> None:
    course = load_course(new_course)
    assert course.errors == []
    leftovers = [(p.path, p.line) for p in course.warnings if p.code == "leftover_text"]
    assert ("lessons/premiers-pas/01-bienvenue.yaml", 19) in leftovers  # summary: En une phrase, …
    assert len(leftovers) == len(course.warnings) >= 10
    assert (len(course.modules), len(course.lessons), len(course.quizzes), len(course.glossary)) == (
        1,
        1,
        1,
        2,
    )
    assert course.info is not None and course.info.title == "Mon parcours"
    assert course.lessons["premiers-pas-bienvenue"].glossary == ["courriel"]


def test_new_course_files_schemas_and_next_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "atelier"
    code, out, _ = run("new", "course", str(root), capsys=capsys)
    assert code == 0
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == sorted(
        [
            "lessons/course.yaml",
            "lessons/glossary.yaml",
            "lessons/premiers-pas/module.yaml",
            LESSON,
            QUIZ,
            ".vscode/settings.json",
            *(f"schemas/{kind}.schema.json" for kind in KINDS),
        ]
    )
    for step in ("atelier validate", "atelier preview", f"{root}/{LESSON}"):
        assert step in out


def test_every_created_file_points_to_its_schema(new_course: Path) -> None:
    for path in new_course.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file() and schema.parent == (new_course / "schemas").resolve(), path


def test_created_files_pass_their_json_schema(new_course: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json

    for path in new_course.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        schema = json.loads((path.parent / text.splitlines()[0].split("=", 1)[1]).read_text(encoding="utf-8"))
        jsonschema.validate(yaml.safe_load(text), schema)


def test_new_course_never_overwrites(new_course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in new_course.rglob("*") if p.is_file()}
    code, out, err = run("new", "course", str(new_course), capsys=capsys)
    assert code == 1 and out == ""
    assert "existe déjà" in err and "course.yaml" in err
    assert {p: p.read_bytes() for p in new_course.rglob("*") if p.is_file()} == before


# --- new lesson -------------------------------------------------------------------------------


def test_new_lesson_in_existing_module_is_numbered_and_validates(
    new_course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        "new", "lesson", "premiers-pas", "envoyer-un-courriel", "--course", str(new_course), capsys=capsys
    )
    assert (code, err) == (0, "")
    assert "lessons/premiers-pas/02-envoyer-un-courriel.yaml" in out
    assert (new_course / "quizzes/premiers-pas/02-envoyer-un-courriel.yaml").is_file()
    assert not (new_course / "lessons/premiers-pas/module.yaml").read_text(encoding="utf-8").count("{")
    assert_clean(new_course)
    course = load_course(new_course)
    assert course.modules[0].lessons == ("premiers-pas-bienvenue", "premiers-pas-envoyer-un-courriel")
    assert course.lessons["premiers-pas-envoyer-un-courriel"].title == "Envoyer un courriel"
    assert course.quizzes["premiers-pas-envoyer-un-courriel"].lesson == "premiers-pas-envoyer-un-courriel"


def test_new_lesson_in_a_new_module_creates_module_yaml(
    new_course: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(new_course)  # --course defaults to the current folder
    assert run("new", "lesson", "securite", "mots-de-passe", capsys=capsys)[0] == 0
    assert run("new", "lesson", "securite", "2fa", capsys=capsys)[0] == 0
    assert_clean(new_course)
    course = load_course(new_course)
    assert [m.id for m in course.modules] == ["premiers-pas", "securite"]
    assert course.modules[1].order == 2 and course.modules[1].title == "Securite"
    assert course.modules[1].lessons == ("securite-mots-de-passe", "securite-2fa")
    assert (new_course / "lessons/securite/02-2fa.yaml").is_file()


def test_numbering_follows_the_highest_number_in_lessons_and_quizzes(
    new_course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (new_course / "quizzes/premiers-pas/07-orphelin.yaml").write_text("# un brouillon\n", encoding="utf-8")
    (new_course / "lessons/premiers-pas/notes.txt").write_text("pas une leçon\n", encoding="utf-8")
    run("new", "lesson", "premiers-pas", "suite", "--course", str(new_course), capsys=capsys)
    assert (new_course / "lessons/premiers-pas/08-suite.yaml").is_file()
    assert (new_course / "quizzes/premiers-pas/08-suite.yaml").is_file()


def test_new_lesson_works_in_a_course_without_schemas_or_quizzes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons/course.yaml").write_text("title: Vide\n", encoding="utf-8")
    code, out, _ = run("new", "lesson", "m1", "debut", "--course", str(tmp_path), capsys=capsys)
    assert code == 0 and "schemas/" in out
    assert (tmp_path / "schemas/lesson.schema.json").is_file()
    assert_clean(tmp_path)


@pytest.mark.parametrize(
    "module, slug",
    [
        ("premiers-pas", "Envoyer"),
        ("premiers-pas", "mot de passe"),
        ("premiers-pas", "mél"),
        ("premiers-pas", "fin-"),
        ("premiers-pas", "a--b"),
        ("premiers-pas", "a_b"),
        ("Premiers", "ok"),
        ("../dehors", "ok"),
        (".cache", "ok"),
        ("", "ok"),
        ("premiers-pas", ""),
    ],
)
def test_bad_names_are_refused_in_french(
    new_course: Path, capsys: pytest.CaptureFixture[str], module: str, slug: str
) -> None:
    before = sorted(new_course.rglob("*"))
    code, out, err = run("new", "lesson", module, slug, "--course", str(new_course), capsys=capsys)
    assert code == 1 and out == ""
    assert "ne convient pas" in err and "minuscules" in err
    assert sorted(new_course.rglob("*")) == before


def test_existing_file_or_slug_is_refused(
    new_course: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(
        "new", "lesson", "premiers-pas", "bienvenue", "--course", str(new_course), capsys=capsys
    )
    assert code == 1 and "existe déjà" in err
    quiz = new_course / "quizzes/premiers-pas/02-suite.yaml"
    quiz.write_text("# à garder\n", encoding="utf-8")
    assert cli_new.next_number(quiz.parent) == 3  # numbering alone already avoids it
    monkeypatch.setattr(cli_new, "next_number", lambda *folders: 2)
    code, _, err = run("new", "lesson", "premiers-pas", "suite", "--course", str(new_course), capsys=capsys)
    assert code == 1 and "existe déjà" in err and "02-suite.yaml" in err
    assert quiz.read_text(encoding="utf-8") == "# à garder\n"
    assert not (new_course / "lessons/premiers-pas/02-suite.yaml").exists()


def test_an_id_used_elsewhere_is_refused(new_course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = new_course / "lessons/premiers-pas/05-autre.yaml"
    text = (new_course / LESSON).read_text(encoding="utf-8")
    other.write_text(
        text.replace("id: premiers-pas-bienvenue", "id: premiers-pas-copie").replace(
            "quiz: premiers-pas-bienvenue\n", ""
        ),
        encoding="utf-8",
    )
    code, _, err = run("new", "lesson", "premiers-pas", "copie", "--course", str(new_course), capsys=capsys)
    assert code == 1 and "premiers-pas-copie" in err


def test_a_folder_without_lessons_is_not_a_course(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("new", "lesson", "m", "s", "--course", str(tmp_path), capsys=capsys)
    assert code == 2 and "atelier new course" in err
    assert list(tmp_path.iterdir()) == []


# --- templates --------------------------------------------------------------------------------


def test_templates_start_with_their_schema_line_and_are_commented() -> None:
    expected = {
        "course.yaml": "../schemas/course",
        "glossary.yaml": "../schemas/glossary",
        "module.yaml": "../../schemas/module",
        "lesson.yaml": "../../schemas/lesson",
        "quiz.yaml": "../../schemas/quiz",
    }
    assert sorted(p.name for p in TEMPLATES.iterdir()) == sorted(expected)
    for name, schema in expected.items():
        lines = (TEMPLATES / name).read_text(encoding="utf-8").splitlines()
        assert lines[0] == f"# yaml-language-server: $schema={schema}.schema.json"
        keys = [line for line in lines if re.match(r"\s*(- )?[a-z_]+:", line)]
        comments = [line for line in lines if line.lstrip().startswith("#")]
        assert len(comments) >= len(keys) / 2, name  # every field (or its group) is explained


def test_quiz_template_shows_each_question_type_once() -> None:
    text = render("quiz.yaml", id="m-l", lesson="m-l")
    types = Counter(q["type"] for q in yaml.safe_load(text)["questions"])
    assert types == Counter(dict.fromkeys(QUESTION_TYPES, 1))
    assert sorted(re.findall(r"^\s+type: (\w+)$", text, re.M)) == sorted(QUESTION_TYPES)


@pytest.mark.parametrize(
    "text",
    [
        "Premiers pas",
        "Yes",
        "no",
        "12:30",
        "012",
        "1.0",
        "Atelier : été",
        "C'est #1",
        "[brouillon]",
        "- tiret",
        "null",
        "~",
        "'quote",
        'a"b',
    ],
)
def test_placeholders_are_filled_with_yaml_that_reads_back_as_the_text(text: str) -> None:
    assert yaml.safe_load(f"title: {yaml_scalar(text)}") == {"title": text}


def test_odd_folder_names_still_give_a_valid_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("yes", "12:30", "Atelier : été 2025", "on"):
        root = tmp_path / name
        assert run("new", "course", str(root), capsys=capsys)[0] == 0
        assert_clean(root)


# --- the guide's error messages ----------------------------------------------------------------

BASE = {
    "lessons/course.yaml": "title: Mon parcours\n",
    "lessons/glossary.yaml": """\
terms:
  - id: courriel
    term: Courriel
    definition: Message envoyé par Internet.
""",
    "lessons/premiers-pas/module.yaml": """\
title: Premiers pas
order: 1
competences:
  - code: "2.1"
    label: Interagir
""",
    LESSON: """\
id: premiers-pas-bienvenue
title: Bienvenue
summary: Découvrir l'atelier.
duration_min: 10
objectives:
  - Se repérer dans l'atelier
sections:
  - title: Bonjour
    text: Bienvenue dans l'atelier.
glossary: [courriel]
quiz: premiers-pas-bienvenue
""",
    QUIZ: """\
id: premiers-pas-bienvenue
lesson: premiers-pas-bienvenue
questions:
  - id: duree
    type: single
    prompt: Combien de temps dure l'atelier ?
    choices:
      - text: Une heure
        correct: true
      - text: Une journée
    explanation: L'atelier dure une heure.
  - id: gratuit
    type: true_false
    statement: L'atelier est gratuit.
    answer: true
    explanation: L'atelier est gratuit pour tout le monde.
  - id: anglais
    type: short
    prompt: Comment dit-on « non » en anglais ?
    accept: ["no"]
    explanation: « Non » se dit « no » en anglais.
""",
}

# Each broken copy of BASE: (file, text to find, replacement). The guide quotes what they print.
BROKEN = {
    "tabulation": (QUIZ, "    type: single", "\ttype: single"),
    "deux-points": (LESSON, "summary: Découvrir l'atelier.", "summary: Au programme : le courriel."),
    "indentation": (LESSON, "    text: Bienvenue", "   text: Bienvenue"),
    "oui-non": (QUIZ, 'accept: ["no"]', "accept: [no]"),
    "nombre": ("lessons/premiers-pas/module.yaml", 'code: "2.1"', "code: 2.1"),
    "vrai-faux": (QUIZ, "answer: true", "answer: vrai"),
    "cle-manquante": (LESSON, "summary: Découvrir l'atelier.\n", ""),
    "cle-inconnue": (QUIZ, "prompt: Combien", "promt: Combien"),
    "bonne-reponse": (QUIZ, "      - text: Une journée", "      - text: Une journée\n        correct: true"),
    "reference": (LESSON, "glossary: [courriel]", "glossary: [couriel]"),
    "identifiant": (QUIZ, "  - id: gratuit", "  - id: duree"),
    "guillemets": (LESSON, "title: Bienvenue", 'title: "Bienvenue'),
    "explication": (QUIZ, "    explanation: L'atelier est gratuit pour tout le monde.\n", ""),
    "apostrophe": (LESSON, "title: Bienvenue", "title: 'L'atelier'"),
    "etoiles": (LESSON, "text: Bienvenue dans l'atelier.", "text: **Bienvenue** dans l'atelier."),
    "typographiques": (LESSON, "summary: Découvrir l'atelier.", "summary: “Au programme : le courriel”"),
    "insecable": (LESSON, "    text: Bienvenue", "  \u00a0 text: Bienvenue"),
    "tiret": (QUIZ, "      - text: Une journée", "        text: Une journée"),
    "espace": (LESSON, "duration_min: 10", "duration_min:10"),
    "diese": (LESSON, "title: Bienvenue", "title: Atelier #1 Bienvenue"),
}
PROBLEM_LINE = re.compile(r"^\S+:\d+:\d+: (?:error|warning): .+$", re.M)


def broken_course(root: Path, case: str) -> Path:
    file, old, new = BROKEN[case]
    for rel, text in BASE.items():
        if rel == file:
            assert text.count(old) == 1, (case, old)
            text = text.replace(old, new)
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def validator_lines(root: Path) -> list[str]:
    out = io.StringIO()
    from course.cli_validate import run_validate

    with contextlib.chdir(root):  # the guide's paths are those printed from the course folder
        run_validate(str(root), "text", out, io.StringIO())
    return PROBLEM_LINE.findall(out.getvalue())


def comparable(line: str) -> str:
    """Without libyaml, PyYAML words its syntax errors (in parentheses) and places them differently."""
    if yaml.__with_libyaml__:
        return line
    path, _, _, rest = line.split(":", 3)
    return f"{path}:{rest.split(' (')[0]}"


def test_base_of_the_broken_copies_is_valid(tmp_path: Path) -> None:
    for rel, text in BASE.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert validator_lines(tmp_path) == []


def test_the_guide_quotes_what_the_validator_prints(tmp_path: Path) -> None:
    guide = PROBLEM_LINE.findall(GUIDE.read_text(encoding="utf-8"))
    assert len(guide) >= 10
    printed = {case: validator_lines(broken_course(tmp_path / case, case)) for case in BROKEN}
    every = {comparable(line) for lines in printed.values() for line in lines}
    assert [line for line in guide if comparable(line) not in every] == []
    quoted = {comparable(line) for line in guide}
    assert [case for case, lines in printed.items() if not quoted & {comparable(x) for x in lines}] == []


def test_the_guide_names_every_question_type_and_command() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for word in [
        *(f"type: {name}" for name in QUESTION_TYPES),
        "atelier new course",
        "atelier new lesson",
        "atelier validate",
        "atelier preview",
        "atelier gift import",
        "atelier gift export",
        "atelier aiken import",
        "atelier aiken export",
        "atelier report",
        "atelier import",
        "--format csv",
        "--format xapi",
        "--format progress",
        "pip install .",
    ]:
        assert word in text, word


def test_the_guide_field_examples_make_a_valid_course(tmp_path: Path) -> None:
    """Sections 6 and 7: course, glossary, module, lesson, quiz, then one question of each type."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text[text.index("## 6.") : text.index("## 8.")], re.S)
    course, glossary, module, lesson, quiz, *questions = blocks
    assert len(questions) == len(QUESTION_TYPES)
    files = {
        "lessons/course.yaml": course,
        "lessons/glossary.yaml": glossary,
        "lessons/m/module.yaml": module,
        "lessons/m/01-l.yaml": lesson,
        "quizzes/m/01-l.yaml": quiz + "".join(questions),
    }
    for rel, content in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(content, encoding="utf-8")
    assert_clean(tmp_path)
    assert load_course(tmp_path).question_count() == 1 + len(QUESTION_TYPES)


def test_new_course_writes_editor_settings_whose_globs_find_each_file(new_course: Path) -> None:
    import json
    from fnmatch import fnmatch

    settings = json.loads((new_course / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    files = [p.relative_to(new_course).as_posix() for p in new_course.rglob("*.yaml")]
    for rel in files:
        kind = {"course.yaml": "course", "glossary.yaml": "glossary", "module.yaml": "module"}.get(
            rel.rsplit("/", 1)[-1], "quiz" if rel.startswith("quizzes/") else "lesson"
        )
        matched = [schema for schema, globs in schemas.items() if any(fnmatch(rel, glob) for glob in globs)]
        assert matched == [f"./schemas/{kind}.schema.json"], rel
        assert (new_course / matched[0]).is_file()
    assert settings["[yaml]"]["editor.insertSpaces"] is True
