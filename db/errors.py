"""Typed errors of the library. Each carries a code, the field it concerns (if any) and a message
fit to show a clerk, in English or Simplified Chinese (see `db.messages`)."""
from __future__ import annotations

from typing import Any

from db import messages


class LibraryError(Exception):
    """Base of every error the library raises on purpose."""

    code = "library_error"

    def __init__(self, code: str | None = None, *, field: str | None = None, **params: Any):
        self.code = code or self.code
        self.field = field
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return messages.text(self.code, lang, field=self.field, **self.params)


class ValidationError(LibraryError):
    """A value the clerk typed or imported is not acceptable; `field` names it."""

    code = "invalid"


class NotFound(LibraryError):
    code = "not_found"


class Conflict(LibraryError):
    """The change contradicts the state of the library (duplicate, in use, ...)."""

    code = "conflict"


class CannotOpen(LibraryError):
    """The library cannot be opened: locked, damaged, too new, unreadable."""

    code = "cannot_open"


class LibraryLocked(CannotOpen):
    code = "locked"


class LibraryDamaged(CannotOpen):
    code = "damaged"


class LibraryTooNew(CannotOpen):
    code = "too_new"


class FileRejected(LibraryError):
    """A file offered as an attachment cannot be taken; `params['name']` is its name."""

    code = "file_rejected"


class ImportRejected(LibraryError):
    """An interchange document cannot be imported."""

    code = "import_rejected"
