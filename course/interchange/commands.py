"""What `atelier gift …` and `atelier aiken …` run: read, convert, write, report.

Each function writes to the streams it is given (never print) and returns the
exit code: 0 all converted, 1 some questions not converted (the rest written),
2 the input cannot be read or the output cannot be written. The converted text
goes to `out`, or to `stream` when `out` is None; notices go to `messages`
(default `stream`), or, when everything shares one stream, into the output as
comments so that it stays a valid file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import yaml  # type: ignore[import-untyped, unused-ignore]

from course.i18n import t
from course.interchange import ExportResult, ImportResult, Notice, notice, question_title, slugify
from course.interchange.aiken import read_aiken, write_aiken
from course.interchange.gift_reader import read_gift
from course.interchange.gift_writer import write_gift
from course.interchange.rules import problem
from course.interchange.yaml_writer import dump_quiz

Reader = Callable[[str, str, "str | None"], ImportResult]


def _read_text(path: Path, messages: TextIO) -> str | None:
    """The file's text (UTF-8, BOM accepted), or None after saying why not."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        messages.write(t("interchange.cmd.missing", path=path) + "\n")
    except UnicodeDecodeError:
        messages.write(t("interchange.cmd.not_utf8", path=path) + "\n")
    except OSError as error:
        messages.write(t("interchange.cmd.unreadable", path=path, reason=error.strerror or error) + "\n")
    return None


def _read_quiz(path: Path, messages: TextIO) -> dict[str, Any] | None:
    """A quiz YAML file as a dict, or None after saying why it cannot be used."""
    text = _read_text(path, messages)
    if text is None:
        return None
    from course.content.loader import too_deep

    try:
        if too_deep(text) is not None:  # refused before any recursive parser sees it
            raise RecursionError
        quiz = yaml.safe_load(text)
    except RecursionError:
        messages.write(t("interchange.cmd.bad_yaml", path=path, reason=t("content.too_deep")) + "\n")
        return None
    except yaml.MarkedYAMLError as error:  # said as `atelier validate` says it, in the trainer's words
        from course.content.syntax_hints import explain

        hint = explain(text, error)
        from course.content.problems import Problem

        said = Problem.make(str(path), hint.line, hint.col, hint.code, **hint.params).message
        reason = f"{path}:{hint.line}:{hint.col} : {said}"
        messages.write(t("interchange.cmd.bad_yaml", path=path, reason=reason) + "\n")
        return None
    except yaml.YAMLError:
        messages.write(t("interchange.cmd.bad_yaml", path=path, reason=t("content.yaml_syntax")) + "\n")
        return None
    if not isinstance(quiz, dict) or not isinstance(quiz.get("questions"), list):
        messages.write(t("interchange.cmd.not_quiz", path=path) + "\n")
        return None
    return quiz


def _write(out: Path, text: str, messages: TextIO) -> bool:
    """Write beside the target then rename, so a failure never leaves half a file."""
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, out)
        return True
    except OSError as error:
        temporary.unlink(missing_ok=True)
        messages.write(t("interchange.cmd.cannot_write", path=out, reason=error.strerror or error) + "\n")
        return False


def _label(item: Notice) -> str:
    key = "interchange.cmd.skipped" if item.skipped else "interchange.cmd.check"
    return f"{t(key)} — {item.message()}"


def _deliver(
    text: str,
    out: Path | None,
    stream: TextIO,
    messages: TextIO | None,
    notices: list[Notice],
    done: int,
    skipped: int,
) -> int:
    """Write the text and the notices where they belong; the exit code."""
    if out is None:
        stream.write(text)
    elif not _write(out, text, messages or stream):
        return 2
    if out is not None or messages is not None:
        target = messages or stream
        for item in notices:
            target.write(_label(item) + "\n")
        key = "interchange.cmd.written" if out is not None else "interchange.cmd.summary"
        target.write(t(key, path=out, done=done, skipped=skipped) + "\n")
    return 1 if skipped else 0


def _backup_name(out: Path) -> Path:
    """A free name beside `out` for its previous content (`.bak` is never read as a course file)."""
    candidate = out.with_name(out.name + ".bak")
    number = 1
    while candidate.exists():
        number += 1
        candidate = out.with_name(f"{out.name}.{number}.bak")
    return candidate


def _keep_existing(out: Path | None, force: bool, messages: TextIO) -> bool | None:
    """Never lose a trainer's file: refuse to replace it, or (forced) keep a copy first.

    True when writing may go on, False when it must not (already said).
    """
    if out is None or not out.exists():
        return True
    backup = _backup_name(out)
    if not force:
        messages.write(t("interchange.cmd.exists", path=out, backup=backup.name) + "\n")
        return False
    try:
        shutil.copy2(out, backup)
    except OSError as error:
        messages.write(t("interchange.cmd.cannot_write", path=backup, reason=error.strerror or error) + "\n")
        return False
    messages.write(t("interchange.cmd.backup", path=out, backup=backup) + "\n")
    return True


