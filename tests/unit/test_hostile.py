"""Hostile input: what a malicious or careless course file, or learner name, must never achieve.

DESIGN §7: untrusted text never reaches the terminal as control sequences, never
reaches a spreadsheet as a formula, never names a file outside the course folder;
and no course file builds a Python object, crashes the loader or the interpreter.
Each test copies the mini course to `tmp_path` and breaks one thing in it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rich.console import Console

from course.cli_validate import run_validate
from course.content.loader import load_course
from course.progress import AnswerRecord, ImportRefused, ProgressStore, export_progress, import_progress
from course.progress.paths import is_learner_id
from course.reports.course_index import build_index
from course.reports.csv_export import write_answers_csv, write_summary_csv

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
ROOT = Path(__file__).parents[2]
# What must never reach the terminal from content: C0 controls but tab and newline, DEL, C1
# controls (0x9b is a one-byte CSI), bidirectional embeddings, overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The escape sequences Textual itself writes for a screen: colours/styles and cursor moves.
TEXTUAL_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\d+;\d+H")


def course_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "cours"))


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def codes(course, rel: str) -> list[str]:
    return [p.code for p in course.problems if p.path == rel]


def drawn(app) -> tuple[str, str]:
    """The bytes a terminal would receive for the whole screen (dialogs over what is below), and its text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.file.getvalue(), console.export_text(styles=False)


def assert_inert(app, svg: bool = False) -> str:
    """Nothing on screen but text, Textual's own styling and cursor moves; returns the screen's text."""
    raw, text = drawn(app)
    assert not UNSAFE.search(text), repr(UNSAFE.findall(text))
    leftover = TEXTUAL_OWN.sub("", raw)
    assert not UNSAFE.search(leftover), repr(UNSAFE.findall(leftover)[:5])  # no OSC title/link, no ED, no BEL
    if svg:  # the public way to see the screen, as a person would
        assert not UNSAFE.search(app.export_screenshot().replace("\n", "")), "control character in the SVG"
    return text


# --- YAML tags that would build objects ----------------------------------------------------------

# Where a payload goes: one scalar in each kind of course file.
PLACES = {
    "lesson": ("lessons/alpha/02-deux.yaml", "title: Le navigateur", "title: {}"),
    "quiz": ("quizzes/alpha/02-deux.yaml", "prompt: Où tape-t-on l'adresse d'un site ?", "prompt: {}"),
    "glossary": (
        "lessons/glossary.yaml",
        "definition: Logiciel qui affiche les pages web.",
        "definition: {}",
    ),
    "course.yaml": ("lessons/course.yaml", "title: Mini parcours de test", "title: {}"),
    "module.yaml": ("lessons/alpha/module.yaml", "title: Module alpha", "title: {}"),
}
TAGS = {
    "apply": '!!python/object/apply:os.system ["touch {witness}"]',
    "apply-subprocess": '!!python/object/apply:subprocess.check_call [[touch, "{witness}"]]',
    "new": '!!python/object/new:os.system ["touch {witness}"]',
    "name": "!!python/name:os.system ''",
    "object": '!!python/object:os.system {{cmd: "touch {witness}"}}',
    "verbatim": '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {witness}"]',
    "module": "!!python/module:os ''",
}


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("place", PLACES)
def test_tags_that_build_objects_are_refused_and_never_run(tmp_path, place, tag):
    root = course_copy(tmp_path)
    witness = tmp_path / "PWNED-xyz"
    rel, old, new = PLACES[place]
    edit(root, rel, old, new.format(TAGS[tag].format(witness=witness)))
    course = load_course(root)
    assert "tag" in codes(course, rel)
    problem = next(p for p in course.problems if p.code == "tag")
    assert problem.severity == "error" and "!" in problem.message and "balise" in problem.message.lower()
    out, err = io.StringIO(), io.StringIO()
    assert run_validate(str(root), "text", out, err) == 1
    assert "python/" in out.getvalue()
    assert not witness.exists()
    assert "alpha-un" in course.lessons  # the rest of the course still loads


