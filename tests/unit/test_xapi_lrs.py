"""What an LRS dashboard needs from the xAPI export: the pre→post gain, and a body it takes as it is."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from course.cli import main
from tests.unit import reports_data
from tests.unit.lrs_fake import FakeLrs

EXT = "https://atelier.example/xapi/extensions/"


def _export(tmp_path: Path, *extra: str) -> str:
    root = tmp_path / "cours"
    reports_data.course(root)
    reports_data.build(tmp_path / "data").close()
    out = tmp_path / "out.json"
    assert (
        main(
            [
                "export",
                "--format",
                "xapi",
                "--course",
                str(root),
                "--data",
                str(tmp_path / "data" / "ici"),
                "-o",
                str(out),
                *extra,
            ]
        )
        == 0
    )
    return out.read_text(encoding="utf-8")


def test_each_learner_with_both_tests_gets_a_progressed_statement_with_the_gain(tmp_path):
    statements = [json.loads(line) for line in _export(tmp_path).splitlines()]
    gains = {
        s["actor"]["account"]["name"]: s["result"]["extensions"]
        for s in statements
        if s["verb"]["id"].endswith("/progressed")
    }
    # reports_data: Ana pre 50 % → post 100 % (+50); Dan pre 100 % → post 50 % (−50); Bea and Cam have no post-test.
    assert sorted(g[EXT + "gain-points"] for g in gains.values()) == [-50.0, 50.0]
    assert all(
        g[EXT + "pretest-score"] + g[EXT + "gain-points"] / 100 == g[EXT + "posttest-score"]
        for g in gains.values()
    )
    modules = {s["object"]["id"] for s in statements if s["verb"]["id"].endswith("/progressed")}
    assert modules == {"https://atelier.example/xapi/modules/m"}
    tests = [s for s in statements if s["object"]["id"].endswith("/quizzes/m-depart")]
    assert tests and all(s["object"]["definition"]["name"]["fr-FR"] == "Test de départ" for s in tests)


def test_the_array_form_is_one_body_an_lrs_accepts(tmp_path):
    body = _export(tmp_path, "--xapi-array")
    statements = json.loads(body)
    assert isinstance(statements, list) and len(statements) > 20
    with FakeLrs() as lrs:
        request = urllib.request.Request(
            lrs.url + "/statements",
            data=body.encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200
    assert set(lrs.statements) == {s["id"] for s in statements}
