"""Offline interview engine: question bank, deterministic rubric scoring, heuristic reports."""
