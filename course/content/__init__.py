"""The course content: model, loader and checks. Knows nothing of the user interface."""
