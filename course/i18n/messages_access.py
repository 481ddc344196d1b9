"""Messages of who may open what: the trainer code, learners' personal codes, the « mode atelier »."""

FR = {
    "access.back": "Revenir (Échap)",
    "access.setup.not_here": "Aucun code formateur n'est choisi pour ces données : l'espace formateur ne s'ouvre pas ici. La personne qui anime le donne au lancement (--pin CODE).",
    "help.profile_workshop": "Écrivez votre prénom puis **Entrée** : le curseur y est déjà. La première fois, vous recevez un **code personnel** : notez-le. Les fois suivantes, écrivez le même prénom, répondez « Oui, c'est moi » et tapez ce code. Code oublié ? La personne qui anime peut vous en donner un nouveau.",
    "access.cannot_write": "Impossible d'enregistrer le code dans « {path} » ({reason}). Demandez à la personne qui anime de vérifier le dossier de données.",
    "access.busy": "Le dossier « {path} » est occupé par une autre fenêtre. Réessayez dans un instant.",
    "access.cli.atelier": "mode atelier : pas de liste des prénoms, chacun reprend avec son prénom et son code personnel",
    "access.profile.type_name": "Écrivez votre prénom (un surnom suffit), puis Entrée :",
    "access.profile.or_pick": "Ou choisissez votre prénom dans la liste (Tab, flèches puis Entrée) :",
    "access.profile.workshop": (
        "Écrivez votre prénom (un surnom suffit), puis Entrée. Déjà venu·e ? Le même prénom et "
        "votre code personnel vous font reprendre là où vous en étiez."
    ),
    "access.pin.ask": "Code formateur (il protège le bilan du groupe) :",
    "access.pin.wrong": "Ce n'est pas le bon code.",
    "access.pin.wait": "Trop d'essais : attendez {seconds} s avant de réessayer.",
    "access.pin.cancel": "Annuler",
    "access.pin.open": "Ouvrir",
    "access.setup.ask": (
        "Aucun code formateur n'est encore choisi pour ces données. Choisissez-en un "
        "({min} caractères au moins) : il sera demandé à chaque ouverture de l'espace formateur."
    ),
    "access.setup.first": "Code formateur",
    "access.setup.again": "Le même code, une seconde fois",
    "access.setup.save": "Enregistrer",
    "access.setup.short": "Ce code est trop court : {min} caractères au moins.",
    "access.setup.differ": "Les deux codes ne sont pas les mêmes : tapez-les à nouveau.",
    "access.setup.done": "Code formateur enregistré. Ne le donnez pas aux apprenants.",
    "access.same_name": "Une personne s'appelle déjà {name} : est-ce vous ?",
    "access.same_name.yes": "Oui, c'est moi",
    "access.same_name.no": "Non, quelqu'un d'autre",
    "access.same_name.other": (
        "Pour vous distinguer, ajoutez l'initiale de votre nom de famille, par exemple « {name} D. »."
    ),
    "access.name.changed": "Votre prénom sera enregistré ainsi : « {name} ». Entrée pour continuer, ou corrigez-le.",
    "access.name.cut": "Un prénom compte {max} caractères au plus : la fin a été retirée.",
    "access.name.formula": "Un prénom ne peut pas commencer par = + - ou @ : ce signe a été retiré.",
    "access.name.cleaned": "Les caractères spéciaux et les espaces en trop ont été retirés.",
    "access.code.ask": "Bonjour {name} ! Tapez votre code personnel (celui que vous avez noté) :",
    "access.code.ask_delete": "Pour confirmer, tapez votre code personnel (ou le code formateur) :",
    "access.code.wrong": "Ce n'est pas le bon code. Code oublié ? La personne qui anime peut vous en donner un nouveau.",
    "access.code.none": (
        "Ce profil n'a pas encore de code personnel. Demandez à la personne qui anime de vous en "
        "donner un (espace formateur, touche c)."
    ),
    "access.code.yours": "Votre code personnel : {code}",
    "access.code.note": (
        "Notez-le sur un papier : avec votre prénom, il vous permettra de reprendre dans un autre "
        "onglet ou un autre jour. Personne d'autre ne peut ouvrir vos réponses sans lui."
    ),
    "access.code.choose": "Ou choisissez votre propre code ({min} caractères au moins), puis Entrée :",
    "access.code.ok": "C'est noté, continuer",
    "access.code.chosen": "Votre nouveau code est enregistré. Notez-le.",
    "access.code.short": "Ce code est trop court : {min} caractères au moins.",
    "access.code.someone_else": "Quelqu'un vient de créer ce prénom dans un autre onglet : est-ce vous ?",
    "access.trainer.codes": "Code oublié",
    "access.trainer.mode": "Mode atelier",
    "access.trainer.pick": "À qui donner un nouveau code personnel ? (flèches puis Entrée, Échap pour annuler)",
    "access.trainer.none": "Aucun apprenant pour l'instant.",
    "access.trainer.given": "Nouveau code {name:de} : {code} (à lui donner ; l'ancien ne marche plus).",
    "access.mode.on": "Mode atelier activé : la liste des prénoms est cachée, chacun reprend avec son prénom et son code personnel.",
    "access.mode.off": "Mode atelier désactivé : la liste des prénoms est de nouveau affichée sur cet ordinateur.",
    "access.mode.forced": "Dans les navigateurs (atelier serve), le mode atelier est toujours actif.",
    "access.close": "Fermer",
}

