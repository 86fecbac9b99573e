"""Numeric claims and the figures they line up into (consistent, conflict, single)."""
