"""Drive the plain mode in-process: a stdin that answers from what has been printed so far."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from course.content.loader import load_course
from course.plain.app import PlainApp
from course.plain.console import Console
from course.progress import ProgressStore

FIXTURES = Path(__file__).parents[1] / "fixtures"
Step = str | Callable[[str], str]


class ScriptedInput(io.TextIOBase):
    """Each `readline` gives the next step (a line, or a function of the output so far); then EOF."""

    def __init__(self, out: io.StringIO, steps: Iterable[Step]) -> None:
        self.out = out
        self.steps = iter(steps)

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        step = next(self.steps, None)
        if step is None:
            return ""
        line = step(self.out.getvalue()) if callable(step) else step
        self.out.write(f"<<{line}>>\n")  # what was typed, marked, so the transcript reads in order
        return line + "\n"


def run_plain(
    data: Path,
    steps: Iterable[Step],
    course: str | Path = "mini",
    learner: str | None = None,
    width: int = 80,
) -> str:
    """Run the plain app on a course (a fixture's name, or a folder) until the steps run out; the transcript."""
    loaded = load_course(FIXTURES / course if isinstance(course, str) else course)
    store = ProgressStore(data)
    out = io.StringIO()
    try:
        code = PlainApp(Console(ScriptedInput(out, steps), out, width), loaded, store, learner).run()
    finally:
        store.close()
    assert code == 0
    return out.getvalue()


def printed(transcript: str) -> list[str]:
    """The lines the app wrote (typed lines left out)."""
    return [line for line in transcript.rstrip("\n").split("\n") if not line.startswith("<<")]


def pick(*wanted: str) -> Callable[[str], str]:
    """The numbers under which `wanted` were last listed, in that order (for shuffled pools)."""

    def answer(text: str) -> str:
        shown = {}
        for number, item in re.findall(r"^(\d+)\. (.+)$", text, re.M):
            shown[item] = number
        return " ".join(shown[w] for w in wanted)

    return answer
