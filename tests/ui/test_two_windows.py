"""The same learner opened in two windows (or two browser tabs) is told so."""

from __future__ import annotations

import subprocess
import sys

from course.progress import ProgressStore
from tests.unit.test_store_app_faults import screen_lines


async def test_a_second_window_on_the_same_learner_says_so(make_app, private_data):
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    store.close()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (private_data / "presence").mkdir(parents=True, exist_ok=True)
        (private_data / "presence" / f"{lea.id}.{other.pid}").touch()  # another window shows Léa
        app = make_app(learner="Léa")
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            from textual.widgets._toast import Toast

            lines = screen_lines(app)
            toasts = list(app.screen.query(Toast))
            assert toasts and all(t.region.right <= 80 and t.region.bottom <= 24 for t in toasts)
            shown = " ".join(
                line[t.region.x : t.region.right].strip(" ▌▐")
                for t in toasts
                for line in lines[t.region.y : t.region.bottom]
            )
            assert "Ce profil est aussi ouvert dans une autre fenêtre" in " ".join(shown.split())
            assert (private_data / "presence" / f"{lea.id}.{__import__('os').getpid()}").exists()
        assert not (private_data / "presence" / f"{lea.id}.{__import__('os').getpid()}").exists()
    finally:
        other.kill()
        other.wait()


async def test_a_window_closed_long_ago_is_not_reported(make_app, private_data):
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    store.close()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = private_data / "presence" / f"{lea.id}.{gone.pid}"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.touch()
    app = make_app(learner="Léa")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert not any("autre fenêtre" in n.message for n in app._notifications)
    assert not stale.exists()
