"""The string catalogue: every sentence a person reads goes through `t()`.

Messages live in the `messages_*.py` modules of this package, one per layer,
each defining `FR` and `EN` dictionaries. French is the default; English is
complete. `set_language()` picks one for the whole process.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from functools import cache

LANGUAGES = ("fr", "en")
_language = "fr"


@cache
def _catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    package = importlib.import_module(__name__)
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("messages_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            merged.update(getattr(module, language.upper()))
    return merged


def detect_language() -> str:
    """The language asked for by ATELIER_LANG or the locale, French otherwise."""
    for value in (os.environ.get("ATELIER_LANG"), os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG")):
        if value:
            code = value[:2].lower()
            return code if code in LANGUAGES else "fr"
    try:
        code = (locale.getlocale()[0] or "fr")[:2].lower()
    except ValueError:
        code = "fr"
    return code if code in LANGUAGES else "fr"


def set_language(language: str | None) -> str:
    global _language
    _language = language if language in LANGUAGES else detect_language()
    return _language


def get_language() -> str:
    return _language


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in.

    A missing key falls back to French, then to the key itself, so a gap in a
    catalogue shows up on screen instead of crashing the app.
    """
    text = _catalogue(_language).get(key) or _catalogue("fr").get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
