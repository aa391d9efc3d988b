"""The screens the lesson screen opens over itself: help, overview, search, a question."""
