"""Progress: streaks (and later levels and asymmetry) computed from the training log."""
