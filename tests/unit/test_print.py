"""`atelier print`: the printed module and the trainer's booklet, read as files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.cli import main
from tests.unit.small_course import OK_LESSON, write

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
URL = re.compile(r"https?://", re.IGNORECASE)


def printed(tmp_path, capsys, *args: str, name: str = "module.html") -> str:
    target = tmp_path / name
    code = main(["print", *args, "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    return target.read_text(encoding="utf-8").replace("\u00a0", " ")  # French no-break spaces read as spaces


def test_the_printed_module_holds_lessons_worksheets_the_key_last_and_the_glossary(tmp_path, capsys):
    page = printed(tmp_path, capsys, "alpha", "--course", str(MINI))
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page
    assert "<h2>Le courriel</h2>" in page and "<h3>Une boîte aux lettres</h3>" in page
    assert "Un <strong>courriel</strong> arrive" in page
    assert '<p class="callout-label">Le saviez-vous ?</p>' in page
    sheets = [m.start() for m in re.finditer("Fiche d'exercices : ", page)]
    assert len(sheets) == 2 and page.index('<h2 class="new-page">Corrigé</h2>') > sheets[-1]
    key = page[page.index("Corrigé</h2>") :]
    assert "1. Dans une boîte aux lettres électronique" in key
    assert "Réponses acceptées : courriel ; mél" in key
    assert "Glossaire</h2>" in key and "Logiciel qui affiche les pages web." in key
    assert "Vérifier que chacun a une adresse." not in page  # the trainer's notes stay in the booklet
    assert not URL.search(page) and "<script" not in page and "src=" not in page and "url(" not in page
    assert 'class="large"' not in page
    assert 'class="large"' in printed(
        tmp_path, capsys, "alpha", "--course", str(MINI), "--large", name="gros.html"
    )


def test_order_is_never_printed_in_order_and_the_key_names_the_letters_on_the_sheet(tmp_path, capsys):
    page = printed(tmp_path, capsys, "alpha", "--course", str(MINI), name="alpha.md")
    ranks = re.findall(r"^- ____ (.+)$", page, re.M)
    assert ranks and ranks != ["Écrire le message", "Indiquer le destinataire", "Envoyer"]
    letters = dict(re.findall(r"^([AB])\. (.+)$", page, re.M))
    key = page[page.index("## Corrigé") :]
    for left, right in (("Courriel", "Écrire à quelqu'un"), ("Navigateur", "Lire des pages web")):
        letter = next(k for k, v in letters.items() if v == right)
        assert f"{left} : {letter} ({right})" in key
    assert "- [ ] Dans le navigateur" in page and "[ ] Vrai   [ ] Faux" in page
    assert not URL.search(page)


def test_the_trainers_booklet_has_notes_activities_and_sources_without_a_scheme(tmp_path, capsys):
    page = printed(tmp_path, capsys, "alpha", "--course", str(MINI), "--trainer", name="livret.html")
    assert "Livret du formateur : Mini parcours de test" in page
    assert "Vérifier que chacun a une adresse." in page and "Envoyer un message à son voisin." in page
    assert "Guide de test, chapitre 1 (example.org/guide)" in page
    assert not URL.search(page)


def test_trainer_text_never_becomes_markup_or_an_external_address(tmp_path, capsys):
    lesson = OK_LESSON.replace(
        "text: Du texte.",
        "text: '<script>alert(1)</script> [lien](https://mal.example/x) "
        "![image](http://mal.example/i.png) <img src=x>'",
    )
    root = write(tmp_path / "cours", {"lessons/m/01-ok.yaml": lesson})
    page = printed(tmp_path, capsys, "--course", str(root))
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert "lien (mal.example/x)" in page and not URL.search(page)


def test_every_module_of_the_bundled_course_prints_offline(tmp_path, capsys):
    for module in ("illectronisme", "attention", "desinformation", "droits", "communs"):
        page = printed(tmp_path, capsys, module, name=f"{module}.html")
        assert not URL.search(page), module
        assert "Corrigé</h2>" in page and "Fiche d'exercices" in page
    booklet = printed(tmp_path, capsys, "--trainer", name="livret.md")
    assert "Sources :" in booklet and not URL.search(booklet)
    whole = printed(tmp_path, capsys, name="tout.html")
    headings = re.findall(r'<h2 class="new-page">(Module \d+) — ', whole)
    assert headings == ["Module 2", "Module 3", "Module 4", "Module 5"] and not URL.search(whole)


@pytest.mark.parametrize(
    "args, message",
    [
        (["nope"], "Pas de module « nope ». Modules du parcours : alpha, beta."),
        ([], "choisissez un fichier .html ou .md"),
    ],
)
def test_unknown_module_or_format_is_said_in_french(tmp_path, capsys, args, message):
    target = tmp_path / ("sortie.html" if args else "sortie.pdf")
    assert main(["print", *args, "--course", str(MINI), "-o", str(target)]) == 2
    assert message in capsys.readouterr().err and not target.exists()


def test_printing_loads_neither_textual_nor_rich(tmp_path):
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom course.cli import main\n"
        f"main(['print', '--course', {str(MINI)!r}, '-o', {str(tmp_path / 'x.html')!r}])\n"
        "sys.exit(1 if [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')] else 0)\n"
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


def test_the_page_speaks_the_language_of_the_course_even_with_an_english_interface(tmp_path, capsys):
    from course.i18n import set_language

    target = tmp_path / "en.html"
    try:
        assert main(["--lang", "en", "print", "alpha", "--course", str(MINI), "-o", str(target)]) == 0
    finally:
        set_language("fr")
    page = target.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Worksheet: Le courriel" in page and "Answer key</h2>" in page


def test_french_spaces_never_break_a_printed_line(tmp_path, capsys):
    target = tmp_path / "alpha.html"
    assert main(["print", "alpha", "--course", str(MINI), "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert "Le saviez-vous\u00a0?" in page and "«\u00a0courriel\u00a0»" in page
    assert "Où arrive un courriel\u00a0?" in page and " ?" not in page.split("<body>")[1]


def test_the_key_gives_the_inspectors_verdicts_and_what_each_scenario_choice_is_worth(tmp_path, capsys):
    page = printed(tmp_path, capsys, "illectronisme", name="module.md")
    key = page[page.index("## Corrigé") :]
    assert "Message 1 : Trompeur" in key and "Message 2 : Fiable" in key
    assert "Le lien mène à suivi-colis-livraison.example : doit alerter. Ce domaine" in key
    assert "Vous attendez vraiment un colis : rassurant, à ne pas signaler." in key
    taking = "Prendre le carnet et lui dire de revenir dans une heure, le temps de tout faire : à éviter."
    assert taking in key and "Ses codes lui appartiennent" in key
    assert (
        "Ses codes lui appartiennent" not in page[: page.index("## Corrigé")]
    )  # the lesson itself stays a puzzle
