"""Exceptions that become clean messages at the CLI (never tracebacks)."""

from __future__ import annotations


class LasswellError(Exception):
    """Base class: anything the user can fix or should be told about."""


class InputError(LasswellError):
    """The input cannot be read or decoded (empty, binary, too large, malformed)."""


class UnsupportedLanguageError(LasswellError):
    """The text's language is not one the extractor supports."""


class ModelNotInstalledError(LasswellError):
    """The spaCy model package is missing."""
