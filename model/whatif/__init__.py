"""Scenarios, compare and sweep, and the statutory fallback."""
