"""Where the bundled course lives: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def bundled_course_dir() -> Path:
    """The folder holding the bundled `lessons/` and `quizzes/`."""
    installed = _PACKAGE / "bundled"
    if (installed / "lessons").is_dir():
        return installed
    return _PACKAGE.parent
