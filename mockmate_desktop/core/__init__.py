"""Process-level plumbing shared by every adapter: where files live, settings, safe file writes, logging."""
