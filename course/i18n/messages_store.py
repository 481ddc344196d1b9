"""Messages of the progress store and of progress transfer (USB-stick workflow)."""

FR = {
    "store.name.empty": "Le prénom est vide. Écrivez au moins une lettre.",
    "store.name.too_long": ("Le prénom est trop long ({length} caractères) : {max} caractères au maximum."),
    "store.recovered_name": "Profil retrouvé {short}",
    "store.unknown_learner": "Ce profil n'existe pas (ou plus) sur cet ordinateur.",
    "store.damaged.learners": (
        "Le fichier des profils était abîmé : il a été mis de côté sous le nom {saved}. "
        "La liste des profils a été reconstruite à partir des dossiers des personnes : "
        "aucune réponse n'a été perdue."
    ),
    "store.damaged.state": (
        "Le fichier de progression {name:de} était abîmé : il a été mis de côté sous le nom "
        "{saved} et un nouveau fichier a été créé. Ses réponses sont intactes ; "
        "seule la position dans le parcours est à retrouver."
    ),
    "store.damaged.answers": (
        "Un fichier de réponses {name:de} était abîmé : il a été mis de côté sous le nom "
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
        "Le fichier {path} n'a pas pu être lu ({reason}) : il est ignoré pour l'instant, rien n'a été effacé."
    ),
    "store.busy": (
        "Le fichier de progression est occupé par un autre programme depuis plus de "
        "{seconds} secondes. Réessayez dans un instant : rien n'a été perdu."
    ),
    "store.reason.disk_full": "le disque est plein",
    "store.reason.read_only": "le dossier n'est pas modifiable",
    "store.reason.other": "erreur du système : {detail}",
    "store.reason.link": "le fichier {name} est un lien symbolique, refusé par sécurité",
    "store.delete_failed": (
        "Le profil n'a pas pu être supprimé ({reason}). Il est toujours là, avec ses réponses ; "
        "réessayez quand le problème sera réglé."
    ),
    "store.app.read_only": (
        "Vous pouvez continuer : ce que vous faites est gardé en mémoire et l'application "
        "réessaie toute seule de l'enregistrer. Prévenez la personne qui anime l'atelier."
    ),
    "store.app.saved_again": (
        "C'est réglé : {count} {count|réponse en attente a été enregistrée|réponses en attente "
        "ont été enregistrées} sur le disque."
    ),
    "store.app.profile_gone": (
        "Ce profil a été supprimé, sans doute dans une autre fenêtre : cette séance s'arrête ici. "
        "Choisissez un autre profil ou créez-en un nouveau."
    ),
    "store.quit.title": "Des réponses ne sont pas encore enregistrées",
    "store.quit.body": (
        "{count} {count|réponse n'est pas encore enregistrée|réponses ne sont pas encore "
        "enregistrées} sur le disque. Si vous quittez maintenant, "
        "{count|elle serait perdue|elles seraient perdues}."
    ),
    "store.quit.retry": "Réessayer",
    "store.quit.save_elsewhere": "Enregistrer ailleurs",
    "store.quit.back": "Revenir",
    "store.quit.folder": "Dossier où enregistrer le fichier (une clé USB par exemple) :",
    "store.quit.saved": (
        "Les réponses sont dans le fichier {path}. Donnez-le à la personne qui anime : "
        "la commande « atelier import » les ajoutera à la progression."
    ),
    "store.quit.save_failed": (
        "Impossible d'enregistrer dans ce dossier ({reason}). Choisissez-en un autre."
    ),
    "store.rescue.saved": (
        "{count} {count|réponse n'a pas pu être enregistrée|réponses n'ont pas pu être "
        "enregistrées} dans le dossier de progression : {count|elle est sauvée|elles sont "
        "sauvées} dans le fichier {path}. Ajoutez-les avec « atelier import {path} »."
    ),
    "store.rescue.failed": (
        "{count} {count|réponse n'a pas pu être enregistrée|réponses n'ont pas pu être "
        "enregistrées}, ni dans le dossier de progression ni ailleurs. "
        "Libérez de la place sur le disque avant de relancer l'application."
    ),
    "store.import.unreadable": ("Le fichier {path} n'a pas pu être lu ({detail}). Rien n'a été importé."),
    "store.import.not_json": (
        "Le fichier {path} n'est pas un export de progression lisible : il est peut-être "
        "abîmé ou incomplet (copie interrompue ?). Rien n'a été importé."
    ),
    "store.import.write_failed": (
        "L'import de {path} n'a pas pu être enregistré sur le disque ({reason}). Rien n'est "
        "perdu : le fichier est intact. Relancez la même commande une fois le problème réglé ; "
        "ce qui a déjà été importé ne sera pas doublé."
    ),
    "store.import.too_large": (
        "Le fichier {path} est trop gros pour être un export de progression ({max} Mo au plus). "
        "Rien n'a été importé."
    ),
    "store.import.not_a_file": (
        "{path} n'est pas un fichier ordinaire (un tube ou un périphérique ?) : il n'a pas été "
        "lu. Rien n'a été importé."
    ),
    "store.import.wrong_format": (
        "Ce fichier n'est pas un export de progression de l'Atelier numérique. Rien n'a été importé."
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
    "store.bad_record": ("An answer in {path} cannot be read: it is skipped, and the file is kept as it is."),
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
    "store.profile_failed": ("The profile could not be saved to disk ({reason}). Nothing was changed."),
    "store.unreadable": (
        "The file {path} could not be read ({reason}): it is ignored for now, nothing was deleted."
    ),
    "store.busy": (
        "The progress file has been busy in another program for more than {seconds} "
        "seconds. Try again in a moment: nothing was lost."
    ),
    "store.reason.disk_full": "the disk is full",
    "store.reason.read_only": "the folder cannot be written to",
    "store.reason.other": "system error: {detail}",
    "store.reason.link": "the file {name} is a symbolic link, refused for safety",
    "store.delete_failed": (
        "The profile could not be deleted ({reason}). It is still there, with its answers; "
        "try again once the problem is solved."
    ),
    "store.app.read_only": (
        "You can carry on: what you do is kept in memory and the app keeps trying to save "
        "it. Tell the workshop's trainer."
    ),
    "store.app.saved_again": ("Solved: {count} waiting {count|answer was|answers were} saved to disk."),
    "store.app.profile_gone": (
        "This profile was deleted, probably in another window: this session ends here. "
        "Choose another profile or create a new one."
    ),
    "store.quit.title": "Some answers are not saved yet",
    "store.quit.body": (
        "{count} {count|answer is|answers are} not saved to disk yet. If you quit "
        "now, {count|it|they} would be lost."
    ),
    "store.quit.retry": "Try again",
    "store.quit.save_elsewhere": "Save elsewhere",
    "store.quit.back": "Back",
    "store.quit.folder": "Folder to save the file in (a USB stick for instance):",
    "store.quit.saved": (
        "The answers are in the file {path}. Give it to the trainer: the command "
        "“atelier import” adds them to the progress."
    ),
    "store.quit.save_failed": "Cannot save in this folder ({reason}). Choose another one.",
    "store.rescue.saved": (
        "{count} {count|answer|answers} could not be saved in the progress folder: "
        "{count|it is|they are} kept in the file {path}. Add them with “atelier import {path}”."
    ),
    "store.rescue.failed": (
        "{count} {count|answer|answers} could not be saved, neither in the progress "
        "folder nor elsewhere. Free some disk space before starting the app again."
    ),
    "store.import.unreadable": ("The file {path} could not be read ({detail}). Nothing was imported."),
    "store.import.not_json": (
        "The file {path} is not a readable progress export: it may be damaged or "
        "incomplete (interrupted copy?). Nothing was imported."
    ),
    "store.import.write_failed": (
        "The import of {path} could not be saved to disk ({reason}). Nothing is lost: the "
        "file is intact. Run the same command again once the problem is solved; what was "
        "already imported will not be doubled."
    ),
    "store.import.too_large": (
        "The file {path} is too large to be a progress export ({max} MB at most). Nothing was imported."
    ),
    "store.import.not_a_file": (
        "{path} is not an ordinary file (a pipe or a device?): it was not read. Nothing was imported."
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
