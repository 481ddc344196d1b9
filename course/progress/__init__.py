"""The progress store: learners, answers and app state on disk (TinyDB, never Textual).

`ProgressStore` is the one owner of a data dir, `resolve_data_dir` finds it, and
`export_progress` / `import_progress` carry progress between machines.
"""

from typing import TYPE_CHECKING

from course.progress.paths import resolve_data_dir
from course.progress.records import (
    AnswerRecord,
    InvalidNameError,
    Learner,
    RecordError,
    StoreBusyError,
    StoreError,
    StoreNotice,
    StoreWriteError,
    UnknownLearnerError,
    clean_name,
    name_key,
)
from course.progress.store import ProgressStore

if TYPE_CHECKING:
    from course.progress.transfer import (
        ImportRefused,
        ImportReport,
        export_progress,
        import_progress,
        read_progress_file,
        write_progress_file,
    )

_TRANSFER = (
    "ImportRefused",
    "ImportReport",
    "export_progress",
    "import_progress",
    "read_progress_file",
    "write_progress_file",
)


def __getattr__(name: str) -> object:
    """The export/import names, imported on first use: the app's first screen needs none."""
    if name in _TRANSFER:
        from course.progress import transfer

        return getattr(transfer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AnswerRecord",
    "ImportRefused",
    "ImportReport",
    "InvalidNameError",
    "Learner",
    "ProgressStore",
    "RecordError",
    "StoreBusyError",
    "StoreError",
    "StoreNotice",
    "StoreWriteError",
    "UnknownLearnerError",
    "clean_name",
    "export_progress",
    "import_progress",
    "name_key",
    "read_progress_file",
    "resolve_data_dir",
    "write_progress_file",
]
