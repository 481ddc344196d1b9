"""`atelier new course DIR` and `atelier new lesson MODULE SLUG`: start from commented templates.

The templates in `course/templates/` are real YAML files, commented in French line
by line; the command fills their `{placeholders}` and writes them, never over an
existing file. What it writes validates with no error and no warning.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any, TextIO

import yaml

from course.content.loader import too_deep
from course.i18n import t
from course.interchange import slugify

_NEW_BAD_KEYS = {
    "module": "new.bad_module",
    "slug": "new.bad_slug",
}

TEMPLATES = Path(__file__).parent / "templates"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NUMBERED = re.compile(r"(\d+)-(.+)\.ya?ml")
EXAMPLE_MODULE, EXAMPLE_LESSON = "premiers-pas", "bienvenue"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PLAIN = re.compile(r"[^\W\d_][\w '’.,()-]*")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class Refused(Exception):
    """The command will not run as asked: a bad name or a file already there (1), no course (2)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_arguments(sub: Any) -> None:
    new = sub.add_parser("new", help=t("new.help"))
    what = new.add_subparsers(dest="what", required=True)
    course = what.add_parser("course", help=t("new.course.help"))
    course.add_argument("dir", metavar="DIR", help=t("new.course.dir"))
    lesson = what.add_parser("lesson", help=t("new.lesson.help"))
    lesson.add_argument("module", metavar="MODULE", help=t("new.lesson.module"))
    lesson.add_argument("slug", metavar="SLUG", help=t("new.lesson.slug"))
    lesson.add_argument("--course", metavar="DIR", default=".", help=t("new.lesson.course"))


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value that reads back as this very text: plain when safe, else quoted."""
    if _PLAIN.fullmatch(text) and ": " not in text and " #" not in text and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def render(name: str, **values: object) -> str:
    """A template with its `{placeholders}` replaced by YAML values (unknown ones left as they are)."""

    def fill(match: re.Match[str]) -> str:
        if match[1] not in values:
            return match[0]
        value = values[match[1]]
        if isinstance(value, list):
            return "[" + ", ".join(yaml_scalar(str(v)) for v in value) + "]"
        return str(value) if isinstance(value, int) else yaml_scalar(str(value))

    return _PLACEHOLDER.sub(fill, (TEMPLATES / name).read_text(encoding="utf-8"))


def title_from(name: str) -> str:
    """`premiers-pas` → `Premiers pas`: a first title a trainer will rewrite."""
    text = " ".join(_CONTROL.sub("", name).replace("-", " ").replace("_", " ").split())
    return text[:1].upper() + text[1:] if text else t("new.default_title")


def next_number(*folders: Path) -> int:
    """One more than the highest `NN-` prefix of the files in `folders`."""
    numbers = [
        int(m.group(1))
        for folder in folders
        if folder.is_dir()
        for path in folder.iterdir()
        if (m := NUMBERED.fullmatch(path.name))
    ]
    return max(numbers, default=0) + 1


def next_order(lessons: Path) -> int:
    """One more than the highest `order` of the modules already there."""
    orders = [0]
    for path in lessons.glob("*/module.yaml"):
        try:
            text = path.read_text(encoding="utf-8-sig")
            if too_deep(text) is not None:
                continue
            order = yaml.safe_load(text).get("order")
        except (
            OSError,
            ValueError,
            AttributeError,
            RecursionError,
            yaml.YAMLError,
        ):  # the loader will say why
            continue
        if type(order) is int:
            orders.append(order)
    return max(orders) + 1


def _lesson_files(
    root: Path, module: str, slug: str, number: int, glossary: list[str]
) -> list[tuple[Path, str]]:
    """The lesson, its quiz, and the module.yaml when the module is new."""
    lesson_id = f"{module}-{slug}"
    name = f"{number:02d}-{slug}.yaml"
    files = []
    if not (root / "lessons" / module / "module.yaml").exists():
        files.append(
            (
                root / "lessons" / module / "module.yaml",
                render(
                    "module.yaml", module=module, title=title_from(module), order=next_order(root / "lessons")
                ),
            )
        )
    files.append(
        (
            root / "lessons" / module / name,
            render("lesson.yaml", id=lesson_id, title=title_from(slug), glossary=glossary, quiz=lesson_id),
        )
    )
    files.append((root / "quizzes" / module / name, render("quiz.yaml", id=lesson_id, lesson=lesson_id)))
    return files


def _write(files: list[tuple[Path, str]], also: tuple[Path, ...] = ()) -> None:
    """Create each file, after checking that none of them (nor `also`) exists: never overwrite."""
    for path in [*(path for path, _ in files), *also]:
        if path.exists():
            raise Refused(t("new.exists", path=_shown(path)))
    for path, text in files:  # mode "x": a file that appeared meanwhile is not replaced either
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)


def _shown(path: Path) -> str:
    """A path as the trainer typed it, quoted if it has spaces so that it can be copied into a command."""
    text = str(path)
    return f'"{text}"' if " " in text else text


def _report(done: str, root: Path, files: list[tuple[Path, str]], schemas: bool, out: TextIO) -> None:
    """What was created, then the next steps (edit, validate, preview)."""
    out.write(t(done, path=_shown(root if root.is_absolute() else root.resolve())) + "\n")
    for path, _ in files:
        out.write(f"  {path.relative_to(root).as_posix()}\n")
    if schemas:
        out.write("  " + t("new.schemas") + "\n")
    lesson, quiz = files[-2][0], files[-1][0]
    out.write("\n" + t("new.next", lesson=_shown(lesson), quiz=_shown(quiz), course=_shown(root)) + "\n")


# Which schema checks which file, for editors with the YAML extension (VS Code, VSCodium).
EDITOR_SCHEMAS = {
    "./schemas/course.schema.json": ["lessons/course.yaml"],
    "./schemas/glossary.schema.json": ["lessons/glossary.yaml"],
    "./schemas/module.schema.json": ["lessons/*/module.yaml"],
    "./schemas/lesson.schema.json": ["lessons/*/[0-9]*.yaml"],
    "./schemas/quiz.schema.json": ["quizzes/*.yaml", "quizzes/*/*.yaml"],
}


def editor_settings() -> str:
    """`.vscode/settings.json`: the schemas by file, and spaces (never tabs) in YAML."""
    settings = {
        "yaml.schemas": EDITOR_SCHEMAS,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
    }
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"


def new_course(target: Path, out: TextIO) -> int:
    from course.content.schema import KINDS, write_schemas

    lessons = target / "lessons"
    files = [
        (lessons / "course.yaml", render("course.yaml", title=title_from(target.resolve().name))),
        (lessons / "glossary.yaml", render("glossary.yaml")),
        *_lesson_files(target, EXAMPLE_MODULE, EXAMPLE_LESSON, 1, ["courriel"]),
    ]
    schemas = tuple(target / "schemas" / f"{kind}.schema.json" for kind in KINDS)
    _write([*files, (target / ".vscode" / "settings.json", editor_settings())], schemas)
    write_schemas(target / "schemas")
    _report("new.course.done", target, files, True, out)
    out.write("  " + t("new.editor") + "\n")
    out.write(t("new.next.more", course=_shown(target)) + "\n")
    return 0


def new_lesson(root: Path, module: str, slug: str, out: TextIO) -> int:
    for what, value in (("module", module), ("slug", slug)):
        if not SLUG.fullmatch(value):
            raise Refused(t(_NEW_BAD_KEYS[what], value=value, example=slugify(value) or EXAMPLE_LESSON))
    if not (root / "lessons").is_dir():
        raise Refused(t("new.not_course", path=_shown(root.resolve())), 2)
    folder = root / "lessons" / module
    same = [
        p
        for p in (folder.iterdir() if folder.is_dir() else ())
        if (m := NUMBERED.fullmatch(p.name)) and m[2] == slug
    ]
    if same:
        raise Refused(t("new.slug_exists", slug=slug, path=_shown(same[0])))
    from course.content.loader import load_course

    course = load_course(root)
    lesson_id = f"{module}-{slug}"
    if lesson_id in course.lessons or lesson_id in course.quizzes:
        raise Refused(t("new.id_exists", id=lesson_id))
    number = next_number(root / "lessons" / module, root / "quizzes" / module)
    files = _lesson_files(root, module, slug, number, [])
    _write(files)
    wrote_schemas = not (root / "schemas").exists()
    if wrote_schemas:
        from course.content.schema import write_schemas

        write_schemas(root / "schemas")
    _report("new.lesson.done", root, files, wrote_schemas, out)
    return 0


def run_new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Exit 0 created, 1 refused (bad name, file already there), 2 no course folder or cannot write."""
    try:
        if args.what == "course":
            return new_course(Path(args.dir), out)
        return new_lesson(Path(args.course), args.module, args.slug, out)
    except Refused as refusal:
        err.write(str(refusal) + "\n")
        return refusal.code
    except FileExistsError as error:
        err.write(t("new.exists", path=error.filename or "?") + "\n")
        return 1
    except OSError as error:
        err.write(
            t("new.cannot_write", path=error.filename or "?", reason=error.strerror or str(error)) + "\n"
        )
        return 2
