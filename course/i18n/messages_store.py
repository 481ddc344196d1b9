"""Messages of the progress store and of progress transfer (USB-stick workflow)."""

FR = {
    "store.name.empty": "Le prénom est vide. Écrivez au moins une lettre.",
    "store.name.too_long": (
        "Le prénom est trop long ({length} caractères) : {max} caractères au maximum."
    ),
    "store.recovered_name": "Profil retrouvé {short}",
    "store.unknown_learner": "Ce profil n'existe pas (ou plus) sur cet ordinateur.",
    "store.damaged.learners": (
        "Le fichier des profils était abîmé : il a été mis de côté sous le nom {saved}. "
        "La liste des profils a été reconstruite à partir des dossiers des personnes : "
        "aucune réponse n'a été perdue."
    ),
    "store.damaged.state": (
        "Le fichier de progression de {name} était abîmé : il a été mis de côté sous le nom "
        "{saved} et un nouveau fichier a été créé. Ses réponses sont intactes ; "
        "seule la position dans le parcours est à retrouver."
    ),
    "store.damaged.answers": (
        "Un fichier de réponses de {name} était abîmé : il a été mis de côté sous le nom "
        "{saved} (rien n'est effacé, il reste consultable). Les autres réponses sont intactes."
    ),
    "store.damaged.kept": (
        "Le fichier {path} est abîmé et n'a pas pu être mis de côté ({reason}). "
        "Il est laissé tel quel et ignoré pour l'instant : rien n'a été effacé."
    ),
    "store.bad_record": (
        "Une réponse du fichier {path} est illisible : elle est ignorée, "
        "mais le fichier est conservé tel quel."
    ),
    "store.read_only": (
        "Le dossier de progression {path} n'est pas modifiable : les résultats restent "
        "consultables, mais les nouvelles réponses ne pourront pas être enregistrées."
    ),
    "store.write_failed": (
        "La réponse n'a pas pu être enregistrée sur le disque ({reason}). "
        "Elle est gardée en mémoire ({pending} en attente) et sera enregistrée dès que "
        "possible : ne fermez pas l'application."
    ),
    "store.state_failed": (
        "La progression n'a pas pu être enregistrée sur le disque ({reason}). "
        "Les réponses déjà enregistrées ne sont pas touchées."
    ),
    "store.profile_failed": (
        "Le profil n'a pas pu être enregistré sur le disque ({reason}). Rien n'a été modifié."
    ),
    "store.unreadable": (
        "Le fichier {path} n'a pas pu être lu ({reason}) : il est ignoré pour l'instant, "
        "rien n'a été effacé."
    ),
    "store.busy": (
        "Le fichier de progression est occupé par un autre programme depuis plus de "
        "{seconds} secondes. Réessayez dans un instant : rien n'a été perdu."
    ),
    "store.reason.disk_full": "le disque est plein",
    "store.reason.read_only": "le dossier n'est pas modifiable",
    "store.reason.other": "erreur du système : {detail}",
    "store.import.unreadable": (
        "Le fichier {path} n'a pas pu être lu ({detail}). Rien n'a été importé."
    ),
    "store.import.not_json": (
        "Le fichier {path} n'est pas un export de progression lisible : il est peut-être "
        "abîmé ou incomplet (copie interrompue ?). Rien n'a été importé."
    ),
    "store.import.wrong_format": (
        "Ce fichier n'est pas un export de progression de l'Atelier numérique. "
        "Rien n'a été importé."
    ),
    "store.import.newer_version": (
        "Ce fichier vient d'une version plus récente de l'Atelier numérique (format {version}). "
        "Mettez l'application à jour sur cet ordinateur, puis recommencez. Rien n'a été importé."
    ),
    "store.import.damaged": (
        "Ce fichier de progression est abîmé ({detail}). Rien n'a été importé ; "
        "refaites l'export sur l'autre ordinateur."
    ),
}

EN = {
    "store.name.empty": "The first name is empty. Type at least one letter.",
    "store.name.too_long": "The first name is too long ({length} characters): {max} at most.",
    "store.recovered_name": "Recovered profile {short}",
    "store.unknown_learner": "This profile does not exist (any more) on this computer.",
    "store.damaged.learners": (
        "The profiles file was damaged: it was set aside as {saved}. The list of profiles "
        "was rebuilt from the learners' folders: no answer was lost."
    ),
    "store.damaged.state": (
        "{name}'s progress file was damaged: it was set aside as {saved} and a new file "
        "was created. Their answers are intact; only their place in the course is lost."
    ),
    "store.damaged.answers": (
        "One of {name}'s answer files was damaged: it was set aside as {saved} (nothing "
        "was deleted, it can still be read). The other answers are intact."
    ),
    "store.damaged.kept": (
        "The file {path} is damaged and could not be set aside ({reason}). It is left "
        "as it is and ignored for now: nothing was deleted."
    ),
    "store.bad_record": (
        "An answer in {path} cannot be read: it is skipped, and the file is kept as it is."
    ),
    "store.read_only": (
        "The progress folder {path} cannot be written to: results can be viewed, "
        "but new answers cannot be saved."
    ),
    "store.write_failed": (
        "The answer could not be saved to disk ({reason}). It is kept in memory "
        "({pending} waiting) and will be saved as soon as possible: do not close the app."
    ),
    "store.state_failed": (
        "Progress could not be saved to disk ({reason}). Answers already saved are untouched."
    ),
    "store.profile_failed": (
        "The profile could not be saved to disk ({reason}). Nothing was changed."
    ),
    "store.unreadable": (
        "The file {path} could not be read ({reason}): it is ignored for now, "
        "nothing was deleted."
    ),
    "store.busy": (
        "The progress file has been busy in another program for more than {seconds} "
        "seconds. Try again in a moment: nothing was lost."
    ),
    "store.reason.disk_full": "the disk is full",
    "store.reason.read_only": "the folder cannot be written to",
    "store.reason.other": "system error: {detail}",
    "store.import.unreadable": (
        "The file {path} could not be read ({detail}). Nothing was imported."
    ),
    "store.import.not_json": (
        "The file {path} is not a readable progress export: it may be damaged or "
        "incomplete (interrupted copy?). Nothing was imported."
    ),
    "store.import.wrong_format": (
        "This file is not an Atelier numérique progress export. Nothing was imported."
    ),
    "store.import.newer_version": (
        "This file comes from a newer version of Atelier numérique (format {version}). "
        "Update the app on this computer, then try again. Nothing was imported."
    ),
    "store.import.damaged": (
        "This progress file is damaged ({detail}). Nothing was imported; "
        "export it again on the other computer."
    ),
}
