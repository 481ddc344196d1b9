"""`atelier schema`: write the JSON Schemas of the course format, or print one."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from course.content.schema import KINDS, schema_text, write_schemas
from course.i18n import t

DEFAULT_OUT = "schemas"


def run_schema(kind: str | None, out_dir: str | None, stream: TextIO) -> int:
    """Print the schema of `kind`, or write all of them into `out_dir` (default ./schemas)."""
    if kind is not None:
        if kind not in KINDS:
            stream.write(t("schema.unknown_kind", kind=kind, kinds=", ".join(KINDS)) + "\n")
            return 2
        stream.write(schema_text(kind))
        return 0
    folder = Path(out_dir or DEFAULT_OUT)
    try:
        paths = write_schemas(folder)
    except OSError as error:
        stream.write(t("schema.cannot_write", path=str(folder), reason=error.strerror or str(error)) + "\n")
        return 2
    for path in paths:
        stream.write(t("schema.written", path=str(path)) + "\n")
    return 0
