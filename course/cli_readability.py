"""`atelier validate --stats`: how easy each lesson is to read, and whether it meets the target.

The measures are defined in `course.content.readability`; this module only
writes them, as a small table for trainers or as data for tools.
"""

from __future__ import annotations

from typing import TextIO

from course.content.course import Course
from course.content.readability import (
    LONG_WORD_LETTERS,
    TARGET_LONG_SHARE,
    TARGET_SENTENCE_WORDS,
    Readability,
    lesson_readability,
    measure,
)
from course.i18n import t


def _number(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", t("readability.decimal"))


def _lessons(course: Course) -> list[tuple[str, Readability]]:
    return [(lesson.id, lesson_readability(lesson)) for lesson in course.lessons.values()]


def _whole(course: Course) -> Readability:
    return measure(section.text for lesson in course.lessons.values() for section in lesson.sections)


def readability_data(course: Course) -> dict[str, object]:
    """The figures per lesson and for the whole course, for `--format json`."""

    def row(r: Readability) -> dict[str, object]:
        return {
            "sentences": r.sentences,
            "words": r.words,
            "long_words": r.long_words,
            "sentence_words": round(r.sentence_words, 2),
            "long_share": round(r.long_share, 4),
            "lix": round(r.lix, 1),
            "meets_target": r.meets_target,
        }

    return {
        "target": {
            "sentence_words": TARGET_SENTENCE_WORDS,
            "long_share": TARGET_LONG_SHARE,
            "long_word_letters": LONG_WORD_LETTERS,
        },
        "lessons": {lesson_id: row(r) for lesson_id, r in _lessons(course)},
        "course": row(_whole(course)),
    }


def write_readability(course: Course, out: TextIO) -> None:
    """A line per lesson (sentence length, share of long words, LIX, target met), then the course."""
    rows = _lessons(course)
    width = max((len(lesson_id) for lesson_id, _ in rows), default=10)
    out.write("\n" + t("readability.title", letters=LONG_WORD_LETTERS) + "\n")
    out.write(t("readability.header", lesson=t("readability.lesson").ljust(width)) + "\n")
    for lesson_id, r in rows:
        out.write(
            t(
                "readability.row",
                lesson=lesson_id.ljust(width),
                words=_number(r.sentence_words).rjust(11),
                share=(_number(100 * r.long_share) + " %").rjust(10),
                lix=_number(r.lix, 0).rjust(3),
                verdict=t("readability.ok" if r.meets_target else "readability.too_hard"),
            )
            + "\n"
        )
    whole = _whole(course)
    below = sum(1 for _, r in rows if not r.meets_target)
    out.write(
        t(
            "readability.course",
            words=_number(whole.sentence_words),
            share=_number(100 * whole.long_share),
            lix=_number(whole.lix, 0),
        )
        + "\n"
    )
    out.write(
        t(
            "readability.target",
            words=_number(TARGET_SENTENCE_WORDS),
            share=_number(100 * TARGET_LONG_SHARE, 0),
            count=below,
            lessons=len(rows),
        )
        + "\n"
    )
