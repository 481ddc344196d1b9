"""Start Atelier numérique: `python app.py` is the same program as `atelier`."""

from course.cli import run

if __name__ == "__main__":
    run()
