"""Shared wire copy: which sources reprint the same sentences, and the independent groups."""
