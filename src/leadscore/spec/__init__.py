"""What a user declares: the model as typed, immutable data (no engine, no I/O)."""
