"""The trainer's commands as they print: sessions and people found without case or accents,
the BOM on stdout, and imports that say what they did and never merge by name alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.cli import main
from course.i18n import set_language
from course.progress import AnswerRecord, ProgressStore, export_progress, write_progress_file
from tests.unit import reports_data as data


@pytest.fixture
def workshop(tmp_path: Path):
    set_language("fr")
    data.course(tmp_path / "cours")
    data.build(tmp_path).close()
    return ["--data", str(tmp_path / "ici"), "--course", str(tmp_path / "cours")]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_session_matches_without_case_or_accents_and_lists_known_ones(workshop, capsys) -> None:
    code, out, _ = run(["report", *workshop, "--session", "apres-MIDI  24/11", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["session"] == "Après-midi 24/11"
    assert sorted(x["name"] for x in report["learners"]) == ["Ana", "Dan"]
    code, out, err = run(["report", *workshop, "--session", "soir"], capsys)
    assert code == 1 and out == ""
    assert (
        err
        == "Aucune séance ne s'appelle « soir ». Séances connues : « Après-midi 24/11 », « Matin 24/11 ».\n"
    )


def test_learner_found_the_same_way_in_every_command(workshop, capsys, tmp_path: Path) -> None:
    store = ProgressStore(Path(workshop[1]))
    lea = store.create_learner("Léa")
    store.record_answer(
        AnswerRecord(
            id="",
            learner=lea.id,
            lesson="l2",
            quiz="q2",
            question="c",
            qtype="true_false",
            response=True,
            response_text="Vrai",
            correct=True,
            score=1.0,
            hints_used=0,
            duration_s=3.0,
            timestamp="",
            attempt=1,
            session="Matin 24/11",
            sitting="lea-1",
        )
    )
    store.close()
    _, out, _ = run(["report", *workshop, "--learner", "LEA", "--format", "json"], capsys)
    assert [(x["name"], x["answers"], x["best_scores"]) for x in json.loads(out)["learners"]] == [
        ("Léa", 1, {"l2": 1.0})
    ]
    _, out, _ = run(["export", *workshop, "--learner", "lea", "--names"], capsys)
    assert out.startswith("\ufeff") and out.count("\r\n") == 2 and "Léa" in out  # header + her answer
    _, out, _ = run(["export", *workshop, "--learner", "lea", "--format", "xapi", "--names"], capsys)
    assert len(out.splitlines()) == 3  # answered, completed, passed
    _, out, _ = run(["export", *workshop, "--learner", "lea", "--format", "progress"], capsys)
    assert [x["name"] for x in json.loads(out)["learners"]] == ["Léa"]
    code, _, err = run(["report", *workshop, "--learner", "Personne"], capsys)
    assert code == 1 and "Personne ne s'appelle « Personne »" in err


def test_a_same_name_import_says_so_and_merge_as_joins(tmp_path: Path, capsys) -> None:
    set_language("fr")
    here, there = ProgressStore(tmp_path / "ici"), ProgressStore(tmp_path / "la-bas")
    here.create_learner("Léa")
    lea_there = there.create_learner("Lea")
    there.record_answer(
        AnswerRecord(
            id="",
            learner=lea_there.id,
            lesson="l1",
            quiz="q1",
            question="a",
            qtype="true_false",
            response=True,
            response_text="Vrai",
            correct=True,
            score=1.0,
            hints_used=0,
            duration_s=3.0,
            timestamp="",
            attempt=1,
            session=None,
            sitting="x",
        )
    )
    file = tmp_path / "cle" / "lea.json"
    file.parent.mkdir()
    write_progress_file(file, export_progress(there))
    here.close()
    there.close()
    code, out, err = run(["import", str(file), "--data", str(tmp_path / "ici")], capsys)
    assert code == 0
    assert "« Lea » existe déjà ici sous un autre identifiant ; importé·e à part sous « Lea (2) »" in err
    assert f"atelier import {file} --merge-as 'Lea'" in err
    assert out == f"{file} : 1 profil ajouté, 0 fusionné, 1 réponse ajoutée, 0 déjà présente.\n"
    # The command it gives joins them: the profile kept apart goes into Léa's, nothing lost.
    code, out, err = run(["import", str(file), "--data", str(tmp_path / "ici"), "--merge-as", "Lea"], capsys)
    assert code == 0 and err == ""  # « Lea (2) »'s answer moves into Léa's; the file's is then there
    assert out == f"{file} : 0 profil ajouté, 1 fusionné, 1 réponse ajoutée, 1 déjà présente.\n"
    store = ProgressStore(tmp_path / "ici")
    assert [(x.name, len(store.answers(x.id))) for x in store.list_learners()] == [("Léa", 1)]
    store.close()
    code, out, err = run(["import", str(file), "--data", str(tmp_path / "ici")], capsys)  # remembered
    assert (code, err) == (0, "")
    assert out == f"{file} : 0 profil ajouté, 1 fusionné, 0 réponse ajoutée, 1 déjà présente.\n"


def test_a_changed_file_is_refused_in_french_and_conflicts_are_listed(tmp_path: Path, capsys) -> None:
    set_language("fr")
    store = ProgressStore(tmp_path / "ici")
    lea = store.create_learner("Léa")
    store.record_answer(
        AnswerRecord(
            id="",
            learner=lea.id,
            lesson="l1",
            quiz="q1",
            question="a",
            qtype="true_false",
            response=False,
            response_text="Faux",
            correct=False,
            score=0.0,
            hints_used=0,
            duration_s=3.0,
            timestamp="",
            attempt=1,
            session=None,
            sitting="x",
        )
    )
    exported = export_progress(store)
    store.close()
    forged = dict(exported, answers=[dict(exported["answers"][0], correct=True, score=1.0)])
    file = tmp_path / "modifie.json"
    file.write_text(json.dumps(forged), encoding="utf-8")
    code, out, err = run(["import", str(file), "--data", str(tmp_path / "ici")], capsys)
    assert code == 1 and out == ""
    assert "a été modifié ou abîmé depuis son export" in err and "Rien n'a été importé" in err
    forged.pop("checksum")  # a file without a checksum (older exports) is checked answer by answer
    file.write_text(json.dumps(forged), encoding="utf-8")
    code, out, err = run(["import", str(file), "--data", str(tmp_path / "ici")], capsys)
    assert code == 1
    assert "1 réponse porte un identifiant déjà utilisé pour un autre contenu" in err
    assert f"conflit : Léa, réponse {exported['answers'][0]['id']} (q1 / a)" in err
    assert out.endswith("0 réponse ajoutée, 0 déjà présente.\n")
    store = ProgressStore(tmp_path / "ici")
    assert [a.correct for a in store.answers(lea.id)] == [False]
    store.close()
