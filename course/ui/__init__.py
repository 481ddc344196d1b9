"""The Textual user interface: screens, widgets and styles. Reads the model, calls the store."""
