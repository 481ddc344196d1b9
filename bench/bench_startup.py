"""Start-up to the first usable screen, against a minimal Textual app, both in a real pseudo-terminal.

    python bench/bench_startup.py [--quick]

Each program is started in a pty of 80x24; the clock stops when the first
screen's text has been drawn (a marker word read back from the terminal).
The baseline is a minimal Textual app that shows one word. `run(quick)`
returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = "from textual.app import App\nfrom textual.widgets import Static\n" \
          "class M(App):\n    def compose(self):\n        yield Static('Bienvenue')\nM().run()\n"


def time_to_text(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawn until `marker` appears on the pty; the process is then stopped."""
    import fcntl
    import signal
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{marker!r} never appeared")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def run(quick: bool = False) -> dict[str, Any]:
    rounds = 3 if quick else 7
    env = {**os.environ, "TERM": "xterm-256color", "ATELIER_LANG": "fr"}
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL, encoding="utf-8")
        data = Path(folder) / "data"
        app = [sys.executable, str(ROOT / "app.py"), "--data", str(data), "--learner", "Banc"]
        base, ours = [], []
        for _ in range(rounds):
            base.append(time_to_text([sys.executable, str(script)], b"Bienvenue", env))
            ours.append(time_to_text(app, b"Continuer", env))
    b, o = statistics.median(base), statistics.median(ours)
    return {"minimal_textual_s": round(b, 3), "atelier_bundled_s": round(o, 3), "ratio": round(o / b, 2),
            "target_ratio": 1.3, "rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    figures = run(parser.parse_args().quick)
    print(f"start-up (median of {figures['rounds']}): minimal Textual app {figures['minimal_textual_s']} s, "
          f"atelier on the bundled course {figures['atelier_bundled_s']} s, ratio {figures['ratio']} "
          f"(target ≤ {figures['target_ratio']})")


if __name__ == "__main__":
    main()
