"""PySide6 widgets: they emit intents and render state; long work runs in workers off the GUI thread."""
