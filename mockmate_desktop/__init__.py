"""MockMate Desktop: practise spoken job interviews offline, with optional Gemini and cloud sync."""

__version__ = "0.1.0"
