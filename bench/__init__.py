"""Benchmarks: scripts that print figures, and the pieces they share (app servers, load)."""
