"""Read a course folder into a `Course`: every file it can, every problem as a value.

One bad file never stops the others: a file that cannot be read is named in
`Course.problems` and the rest of the course loads. Only a folder that holds no
course at all raises `CourseNotFound`.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import gc
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from course.content import checks
from course.content.build import Builder
from course.content.course import Course, CourseNotFound
from course.content.depth import MAX_DEPTH, too_deep
from course.content.model import CourseInfo, Glossary, GlossaryTerm, Lesson, Module, Quiz
from course.content.problems import Problem
from course.i18n import t

MAX_FILE_BYTES = 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")
_SAVED_AS_TEXT = (".yaml.txt", ".yml.txt")  # what some editors save a YAML file as
_TOP_FILES = ("course.yaml", "glossary.yaml")
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
"""Those `syntax_hints.leading_nbsp` looks for: a file without any needs no hint (nor that module)."""


_WILD: list[Any] = _SafeLoader.yaml_implicit_resolvers.get(None, [])
_BY_FIRST: dict[str, list[Any]] = {
    first: [*resolvers, *_WILD]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    if first is not None
}


class _Loader(_SafeLoader):  # type: ignore[misc]
    """The safe loader, its tags resolved as PyYAML's resolver does, with fewer Python calls per node.

    PyYAML's resolver, in Python even under libyaml, is called three times per node: to enter
    and leave it (which, without path resolvers, do nothing) and to find its tag (scanning the
    implicit resolvers for its first character, then the wildcard ones). Here entering and leaving
    are builtins that do nothing of use (no Python frame), and each first character has its list
    of resolvers made once (`_BY_FIRST`): about a quarter of the time to compose a course.
    """

    descend_resolver = slice  # called as (node, index): makes a slice, kept by no one
    ascend_resolver = tuple  # called without arguments: gives ()

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], _WILD):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG


assert not _SafeLoader.yaml_path_resolvers, "path resolvers would need descend_resolver"
__all__ = ["MAX_DEPTH", "CourseNotFound", "compose_file", "load_course", "load_file", "too_deep"]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _decode(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, [Problem.make(rel, 1, 1, "encoding_utf32")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem.make(rel, 1, 1, "encoding_utf16")]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1  # in characters, as YAML counts
        return None, [Problem.make(rel, line, col, "encoding", byte=f"0x{data[error.start]:02X}")]


def compose_file(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    """The YAML tree of one file, or the problems that stopped it from being read."""
    node, _text, problems = _compose(path, rel)
    return node, problems


def _compose(path: Path, rel: str) -> tuple[Node | None, str, list[Problem]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, "", [Problem.make(rel, 1, 1, "file_too_big", limit=MAX_FILE_BYTES // 1024)]
        data = path.read_bytes()
    except OSError as error:
        return (
            None,
            "",
            [
                Problem.make(
                    rel,
                    1,
                    1,
                    "unreadable",
                    reason=t(_OS_REASONS.get(error.errno or 0, "content.reason.other")),
                )
            ],
        )  # the system's words may be English
    text, problems = _decode(data, rel)
    if text is None:
        return None, "", problems
    if any(char in text for char in _NO_BREAK_SPACES):
        from course.content import syntax_hints

        hint = syntax_hints.leading_nbsp(text)
        if hint is not None:
            return None, "", [Problem.make(rel, hint.line, hint.col, hint.code, **hint.params)]
    try:
        deep = too_deep(text, MAX_DEPTH, _Loader)
        if deep is not None:
            return None, "", [Problem.make(rel, deep.line + 1, deep.column + 1, "too_deep")]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        from course.content import syntax_hints  # only a file that does not parse needs its hints

        hint = syntax_hints.explain(text, error)
        return None, "", [Problem.make(rel, hint.line, hint.col, hint.code, **hint.params)]
    except yaml.reader.ReaderError as error:
        # No mark here, and libyaml counts `position` in bytes: find the character instead.
        index = text.find(chr(error.character)) if isinstance(error.character, int) else -1
        before = text[: max(index, 0)]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        char = f"U+{error.character:04X}" if isinstance(error.character, int) else "?"
        return None, "", [Problem.make(rel, line, col, "yaml_special_char", char=char)]
    except yaml.YAMLError:
        return None, "", [Problem.make(rel, 1, 1, "yaml_syntax")]
    except RecursionError:
        return None, "", [Problem.make(rel, 1, 1, "too_deep")]
    if node is None:
        return None, "", [Problem.make(rel, 1, 1, "empty_file")]
    return node, text, []


def load_file(
    cls: type, path: Path, root: Path, what: str, refused: checks.Refused | None = None
) -> tuple[Any, list[Problem]]:
    """One model object from one file, with its problems.

    `refused`, when given, receives the ids of what could not be read (the file's
    own id when the whole file is unreadable), so that references to them are
    reported as consequences.
    """
    rel = _rel(path, root)
    node, text, problems = _compose(path, rel)
    if node is None:
        if refused is not None and problems:
            ident = "*" if cls is Glossary else _written_id(path)
            if ident:
                refused.setdefault((what, ident), problems[0])
        return None, problems
    misplaced = _misplaced(node, what, rel, path)
    if misplaced is not None:
        if refused is not None:
            ident = _written_id(path)
            if ident:
                refused.setdefault(("quiz" if what == "lesson" else "lesson", ident), misplaced)
        return None, [misplaced]
    builder = Builder(rel, text)
    obj = builder.build(cls, node, what)
    if refused is not None:
        for (kind, ident), problem in builder.refused.items():
            refused.setdefault((_REFERRED_AS.get(kind, "question"), ident), problem)
        if obj is None and cls is Glossary and builder.problems:
            refused.setdefault(("glossary", "*"), builder.problems[0])
    return obj, builder.problems


def _misplaced(node: Node, what: str, rel: str, path: Path) -> Problem | None:
    """A quiz saved among the lessons (or a lesson among the quizzes): say where it belongs."""
    if not isinstance(node, MappingNode):
        return None
    keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)}
    if what == "lesson" and "questions" in keys and "sections" not in keys:
        return Problem.make(rel, 1, 1, "quiz_in_lessons", folder=f"quizzes/{path.parent.name}/")
    if what == "quiz" and "sections" in keys and "questions" not in keys:
        folder = path.parent.name if path.parent.name != "quizzes" else "MODULE"
        return Problem.make(rel, 1, 1, "lesson_in_quizzes", folder=f"lessons/{folder}/")
    return None


_OS_REASONS = {
    errno.EACCES: "content.reason.access",
    errno.EPERM: "content.reason.access",
    errno.ENOENT: "content.reason.gone",
    errno.EISDIR: "content.reason.folder",
    errno.EIO: "content.reason.disk",
}
_REFERRED_AS = {Lesson: "lesson", Quiz: "quiz", GlossaryTerm: "glossary", Module: "module"}
_ID_LINE = re.compile(r"^id:[ \t]*[\"']?([^\"'#\s]+)", re.MULTILINE)


def _written_id(path: Path) -> str:
    """The `id:` written at the top level of a file that could not be read, or ""."""
    try:
        found = _ID_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""
    return found.group(1) if found else ""


@functools.lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()


def _inside(path: Path, root: Path) -> bool:
    """True unless `path` (a symlink, say) leads out of the course folder."""
    try:
        path.resolve().relative_to(_resolved(root))
        return True
    except (ValueError, OSError):
        return False


def _course_file(path: Path, root: Path, problems: list[Problem]) -> bool:
    """Whether `path` is a file to read: present, and inside the course (else it is said)."""
    if not path.is_file():
        return False
    if not _inside(path, root):
        problems.append(Problem.make(_rel(path, root), 1, 1, "outside_course"))
        return False
    return True


def _yaml_files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    files = []
    folder_inside = _inside(folder, root)  # then only a symlink in it can lead out
    with os.scandir(folder) as entries:
        found = sorted(entries, key=lambda entry: entry.name)
    for entry in found:
        path = folder / entry.name
        if path.suffix.lower() not in YAML_SUFFIXES or entry.name.startswith(".") or not entry.is_file():
            if entry.name.lower().endswith(_SAVED_AS_TEXT) and not entry.name.startswith("."):
                problems.append(
                    Problem.make(
                        _rel(path, root), 1, 1, "saved_as_text", "warning", name=entry.name[: -len(".txt")]
                    )
                )
            continue
        if not (folder_inside and not entry.is_symlink()) and not _inside(path, root):
            problems.append(Problem.make(_rel(path, root), 1, 1, "outside_course"))
            continue
        files.append(path)
    return files


def _module_dirs(lessons_dir: Path, root: Path, problems: list[Problem]) -> list[Path]:
    dirs = []
    for path in sorted(lessons_dir.iterdir()):
        if not path.is_dir() or path.name.startswith((".", "_")):
            continue
        if not _inside(path, root):
            problems.append(Problem.make(_rel(path, root), 1, 1, "outside_course"))
            continue
        dirs.append(path)
    return dirs


def _stray_top_files(lessons_dir: Path, root: Path, problems: list[Problem]) -> None:
    """YAML files at the top of lessons/ that are neither course.yaml nor glossary.yaml are not read: say so."""
    for path in sorted(lessons_dir.iterdir()):
        name = path.name.lower()
        if path.name.startswith(".") or name in _TOP_FILES or not path.is_file():
            continue
        if name.endswith(_SAVED_AS_TEXT):
            problems.append(
                Problem.make(_rel(path, root), 1, 1, "saved_as_text", "warning", name=path.name[:-4])
            )
        elif path.suffix.lower() in YAML_SUFFIXES:
            problems.append(Problem.make(_rel(path, root), 1, 1, "misplaced_file", "warning"))


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Loading makes no reference cycles (YAML nodes, frozen dataclasses), yet the cyclic
    collector would walk all that is kept so far, again and again: 10-15 % of a big course's load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_course(root: Path, *, defer_warnings: bool = True) -> Course:
    """Load the course in `root` (which holds `lessons/` and `quizzes/`).

    The checks that can only warn (section heights, images, quiz cues) wait, by default,
    until the course's `problems` or `warnings` are first read: a learner's start reads
    only its errors. Either way `problems` ends up the same.
    """
    with _cycle_collector_paused():
        return _load_course(Path(root), defer_warnings)


def _load_course(root: Path, defer_warnings: bool) -> Course:
    lessons_dir = root / "lessons"
    if not lessons_dir.is_dir():
        raise CourseNotFound(str(root))
    problems: list[Problem] = []
    refused: checks.Refused = {}
    files = 0

    info = None
    info_path = lessons_dir / "course.yaml"
    if _course_file(info_path, root, problems):
        info, found = load_file(CourseInfo, info_path, root, "course")
        problems += found
        files += 1
    elif not info_path.is_file():
        problems.append(Problem.make(_rel(info_path, root), 1, 1, "no_course_file", "warning"))

    _stray_top_files(lessons_dir, root, problems)
    glossary = None
    glossary_path = lessons_dir / "glossary.yaml"
    if _course_file(glossary_path, root, problems):
        glossary, found = load_file(Glossary, glossary_path, root, "glossary", refused)
        problems += found
        files += 1

    modules: list[Module] = []
    lessons: list[Lesson] = []
    for folder in _module_dirs(lessons_dir, root, problems):
        module_path = folder / "module.yaml"
        module = None
        if _course_file(module_path, root, problems):
            module, found = load_file(Module, module_path, root, "module")
            problems += found
            files += 1
        elif not module_path.is_file():
            problems.append(Problem.make(_rel(module_path, root), 1, 1, "no_module_file"))
        ids = []
        for path in _yaml_files(folder, root, problems):
            if path.name in ("module.yaml", "module.yml"):
                continue
            files += 1
            lesson, found = load_file(Lesson, path, root, "lesson", refused)
            problems += found
            if lesson is not None:
                lesson = checks.with_module(lesson, folder.name)
                lessons.append(lesson)
                ids.append(lesson.id)
        module = checks.finish_module(module, folder.name, ids)
        modules.append(module)

    quizzes: list[Quiz] = []
    quizzes_dir = root / "quizzes"
    if quizzes_dir.is_dir():
        for folder in [quizzes_dir, *_module_dirs(quizzes_dir, root, problems)]:
            for path in _yaml_files(folder, root, problems):
                files += 1
                quiz, found = load_file(Quiz, path, root, "quiz", refused)
                problems += found
                if quiz is not None:
                    quizzes.append(quiz)

    modules.sort(key=lambda m: (m.order, m.id))
    return checks.assemble(
        root, info, glossary, modules, lessons, quizzes, problems, files, refused, defer_warnings
    )
