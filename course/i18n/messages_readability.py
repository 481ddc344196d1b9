"""Messages of `atelier validate --stats` (readability of the lessons)."""

FR = {
    "cli.validate.stats": "afficher aussi la lisibilité de chaque leçon (longueur des phrases, part des mots longs)",
    "readability.decimal": ",",
    "readability.title": "Lisibilité des leçons (mots longs : {letters} lettres ou plus ; LIX = mots par phrase + % de mots longs) :",
    "readability.lesson": "leçon",
    "readability.header": "  {lesson}  mots/phrase  mots longs  LIX",
    "readability.row": "  {lesson}  {words}  {share}  {lix}  {verdict}",
    "readability.ok": "ok",
    "readability.too_hard": "à simplifier",
    "readability.course": "Tout le parcours : {words} mots par phrase, {share} % de mots longs, LIX {lix}.",
    "readability.target": "Cible par leçon : au plus {words} mots par phrase et {share} % de mots longs ; {count} {count|leçon|leçons} sur {lessons} à simplifier.",
}

EN = {
    "cli.validate.stats": "also show how easy each lesson is to read (sentence length, share of long words)",
    "readability.decimal": ".",
    "readability.title": "Readability of the lessons (long words: {letters} letters or more; LIX = words per sentence + % long words):",
    "readability.lesson": "lesson",
    "readability.header": "  {lesson}  words/sent.  long words  LIX",
    "readability.row": "  {lesson}  {words}  {share}  {lix}  {verdict}",
    "readability.ok": "ok",
    "readability.too_hard": "to simplify",
    "readability.course": "Whole course: {words} words per sentence, {share} % long words, LIX {lix}.",
    "readability.target": "Target per lesson: at most {words} words per sentence and {share} % long words; {count} of {lessons} {lessons|lesson|lessons} to simplify.",
}