EN = {
    "access.back": "Go back (Esc)",
    "access.setup.not_here": "No trainer's code is chosen for this data: the trainer's view does not open here. The person leading the workshop gives it at start (--pin CODE).",
    "help.profile_workshop": "Type your first name then **Enter**: the cursor is already there. The first time, you get a **personal code**: write it down. Next times, type the same name, answer « Yes, it's me » and type that code. Forgot it? The person leading the workshop can give you a new one.",
    "access.cannot_write": "Cannot save the code in « {path} » ({reason}). Ask the person leading the workshop to check the data folder.",
    "access.busy": "The folder « {path} » is busy with another window. Try again in a moment.",
    "access.cli.atelier": "workshop mode: no list of names, each person resumes with their first name and personal code",
    "access.profile.type_name": "Type your first name (a nickname is enough), then Enter:",
    "access.profile.or_pick": "Or choose your name in the list (Tab, arrows, then Enter):",
    "access.profile.workshop": (
        "Type your first name (a nickname is enough), then Enter. Been here before? The same "
        "name and your personal code take you back where you were."
    ),
    "access.pin.ask": "Trainer's code (it protects the group's report):",
    "access.pin.wrong": "That is not the right code.",
    "access.pin.wait": "Too many tries: wait {seconds} s before trying again.",
    "access.pin.cancel": "Cancel",
    "access.pin.open": "Open",
    "access.setup.ask": (
        "No trainer's code has been chosen for this data yet. Choose one (at least {min} "
        "characters): it will be asked each time the trainer's view is opened."
    ),
    "access.setup.first": "Trainer's code",
    "access.setup.again": "The same code, a second time",
    "access.setup.save": "Save",
    "access.setup.short": "This code is too short: at least {min} characters.",
    "access.setup.differ": "The two codes differ: type them again.",
    "access.setup.done": "Trainer's code saved. Do not give it to learners.",
    "access.same_name": "Someone is already called {name}: is it you?",
    "access.same_name.yes": "Yes, it's me",
    "access.same_name.no": "No, someone else",
    "access.same_name.other": "To tell you apart, add the initial of your surname, for example « {name} D. ».",
    "access.name.changed": "Your first name will be saved as « {name} ». Enter to go on, or correct it.",
    "access.name.cut": "A first name has at most {max} characters: the end was removed.",
    "access.name.formula": "A first name cannot start with = + - or @: that sign was removed.",
    "access.name.cleaned": "Special characters and extra spaces were removed.",
    "access.code.ask": "Hello {name}! Type your personal code (the one you wrote down):",
    "access.code.ask_delete": "To confirm, type your personal code (or the trainer's code):",
    "access.code.wrong": "That is not the right code. Forgot it? The person leading the workshop can give you a new one.",
    "access.code.none": (
        "This profile has no personal code yet. Ask the person leading the workshop to give you "
        "one (trainer's view, key c)."
    ),
    "access.code.yours": "Your personal code: {code}",
    "access.code.note": (
        "Write it down: with your first name, it lets you resume in another tab or on another day. "
        "Nobody else can open your answers without it."
    ),
    "access.code.choose": "Or choose your own code (at least {min} characters), then Enter:",
    "access.code.ok": "Noted, go on",
    "access.code.chosen": "Your new code is saved. Write it down.",
    "access.code.short": "This code is too short: at least {min} characters.",
    "access.code.someone_else": "Someone has just created this first name in another tab: is it you?",
    "access.trainer.codes": "Forgotten code",
    "access.trainer.mode": "Workshop mode",
    "access.trainer.pick": "Who gets a new personal code? (arrows then Enter, Esc to cancel)",
    "access.trainer.none": "No learners yet.",
    "access.trainer.given": "New code for {name}: {code} (give it to them; the old one no longer works).",
    "access.mode.on": "Workshop mode on: the list of names is hidden, each person resumes with their first name and personal code.",
    "access.mode.off": "Workshop mode off: the list of names is shown again on this computer.",
    "access.mode.forced": "In browsers (atelier serve), workshop mode is always on.",
    "access.close": "Close",
}