@pytest.mark.parametrize(
    "text",
    [
        '--- !!python/object/apply:os.system ["touch {witness}"]\n',  # the whole document
        'id: x\n? !!python/object/apply:os.system ["touch {witness}"]\n: valeur\n',  # a key
        'id: x\ntitle: T\nsections:\n  - !!python/object/apply:os.system ["touch {witness}"]\n',  # a list item
        'id: x\nobjectives: !!python/object/apply:os.system ["touch {witness}"]\n',  # a whole list
    ],
)
def test_tags_anywhere_in_a_file_are_refused(tmp_path, text):
    root = course_copy(tmp_path)
    witness = tmp_path / "PWNED-xyz"
    (root / "lessons/alpha/03-piege.yaml").write_text(text.format(witness=witness), encoding="utf-8")
    course = load_course(root)
    found = codes(course, "lessons/alpha/03-piege.yaml")
    assert "tag" in found or "bad_key" in found  # a key that is not a plain word is refused before its tag
    assert "x" not in course.lessons
    assert not witness.exists()


# --- terminal control sequences written as YAML escapes -------------------------------------------

# ESC + clear screen, cursor home, OSC window title ended by BEL, BEL, SGR red, one-byte CSI (C1),
# NEL (C1), right-to-left override, isolate, NUL, backspace, DEL; written with YAML escapes.
EVIL = r"\e[2J\e[H\e]0;piratage\a\x07\x1b[31m\x9b2J\x85\u202e\u2066\0\b\x7f"


def evil(word: str) -> str:
    return f'"{word} {EVIL} fin"'


# (file, text to replace, replacement): titles, section text, choices, feedback, glossary...
SCALARS = [
    ("lessons/course.yaml", "title: Mini parcours de test", f"title: {evil('Parcours')}"),
    ("lessons/alpha/module.yaml", "title: Module alpha", f"title: {evil('Module')}"),
    ("lessons/alpha/01-un.yaml", "title: Le courriel", f"title: {evil('Courriel')}"),
    ("lessons/alpha/01-un.yaml", "  - Écrire et envoyer un courriel", f"  - {evil('Objectif')}"),
    ("lessons/alpha/01-un.yaml", "- title: Une boîte aux lettres", f"- title: {evil('Section')}"),
    ("lessons/alpha/01-un.yaml", "text: Le premier courriel date de 1971.", f"text: {evil('Texte')}"),
    ("lessons/beta/01-un.yaml", "title: Le mot de passe", f"title: {evil('Mot')}"),
    ("lessons/glossary.yaml", "term: Courriel", f"term: {evil('Terme')}"),
    (
        "lessons/glossary.yaml",
        "definition: Message envoyé par Internet d'une boîte à une autre.",
        f"definition: {evil('Définition')}",
    ),
    ("quizzes/alpha/01-un.yaml", "prompt: Où arrive un courriel ?", f"prompt: {evil('Question')}"),
    ("quizzes/alpha/01-un.yaml", "- text: Dans le navigateur", f"- text: {evil('Choix')}"),
    (
        "quizzes/alpha/01-un.yaml",
        "feedback: Le navigateur affiche des pages web.",
        f"feedback: {evil('Retour')}",
    ),
    (
        "quizzes/alpha/01-un.yaml",
        "explanation: Un courriel arrive dans la boîte aux lettres électronique du destinataire.",
        f"explanation: {evil('Explication')}",
    ),
    (
        "quizzes/alpha/01-un.yaml",
        "hints: [Pensez au facteur., C'est une boîte.]",
        f"hints: [{evil('Indice')}, C'est une boîte.]",
    ),
    (
        "quizzes/alpha/01-un.yaml",
        "statement: Le premier courriel date de 1971.",
        f"statement: {evil('Affirmation')}",
    ),
    ("quizzes/alpha/01-un.yaml", "- Écrire le message", f"- {evil('Étape')}"),
    (
        "quizzes/alpha/01-un.yaml",
        "{left: Courriel, right: Écrire à quelqu'un}",
        f"{{left: {evil('Gauche')}, right: {evil('Droite')}}}",
    ),
]


@pytest.fixture
def hostile_course(tmp_path):
    root = course_copy(tmp_path)
    for rel, old, new in SCALARS:
        edit(root, rel, old, new)
    return root


