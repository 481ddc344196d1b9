"""The stylesheet's parsed rules kept between starts, so the first screen does not parse its CSS again.

Textual parses every stylesheet (the app's .tcss files and each widget's default CSS) at each
start, a tenth of the CPU the first screen costs. The parsed rules of each source are kept in
the user cache folder, beside the course cache, and handed to the stylesheet's own cache of
parsed sources before the first parse: a source whose text, place, theme variables or Textual
is not exactly the one stored is parsed as usual. A missing, damaged or foreign file only
costs that parse; the file is written again after the first screen and when the app closes,
whenever a new source was parsed meanwhile.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from course.content.cache import cache_dir

STYLE_CACHE_VERSION = 1
MAX_BYTES = 16 * 1024 * 1024  # far above any stylesheet; a larger file is not one we wrote


def _textual_identity() -> str:
    """Changes when Textual is installed again (its parser and rule classes may differ)."""
    import textual.css.model
    import textual.css.styles

    parts = []
    for module in (textual.css.model, textual.css.styles):
        info = os.stat(module.__file__ or "")
        parts.append(f"{info.st_size}:{info.st_mtime_ns}")
    return ",".join(parts)


class StyleCache:
    """What one stylesheet parsed, read before its first parse and written when it grew."""

    def __init__(self, stylesheet: Stylesheet, folder: Path | None = None) -> None:
        self.stylesheet = stylesheet
        self.variables = dict(stylesheet._variables)
        self.signature = (
            f"{STYLE_CACHE_VERSION}|{sys.version_info[:2]}|{_textual_identity()}|{pickle.HIGHEST_PROTOCOL}|"
            f"{sorted(self.variables.items())}"
        )
        folder = folder or cache_dir()
        self.path = folder / f"styles-{zlib.crc32(self.signature.encode()):08x}.pickle"
        self.stored: frozenset[tuple[Any, ...]] = frozenset()
        self._load()

    def _load(self) -> None:
        entries = self._read()
        cache = self.stylesheet._parse_cache
        for key, rules in entries.items():
            if key not in cache:
                cache.set(key, rules)
        self.stored = frozenset(entries)

    def _read(self) -> dict[tuple[Any, ...], list[RuleSet]]:
        """The stored sources for this signature, else nothing (any failure only costs a parse)."""
        try:
            info = os.stat(self.path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return {}
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    return {}
                signature, entries = pickle.load(stream)
            if signature != self.signature or not isinstance(entries, dict):
                return {}
            if not all(
                isinstance(key, tuple)
                and isinstance(rules, list)
                and all(isinstance(r, RuleSet) for r in rules)
                for key, rules in entries.items()
            ):
                return {}
            return entries
        except Exception:  # a damaged pickle can raise anything: the sources are parsed as usual
            return {}

    def save(self) -> None:
        """Write the parsed sources if the stylesheet parsed one that is not stored yet."""
        if self.stylesheet._variables != self.variables:
            return  # another theme is in use since the start: its rules are not the ones this file is for
        cache = self.stylesheet._parse_cache
        entries = {}
        for key in list(cache.keys()):
            rules = cache.get(key)
            if rules is not None and not any(rule.errors for rule in rules):
                entries[key] = rules
        if not entries or frozenset(entries) <= self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    pickle.dump((self.signature, entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PickleError, TypeError, AttributeError):
            return
        self.stored = frozenset(entries)
