"""The progress store: learners, answers and app state on disk (TinyDB, never Textual).

`ProgressStore` is the one owner of a data dir, `resolve_data_dir` finds it, and
`export_progress` / `import_progress` carry progress between machines.
"""

from course.progress.paths import resolve_data_dir
from course.progress.records import (
    AnswerRecord, InvalidNameError, Learner, RecordError, StoreBusyError, StoreError,
    StoreNotice, StoreWriteError, UnknownLearnerError, clean_name, name_key,
)
from course.progress.store import ProgressStore
from course.progress.transfer import (
    ImportRefused, ImportReport, export_progress, import_progress, read_progress_file,
    write_progress_file,
)

__all__ = [
    "AnswerRecord", "ImportRefused", "ImportReport", "InvalidNameError", "Learner",
    "ProgressStore", "RecordError", "StoreBusyError", "StoreError", "StoreNotice",
    "StoreWriteError", "UnknownLearnerError", "clean_name", "export_progress",
    "import_progress", "name_key", "read_progress_file", "resolve_data_dir",
    "write_progress_file",
]
