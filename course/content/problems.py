"""Problems found in a course, as values: the loader never raises for content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from course.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) at `path:line:col`.

    `code` is stable for tools; `message` is the translated sentence; `params`
    are kept so the message can be rebuilt in another language.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    @classmethod
    def make(cls, path: str, line: int, col: int, code: str, severity: Severity = "error", /,
             **params: object) -> Problem:
        # Positional-only, so that a message may itself use {line} (duplicate_key does).
        if "what" in params:
            params["what"] = t(f"content.what.{params['what']}")
        return cls(path, line, col, severity, code, t(f"content.{code}", **params))

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "col": self.col, "severity": self.severity,
                "code": self.code, "message": self.message}
