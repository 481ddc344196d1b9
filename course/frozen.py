"""Frozen data classes built cheaply at import: the course model's and the learner records'.

`frozen` makes a class a dataclass (fields, `dataclasses.fields`, `asdict`, `replace` work as
usual) without letting `dataclass` generate `__setattr__`, `__delattr__`, `__eq__`, `__hash__`
and `__repr__` for each class, nor compile an `__init__` for each: those six functions per class
made importing the model and the records (which the app does before its first screen) several
times slower. `Frozen` holds the shared ones; `write_inits` compiles the `__init__` of every class
made since its last call in one go. This module knows nothing of the course or the learners.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload


class Frozen:
    """What every frozen class shares: immutability, equality, hash, repr and a quick pickle, written once.

    These behave as the ones `dataclass(frozen=True)` generates: an assignment or a deletion
    raises `FrozenInstanceError`; objects are equal when of the same class with equal compared
    fields, hashed on those fields, shown as `Class(field=value, ...)` with the fields that have
    `repr=True`. A pickle (the course cache) rebuilds an object through its `__init__` from its
    values in field order, which unpickles about twice as fast as the dataclass' own per-field
    `__setstate__`.
    """

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = _getter(self.__class__, "compare")
        return bool(key(self) == key(other))

    def __hash__(self) -> int:
        return hash(_getter(self.__class__, "compare")(self))

    def __repr__(self) -> str:
        cls = self.__class__
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(cls) if f.repr)  # type: ignore[arg-type]
        return f"{cls.__qualname__}({shown})"

    def __reduce__(self) -> tuple[type[Frozen], tuple[object, ...]]:
        return self.__class__, _getter(self.__class__, "init")(self)


_GETTERS: dict[tuple[type, str], Callable[[object], tuple[object, ...]]] = {}


def _getter(cls: type, kind: str) -> Callable[[object], tuple[object, ...]]:
    """The values of `cls`'s compared fields ("compare") or of all its fields in order ("init"), as a tuple."""
    try:
        return _GETTERS[cls, kind]
    except KeyError:
        pass
    names = tuple(f.name for f in fields(cls) if getattr(f, kind))
    getter: Callable[[object], Any]
    if len(names) > 1:
        getter = attrgetter(*names)
    else:
        getter = lambda obj: tuple(getattr(obj, name) for name in names)  # noqa: E731
    _GETTERS[cls, kind] = getter
    return getter


_T = TypeVar("_T")
_WAITING: list[type] = []
"""Classes made by `frozen` whose `__init__` `write_inits` has not written yet."""


class _Factory:
    """The default of a field that has a default factory (shown as dataclass shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


@overload
def frozen(cls: type[_T], /) -> type[_T]: ...


@overload
def frozen(*, slots: bool = True) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(
    cls: type[_T] | None = None, /, *, slots: bool = True
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """A frozen dataclass (`Frozen` below it), slotted unless `slots=False`, whose `__init__`
    the next `write_inits()` writes: call it once the module's classes are made."""

    def make(cls: type[_T]) -> type[_T]:
        made = dataclass(slots=slots, init=False, eq=False, repr=False)(cls)
        _WAITING.append(made)
        return made

    return make if cls is None else make(cls)


def write_inits() -> None:
    """One `__init__` per class made since the last call, as a frozen dataclass' own (defaults,
    default factories, fields set past `__setattr__`, then `__post_init__` if the class has one).

    Each is written as the source of a function that makes it; the ones `course.frozen_inits`
    holds already compiled (with the package, see `main`) are taken from it, the others are
    compiled here, all at once.
    """
    classes = list(_WAITING)
    _WAITING.clear()
    made: list[tuple[type, Callable[..., Any] | str, tuple[object, ...], tuple[object, ...]]] = []
    compiled = _compiled_makers()
    for cls in classes:
        source, defaults, factories = _maker_source(cls)
        WRITTEN.append(source)
        made.append((cls, compiled.get(source, source), defaults, factories))
    missing = [source for _, source, _, _ in made if isinstance(source, str)]
    namespace: dict[str, Any] = {}
    COMPILED_HERE.extend(missing)
    if missing:  # our own source, built from the classes above
        exec(
            "\n".join(source.replace("def _make(", f"def _make{n}(", 1) for n, source in enumerate(missing)),
            namespace,
        )
    for cls, maker, defaults, factories in made:
        if isinstance(maker, str):
            maker = namespace[f"_make{missing.index(maker)}"]
        init = maker(object.__setattr__, _FACTORY, defaults, factories)
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        init.__module__ = cls.__module__
        type.__setattr__(cls, "__init__", init)


WRITTEN: list[str] = []
"""The source of every `__init__` maker written so far (what `main` writes out)."""
COMPILED_HERE: list[str] = []
"""Those of them compiled at import, not found in `course.frozen_inits`."""


def _maker_source(cls: type) -> tuple[str, tuple[object, ...], tuple[object, ...]]:
    """The source of a function making `cls`'s `__init__` from its defaults and default factories."""
    params, body = ["self"], []
    defaults: list[object] = []
    factories: list[object] = []
    for f in fields(cls):
        if f.default is not MISSING:
            params.append(f"{f.name}=_d[{len(defaults)}]")
            defaults.append(f.default)
        elif f.default_factory is not MISSING:
            params.append(f"{f.name}=_FACTORY")
            body.append(f"        if {f.name} is _FACTORY: {f.name} = _f[{len(factories)}]()")
            factories.append(f.default_factory)
        else:
            params.append(f.name)
        body.append(f"        _set(self, {f.name!r}, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("        self.__post_init__()")
    source = (
        "def _make(_set, _FACTORY, _d, _f):\n"
        f"    def __init__({', '.join(params)}):\n" + "\n".join(body or ["        pass"]) + "\n"
        "    return __init__\n"
    )
    return source, tuple(defaults), tuple(factories)


def _compiled_makers() -> dict[str, Callable[..., Any]]:
    """The makers `course.frozen_inits` holds, by their source (none if it is missing)."""
    try:
        from course.frozen_inits import MAKERS
    except ImportError:
        return {}
    makers: dict[str, Callable[..., Any]] = MAKERS
    return makers


_HEADER = '''"""The `__init__` makers of the frozen classes, compiled with the package rather than at each start.

Written by `python -m course.frozen` from the classes of course.content.model and
course.progress.records; a maker whose class changed since is no longer found by its source,
and course.frozen then compiles that one at import. Do not edit.
"""

# fmt: off
# ruff: noqa
# mypy: ignore-errors

from collections.abc import Callable
from typing import Any

MAKERS: dict[str, Callable[..., Any]] = {}
'''


def main() -> None:
    """Write course/frozen_inits.py from the classes of the model and the records."""
    import importlib
    from pathlib import Path

    for name in ("course.content.model", "course.progress.records"):
        importlib.import_module(name)
    written = importlib.import_module("course.frozen").WRITTEN  # not this __main__ copy's
    parts = [_HEADER]
    for source in dict.fromkeys(written):
        parts.append(f"\n{source}\nMAKERS[{source!r}] = _make\n")
    Path(__file__).with_name("frozen_inits.py").write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
