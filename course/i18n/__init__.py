"""The string catalogue: every sentence a person reads goes through `t()`.

Messages live in the `messages_*.py` modules of this package, one per layer,
each defining `FR` and `EN` dictionaries (a key is defined in one module only).
French is the default; English is complete. `set_language()` picks one for the
whole process. A module is imported when a key is first looked for past the
modules already read: the learner app's options and first screen read six of them.
"""

from __future__ import annotations

import importlib
import locale
import os
import re
import string
from collections.abc import Mapping, Sequence
from typing import Any

LANGUAGES = ("fr", "en")
_language = "fr"

FIRST_MODULES = (
    "messages_cli",
    "messages_ui",
    "messages_learner",
    "messages_store",
    "messages_plain",  # the --plain option's help
    "messages_access",  # the --atelier option's help
)
"""Read first: what `atelier`'s options and its first screen say. The others are read when a key is
not in these."""


def _module_names() -> list[str]:
    """Every messages module of this package, the first ones first."""
    import pkgutil

    found = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name.startswith("messages_"))
    return [*FIRST_MODULES, *(name for name in found if name not in FIRST_MODULES)]


class _Catalogue:
    """One language's messages, read module by module as keys are asked for."""

    def __init__(self, language: str) -> None:
        self.attribute = language.upper()
        self.messages: dict[str, str] = {}
        self.unread: list[str] | None = None  # the modules not read yet, once listed
        self.first = list(FIRST_MODULES)

    def get(self, key: str) -> str | None:
        found = self.messages.get(key)
        while found is None and self._read_next():
            found = self.messages.get(key)
        return found

    def _read_next(self) -> bool:
        if self.first:
            name = self.first.pop(0)
        else:
            if self.unread is None:
                self.unread = [name for name in _module_names() if name not in FIRST_MODULES]
            if not self.unread:
                return False
            name = self.unread.pop(0)
        module = importlib.import_module(f"{__name__}.{name}")
        self.messages.update(getattr(module, self.attribute))
        return True

    def everything(self) -> dict[str, str]:
        while self._read_next():
            pass
        return self.messages


_CATALOGUES: dict[str, _Catalogue] = {}


def _messages(language: str) -> _Catalogue:
    found = _CATALOGUES.get(language)
    if found is None:
        found = _CATALOGUES[language] = _Catalogue(language)
    return found


def _catalogue(language: str) -> dict[str, str]:
    """Every message of `language`, every module read."""
    return _messages(language).everything()


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
    text = _messages(_language).get(key) or _messages("fr").get(key)
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