def _keep_valid(result: ImportResult) -> None:
    """Keep only questions the loader accepts (its own rules): no import ends in a quiz validate refuses."""
    kept = []
    for question in result.quiz["questions"]:
        reason = problem(question)
        if reason is None:
            kept.append(question)
        else:
            result.notices.append(
                notice("interchange.import.invalid", question_title(question), skipped=True, reason=reason)
            )
    result.quiz["questions"] = kept


def _import(
    reader: Reader,
    fmt: str,
    path: Path,
    out: Path | None,
    quiz_id: str | None,
    lesson_id: str | None,
    stream: TextIO,
    messages: TextIO | None,
    force: bool = False,
) -> int:
    if not _keep_existing(out, force, messages or stream):
        return 2
    text = _read_text(path, messages or stream)
    if text is None:
        return 2
    result = reader(text, quiz_id or slugify(path.stem) or "quiz", lesson_id)
    _keep_valid(result)
    if not result.quiz["questions"]:
        target = messages or stream
        for item in result.notices:
            target.write(_label(item) + "\n")
        target.write(t("interchange.cmd.nothing") + "\n")
        return 1
    header = [t("interchange.cmd.source", name=path.name, format=fmt), *result.comments]
    for item in result.notices:
        if item.skipped:
            header += [_label(item), *(f"    {line}" for line in item.source.split("\n"))]
    index = {q["id"]: i for i, q in enumerate(result.quiz["questions"])}
    above: dict[int, list[str]] = {}
    for item in result.notices:
        if item.question_id in index:
            above.setdefault(index[item.question_id], []).append(_label(item))
    yaml_text = dump_quiz(result.quiz, header, above)
    return _deliver(yaml_text, out, stream, messages, result.notices, result.imported, result.skipped)


def _export(
    writer: Callable[[dict[str, Any]], ExportResult],
    comment: str | None,
    quiz_path: Path,
    out: Path | None,
    stream: TextIO,
    messages: TextIO | None,
) -> int:
    quiz = _read_quiz(quiz_path, messages or stream)
    if quiz is None:
        return 2
    result = writer(quiz)
    if not result.exported:
        target = messages or stream
        for item in result.notices:
            target.write(_label(item) + "\n")
        target.write(t("interchange.cmd.nothing") + "\n")
        return 1
    text = result.text
    if comment is not None:
        header = [t("interchange.cmd.exported", quiz=quiz.get("id", "?"), lesson=quiz.get("lesson", "?"))]
        if out is None and messages is None:
            header += [_label(item) for item in result.notices]
        text = "".join(f"{comment} {' '.join(line.split())}\n" for line in header) + "\n" + text
    elif out is None and messages is None and result.notices:
        text += "\n" + "".join(f"// {' '.join(_label(item).split())}\n" for item in result.notices)
    return _deliver(text, out, stream, messages, result.notices, result.exported, result.skipped)


def gift_import(
    path: Path,
    out: Path | None,
    quiz_id: str | None,
    lesson_id: str | None,
    stream: TextIO,
    messages: TextIO | None = None,
    force: bool = False,
) -> int:
    """GIFT file → quiz YAML (id from `quiz_id` or the file name, lesson defaults to it).

    An existing `out` is never replaced, unless `force` (then it is kept as `out.bak` first).
    """
    return _import(read_gift, "GIFT", path, out, quiz_id, lesson_id, stream, messages, force)


def aiken_import(
    path: Path,
    out: Path | None,
    quiz_id: str | None,
    lesson_id: str | None,
    stream: TextIO,
    messages: TextIO | None = None,
    force: bool = False,
) -> int:
    """Aiken file → quiz YAML (single-choice questions with placeholder explanations); `force` as for GIFT."""
    return _import(read_aiken, "Aiken", path, out, quiz_id, lesson_id, stream, messages, force)


def gift_export(quiz_path: Path, out: Path | None, stream: TextIO, messages: TextIO | None = None) -> int:
    """Quiz YAML → GIFT for Moodle."""
    return _export(write_gift, "//", quiz_path, out, stream, messages)


def aiken_export(quiz_path: Path, out: Path | None, stream: TextIO, messages: TextIO | None = None) -> int:
    """Quiz YAML → Aiken for Moodle (single-choice questions only)."""
    return _export(write_aiken, None, quiz_path, out, stream, messages)
