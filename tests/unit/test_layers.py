"""The content model, the loader, the quiz logic and the store never load Textual."""

import os
import subprocess
import sys
from pathlib import Path


def test_core_imports_without_textual():
    code = (
        "import sys\n"
        "import course.content.loader, course.content.checks, course.quiz.grading, course.quiz.review\n"
        "import course.learning.journey, course.progress, course.cli_validate\n"
        "from pathlib import Path\n"
        "from course.content.bundled import bundled_course_dir\n"
        "course.content.loader.load_course(bundled_course_dir())\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_command_does_not_load_textual(tmp_path):
    code = (
        "import sys, io\n"
        "from course.cli import main\n"
        "main(['validate'])\n"
        "sys.exit(1 if 'textual' in sys.modules else 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_csv_json_html_and_xapi_outputs_load_neither_rich_nor_textual(tmp_path):
    """Only the terminal view of the report draws with Rich; every file output stays without it."""
    code = (
        "import sys\n"
        "from course.cli import main\n"
        "for fmt in ('csv', 'xapi'):\n"
        "    main(['export', '--format', fmt, '-o', sys.argv[1] + '/out.' + fmt])\n"
        "for fmt in ('csv', 'json', 'html'):\n"
        "    main(['report', '--format', fmt, '-o', sys.argv[1] + '/report.' + fmt])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual'))\n"
        "print(bad[:5]); sys.exit(1 if bad else 0)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "ATELIER_DATA": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "report.html").exists() and (tmp_path / "out.xapi").exists()
