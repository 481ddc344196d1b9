"""Property tests: whatever a trainer's editor writes, the loader answers with problems, never a crash.

(a) any bytes as a lesson or quiz file; (b) any YAML tree, dumped by PyYAML, as
a lesson or quiz, and mutations of the mini course's own quiz; (c) the mini
course itself loads with zero problems. Each problem must be placed (line and
column from 1) in a file of the course, and the valid lesson beside the fuzzed
file must still load.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.content import model
from course.content.build import plan_for
from course.content.loader import load_course

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
FUZZED_LESSON = "lessons/alpha/03-fuzz.yaml"
FUZZED_QUIZ = "quizzes/alpha/03-fuzz.yaml"

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


KEPT = (
    "lessons/course.yaml",
    "lessons/alpha/module.yaml",
    "lessons/alpha/02-deux.yaml",
    "quizzes/alpha/02-deux.yaml",
)


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory) -> Path:
    """Four files of the mini course (few, so that examples run fast); each example adds its own file."""
    root = tmp_path_factory.mktemp("fuzz") / "cours"
    for rel in KEPT:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MINI / rel, root / rel)
    (root / "quizzes" / "alpha").mkdir(parents=True, exist_ok=True)
    return root


def load_with(root: Path, rel: str, data: bytes):
    other = FUZZED_QUIZ if rel == FUZZED_LESSON else FUZZED_LESSON
    (root / other).unlink(missing_ok=True)
    (root / rel).write_bytes(data)
    course = load_course(root)  # must not raise
    assert course.files_read == len(KEPT) + 1
    for problem in course.problems:
        assert problem.line >= 1 and problem.col >= 1, problem
        assert problem.severity in ("error", "warning")
        assert (root / problem.path).exists() or problem.code == "no_module_file", problem
        assert problem.message and problem.format().startswith(
            f"{problem.path}:{problem.line}:{problem.col}: "
        )
    # the valid lesson beside it always loads (a fuzzed file cannot take its id first: it sorts last)
    assert "alpha-deux" in course.lessons
    fuzzed = [p for p in course.problems if p.path == rel]
    loaded = [o for o in (*course.lessons.values(), *course.quizzes.values()) if o.pos.path == rel]
    assert fuzzed or loaded, "a file vanished without a word"
    return course


# --- (a) any bytes ----------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "id: ",
        "title: ",
        "questions:",
        "sections:",
        "type: ",
        "single",
        "- ",
        "  ",
        "    ",
        "\n",
        "\r\n",
        "\t",
        ":",
        ": ",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!x ",
        "---",
        "...",
        "|",
        ">",
        "? ",
        "%YAML 1.1",
        "\ufeff",
        "\x00",
        "\x1b[31m",
        "é",
        "œ",
        "\u202e",
        "no",
        "012",
        "12:30",
        "true",
        "True",
        "~",
        "null",
        "\\",
        "\\e",
        "@",
        "`",
        "%",
        "\x85",
        "\u2028",
    ]
)
YAMLISH = st.lists(FRAGMENTS | st.text(max_size=6), max_size=40).map("".join)
ENCODED = st.tuples(YAMLISH, st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1", "utf-8-sig"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
ANY_BYTES = st.binary(max_size=300) | ENCODED | YAMLISH.map(lambda s: s.encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=ANY_BYTES)
def test_any_bytes_as_a_lesson_never_raise(course_dir, data):
    load_with(course_dir, FUZZED_LESSON, data)


@FUZZ
@given(data=ANY_BYTES)
def test_any_bytes_as_a_quiz_never_raise(course_dir, data):
    load_with(course_dir, FUZZED_QUIZ, data)


# --- (b) any YAML tree ------------------------------------------------------------------------------

MODEL_CLASSES = [
    model.Lesson,
    model.Section,
    model.Source,
    model.TrainerNotes,
    model.Quiz,
    model.Choice,
    model.Pair,
    *model.QUESTION_TYPES.values(),
]
KNOWN_KEYS = sorted({key for cls in MODEL_CLASSES for key in plan_for(cls)} | {"type"})
WORDS = [
    "single",
    "multiple",
    "true_false",
    "order",
    "match",
    "short",
    "singel",
    "fact",
    "alpha-un",
    "alpha-deux",
    "beta-un",
    "courriel",
    "yes",
    "no",
    "on",
    "012",
    "12:30",
    "2024-01-01",
    "",
    " ",
    "\x1b[2J",
    "a\u202eb",
    "œuf",
    "true",
    "false",
]

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, width=32)
    | st.text(max_size=12)
    | st.sampled_from(WORDS)
)
KEYS = st.sampled_from(KNOWN_KEYS) | st.text(max_size=6) | st.integers(0, 3) | st.booleans() | st.none()


def trees(leaves: int) -> st.SearchStrategy:
    return st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
        max_leaves=leaves,
    )


TREES = trees(20)
DOCUMENTS = st.dictionaries(st.sampled_from(KNOWN_KEYS), TREES, max_size=8) | TREES
SMALL_TREES = trees(6)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(tree: object, flow: bool | None, unicode: bool) -> bytes:
    return yaml.dump(
        tree, Dumper=_Dumper, allow_unicode=unicode, default_flow_style=flow, sort_keys=False
    ).encode("utf-8")


@FUZZ
@given(
    tree=DOCUMENTS, flow=st.sampled_from([None, False, True]), unicode=st.booleans(), as_quiz=st.booleans()
)
def test_any_yaml_tree_never_raises_and_every_problem_is_placed(course_dir, tree, flow, unicode, as_quiz):
    load_with(course_dir, FUZZED_QUIZ if as_quiz else FUZZED_LESSON, dump(tree, flow, unicode))


def _mini_quiz() -> dict:
    return yaml.safe_load((MINI / "quizzes" / "alpha" / "01-un.yaml").read_text(encoding="utf-8"))


def _paths(tree: object, prefix: tuple = ()) -> list[tuple]:
    """Every place in a tree (a key of a dict or an index of a list)."""
    found = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_quizzes(draw) -> dict:
    """The mini quiz with a few places replaced by any tree, or removed: near-valid input."""
    quiz = _mini_quiz()
    quiz["id"] = "fuzz"
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _paths(quiz) if p]
        if not places:
            break
        place = draw(st.sampled_from(places))
        parent = quiz
        for step in place[:-1]:
            parent = parent[step]
        if draw(st.booleans()):
            parent[place[-1]] = draw(SMALL_TREES)
        elif isinstance(parent, dict):
            del parent[place[-1]]
        else:
            parent.pop(place[-1])
    return quiz


@FUZZ
@given(quiz=mutated_quizzes())
def test_mutated_mini_quiz_never_raises(course_dir, quiz):
    course = load_with(course_dir, FUZZED_QUIZ, dump(quiz, None, True))
    fuzzed = [q for q in course.quizzes.values() if q.pos.path == FUZZED_QUIZ]
    for loaded in fuzzed:  # whatever is kept can be answered right
        assert loaded.questions
        for question in loaded.questions:
            assert model.question_text(question).strip()
            if isinstance(question, model.SingleQuestion):
                assert sum(c.correct for c in question.choices) == 1
            if isinstance(question, model.ShortQuestion):
                assert question.accept


# --- (c) the mini course -----------------------------------------------------------------------------


def test_mini_course_loads_with_zero_problems():
    course = load_course(MINI)
    assert course.problems == []
    assert len(course.lessons) == 3 and len(course.quizzes) == 2 and len(course.glossary) == 3


@settings(max_examples=20, deadline=None)
@given(order=st.permutations(["alpha", "beta"]))
def test_module_order_comes_from_order_not_folder_names(tmp_path_factory, order):
    root = tmp_path_factory.mktemp("ordre") / "cours"
    shutil.copytree(MINI, root)
    # rename the folders so that name order and `order` disagree half of the time
    for index, name in enumerate(order):
        (root / "lessons" / name).rename(root / "lessons" / f"{'zy'[index]}-{name}")
    course = load_course(root)
    assert course.problems == []
    assert [m.title for m in course.modules] == ["Module alpha", "Module bêta"]
    assert [lesson.id for lesson in course.ordered_lessons()] == ["alpha-un", "alpha-deux", "beta-un"]


def test_loaded_objects_are_frozen():
    lesson = load_course(MINI).lessons["alpha-un"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lesson.title = "autre"  # type: ignore[misc]
