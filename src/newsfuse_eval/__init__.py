"""Evaluation code: label loaders, scorers and evaluation-data readers.

The runtime package ``newsfuse`` never imports this package; ``bench/`` and
``tests/quality/`` do.
"""
