"""newsfuse: many news reports of one event -> one sourced briefing."""

__version__ = "0.1.0"
