"""Problems found in a course, as values: the loader never raises for content."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from course.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) at `path:line:col`.

    `code` is stable for tools; `message` is the translated sentence. `cause`
    is set on a consequence: the place of the problem it follows from, printed
    just before it.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    cause: tuple[str, int, int] | None = None

    @classmethod
    def make(cls, path: str, line: int, col: int, code: str, severity: Severity = "error", /,
             **params: object) -> Problem:
        # Positional-only, so that a message may itself use {line} (duplicate_key does).
        if "what" in params:
            params["what"] = t(f"content.what.{params['what']}")
        return cls(path, line, col, severity, code, t(f"content.{code}", **params))

    def following(self, cause: Problem) -> Problem:
        """This problem as a consequence of `cause` (a file or object that could not be read)."""
        return dataclasses.replace(self, cause=(cause.path, cause.line, cause.col),
                                   message=t("content.consequence", what=self.message))

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {"path": self.path, "line": self.line, "col": self.col,
                                    "severity": self.severity, "code": self.code, "message": self.message}
        if self.cause is not None:
            found["cause"] = dict(zip(("path", "line", "col"), self.cause))
        return found


def in_reading_order(problems: list[Problem]) -> list[Problem]:
    """By file and place, each consequence right after the problem it follows from."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.col))
    places = {(p.path, p.line, p.col) for p in ordered if p.cause is None}
    after: dict[tuple[str, int, int], list[Problem]] = {}
    for problem in ordered:
        if problem.cause in places:
            after.setdefault(problem.cause, []).append(problem)  # type: ignore[arg-type]
    result = []
    for problem in ordered:
        if problem.cause in places:
            continue
        result.append(problem)
        result.extend(after.pop((problem.path, problem.line, problem.col), []))
    return result
