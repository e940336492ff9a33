"""Errors a user can act on: each names the file and the reason in one line."""

from __future__ import annotations


class VnplanError(Exception):
    """Base class; ``str(err)`` is the one-line message shown to the user."""


class ReadError(VnplanError):
    """A file could not be read: corrupt, encrypted, scanned, unsupported, empty, ..."""

    def __init__(self, path: str, reason: str, code: str = "unreadable"):
        self.path = str(path)
        self.reason = reason
        self.code = code
        super().__init__(f"{self.path}: {reason}")


class DataFileError(VnplanError):
    """A rules data file (registry, synonyms, phrases) is invalid."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: invalid data file: {reason}")
