"""`atelier --plain` as a learner runs it: stdin and stdout of a real process, TERM=dumb, the trainer's report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


def atelier(args: list[str], stdin: str = "", term: str = "xterm-256color", columns: int = 80):
    env = {**os.environ, "TERM": term, "COLUMNS": str(columns), "ATELIER_LANG": "fr"}
    env.pop("TEXTUAL_DRIVER", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_plain_answers_land_in_the_store_and_in_the_trainers_report(tmp_path):
    data = str(tmp_path / "data")
    run = atelier(
        ["--plain", "--data", data, "--course", str(MINI), "--learner", "Léa"],
        "c\nsuite\nsuite\n2\nsuite\n1\n",
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0] == "Mini parcours de test"
    assert "Juste." in lines and "Pas tout à fait." in lines
    assert lines[-1].startswith("Au revoir ! Votre progression est enregistrée")
    assert all(len(line) <= 80 for line in lines) and "\x1b" not in run.stdout
    report = atelier(["report", "--data", data, "--course", str(MINI)], columns=120)
    assert report.returncode == 0, report.stderr
    assert "1 personne venue, 2 réponses, 50 % de bonnes réponses" in report.stdout
    assert "Léa" in report.stdout and "Le courriel" in report.stdout


def test_term_dumb_starts_the_plain_mode_and_says_why_on_the_first_line(tmp_path):
    run = atelier(["--data", str(tmp_path), "--course", str(MINI)], "Léa\nq\n", term="dumb")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Mode texte, ligne par ligne : ce terminal (TERM=dumb)")
    assert "Bonjour Léa !" in lines


def test_without_a_terminal_the_plain_mode_starts_and_says_so(tmp_path):
    run = atelier(["--data", str(tmp_path), "--course", str(MINI)], "")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Mode texte, ligne par ligne : l'entrée ou la sortie n'est pas un terminal")
    assert lines[-1].startswith("Au revoir !")


def test_lines_follow_the_terminal_width(tmp_path):
    run = atelier(
        ["--plain", "--data", str(tmp_path), "--course", str(MINI), "--learner", "Léa"], "c\n", columns=40
    )
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert "Section 1 sur 2 : Une boîte aux lettres" in lines


def test_the_plain_mode_loads_neither_textual_nor_rich(tmp_path):
    code = (
        "import io, sys\n"
        "from course.cli import main\n"
        "sys.stdin = io.StringIO('Léa\\nq\\n')\n"
        f"main(['--plain', '--data', {str(tmp_path)!r}, '--course', {str(MINI)!r}])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "ATELIER_LANG": "fr"},
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
