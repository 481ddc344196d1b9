"""The corpus of a trainer's frequent mistakes: each one named at its own line, in French.

tests/fixtures/broken/mistakes/manifest.tsv lists each broken file with the line,
column and code `atelier validate` must report. Each file is checked with libyaml
and with PyYAML's pure-Python parser: the loader classifies errors by their type,
marks and its own scan, so both give the same answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from course.content import loader
from tests.unit.small_course import BAD, QUIZ, load

CORPUS = Path(__file__).parents[1] / "fixtures" / "broken" / "mistakes"
ROWS = [
    line.split("\t")
    for line in (CORPUS / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
PARSERS = {"pure-python": yaml.SafeLoader}
if getattr(yaml, "CSafeLoader", None) is not None:
    PARSERS["libyaml"] = yaml.CSafeLoader
# Words of PyYAML's and libyaml's messages: none may reach a trainer.
ENGLISH = re.compile(r"\b(found|expected|while|could not|mapping|scanning|parsing|character|stream)\b")


def test_the_corpus_is_big_enough_and_every_file_is_listed():
    assert len(ROWS) >= 40
    assert sorted(row[0] for row in ROWS) == sorted(p.name for p in CORPUS.glob("*.yaml"))


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize(
    ("name", "line", "col", "code", "severity", "why"), ROWS, ids=[row[0] for row in ROWS]
)
def test_each_mistake_is_named_at_its_line_in_french(
    tmp_path, monkeypatch, parser, name, line, col, code, severity, why
):
    monkeypatch.setattr(loader, "_Loader", PARSERS[parser])
    target = QUIZ if name.startswith("quiz-") else BAD
    course = load(tmp_path, {target: (CORPUS / name).read_bytes()})
    found = [(p.line, p.col, p.code, p.severity) for p in course.problems if p.path == target]
    assert (int(line), int(col), code, severity) in found, why
    for problem in course.problems:
        assert not ENGLISH.search(problem.message), problem.message
        assert not re.search(r"\{[a-z_]+\}", problem.message), problem.message  # every placeholder filled
