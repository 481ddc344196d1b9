"""Messages of `atelier schema`."""

FR = {
    "schema.cli.help": "écrire les schémas JSON du format (leçon, quiz, module, parcours, glossaire) pour l'autocomplétion des éditeurs",
    "schema.cli.out": "dossier où écrire les schémas (par défaut : schemas/ dans le dossier courant)",
    "schema.cli.print": "afficher un seul schéma au lieu d'écrire les fichiers : lesson, quiz, module, course ou glossary",
    "schema.written": "Schéma écrit : {path}",
    "schema.unknown_kind": "Schéma inconnu : « {kind} ». Choisissez parmi : {kinds}.",
    "schema.cannot_write": "Impossible d'écrire les schémas dans « {path} » : {reason}.",
}

EN = {
    "schema.cli.help": "write the JSON Schemas of the format (lesson, quiz, module, course, glossary) for editor completion",
    "schema.cli.out": "folder to write the schemas to (default: schemas/ in the current folder)",
    "schema.cli.print": "print one schema instead of writing the files: lesson, quiz, module, course or glossary",
    "schema.written": "Schema written: {path}",
    "schema.unknown_kind": "Unknown schema « {kind} ». Choose one of: {kinds}.",
    "schema.cannot_write": "Cannot write the schemas to « {path} »: {reason}.",
}
