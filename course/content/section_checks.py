"""What a learner would miss in a section: images a terminal cannot show, text too tall for one screen.

The app runs in an 80×24 terminal: an image is never drawn (only its alternative
text can be read), and a section taller than the screen must be scrolled. The
height is an estimate (lines wrapped at the section's width), enough to warn.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from course.content.model import Lesson, Pos, Section, place
from course.content.problems import Problem

# Rows of an 80×24 terminal left to a section's text once the lesson's title, the
# progress line and the buttons are drawn, and the columns of its text.
BODY_ROWS, BODY_COLUMNS = 18, 74
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)[^)]*\)")


def _line_of(section: Section, index: int) -> Pos:
    """Where the character `index` of the section's text was written (a `|` block starts a line below)."""
    start = place(section, "text")
    before = section.text.count("\n", 0, index)
    block = 1 if "\n" in section.text and start is not section.pos else 0
    return Pos(start.path, start.line + block + before, start.col if not (block or before) else 1)


def estimated_rows(text: str, width: int = BODY_COLUMNS) -> int:
    """How many screen lines `text` takes, each paragraph line wrapped at `width`."""
    rows = 0
    for line in text.rstrip("\n").split("\n"):
        if len(line) <= width and "\t" not in line:
            rows += 1  # fits as it is: textwrap would give one line (none if blank), counted as one
        elif "-" in line or "\t" in line:
            rows += max(1, len(textwrap.wrap(line, width)))  # hyphens and tabs: textwrap's own rules
        else:
            rows += max(1, _wrapped_lines(line, width))
    return rows


_SPACES = re.compile("( +)")
_OTHER_SPACES = str.maketrans("\r\x0b\x0c", "   ")


def _wrapped_lines(line: str, width: int) -> int:
    """`len(textwrap.wrap(line, width))` for a line without hyphen or tab, without textwrap's
    slower splitting: its words are then the runs between spaces, wrapped by the same steps."""
    if "\r" in line or "\x0b" in line or "\x0c" in line:
        line = line.translate(_OTHER_SPACES)
    chunks = [chunk for chunk in _SPACES.split(line) if chunk]
    chunks.reverse()
    lines = 0
    while chunks:
        current: list[str] = []
        used = 0
        if lines and chunks[-1].strip() == "":
            del chunks[-1]
        while chunks:
            size = len(chunks[-1])
            if used + size > width:
                break
            current.append(chunks.pop())
            used += size
        if chunks and len(chunks[-1]) > width:  # a word longer than a line is cut where the line ends
            end = max(width - used, 0) if width >= 1 else 1
            current.append(chunks[-1][:end])
            chunks[-1] = chunks[-1][end:]
        if current and current[-1].strip() == "":
            del current[-1]
        if current:
            lines += 1
    return lines


def section_problems(lesson: Lesson, root: Path) -> list[Problem]:
    """Warnings for the images and the height of each section of `lesson`."""
    found: list[Problem] = []
    for section in lesson.sections:
        if section.interactive is not None:
            continue
        for image in _IMAGE.finditer(section.text):
            pos = _line_of(section, image.start())
            src = image["src"]
            local = src and "://" not in src and not src.startswith("data:")
            if (
                local
                and not (root / Path(lesson.pos.path).parent / src).is_file()
                and not (root / src).is_file()
            ):
                code = "image_missing"
            else:
                code = "image_not_shown" if image["alt"].strip() else "image_without_text"
            found.append(
                Problem.make(pos.path, pos.line, pos.col, code, "warning", src=src, alt=image["alt"])
            )
        rows = estimated_rows(section.text)
        if rows > BODY_ROWS:
            found.append(
                Problem.make(
                    section.pos.path,
                    section.pos.line,
                    section.pos.col,
                    "section_too_tall",
                    "warning",
                    title=section.title,
                    rows=rows,
                    fit=BODY_ROWS,
                )
            )
    return found