def test_control_sequences_are_a_warning_and_made_inert(hostile_course):
    course = load_course(hostile_course)
    assert course.errors == []
    assert [p.code for p in course.problems] == ["control_chars"] * (len(SCALARS) + 1)  # match: two scalars
    assert all(p.severity == "warning" for p in course.problems)
    lesson = course.lessons["alpha-un"]
    for text in (
        course.title,
        course.modules[0].title,
        lesson.title,
        lesson.sections[0].title,
        lesson.sections[1].text,
        lesson.objectives[0],
        course.glossary["courriel"].definition,
        course.quizzes["alpha-un"].questions[0].choices[0].text,
    ):
        assert not UNSAFE.search(text), repr(text)
        assert "\u241b[2J" in text  # ␛ shows where the escape was
    out, err = io.StringIO(), io.StringIO()
    assert run_validate(str(hostile_course), "text", out, err) == 0  # warnings alone keep it valid
    assert out.getvalue().count(": warning: ") == len(SCALARS) + 1
    assert not UNSAFE.search(out.getvalue())  # nor does validate print them


async def test_app_screens_show_control_sequences_inert(hostile_course, make_app):
    from course.ui.screens.dialogs import GlossaryScreen, HelpScreen
    from course.ui.screens.lesson import LessonScreen
    from course.ui.screens.quiz import QuizScreen
    from course.ui.screens.results import ResultsScreen
    from tests.ui.helpers import answer_current, next_question

    course = load_course(hostile_course)
    app = make_app(course=course)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "Parcours ␛[2J" in assert_inert(app, svg=True)  # the map: course, module and lesson titles
        app.open_lesson("alpha-un")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert "Section ␛" in assert_inert(app)
        await pilot.press("o")  # the objectives, in a notification
        await pilot.pause()
        assert "Objectif ␛" in assert_inert(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert "Définition ␛" in assert_inert(app)
        await pilot.press("escape", "right")
        await pilot.pause()
        assert "Texte ␛" in assert_inert(app)
        await pilot.press("right")  # on to the quiz
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        for _ in course.quizzes["alpha-un"].questions:
            assert_inert(app)
            if app.screen.item.question.hints:
                await pilot.press("f2")
                await pilot.pause()
                assert_inert(app)
            await answer_current(pilot, right=False)  # feedback, explanation and the right answer
            assert_inert(app)
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Question ␛" in assert_inert(app, svg=True)  # the missed questions
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_inert(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        app.open_lesson("beta-un")
        await pilot.pause()
        await pilot.press("right")  # the end of a lesson without quiz: its title in a notification
        await pilot.pause()
        assert "Mot ␛" in assert_inert(app)


async def test_markup_in_content_is_shown_as_written(tmp_path, make_app):
    """Titles and objectives in notifications are text: bad markup (`[/]`) used to crash the app
    when the lesson ended, and `[link=…]` or `[@click=…]` never reach the terminal."""
    title = "Le [/] piège [link=https://pirate.example]Cliquez[/link] [@click=app.quit]ici[/] [bold red]Rouge"
    root = course_copy(tmp_path)
    edit(root, "lessons/beta/01-un.yaml", "title: Le mot de passe", f"title: '{title}'")
    edit(
        root,
        "lessons/beta/01-un.yaml",
        "  - Choisir un mot de passe solide",
        "  - '[/] [link=file:///etc]Voir[/link]'",
    )
    app = make_app(course=load_course(root))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        app.open_lesson("beta-un")
        await pilot.pause()
        await pilot.press("o")  # the objectives, in a notification
        await pilot.pause()
        assert "[/] [link=file:///etc]Voir[/link]" in assert_inert(app)
        await pilot.press("right")  # finished: "Leçon « … » terminée." in a notification
        await pilot.pause()
        text = assert_inert(app)
    assert app.return_code in (None, 0)
    assert "[link=https://pirate.example]Cliquez[/link]" in text.replace("\n", "")


# --- learner names ------------------------------------------------------------------------------

NAMES = [
    "\x1b[2J\x1b]0;pirate\x07Léa\x1b[31m",
    "[bold red]Zoé[/]",
    "[/]",
    "../../etc/passwd",
    "..\\..\\Windows\\win.ini",
    '=HYPERLINK("http://x.example";"clic")',
    "@SUM(A1:A9)",
    "+33 6 00 00 00 00",
    "-2+3",
    "Léa\u202egnp.exe",
    "\u200bcon",
]


def _answer(learner_id: str, n: int) -> AnswerRecord:
    return AnswerRecord(
        id="",
        learner=learner_id,
        lesson="alpha-un",
        quiz="alpha-un",
        question="q-short",
        qtype="short",
        response="=1+1",
        response_text="=1+1",
        correct=False,
        score=0.0,
        hints_used=0,
        duration_s=3.5,
        timestamp="",
        attempt=1,
        session="@séance",
        confidence=None,
        mode="quiz",
    )


@pytest.fixture
def hostile_learners(private_data):
    store = ProgressStore(private_data)
    learners = [store.create_learner(name) for name in NAMES]
    for n, learner in enumerate(learners):
        store.record_answer(_answer(learner.id, n))
    yield store, learners
    store.close()


def test_profile_folders_never_come_from_names(hostile_learners, private_data, tmp_path):
    store, learners = hostile_learners
    data = private_data.resolve()
    for path in data.rglob("*"):
        assert path.resolve().is_relative_to(data), path
        for part in path.relative_to(data).parts:
            assert re.fullmatch(r"[A-Za-z0-9._-]+", part) and ".." not in part, part
            assert not any(
                word in part.lower() for word in ("passwd", "etc", "hyperlink", "win", "léa", "zoé")
            ), part
    assert sorted(path.name for path in (data / "learners").iterdir()) == sorted(x.id for x in learners)
    assert all(is_learner_id(x.id) for x in learners)
    assert not (tmp_path / "etc").exists() and not (private_data.parent.parent / "etc").exists()
    for learner in learners:
        assert not UNSAFE.search(learner.name)
        assert learner.name[:1] not in "=+-@"
    assert len(store.list_learners()) == len(NAMES)


def workshop(*argv: str) -> tuple[int, str]:
    """`atelier report|export ...` in-process, its output as text."""
    from course.cli import _command_parser
    from course.cli_workshop import run_workshop

    out, err = io.StringIO(), io.StringIO()
    code = run_workshop(_command_parser(argv[0]).parse_args(list(argv)), out, err)
    return code, out.getvalue()


def test_csv_export_neutralises_names_and_answers(hostile_learners, mini_course, private_data):
    code, out = workshop(
        "export", "--format", "csv", "--names", "--data", str(private_data), "--course", str(MINI)
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert len(rows) == len(NAMES) + 1
    for row in rows[1:]:
        for cell in row:
            assert not UNSAFE.search(cell.replace("\t", "")), cell
            stripped = cell.lstrip()
            assert not stripped or stripped[0] not in "=+-@" or cell.startswith("'"), cell
    # The store cleans names as they are typed; the exporter does not rely on it.
    raw = [
        {"id": "a" * 32, "name": '=HYPERLINK("http://pirate.example";"clic")'},
        {"id": "b" * 32, "name": "\x1b]0;titre\x07@SUM(1)"},
        {"id": "c" * 32, "name": "\t-1+1"},
    ]
    answers = [
        _answer(x["id"], 0).to_dict() | {"id": f"r{i}", "timestamp": "2026-01-01T10:00:00Z"}
        for i, x in enumerate(raw)
    ]
    index = build_index(mini_course)
    for write in (write_answers_csv, write_summary_csv):
        out = io.StringIO()
        write(out, raw, answers, index, names=True)
        cells = [cell for row in csv.reader(io.StringIO(out.getvalue()), delimiter=";") for cell in row]
        assert '\'=HYPERLINK("http://pirate.example";"clic")' in cells
        for cell in cells:
            assert not UNSAFE.search(cell)
            assert cell[:1] not in ("=", "+", "-", "@", "\t"), cell


def test_progress_file_with_a_raw_hostile_name_is_refused(hostile_learners, tmp_path):
    store, _ = hostile_learners
    data = export_progress(store, None)
    data["learners"][0]["name"] = "\x1b]0;pirate\x07=cmd|' /C calc'!A0"
    other = ProgressStore(tmp_path / "autre")
    with pytest.raises(ImportRefused):
        import_progress(other, json.loads(json.dumps(data)))
    assert other.list_learners() == []
    other.close()


def test_report_prints_names_as_plain_text(hostile_learners, private_data):
    code, out = workshop("report", "--data", str(private_data), "--course", str(MINI))
    assert code == 0
    assert not UNSAFE.search(out)
    assert "[bold red]Zoé[/]" in out


@pytest.mark.parametrize("name", [NAMES[0], NAMES[1], NAMES[5]])
async def test_map_shows_a_hostile_name_inert(make_app, name):
    from course.ui.screens.course_map import CourseMapScreen

    app = make_app(learner=name)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        text = assert_inert(app, svg=True)
        assert app.journey.learner.name in text


async def test_profile_list_shows_every_hostile_name_inert(hostile_learners, make_app):
    from course.ui.screens.profile import ProfileScreen

    app = make_app(learner=None)
    seen = ""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#learners").focus()  # the name field has the focus at first
        for _ in NAMES:  # the list scrolls: walk down it
            seen += assert_inert(app)
            await pilot.press("down")
    for learner in hostile_learners[1]:
        assert learner.name in seen


async def test_name_typed_in_the_profile_screen_is_cleaned(make_app, private_data):
    from textual.widgets import Input

    from course.ui.screens.course_map import CourseMapScreen

    app = make_app(learner=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "../../etc/passwd\x1b[2J"
        await pilot.press("enter")  # the name as it will be kept is shown first
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert "../../etc/passwd" in assert_inert(app)
    [learner] = ProgressStore(private_data).list_learners()
    assert (private_data / "learners" / learner.id).is_dir()
    assert not (private_data / "etc").exists()


# --- huge and deeply nested files ----------------------------------------------------------------


def test_a_50_mb_lesson_is_refused_in_french_without_being_read(tmp_path):
    root = course_copy(tmp_path)
    big = root / "lessons/alpha/03-enorme.yaml"
    line = "- Un objectif qui se répète encore et encore pour remplir le fichier.\n"
    with big.open("w", encoding="utf-8") as stream:
        stream.write("id: enorme\ntitle: Énorme\nobjectives:\n")
        stream.write(line * (50 * 1024 * 1024 // len(line.encode()) + 1))
    assert big.stat().st_size >= 50 * 1024 * 1024
    course = load_course(root)
    [problem] = course.problems
    assert (problem.path, problem.code, problem.severity) == (
        "lessons/alpha/03-enorme.yaml",
        "file_too_big",
        "error",
    )
    assert "Fichier trop gros" in problem.message
    assert "alpha-un" in course.lessons


DEEP_SCRIPT = textwrap.dedent("""\
    import json, sys
    from pathlib import Path
    from course.content.loader import load_course
    course = load_course(Path(sys.argv[1]))
    print(json.dumps([[p.path, p.code, p.message] for p in course.problems]))
    print(json.dumps(sorted(course.lessons)))
""")


def test_deep_nesting_is_refused_without_crashing_the_interpreter(tmp_path):
    """libyaml's composer recurses in C: 100,000 `[` used to kill Python with a segmentation fault."""
    root = course_copy(tmp_path)
    n = 10_000
    files = {
        "lessons/alpha/10-crochets.yaml": "id: a\ntitle: " + "[" * n + "]" * n + "\n",
        "lessons/alpha/11-accolades.yaml": "id: b\ntitle: " + "{a: " * n + "x" + "}" * n + "\n",
        "lessons/alpha/12-tirets.yaml": "id: c\nobjectives:\n" + "- " * n + "x\n",
        "lessons/alpha/13-cles.yaml": "".join(" " * i + "a:\n" for i in range(1400)) + " " * 1400 + "a: x\n",
        "lessons/alpha/14-cent-mille.yaml": "id: d\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n",
        # YAML also breaks lines at CR, NEL, LS and PS: not only after "\n" can a line start deep.
        "lessons/alpha/16-retour.yaml": "id: f\robjectives:\r" + "- " * 100_000 + "x\r",
        "lessons/alpha/17-separateur.yaml": "id: g\u2028objectives:\u2028" + "- " * 100_000 + "x\u2028",
        "quizzes/alpha/10-liste.yaml": "id: e\nquestions: " + "[" * n + "]" * n + "\n",
        "lessons/glossary.yaml": "terms: " + "[" * n + "]" * n + "\n",
    }
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    (root / "lessons/alpha/15-indente.yaml").write_text(
        "".join(" " * i + "a:\n" for i in range(10_000)), encoding="utf-8"
    )  # 50 MB: too big to read
    result = subprocess.run(
        [sys.executable, "-c", DEEP_SCRIPT, str(root)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]  # -11 was a segmentation fault
    problems_line, lessons_line = result.stdout.splitlines()
    found = {path: (code, message) for path, code, message in json.loads(problems_line)}
    for rel in files:
        assert found[rel][0] == "too_deep", (rel, found.get(rel))
        assert "Imbrication beaucoup trop profonde" in found[rel][1]
    assert found["lessons/alpha/15-indente.yaml"][0] == "file_too_big"
    assert {"alpha-un", "alpha-deux", "beta-un"} <= set(json.loads(lessons_line))


def test_validate_on_deep_nesting_exits_with_problems(tmp_path):
    root = course_copy(tmp_path)
    (root / "lessons/alpha/10-crochets.yaml").write_text(
        "title: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "app.py", "validate", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert [p["code"] for p in report["problems"]] == ["too_deep"]


def test_deep_nesting_with_the_pure_python_loader(tmp_path, monkeypatch):
    import yaml

    from course.content import loader

    monkeypatch.setattr(loader, "_Loader", yaml.SafeLoader)  # where libyaml is missing
    root = course_copy(tmp_path)
    (root / "lessons/alpha/10-crochets.yaml").write_text(
        "title: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8"
    )
    course = load_course(root)
    assert codes(course, "lessons/alpha/10-crochets.yaml") == ["too_deep"]


def test_nesting_a_course_needs_is_still_read(tmp_path):
    root = course_copy(tmp_path)
    edit(
        root,
        "lessons/alpha/02-deux.yaml",
        "glossary: [navigateur]",
        "glossary: [navigateur]\n# " + "[" * 500 + "\n",
    )  # brackets in a comment: a second look, no refusal
    assert load_course(root).problems == []


# --- files outside the course folder -------------------------------------------------------------


@pytest.fixture
def elsewhere(tmp_path):
    """A valid course outside the one under test, to link to."""
    return Path(shutil.copytree(MINI, tmp_path / "ailleurs"))


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("lessons/gamma", "lessons/alpha"),  # a module folder
        ("lessons/alpha/03-lien.yaml", "lessons/beta/01-un.yaml"),  # a lesson file
        ("quizzes/beta", "quizzes/alpha"),  # a quiz module folder
        ("quizzes/alpha/03-lien.yaml", "quizzes/alpha/02-deux.yaml"),  # a quiz file
        ("quizzes/03-lien.yaml", "quizzes/alpha/02-deux.yaml"),  # a quiz at the top of quizzes/
        ("lessons/glossary.yaml", "lessons/glossary.yaml"),  # the glossary
    ],
)
def test_links_out_of_the_course_are_refused(tmp_path, elsewhere, link, target):
    root = course_copy(tmp_path)
    (root / link).unlink(missing_ok=True)
    (root / link).symlink_to(elsewhere / target, target_is_directory=(elsewhere / target).is_dir())
    course = load_course(root)
    assert (link, "outside_course", "error") in [(p.path, p.code, p.severity) for p in course.problems]
    for problem in course.problems:
        assert not problem.path.startswith(("/", "..")), problem.path
    assert "hors du dossier du cours" in next(
        p.message for p in course.problems if p.code == "outside_course"
    )
    assert "alpha-un" in course.lessons


def test_relative_and_chained_links_out_are_refused(tmp_path, elsewhere):
    root = course_copy(tmp_path)
    (root / "lessons/alpha/03-relatif.yaml").symlink_to(Path("../../../ailleurs/lessons/beta/01-un.yaml"))
    (root / "lien-interne.yaml").symlink_to(elsewhere / "lessons/alpha/02-deux.yaml")
    (root / "lessons/alpha/04-chaine.yaml").symlink_to(root / "lien-interne.yaml")  # inside, then out
    course = load_course(root)
    out = {p.path for p in course.problems if p.code == "outside_course"}
    assert out == {"lessons/alpha/03-relatif.yaml", "lessons/alpha/04-chaine.yaml"}


def test_a_lessons_folder_linked_out_of_the_course_is_refused(tmp_path, elsewhere):
    root = tmp_path / "cours"
    (root / "quizzes").mkdir(parents=True)
    (root / "lessons").symlink_to(elsewhere / "lessons", target_is_directory=True)
    course = load_course(root)
    assert course.lessons == {} and course.glossary == {} and course.info is None
    assert {p.code for p in course.errors} == {"outside_course"}


async def test_the_map_never_lists_a_linked_out_lesson(tmp_path, elsewhere, make_app):
    root = course_copy(tmp_path)
    (root / "lessons/gamma").symlink_to(elsewhere / "lessons/beta", target_is_directory=True)
    edit(elsewhere, "lessons/beta/01-un.yaml", "title: Le mot de passe", "title: Secret d'ailleurs")
    app = make_app(course=load_course(root))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = assert_inert(app)
    assert "Secret d'ailleurs" not in text
    assert "lessons/gamma" in text  # the notice names what could not be read


# --- every output path, byte by byte ------------------------------------------------------------

# OSC 52 (writes the clipboard), OSC 0 (retitles the window), CSI 2J (clears it), CSI 6n (makes the
# terminal type into the app), a right-to-left override and a one-byte CSI (U+009B).
HOSTILE = "\x1b]52;c;cGlyYXRl\x07\x1b]0;piratage\x07\x1b[2J\x1b[6n\u202e\x9b2J"
HOSTILE_YAML = r"\e]52;c;cGlyYXRl\a\e]0;piratage\a\e[2J\e[6n\u202e\x9b2J"
# What must never come out raw: the test's UNSAFE plus the marks a learner cannot see.
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def assert_clean_bytes(raw: bytes, where: str) -> str:
    text = raw.decode("utf-8").replace("\r\n", "\n")
    found = RAW_UNSAFE.findall(text)
    assert not found, f"{where}: {found[:5]!r}"
    return text


def atelier(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command, its raw bytes on stdout and stderr."""
    import os

    return subprocess.run(
        [sys.executable, "app.py", *argv],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def hostile_yaml(tmp_path):
    """A course whose problems quote a hostile YAML key, a hostile file name and a hostile value."""
    root = course_copy(tmp_path)
    lesson = root / "lessons" / "alpha" / "01-un.yaml"
    edit(root, "lessons/alpha/01-un.yaml", "title: Le courriel", f'title: Le courriel\n"{HOSTILE_YAML}": 1')
    (lesson.parent / f"05-{HOSTILE}.yaml").write_text("id: [\n", encoding="utf-8")
    return root


def test_validate_prints_hostile_keys_and_file_names_inert(hostile_yaml):
    result = atelier("validate", str(hostile_yaml))
    assert result.returncode == 1
    out = assert_clean_bytes(result.stdout, "validate")
    assert_clean_bytes(result.stderr, "validate stderr")
    assert "]52;c;cGlyYXRl" in out and "05- ]52;c;cGlyYXRl" in out  # shown, inert


def test_validate_json_escapes_hostile_text_and_keeps_it(hostile_yaml):
    result = atelier("validate", str(hostile_yaml), "--format", "json")
    text = assert_clean_bytes(result.stdout, "validate --format json")
    report = json.loads(text)
    assert any(HOSTILE in p["message"] for p in report["problems"])  # the data, exactly
    assert any(HOSTILE in p["path"] for p in report["problems"])
    assert "\\u001b]52" in text and "\\u009b2J" in text and "\\u202e" in text


async def test_preview_problem_messages_are_inert(hostile_yaml):
    from course.ui.preview_app import PreviewApp, find_course_root
    from course.ui.screens.problems import ProblemsScreen

    lesson = hostile_yaml / "lessons" / "alpha" / "01-un.yaml"
    edit(hostile_yaml, "lessons/alpha/01-un.yaml", "title: Le courriel", "titel: Le courriel")  # an error
    app = PreviewApp(lesson, find_course_root(lesson))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "]52;c;cGlyYXRl" in assert_inert(app, svg=True).replace("\n", "")


@pytest.fixture
def hostile_progress(private_data, tmp_path):
    """Léa's answers, imported from another machine: the session label and the answers are hostile."""
    store = ProgressStore(tmp_path / "autre-machine")
    lea = store.create_learner("Léa")
    for question in ("q-single", "q-short"):
        record = _answer(lea.id, 0)
        store.record_answer(
            AnswerRecord(
                **{
                    **record.to_dict(),
                    "question": question,
                    "session": HOSTILE,
                    "response_text": HOSTILE,
                    "response": HOSTILE,
                }
            )
        )
    here = ProgressStore(private_data)
    import_progress(here, export_progress(store, None))
    store.close()
    here.close()
    return private_data


@pytest.mark.parametrize(
    "argv",
    [
        ["report"],
        ["report", "--format", "csv"],
        ["report", "--format", "json"],
        ["report", "--format", "html"],
        ["export", "--format", "csv"],
        ["export", "--format", "xapi"],
        ["export", "--format", "progress"],
        ["export", "--format", "progress", "--names"],
    ],
    ids=lambda argv: "-".join(argv).replace("--format-", ""),
)
def test_commands_print_hostile_labels_and_answers_inert(hostile_progress, argv):
    result = atelier(*argv, "--data", str(hostile_progress), "--course", str(MINI))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert_clean_bytes(result.stdout, " ".join(argv))
    assert_clean_bytes(result.stderr, " ".join(argv) + " (stderr)")
    assert result.stdout.strip()


@pytest.mark.parametrize("fmt", ["csv", "xapi", "progress"])
def test_export_files_hold_no_raw_control_characters(hostile_progress, tmp_path, fmt):
    import stat

    target = tmp_path / f"export.{fmt}"
    result = atelier(
        "export", "--format", fmt, "-o", str(target), "--data", str(hostile_progress), "--course", str(MINI)
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    for path in tmp_path.glob("export*"):
        assert_clean_bytes(path.read_bytes(), path.name)
    if fmt == "progress":  # it carries real names (it moves learners between machines): owner only
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        data = json.loads(target.read_text(encoding="utf-8"))
        assert {a["session"] for a in data["answers"]} == {HOSTILE}  # escaped, not altered


def test_command_notices_are_inert(private_data, tmp_path, monkeypatch):
    """A notice names the data dir, and the data dir may have any name."""
    from course.progress.store import ProgressStore as Store

    data = tmp_path / f"données{HOSTILE}"
    Store(data).close()
    monkeypatch.setattr(Store, "_can_write", lambda self: False)  # a read-only folder
    from course.cli import _command_parser
    from course.cli_workshop import run_workshop

    out, err = io.StringIO(), io.StringIO()
    code = run_workshop(
        _command_parser("report").parse_args(["report", "--data", str(data), "--course", str(MINI)]), out, err
    )
    assert code == 0
    assert "n'est pas modifiable" in err.getvalue()
    assert_clean_bytes(err.getvalue().encode(), "notice")


async def test_f9_header_shows_an_imported_session_label_inert(hostile_progress, make_app):
    from course.ui.screens.pin import PinSetupScreen
    from course.ui.screens.trainer import TrainerScreen

    app = make_app(session=HOSTILE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PinSetupScreen)
        await pilot.press(*"2468", "enter", *"2468", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(3):  # every session of the data, the hostile one included
            assert_inert(app, svg=True)
            await pilot.press("right")
            await pilot.pause()
        assert "]52;c;cGlyYXRl" in assert_inert(app).replace("\n", "")


def test_import_prints_a_hostile_file_name_inert(hostile_progress, tmp_path):
    source = ProgressStore(tmp_path / "poste")
    source.record_answer(_answer(source.create_learner("Zoé").id, 0))
    from course.progress import write_progress_file

    stick = tmp_path / f"poste{HOSTILE}.json"
    write_progress_file(stick, export_progress(source, None))
    missing = tmp_path / f"absent{HOSTILE}.json"
    result = atelier("import", str(stick), str(missing), "--data", str(hostile_progress))
    assert result.returncode == 1
    out = assert_clean_bytes(result.stdout, "import")
    err = assert_clean_bytes(result.stderr, "import (stderr)")
    assert "]0;piratage" in out and "]0;piratage" in err  # both files named, inert


@pytest.mark.parametrize(
    "char",
    [
        "\x1b",
        "\x07",
        "\x00",
        "\r",
        "\x7f",
        "\x85",
        "\x9b",
        "\u061c",
        "\u200e",
        "\u200f",
        *[chr(c) for c in range(0x202A, 0x202F)],
        *[chr(c) for c in range(0x2066, 0x206A)],
    ],
)
def test_the_one_sanitiser_leaves_no_unsafe_character(char):
    from course.text.safe import clean_block, clean_terminal, json_dumps

    text = f"a{char}]0;titre\x07b\nc"
    for cleaned in (clean_terminal(text), clean_block(text), clean_block(text, "")):
        assert not RAW_UNSAFE.search(cleaned) and "\r" not in cleaned, repr(cleaned)
    assert "\n" in clean_block(text) and "\n" not in clean_terminal(text)
    dumped = json_dumps({"k": text}, indent=2)
    assert not RAW_UNSAFE.search(dumped) and json.loads(dumped) == {"k": text}
