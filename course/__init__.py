"""Atelier numérique: a terminal course in digital literacy.

Nothing is imported eagerly here, so that `import course.content` stays light
and never pulls in the user interface.
"""

__version__ = "0.1.0"
