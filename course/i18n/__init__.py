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
import re
import string
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

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
    for value in (
        os.environ.get("ATELIER_LANG"),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
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


class MissingMessage(KeyError):
    """A key that no catalogue defines (raised only when ATELIER_STRICT_CATALOGUE is set)."""


def plural_is_needed(count: object, language: str) -> bool:
    """Whether `count` takes the plural: French keeps 0 and 1 singular, English only 1."""
    try:
        number = abs(float(str(count).replace(",", ".").replace("\u202f", "").replace(" ", "")))
    except ValueError:
        return True
    return number >= 2 if language == "fr" else number != 1


class _CatalogueFormatter(string.Formatter):
    """`str.format` plus plural choices: `{count|réponse|réponses}` picks by `count`."""

    def __init__(self, language: str) -> None:
        self.language = language

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if "|" in field_name:
            name, singular, plural = field_name.split("|", 2)
            count = kwargs[name]
            return (plural if plural_is_needed(count, self.language) else singular), name
        return super().get_field(field_name, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec == "de":  # « de Marie », « d'Inès »: French elision before a name
            return de_name(str(value))
        return super().format_field(value, format_spec)


_ELIDED = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿæœ]|h[aeiouyàâäéèêëîïôöùûü]", re.IGNORECASE)


def de_name(name: str) -> str:
    """« de » before a name, elided before a vowel or a silent h: « de Marie », « d'Inès », « d'Hélène »."""
    return f"d'{name}" if _ELIDED.match(name) else f"de {name}"


def _strict() -> bool:
    return bool(os.environ.get("ATELIER_STRICT_CATALOGUE"))


def t(key: str, /, **params: object) -> str:
    """The sentence for `key` in the current language, with `params` filled in.

    A missing key falls back to French, then to the key itself, so a gap in a
    catalogue shows up on screen instead of crashing the app; the test suite sets
    ATELIER_STRICT_CATALOGUE so that such a gap fails instead.
    """
    text = _catalogue(_language).get(key) or _catalogue("fr").get(key)
    if text is None:
        if _strict():
            raise MissingMessage(key)
        text = key
    if params:
        try:
            return _CatalogueFormatter(_language).vformat(text, (), params)
        except (KeyError, IndexError, ValueError, AttributeError):
            if _strict():
                raise
            return text
    return text
