"""`atelier --plain` in a real terminal (a pty): no escape sequence, the cursor waits after each question."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")


class Terminal:
    """A child process on a pty of 80 columns; what it wrote so far, read as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import pty
        import struct
        import termios
        from fcntl import ioctl

        self.fd, child = pty.openpty()
        ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=child, stdout=child, stderr=child, env=env, cwd=ROOT, close_fds=True
        )
        os.close(child)
        self.seen = b""
        self.mark = 0

    def wait_for(self, marker: bytes, timeout: float = 60) -> bytes:
        """Everything written so far, once `marker` has come (after what the last wait found)."""
        end = time.monotonic() + timeout
        while marker not in self.seen[self.mark :]:
            left = end - time.monotonic()
            assert left > 0, f"{marker!r} never came; last output: {self.seen[-400:]!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child closed the pty
                    chunk = b""
                assert chunk, f"{marker!r} never came; the program ended: {self.seen[-400:]!r}"
                self.seen += chunk
        self.mark = self.seen.index(marker, self.mark) + len(marker)
        return self.seen

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\r")

    def close(self) -> int:
        if self.process.poll() is None and not self.seen.endswith(b"\r\n"):
            self.process.kill()
        try:
            return self.process.wait(timeout=60)
        finally:
            os.close(self.fd)


def test_in_a_terminal_the_cursor_waits_after_the_question_and_nothing_is_redrawn(tmp_path):
    env = {**os.environ, "TERM": "xterm-256color", "ATELIER_LANG": "fr", "COLUMNS": "80", "LINES": "24"}
    env.pop("TEXTUAL_DRIVER", None)
    terminal = Terminal(
        [
            sys.executable,
            str(ROOT / "app.py"),
            "--plain",
            "--data",
            str(tmp_path),
            "--course",
            str(MINI),
            "--learner",
            "Léa",
        ],
        env,
    )
    try:
        terminal.wait_for(b"quitter. ")
        terminal.type("c")
        terminal.wait_for(b"parcours. ")
        terminal.type("suite")
        terminal.wait_for(b"parcours. ")
        terminal.type("suite")
        terminal.wait_for(b"question 1 sur 6.")
        terminal.wait_for(b"parcours. ")
        terminal.type("2")
        seen = terminal.wait_for(b"Juste.")
        terminal.type("q")
        terminal.wait_for(b"Au revoir")
    finally:
        code = terminal.close()
    assert code == 0
    text = seen.decode()
    assert (
        "parcours. 2\r\nJuste.\r\n" in text
    )  # the answer typed on the question's line, the verdict first below
    assert "\x1b" not in text
    typed = ("c", "suite", "2", "q")
    written = [
        next((line[: -len(word)] for word in typed if line.endswith(" " + word)), line)
        for line in text.split("\r\n")
    ]
    assert (
        max(len(line) for line in written) <= 80
    )  # what the program wrote fits; the learner's answer follows
