"""Messages of `atelier new course` and `atelier new lesson`."""

FR = {
    "new.help": "créer un parcours ou une leçon à partir de modèles commentés",
    "new.course.help": "créer un parcours complet et valide : présentation, glossaire, un module, une leçon et son quiz",
    "new.course.dir": "dossier du nouveau parcours (créé s'il n'existe pas)",
    "new.lesson.help": "ajouter une leçon et son quiz à un module (le module est créé s'il n'existe pas)",
    "new.lesson.module": "nom du dossier du module, ex. premiers-pas",
    "new.lesson.slug": "nom court de la leçon, en minuscules et tirets, ex. envoyer-un-courriel",
    "new.lesson.course": "dossier du parcours (par défaut : le dossier courant ; il doit contenir lessons/)",
    "new.default_title": "Mon parcours",
    "new.bad_slug": "Le nom de leçon « {value} » ne convient pas : seulement des lettres minuscules sans accent, des chiffres et des tirets, sans espace (par exemple « {example} »).",
    "new.bad_module": "Le nom de module « {value} » ne convient pas : seulement des lettres minuscules sans accent, des chiffres et des tirets, sans espace (par exemple « {example} »).",
    "new.exists": "Le fichier « {path} » existe déjà : rien n'a été créé, pour ne pas l'écraser. Choisissez un autre dossier ou un autre nom.",
    "new.slug_exists": "Une leçon « {slug} » existe déjà dans ce module : {path}. Rien n'a été créé ; choisissez un autre nom.",
    "new.id_exists": "L'identifiant « {id} » est déjà utilisé dans ce parcours. Rien n'a été créé ; choisissez un autre nom de leçon.",
    "new.not_course": "« {path} » n'est pas un dossier de parcours (il n'y a pas de dossier lessons/). Indiquez le parcours avec --course DOSSIER, ou créez-en un avec « atelier new course DOSSIER ».",
    "new.cannot_write": "Impossible d'écrire « {path} » : {reason}. Vérifiez que vous avez le droit d'écrire dans ce dossier.",
    "new.course.done": "Parcours créé dans {path} :",
    "new.lesson.done": "Leçon ajoutée au parcours {path} :",
    "new.schemas": "schemas/ (pour que votre éditeur complète et explique les champs)",
    "new.editor": ".vscode/settings.json (VS Code et VSCodium : chaque fichier vérifié par son schéma, des espaces au lieu des tabulations)",
    "new.next": (
        "Et maintenant :\n"
        "  1. Ouvrez la leçon et son quiz dans votre éditeur de texte (chaque ligne y est\n"
        "     expliquée) et remplacez les exemples par votre contenu :\n"
        "     {lesson}\n"
        "     {quiz}\n"
        "  2. Vérifiez le parcours après chaque modification :\n"
        "     atelier validate {course}\n"
        "  3. Regardez la leçon comme un apprenant (mise à jour à chaque enregistrement) :\n"
        "     atelier preview {lesson}"
    ),
    "new.next.more": (
        "  4. Ajoutez une leçon :\n"
        "     atelier new lesson premiers-pas ma-lecon --course {course}\n"
        "  5. Lancez le parcours : atelier --course {course}"
    ),
}

EN = {
    "new.help": "create a course or a lesson from commented templates",
    "new.course.help": "create a complete, valid course: presentation, glossary, one module, one lesson and its quiz",
    "new.course.dir": "folder of the new course (created if missing)",
    "new.lesson.help": "add a lesson and its quiz to a module (the module is created if missing)",
    "new.lesson.module": "name of the module folder, e.g. premiers-pas",
    "new.lesson.slug": "short name of the lesson, lower case with dashes, e.g. send-an-email",
    "new.lesson.course": "course folder (default: the current folder; it must hold lessons/)",
    "new.default_title": "My course",
    "new.bad_slug": "The lesson name « {value} » cannot be used: only unaccented lower-case letters, digits and dashes, no spaces (for example « {example} »).",
    "new.bad_module": "The module name « {value} » cannot be used: only unaccented lower-case letters, digits and dashes, no spaces (for example « {example} »).",
    "new.exists": "The file « {path} » already exists: nothing was created, so as not to overwrite it. Choose another folder or name.",
    "new.slug_exists": "A lesson « {slug} » already exists in this module: {path}. Nothing was created; choose another name.",
    "new.id_exists": "The id « {id} » is already used in this course. Nothing was created; choose another lesson name.",
    "new.not_course": "« {path} » is not a course folder (there is no lessons/ folder). Give the course with --course FOLDER, or create one with « atelier new course FOLDER ».",
    "new.cannot_write": "Cannot write « {path} »: {reason}. Check that you may write in this folder.",
    "new.course.done": "Course created in {path}:",
    "new.lesson.done": "Lesson added to the course {path}:",
    "new.schemas": "schemas/ (so that your editor completes and explains the fields)",
    "new.editor": ".vscode/settings.json (VS Code and VSCodium: each file checked by its schema, spaces instead of tabs)",
    "new.next": (
        "What next:\n"
        "  1. Open the lesson and its quiz in your text editor (every line is explained\n"
        "     there) and replace the examples with your content:\n"
        "     {lesson}\n"
        "     {quiz}\n"
        "  2. Check the course after every change:\n"
        "     atelier validate {course}\n"
        "  3. See the lesson as a learner does (it updates on every save):\n"
        "     atelier preview {lesson}"
    ),
    "new.next.more": (
        "  4. Add a lesson:\n"
        "     atelier new lesson premiers-pas my-lesson --course {course}\n"
        "  5. Start the course: atelier --course {course}"
    ),
}
