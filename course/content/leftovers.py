"""Texts that only hold a place: those of `atelier new`'s templates and of quiz imports.

A trainer who forgets one would show learners « Écrivez ici le contenu de la
section » or, after a Moodle import, the same provisional explanation under every
question: `atelier validate` warns about each one left.
"""

from __future__ import annotations

import re

# The explanation given to imported questions that had none.
PLACEHOLDER_EXPLANATION = "Explication à compléter par le formateur."

# How each placeholder text of course/templates begins (tests/unit/test_new.py keeps them in sync).
TEMPLATE_STARTS = (
    "Décrivez ici votre parcours",
    "Votre nom ou celui de votre association",
    "En une phrase, ce que l'apprenant saura faire",
    "Premier objectif, commencé par un verbe",
    "Deuxième objectif",
    "Écrivez ici le contenu de la section",
    "Un chiffre ou un fait marquant",
    "Un conseil concret, à appliquer dès aujourd'hui",
    "Titre du rapport ou de l'ouvrage",
    "https://www.example.org/",
    "Points clés à faire passer",
    "Une activité de 20 à 30 minutes",
    "Présentez ici le module",
)
_STARTS = (*TEMPLATE_STARTS, PLACEHOLDER_EXPLANATION)
# One pass over a text instead of one test per start; the first start that matches, as listed
# (`\s` is what str.strip removes, and no start ends with a space).
STARTS_RE = re.compile(r"\s*(" + "|".join(re.escape(start) for start in _STARTS) + ")")
"""Matches a text that still begins with a placeholder, which is its group 1 (the loader asks it of every text)."""


def placeholder_start(text: str) -> str:
    """The placeholder `text` still begins with, or ""."""
    found = STARTS_RE.match(text)
    return found.group(1) if found else ""
