"""The report view and its tabs."""
