"""The checks that can only warn wait until the problems are read, and then report the same.

A learner's start reads only the course's errors (the map names the files that could not be
read); `atelier validate`, the preview and the problems screen read every problem. Whether
the section heights, images and quiz cues are checked while loading or on first reading,
the list is the same, in the same order, from a fresh load or from the course cache.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.content import cue_checks, section_checks
from course.content.bundled import bundled_course_dir
from course.content.cache import load_course_cached
from course.content.loader import load_course
from tests.unit.small_course import BAD, OK_LESSON, OK_QUIZ, QUIZ, write

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TALL = "".join(f"      Ligne {n} d'une section bien trop longue pour un écran.\n" for n in range(30))
WARNED_LESSON = OK_LESSON.replace(
    "    text: Du texte.\n",
    "    text: |\n"
    + TALL
    + "      ![](absente.png) et ![Le schéma](https://example.org/schema.png)\n"
    + "      ![](https://example.org/sans-texte.png)\n"
    + "      \tune ligne qui commence par une tabulation, assez longue pour passer à la ligne suivante\n"
    + "  - title: Seconde\n    text: Court.\n",
)
CUED_QUIZ = OK_QUIZ + (
    "  - id: longue\n"
    "    type: single\n"
    "    prompt: Que faire d'un SMS douteux ?\n"
    "    choices:\n"
    "      - text: Le transférer au 33700 puis le supprimer sans cliquer sur le lien\n"
    "        correct: true\n"
    "      - text: Cliquer\n"
    "      - text: Répondre\n"
    "  - id: toutes\n"
    "    type: single\n"
    "    prompt: Quels réflexes ?\n"
    "    choices:\n"
    "      - text: Lire l'adresse\n"
    "      - text: Toutes les réponses ci-dessus\n"
    "        correct: true\n"
)
# A warned lesson, a cued quiz, a glossary that cannot be read (the lesson's reference to its
# term is a consequence) and a lesson that cannot be read.
WARNED = {
    "lessons/m/01-ok.yaml": WARNED_LESSON,
    QUIZ: CUED_QUIZ,
    "lessons/glossary.yaml": "terms:\n  - id: terme\n    term: [Terme\n",
    BAD: "id: casse\ntitle: Titre: deux points\n",
}


def _same_either_way(root: Path) -> list[tuple[str, int, int, str, str]]:
    eager = load_course(root, defer_warnings=False)
    later = load_course(root)
    assert later.errors == eager.errors
    assert later.files_with_errors() == eager.files_with_errors()
    assert later.problems == eager.problems
    assert later.warnings == eager.warnings
    return [(p.path, p.line, p.col, p.severity, p.code) for p in later.problems]


def test_a_course_with_every_kind_of_deferred_warning_reports_the_same(tmp_path):
    found = _same_either_way(write(tmp_path / "cours", WARNED))
    codes = {code for *_, code in found}
    assert {"section_too_tall", "image_missing", "image_not_shown", "image_without_text"} <= codes
    assert {"cue_longest_choice", "cue_all_of_the_above", "unknown_ref_broken"} <= codes
    assert any(severity == "error" for *_, severity, _ in found)


@pytest.mark.parametrize(
    "root",
    [bundled_course_dir(), FIXTURES / "mini", FIXTURES / "activites", FIXTURES / "broken" / "course"],
    ids=["bundled", "mini", "activites", "broken"],
)
def test_the_committed_courses_report_the_same(root):
    _same_either_way(root)


def test_each_frequent_mistake_reports_the_same(tmp_path):
    mistakes = sorted((FIXTURES / "broken" / "mistakes").glob("*.yaml"))
    assert len(mistakes) > 40
    for number, path in enumerate(mistakes):
        target = "lessons/m/01-ok.yaml" if path.name.startswith("lesson-") else QUIZ
        files = {**WARNED, target: path.read_bytes()}
        _same_either_way(write(tmp_path / f"cours{number}", files))


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How many lessons' sections and quizzes' cues were checked."""
    calls = {"sections": 0, "cues": 0}
    sections, cues = section_checks.section_problems, cue_checks.quiz_cues

    def count_sections(*args):
        calls["sections"] += 1
        return sections(*args)

    def count_cues(*args):
        calls["cues"] += 1
        return cues(*args)

    monkeypatch.setattr(section_checks, "section_problems", count_sections)
    monkeypatch.setattr(cue_checks, "quiz_cues", count_cues)
    return calls


def test_a_start_that_reads_only_the_errors_checks_no_section_and_no_cue(tmp_path, counted):
    course = load_course(write(tmp_path / "cours", WARNED))
    assert course.files_with_errors() == ["lessons/glossary.yaml", BAD]
    assert course.errors and counted == {"sections": 0, "cues": 0}
    assert any(p.code == "section_too_tall" for p in course.warnings)
    assert counted == {"sections": 1, "cues": 1}  # one lesson and one quiz were read
    assert course.problems == course.problems and course.warnings
    assert counted == {"sections": 1, "cues": 1}  # once


def test_the_cached_course_reports_every_warning_cold_and_warm(tmp_path, counted):
    root = write(tmp_path / "cours", WARNED)
    cold = load_course_cached(root, tmp_path / "cache")
    warm = load_course_cached(root, tmp_path / "cache")
    assert counted == {"sections": 0, "cues": 0}  # nor when the course is stored or read back
    eager = load_course(root, defer_warnings=False)
    for course in (cold, warm):
        assert course.files_with_errors() == eager.files_with_errors()
        assert course.problems == eager.problems
    assert any(p.code == "cue_longest_choice" for p in warm.warnings)


def test_a_start_imports_no_warning_check(tmp_path):
    """Loading and reading the errors, as the app's start does, leaves the cue and height checks unimported."""
    root = write(tmp_path / "cours", WARNED)
    code = (
        "import sys\n"
        "from course.content.loader import load_course\n"
        f"course = load_course({str(root)!r})\n"
        "assert course.files_with_errors()\n"
        "print(sorted(m for m in ('course.content.cue_checks', 'course.content.section_checks') if m in sys.modules))\n"
        "course.warnings\n"
        "print(sorted(m for m in ('course.content.cue_checks', 'course.content.section_checks') if m in sys.modules))\n"
    )
    lines = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.splitlines()
    assert lines == ["[]", "['course.content.cue_checks', 'course.content.section_checks']"]


PIECES = [*"ab é.!-\t\n\r\x0b\x0c\u00a0\u2003", "mot", "x" * 30]


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    width=st.sampled_from([1, 3, 10, 74]),
)
def test_the_height_estimate_counts_the_lines_textwrap_makes(text, width):
    """Short lines and lines without hyphen or tab are counted without textwrap, to the same count."""
    wrapped = sum(max(1, len(textwrap.wrap(line, width))) for line in text.rstrip("\n").split("\n"))
    assert section_checks.estimated_rows(text, width) == wrapped
