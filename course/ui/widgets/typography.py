"""French typography kept together on screen: no line break before : ; ? ! % or inside « »."""

from __future__ import annotations

import re

from course.i18n import get_language

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \u202f](?=[:;?!%»])")
_AFTER = re.compile(r"(?<=«)[ \u202f]")


def french_spacing(text: str) -> str:
    """`text` with the space before : ; ? ! % » and after « made non-breaking (French only).

    Both Rich and Textual wrap lines at ordinary spaces only, so « mot », 80 % and
    « Tout recommencer ? » never split across two lines.
    """
    if get_language() != "fr":
        return text
    return _AFTER.sub(NBSP, _BEFORE.sub(NBSP, text))
