"""Gemini engine (google-genai): client with retries and schema repair, interview engine, resume reader.

Importing this package does not import the SDK; `google.genai` is loaded on first use.
"""
