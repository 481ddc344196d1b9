"""The stylesheet's parsed rules kept between starts, so the first screen does not parse its CSS again.

Textual parses every stylesheet (the app's .tcss files and each widget's default CSS) at each
start, a tenth of the CPU the first screen costs. The parsed rules of each source are kept in
the user cache folder, beside the course cache, and the stylesheet's own cache of parsed
sources looks there before parsing: a source whose text, place, theme variables or Textual is
not exactly the one stored is parsed as usual. Each source is unpickled only when the
stylesheet first asks for it, so the rules of screens opened in earlier sessions cost the first
screen nothing but their bytes. A missing, damaged or foreign file only costs the parse; the
file is written again after the first screen and when the app closes, whenever a new source
was parsed meanwhile.
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

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from course.content.cache import cache_dir

STYLE_CACHE_VERSION = 2  # 2: each source's rules pickled on their own, unpickled when asked for
MAX_BYTES = 16 * 1024 * 1024  # far above any stylesheet; a larger file is not one we wrote
Key = tuple[Any, ...]


def _textual_identity() -> str:
    """Changes when Textual is installed again (its parser and rule classes may differ)."""
    import textual.css.model
    import textual.css.styles

    parts = []
    for module in (textual.css.model, textual.css.styles):
        info = os.stat(module.__file__ or "")
        parts.append(f"{info.st_size}:{info.st_mtime_ns}")
    return ",".join(parts)


class StoredRules(LRUCache[Key, list[RuleSet]]):
    """Textual's cache of parsed sources, which also finds a source among the stored ones."""

    def __init__(self, maxsize: int, stored: dict[Key, bytes]) -> None:
        super().__init__(maxsize)
        self.stored = stored
        self.cleared = False

    def __getitem__(self, key: Key) -> list[RuleSet]:
        try:
            return super().__getitem__(key)
        except KeyError:
            rules = self._unpickle(key)
            if rules is None:
                raise
            self.set(key, rules)
            return rules

    def _unpickle(self, key: Key) -> list[RuleSet] | None:
        blob = self.stored.get(key)
        if blob is None:
            return None
        try:
            rules = pickle.loads(blob)
        except Exception:  # a damaged entry can raise anything: the source is parsed as usual
            rules = None
        if not isinstance(rules, list) or not all(isinstance(rule, RuleSet) for rule in rules):
            del self.stored[key]
            return None
        return rules

    def clear(self) -> None:
        """Other theme variables: neither the parsed nor the stored rules hold any more."""
        super().clear()
        self.stored = {}
        self.cleared = True


class StyleCache:
    """What one stylesheet parsed, found before its parses and written when it grew."""

    def __init__(self, stylesheet: Stylesheet, folder: Path | None = None) -> None:
        self.stylesheet = stylesheet
        self.variables = dict(stylesheet._variables)
        self.signature = (
            f"{STYLE_CACHE_VERSION}|{sys.version_info[:2]}|{_textual_identity()}|{pickle.HIGHEST_PROTOCOL}|"
            f"{sorted(self.variables.items())}"
        )
        folder = folder or cache_dir()
        self.path = folder / f"styles-{zlib.crc32(self.signature.encode()):08x}.pickle"
        stored = self._read()
        self.written: frozenset[Key] = frozenset(stored)
        # Made before the first parse (Textual's own cache is empty then): it takes that cache's place.
        self.rules = StoredRules(stylesheet._parse_cache.maxsize, stored)
        stylesheet._parse_cache = self.rules

    def _read(self) -> dict[Key, bytes]:
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
            if not all(isinstance(key, tuple) and isinstance(blob, bytes) for key, blob in entries.items()):
                return {}
            return entries
        except Exception:  # a damaged pickle can raise anything: the sources are parsed as usual
            return {}

    def save(self) -> None:
        """Write the parsed and stored sources if the stylesheet parsed one that is not written yet."""
        rules = self.stylesheet._parse_cache
        if rules is not self.rules or self.rules.cleared or self.stylesheet._variables != self.variables:
            return  # another theme since the start: its rules are not the ones this file is for
        parsed = {}
        for key in list(rules.keys()):
            found = rules.get(key)
            if key not in self.written and found is not None and not any(rule.errors for rule in found):
                parsed[key] = found
        if not parsed:
            return
        try:
            entries = dict(rules.stored)
            entries.update(
                (key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)) for key, found in parsed.items()
            )
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
        rules.stored = entries
        self.written = frozenset(entries)
