"""A writer process for the store's crash and concurrency tests (not a test module).

    python store_worker.py DATA_DIR NAME COUNT SEGMENT_SIZE [LEARNERS_EVERY]

Opens the store, prints "ready", then COUNT times (forever if 0): records an answer
for NAME and prints "A <id>"; every 3rd time increments the state counter (and
resizes a note, so the file also shrinks) and prints "S <value>"; every
LEARNERS_EVERY-th time creates a new learner and prints "L <id>". Each line is
printed and flushed only AFTER the store call returned, so every printed line is a
promise the parent can check after a SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from course.progress import AnswerRecord, ProgressStore


def _increment(state: dict[str, Any]) -> None:
    state["counter"] = counter = int(state.get("counter", 0)) + 1
    state["notes"] = "x" * (counter * 7919 % 3000)  # the file shrinks as often as it grows


def main(argv: list[str]) -> int:
    data_dir, name, count, segment_size = Path(argv[0]), argv[1], int(argv[2]), int(argv[3])
    learners_every = int(argv[4]) if len(argv) > 4 else 0
    store = ProgressStore(data_dir, segment_size=segment_size, lock_timeout=30)
    learner = store.create_learner(name)
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    step = 0
    while count == 0 or step < count:
        step += 1
        record = store.record_answer(
            AnswerRecord(
                "",
                learner.id,
                "lecon",
                "quiz",
                f"q{step % 7}",
                "single",
                {"choix": [step]},
                f"réponse {step}",
                step % 2 == 0,
                0.5,
                0,
                1.25,
                "",
                1,
                "atelier",
            )
        )
        out.write(f"A {record.id}\n")
        if step % 3 == 0:
            state = store.update_state(learner.id, _increment)
            out.write(f"S {state['counter']}\n")
        if learners_every and step % learners_every == 0:
            created = store.create_learner(f"{name} {step}")
            out.write(f"L {created.id}\n")
        out.flush()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
