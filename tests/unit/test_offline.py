"""Nothing reaches the network at run time (DESIGN §7): workshops happen where there is none.

The socket layer is cut (every attempt to connect or resolve a name is recorded and
refused), then the learner's whole journey runs with the pilot and the trainer's
commands run in-process; nothing may have tried. A scan of every shipped file under
course/ then looks for URLs or network modules used at run time. `atelier serve`
(course/serve/) is the one part that listens on the local network, by design.
"""

from __future__ import annotations

import ast
import io
import json
import re
import socket
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from course.cli import _command_parser
from course.cli_validate import run_validate
from course.cli_workshop import run_workshop
from course.progress import ProgressStore

COURSE = Path(__file__).parents[2] / "course"
MINI = Path(__file__).parents[1] / "fixtures" / "mini"
SIZE = (80, 24)


@pytest.fixture
def network_cut(monkeypatch):
    """Every way to reach another machine raises, and is noted."""
    attempts: list[tuple[str, object]] = []

    def refuse(name: str):
        def attempt(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(101, f"réseau coupé par le test ({name})")

        return attempt

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == [], f"tried to reach the network: {attempts}"


def later(days: int = 2) -> type[datetime]:
    """A clock some days ahead, for spaced review."""

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return datetime.now(tz) + timedelta(days=days)

    return Later


async def test_learner_journey_offline(network_cut, make_app, mini_course, private_data, monkeypatch):
    from textual.widgets import Input

    from course.quiz import review
    from course.ui.screens.course_map import CourseMapScreen
    from course.ui.screens.dialogs import HelpScreen
    from course.ui.screens.lesson import LessonScreen
    from course.ui.screens.profile import ProfileScreen
    from course.ui.screens.quiz import QuizScreen
    from course.ui.screens.results import ResultsScreen
    from tests.ui.helpers import answer_current, next_question

    app = make_app(learner=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)  # a new profile
        app.screen.query_one("#name", Input).value = "Zoé"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        await pilot.press("f1")  # help
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "c")  # Continuer: the first lesson
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        for _ in app.screen.lesson.sections:
            await pilot.press("right")
            await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        for n, _ in enumerate(mini_course.quizzes["alpha-un"].questions):
            await answer_current(pilot, right=n % 2 == 0)
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
        monkeypatch.setattr(review, "datetime", later())
        await pilot.press("r")  # Révisions: the missed questions are due two days later
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.mode == "review"
        while isinstance(app.screen, QuizScreen):
            await answer_current(pilot, right=True)
            await next_question(pilot)
        assert isinstance(app.screen, CourseMapScreen)
    answers = ProgressStore(private_data).answers(app.journey.learner.id)
    assert len(answers) > len(mini_course.quizzes["alpha-un"].questions)  # quiz, then review


def workshop(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_workshop(_command_parser(argv[0]).parse_args(list(argv)), out, err)
    return code, out.getvalue(), err.getvalue()


def test_trainer_commands_offline(network_cut, private_data, tmp_path):
    from course.progress import AnswerRecord

    store = ProgressStore(private_data)
    learner = store.create_learner("Léa")
    store.record_answer(
        AnswerRecord(
            id="",
            learner=learner.id,
            lesson="alpha-un",
            quiz="alpha-un",
            question="q-short",
            qtype="short",
            response="courriel",
            response_text="courriel",
            correct=True,
            score=1.0,
            hints_used=0,
            duration_s=4.0,
            timestamp="",
            attempt=1,
            session="mardi",
        )
    )
    store.close()
    out, err = io.StringIO(), io.StringIO()
    assert run_validate(str(MINI), "json", out, err) == 0
    assert json.loads(out.getvalue())["valid"]
    common = ("--data", str(private_data), "--course", str(MINI))
    code, out_text, _ = workshop("report", *common)
    assert code == 0 and "Léa" in out_text
    code, out_text, _ = workshop("export", "--format", "csv", *common)
    assert code == 0 and "q-short" in out_text
    assert workshop("export", "--format", "csv", *common, "-o", str(tmp_path / "r.csv"))[0] == 0
    code, out_text, _ = workshop("export", "--format", "xapi", *common)
    assert code == 0 and "adlnet" in out_text  # verb identifiers are IRIs: written, never fetched
    assert workshop("export", "--format", "xapi", *common, "-o", str(tmp_path / "r.jsonl"))[0] == 0
    assert workshop("export", "--format", "progress", *common, "-o", str(tmp_path / "p.json"))[0] == 0
    code, out_text, _ = workshop("import", str(tmp_path / "p.json"), "--data", str(tmp_path / "autre"))
    assert code == 0


def test_the_cut_is_real(network_cut):
    """The fixture does catch a connection (then forgets it, so this test passes)."""
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 443)
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError):
            probe.connect(("192.0.2.1", 80))
    finally:
        probe.close()
    assert [name for name, _ in network_cut] == ["create_connection", "getaddrinfo", "socket.connect"]
    network_cut.clear()


