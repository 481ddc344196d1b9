"""Lines in, lines out: what the plain mode says and what it reads, for screen readers and braille.

Everything is written as whole lines no wider than the terminal, never
redrawn, with no colour and no cursor movement. Every question ends with the
sentence that says what to type; an empty or unknown answer gets a hint and
the question again. Words that work at every prompt (help, quit) are handled
here, so each part of the course only deals with its own answers.
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from collections.abc import Callable
from typing import TextIO

from course.i18n import t
from course.text.normalise import normalise_answer
from course.text.safe import clean_block

_KEEP_TOGETHER = re.compile(r" (?=[:;?!%»])|(?<=«) ")
"""French spaces that must not break a line (before : ; ? ! % », after «)."""
_GLUE = "\u00a0"
_ITEM = re.compile(r"\s*(?:\d+\.|-) ")
"""The start of a numbered or bulleted line."""


class EndOfInput(Exception):
    """Standard input is closed: the learner (or a script) has gone."""


class QuitRequested(Exception):
    """The learner typed the word to quit."""


class BackRequested(Exception):
    """The learner typed the word to go back to the course map."""


def words(text: str) -> set[str]:
    """The words of a catalogue entry such as `suite|s`, compared without case or accents."""
    return {normalise_answer(w) for w in text.split("|") if w.strip()}


def terminal_width() -> int:
    """The terminal's width (80 when unknown), never less than 20."""
    return max(shutil.get_terminal_size((80, 24)).columns, 20)


class Console:
    """Reads and writes lines on two streams; `width` caps every line written."""

    def __init__(
        self, stdin: TextIO, stdout: TextIO, width: int | None = None, same_line: bool | None = None
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.fixed_width = width
        self.same_line = _interactive(stdin, stdout) if same_line is None else same_line
        """In a terminal, the cursor waits at the end of the question (where a braille display shows it)."""
        self.help_text = ""
        """What « aide » says where the learner is (each part of the course sets it)."""

    @property
    def width(self) -> int:
        """The width given, else the terminal's now (a window may be resized between two lines)."""
        return self.fixed_width or terminal_width()

    # -- writing ------------------------------------------------------------------
    def say(self, text: str = "", indent: int = 0) -> None:
        """Write `text` wrapped to the width; each paragraph line stays a line."""
        for line in clean_block(text, "").split("\n"):
            self._line(line, indent)
        self.stdout.flush()

    def _line(self, line: str, indent: int) -> None:
        if not line.strip():
            self.stdout.write("\n")
            return
        pad = " " * indent
        item = _ITEM.match(line)  # « 2. … » or « - … »: wrapped lines hang under the text, not the number
        lead = len(line) - len(line.lstrip(" "))  # an indented line stays indented when it wraps
        hang = pad + " " * (len(item.group(0)) if item else lead)
        glued = _KEEP_TOGETHER.sub(_GLUE, line.rstrip())
        wrapped = textwrap.wrap(
            glued, width=self.width, initial_indent=pad, subsequent_indent=hang, break_on_hyphens=False
        ) or [pad]
        for part in wrapped:
            self.stdout.write(_fit(part.replace(_GLUE, " "), self.width) + "\n")

    def prompt(self, instruction: str) -> None:
        """Say what to type; in a terminal the cursor stays at the end of it, after a space."""
        if not self.same_line:
            self.say(instruction)
            return
        buffer = io.StringIO()
        self.stdout, saved = buffer, self.stdout
        self.fixed_width, width = self.width - 1, self.fixed_width  # room for the space after the question
        try:
            self.say(instruction)
        finally:
            self.stdout, self.fixed_width = saved, width
        self.stdout.write(buffer.getvalue().rstrip("\n") + " ")
        self.stdout.flush()

    def blank(self) -> None:
        self.stdout.write("\n")

    def lines(self, lines: list[str], indent: int = 0) -> None:
        for line in lines:
            self.say(line, indent)

    # -- reading ------------------------------------------------------------------
    def read(self) -> str:
        """One line typed, without its end; EndOfInput once stdin is closed."""
        line = self.stdin.readline()
        if not line:
            raise EndOfInput()
        return clean_block(line.rstrip("\r\n"), "")

    def ask(
        self,
        instruction: str,
        check: Callable[[str], object | None] | None = None,
        empty_ok: bool = False,
        back: bool = True,
    ) -> str:
        """Say `instruction`, read an answer; help and quit are handled here, an empty line is refused.

        With `check`, the answer is passed to it until it returns None (accepted)
        or a hint to say before asking again. With `back`, the word to go back
        raises BackRequested (the map takes the learner in).
        """
        self.prompt(instruction)
        while True:
            typed = self.read().strip()
            key = normalise_answer(typed) if typed not in ("?",) else "?"
            if key in words(t("plain.words.quit")):
                raise QuitRequested()
            if back and key in words(t("plain.words.back")):
                raise BackRequested()
            if typed == "?" or key in words(t("plain.words.help")):
                self.say(self.help_text)
                self.say(t("plain.help.common"))
                self.prompt(instruction)
                continue
            if not typed and not empty_ok:
                self.say(t("plain.empty"))
                self.prompt(instruction)
                continue
            hint = check(typed) if check else None
            if hint:
                self.say(str(hint))
                self.prompt(instruction)
                continue
            return typed

    def is_word(self, typed: str, choices: str) -> bool:
        """Whether `typed` is one of `choices` (a catalogue entry such as `suite|s`)."""
        return normalise_answer(typed) in words(choices)


def confirm(console: Console, question: str, howto: str | None = None) -> bool:
    """A yes/no question; anything but yes is no (the safe answer)."""
    console.say(question)
    typed = console.ask(howto or t("plain.confirm.howto"), back=False)
    return console.is_word(typed, t("plain.words.yes"))


def _interactive(stdin: TextIO, stdout: TextIO) -> bool:
    try:
        return stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _fit(line: str, width: int) -> str:
    """A line cut to `width` characters (textwrap already breaks long words; this is the last guard)."""
    return line if len(line) <= width else line[:width]
