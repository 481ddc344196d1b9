"""The loader's shortcuts read a course as the long way does.

The plans come from the model's annotations evaluated once each (not from `typing.get_type_hints`
for every class); a text is read in fewer calls; `syntax_hints` is imported only for a file with a
no-break space or one that does not parse. Each is compared here with what it stands for.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import typing
from pathlib import Path

import yaml

from course.content import build, loader, model, syntax_hints
from course.content.loader import _Loader, load_course

ROOT = Path(__file__).resolve().parents[2]


def test_each_field_s_plan_reads_the_type_get_type_hints_reads() -> None:
    classes = [cls for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)]
    assert len(classes) > 30
    for cls in classes:
        hints = typing.get_type_hints(cls)
        plans = build.plan_for(cls)
        for f in dataclasses.fields(cls):
            if f.name in plans:
                assert plans[f.name].kind == build._kind(hints[f.name]), (cls.__name__, f.name)


def test_the_loader_looks_for_the_spaces_syntax_hints_explains() -> None:
    assert set(loader._NO_BREAK_SPACES) == set(syntax_hints._NBSP)


def _write(root: Path, *lessons: str) -> None:
    (root / "lessons" / "m").mkdir(parents=True)
    (root / "lessons" / "m" / "module.yaml").write_text("title: Module\n", encoding="utf-8")
    for number, text in enumerate(lessons, 1):
        (root / "lessons" / "m" / f"l{number}.yaml").write_text(text, encoding="utf-8")


def _lesson(ident: str, title: str, summary: str, *objectives: str) -> str:
    listed = "".join(f"  - {objective}\n" for objective in objectives)
    return (
        f"id: {ident}\ntitle: {title}\nsummary: {summary}\nduration_min: 5\n"
        f"objectives:\n{listed}sections:\n  - title: Un\n    text: |\n      Texte.\n"
    )


def test_texts_are_checked_in_the_same_order_with_the_same_words(tmp_path: Path) -> None:
    """Each rule of a text (a number to quote, a comment that cut it, a placeholder, a blank text,
    control characters) still speaks at its place, in its order, as before the shortcut."""
    _write(
        tmp_path,
        _lesson("l1", "Leçon #2   # suite", "Bien.", "Écrivez ici le contenu de la section", '"bip \\x07"'),
        _lesson("l2", "Leçon", "0612345678", "'   '", "Lire"),
    )
    course = load_course(tmp_path)
    found = [(p.path.rpartition("/")[2], p.line, p.col, p.code) for p in course.problems]
    assert found == [
        ("course.yaml", 1, 1, "no_course_file"),
        ("l1.yaml", 2, 14, "text_cut_by_hash"),
        ("l1.yaml", 6, 5, "leftover_text"),
        ("l1.yaml", 7, 5, "control_chars"),
        ("l2.yaml", 3, 10, "quote_it_number"),
        ("l2.yaml", 6, 5, "empty_text"),
    ]
    lesson = course.lessons["l1"]
    assert (lesson.title, lesson.summary) == ("Leçon", "Bien.")  # « #2 » began a comment
    assert lesson.objectives == ["Écrivez ici le contenu de la section", "bip \u2407"]
    assert "l2" not in course.lessons


def test_a_key_written_twice_in_a_list_item_still_means_a_lost_dash(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "id: l1\ntitle: Leçon\nsections:\n  - title: Un\n    text: A.\n    title: Deux\n    text: B.\n",
    )
    codes = [p.code for p in load_course(tmp_path).problems]
    assert "yaml_missing_dash" in codes
    _write(tmp_path / "other", "id: l1\ntitle: Leçon\nid: l2\nsections:\n  - title: Un\n    text: A.\n")
    codes = [p.code for p in load_course(tmp_path / "other").problems]
    assert "duplicate_key" in codes and "yaml_missing_dash" not in codes


def test_lists_read_after_a_first_duplicate_are_still_known_and_each_is_noted_once(tmp_path: Path) -> None:
    """Whether a mapping was a list item is asked only of a key written twice; the lists read
    after that first question are noted when next asked, and no list is gone through twice."""
    text = (
        "id: l1\ntitle: Leçon\ntrainer:\n  notes: A\n  notes: B\n"  # asked before any list
        "sections:\n  - title: Un\n    text: A.\n  - title: Deux\n    text: B.\n    title: Trois\n"
    )
    node = yaml.compose(text, Loader=_Loader)
    assert node is not None
    builder = build.Builder("l1.yaml", text)
    builder.build(model.Lesson, node, "lesson")
    codes = [problem.code for problem in builder.problems]
    assert codes.count("duplicate_key") == 1 and codes.count("yaml_missing_dash") == 1
    assert builder._noted == len(builder._lists) == 1
    assert len(builder._items) == 2  # the two sections, noted once


_IMPORTED = """
import sys
from pathlib import Path
from course.content.loader import load_course
course = load_course(Path(sys.argv[1]))
print(len(course.lessons), bool(course.errors), "course.content.syntax_hints" in sys.modules)
"""


def test_a_course_that_parses_is_read_without_the_syntax_hints(tmp_path: Path) -> None:
    def read(root: Path) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", _IMPORTED, str(root)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
            check=True,
        )
        return done.stdout.split()

    assert read(ROOT) == ["24", "False", "False"]  # the bundled course
    _write(tmp_path, "id: l1\ntitle: [Leçon\n")
    assert read(tmp_path) == ["0", "True", "True"]  # a file that does not parse is explained