# --- what ships: no URL fetched, no network module, outside `atelier serve` -------------------------

URL = re.compile(r"https?://[^\s\"'<>)]*")
# URLs that appear in code as identifiers, never opened: each with why.
KNOWN_IDENTIFIERS = {
    "content/schema.py": {
        "https://json-schema.org/draft/2020-12/schema",  # "$schema" of the exported JSON Schemas
        "https://atelier-numerique.invalid/schemas/",  # their "$id" (.invalid: resolves nowhere)
    },
    "reports/xapi.py": {
        "https://atelier.example/xapi",  # base of activity IRIs in xAPI statements
        "http://adlnet.gov/expapi/",  # xAPI verb IRIs (ADL's identifiers)
    },
    "cli_workshop.py": {"https://atelier.example/xapi"},  # the --xapi-base default
    "serve/__init__.py": {"http://"},  # the LAN address `atelier serve` prints
    "serve/server.py": {"http://"},  # the same, as learners' browsers see it
    "content/leftovers.py": {
        "https://www.example.org/"
    },  # a template's placeholder, flagged if left in a course
    "sync/push.py": {"http://adlnet.gov/expapi/verbs/voided"},  # the xAPI verb IRI of a voiding statement
    "i18n/messages_sync.py": {
        "http://",
        "https://",
        "https://.",
    },  # « il faut une adresse http:// ou https:// »
}
NETWORK_MODULES = (
    "socket",
    "ssl",
    "http.client",
    "urllib.request",
    "requests",
    "httpx",
    "aiohttp",
    "smtplib",
    "ftplib",
    "xmlrpc",
    "webbrowser",
    "websockets",
    "urllib3",
)
SERVE = (
    "serve/",  # the LAN server: network by design, started only by `atelier serve`
    "sync/",
)  # the LRS push: reaches the network only when the trainer runs `atelier sync`


def shipped(suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(
        p for p in COURSE.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts
    )


def code_strings(tree: ast.AST) -> list[str]:
    """Every string constant of a module that is not a docstring (f-string parts included)."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # attribute docstrings
            docstrings.add(id(node.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_url_in_code_but_known_identifiers():
    found = {}
    for path in shipped((".py",)):
        rel = path.relative_to(COURSE).as_posix()
        for text in code_strings(ast.parse(path.read_text(encoding="utf-8"))):
            for url in URL.findall(text):
                if url not in KNOWN_IDENTIFIERS.get(rel, set()):
                    found.setdefault(rel, []).append(url)
    assert found == {}, (
        "a URL in code: if it is fetched, it breaks offline use; if it is only an "
        f"identifier, add it to KNOWN_IDENTIFIERS with why: {found}"
    )


def test_no_url_in_styles_templates_or_pages():
    found = []
    for path in shipped((".tcss", ".css", ".yaml", ".yml", ".html", ".js", ".json", ".md", ".txt")):
        rel = path.relative_to(COURSE).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for url in URL.findall(line):
                before = line[: line.index(url)]
                if path.suffix in (".yaml", ".yml") and ("#" in before or re.match(r"\s*url:\s*$", before)):
                    continue  # a comment, or a source's `url:` (shown to the reader, never fetched)
                if path.suffix == ".tcss" and "/*" in before:
                    continue
                if path.suffix == ".html" and url == "http://www.w3.org/2000/svg" and "xmlns" in before:
                    continue  # an XML namespace
                found.append(f"{rel}:{number}: {url}")
    assert found == []


def test_no_network_module_outside_serve():
    found = []
    for path in shipped((".py",)):
        rel = path.relative_to(COURSE).as_posix()
        if rel.startswith(SERVE):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            found += [
                f"{rel}:{node.lineno}: {name}"
                for name in names
                if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES)
            ]
    assert found == []


def test_markdown_never_opens_links():
    """Lesson texts are Markdown and may hold links: every Markdown widget keeps them closed."""
    found = []
    for path in shipped((".py",)):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Markdown"
            ):
                keywords = {k.arg: k.value for k in node.keywords}
                closed = (
                    isinstance(keywords.get("open_links"), ast.Constant)
                    and keywords["open_links"].value is False
                )
                if not closed:
                    found.append(f"{path.relative_to(COURSE)}:{node.lineno}")
    assert found == []
