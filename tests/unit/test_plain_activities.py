"""Scenario, feed simulator and inspector in plain mode: played by number, stored like the full-screen ones."""

from __future__ import annotations

from course.progress import ProgressStore
from tests.unit.plain_script import printed, run_plain


def activity_answers(data):
    store = ProgressStore(data)
    try:
        learner = store.find_learner("Léa")
        return [a for a in store.answers(learner.id) if a.mode == "activity"]
    finally:
        store.close()


def test_a_scenario_is_played_by_number_and_replayed(private_data):
    steps = ["Léa", "2", "suite", "7", "1", "suite", "rejouer", "2", "suite", "suite", "q"]
    transcript = run_plain(private_data, steps, course="activites")
    lines = printed(transcript)
    assert "Abonnés : 10." in lines and "Abonnés : 100." in lines
    assert "Il n'y a pas de numéro 7 : tapez 1 ou 2." in lines
    assert (
        "<<1>>\nÀ éviter.\nTechnique : émotion.\n" in transcript and "<<2>>\nBonne pratique.\n" in transcript
    )
    assert (
        "Techniques que vous avez employées : émotion." in lines
        and "Bonnes pratiques : 1 ; à éviter : 0." in lines
    )
    stored = activity_answers(private_data)
    assert [(a.quiz, a.question, a.qtype, a.response, a.correct) for a in stored] == [
        ("jeu-manipulateur/manip", "debut", "scenario", 0, False),
        ("jeu-manipulateur/manip", "debut", "scenario", 1, True),
    ]


def test_the_feed_simulator_in_words_with_a_switch_of_feed(private_data):
    steps = ["Léa", "3", "1", "aucune", "suite", "n", "2 3", "1", "suite", "q"]
    lines = printed(run_plain(private_data, steps, course="activites"))
    assert "Tour 1 sur 2, fil personnalisé." in lines and "Ce fil montre 3 thèmes sur 3." in lines
    assert "La bulle s'est refermée." in lines
    assert "Rouvrir la bulle, tour 1 sur 2, fil non personnalisé." in lines
    assert any(line.startswith("Publications trompeuses vues : ") for line in lines)
    assert not any("█" in line or "░" in line for line in lines)
    stored = activity_answers(private_data)
    assert [a.question for a in stored] == ["tour-1", "tour-2", "rouvrir-1", "rouvrir-2"]
    assert stored[1].response == [] and len(stored[2].response) == 2 and stored[0].qtype == "feed"


def test_the_inspector_reads_the_message_the_other_tabs_and_the_verdict(private_data):
    steps = ["Léa", "4", "l", "1 2", "9", "2", "suite", "suite", "q"]
    lines = printed(run_plain(private_data, steps, course="activites"))
    assert "Message 1 sur 1 : SMS." in lines
    assert "Recherche : « colis-suivi.example »" in lines
    assert "Il n'y a pas de numéro 9 : tapez 1 ou 2." in lines
    assert "Juste. Verdict juste : ce message est trompeur." in lines
    assert "Indice de discernement : 1,00 (de −1 à 1). Vous signalez les vrais pièges et" in lines
    stored = activity_answers(private_data)
    assert [(a.question, a.response, a.correct, a.score) for a in stored] == [
        ("colis", {"flagged": ["lien", "somme"], "verdict": "trompeur"}, True, 1.0)
    ]


def test_a_module_pretest_is_a_starting_point_not_a_pass_or_fail(private_data):
    lines = printed(
        run_plain(
            private_data, ["Léa", "1", "suite", "2", "suite", "1", "suite", "suite", "q"], course="activites"
        )
    )
    assert "Avant les leçons de ce module, 2 questions pour voir d'où vous partez." in lines
    assert "Résultats du quiz « Test de départ »." in lines
    assert "Test de départ terminé : c'est votre point de départ, pas une note. Le test" in lines
    assert "Tentative 1 : 50 %." in lines and not any("réussi" in line for line in lines)


def test_an_early_post_test_is_warned_and_can_wait(private_data):
    transcript = run_plain(private_data, ["Léa", "5", "non", "5", "oui", "q"], course="activites")
    lines = printed(transcript)
    assert (
        lines.count("Vous n'avez pas encore terminé les leçons de ce module. Le test final mesure vos") == 2
    )
    assert "Retour au parcours. Votre progression est enregistrée." in lines
    assert "Quiz « Test final », question 1 sur 2." in lines
