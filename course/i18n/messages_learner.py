"""Learner screens: quitting, module tests introduced, score lines that add up, the map's test lines."""

FR = {
    "learner.open_elsewhere": (
        "Ce profil est aussi ouvert dans une autre fenêtre. Vos réponses sont bien gardées, "
        "mais continuez dans une seule fenêtre pour ne pas vous perdre."
    ),
    "quit.ask": "Quitter ? Votre progression est enregistrée.",
    "quit.yes": "Quitter",
    "quit.stay": "Rester",
    "test_intro.pretest": (
        "Avant les leçons de ce module, {n} {n|question|questions} pour voir d'où vous partez.\n\n"
        "Ce n'est pas une note : ce test ne compte pas dans vos résultats. Répondez comme vous le pensez, "
        "sans chercher ailleurs. À la fin du module, le test final montrera vos progrès."
    ),
    "test_intro.posttest": (
        "{n} {n|question|questions} pour mesurer vos progrès depuis le test de départ.\n\n"
        "Ce n'est pas une note : ce test montre le chemin parcouru dans ce module."
    ),
    "test_intro.early": (
        "Vous n'avez pas encore terminé les leçons de ce module. Le test final mesure vos progrès : "
        "il a plus de sens après elles."
    ),
    "test_intro.start": "Commencer le test ▶",
    "test_intro.start_anyway": "Le passer quand même",
    "test_intro.later": "Plus tard",
    "test_intro.back": "Revenir aux leçons",
    "quiz.no_hint": "Cette question n'a pas d'indice.",
    "results.score_whole": "{right} {right|bonne réponse|bonnes réponses} sur {total} : {percent} %",
    "results.score_partial": (
        "{right} {right|bonne réponse|bonnes réponses} et {partial} {partial|réponse juste|réponses justes} "
        "en partie, sur {total} : {percent} %"
    ),
    "results.partial_note": "Une réponse juste en partie compte pour la part qui est juste.",
    "results.calib.level_right": "{level} et juste : {count}",
    "results.calib.level_wrong": "{level} mais faux : {count}",
    "results.calib.level_wrong_unsure": "{level} et faux : {count}",
}

EN = {
    "learner.open_elsewhere": (
        "This profile is also open in another window. Your answers are kept, "
        "but carry on in one window only so as not to get lost."
    ),
    "quit.ask": "Quit? Your progress is saved.",
    "quit.yes": "Quit",
    "quit.stay": "Stay",
    "test_intro.pretest": (
        "Before this module's lessons, {n} {n|question|questions} to see where you start from.\n\n"
        "This is not a mark: this test does not count in your results. Answer as you think, without "
        "looking elsewhere. At the end of the module, the final test will show your progress."
    ),
    "test_intro.posttest": (
        "{n} {n|question|questions} to measure your progress since the starting test.\n\n"
        "This is not a mark: this test shows how far you have come in this module."
    ),
    "test_intro.early": (
        "You have not finished this module's lessons yet. The final test measures your progress: "
        "it makes more sense after them."
    ),
    "test_intro.start": "Start the test ▶",
    "test_intro.start_anyway": "Take it anyway",
    "test_intro.later": "Later",
    "test_intro.back": "Back to the lessons",
    "quiz.no_hint": "This question has no hint.",
    "results.score_whole": "{right} right {right|answer|answers} out of {total}: {percent} %",
    "results.score_partial": (
        "{right} right {right|answer|answers} and {partial} partly right {partial|answer|answers}, "
        "out of {total}: {percent} %"
    ),
    "results.partial_note": "A partly right answer counts for the part that is right.",
    "results.calib.level_right": "{level} and right: {count}",
    "results.calib.level_wrong": "{level} but wrong: {count}",
    "results.calib.level_wrong_unsure": "{level} and wrong: {count}",
}
