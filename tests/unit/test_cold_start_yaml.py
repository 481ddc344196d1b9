"""A cold start imports PyYAML without compiling the pattern only its pure-Python reader uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"

CODE = """
import json, re, sys, tempfile
from pathlib import Path
compile_before = re.compile
from course.content.cache import _YAML_NON_PRINTABLE, load_course_cached
course = load_course_cached(Path(sys.argv[1]), Path(tempfile.mkdtemp()))
import yaml
found = {
    "cold start imported yaml": "yaml" in sys.modules,
    "pattern compiled at start": isinstance(yaml.reader.Reader.NON_PRINTABLE, re.Pattern),
    "re.compile given back": re.compile is compile_before,
}
from course.content.loader import load_course
found["same course"] = course.lessons == load_course(Path(sys.argv[1])).lessons
try:
    yaml.safe_load("titre: cloche \\x07")
    found["pure reader refuses a control character"] = False
except yaml.reader.ReaderError:
    found["pure reader refuses a control character"] = True
found["PyYAML's own pattern"] = yaml.reader.Reader.NON_PRINTABLE.pattern == _YAML_NON_PRINTABLE
print(json.dumps(found))
"""


def test_a_cold_start_leaves_pyyaml_s_printable_check_for_its_first_use() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(MINI)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert json.loads(out) == {
        "cold start imported yaml": True,
        "pattern compiled at start": False,
        "re.compile given back": True,
        "same course": True,
        "pure reader refuses a control character": True,
        "PyYAML's own pattern": True,
    }
