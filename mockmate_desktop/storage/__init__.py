"""Local-first storage: SQLite plus a private folder for audio and resume files; cloud sync on top."""
