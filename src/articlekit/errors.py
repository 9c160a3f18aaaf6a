"""Exceptions: one base class, narrow subclasses, each with a one-line message.

The library raises these and nothing else; the CLI maps them to exit codes in one place.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """A stable reason code callers can branch on."""

    EMPTY = "empty-input"
    TOO_LARGE = "too-large"
    BINARY = "binary-input"
    DECODE = "decode-failed"
    NO_ARTICLE = "no-article"
    UNSUPPORTED = "unsupported-input"
    WRITE = "write-failed"
    CONVERT = "convert-failed"
    READ = "read-failed"
    # Failures the per-page guard reports (`articlekit.run.guard`): the page's process, not
    # the cleaner, ended the attempt.
    TIMEOUT = "timeout"
    WORKER_DIED = "worker-died"
    MEMORY = "memory"
    CANCELLED = "cancelled"
    INTERNAL = "internal-error"


class ArticlekitError(Exception):
    """Base class: `code` says what went wrong, `str()` says it in one line."""

    code: ErrorCode = ErrorCode.UNSUPPORTED

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.source))


def _rebuild(cls: type[ArticlekitError], message: str, source: str | None) -> ArticlekitError:
    return cls(message, source=source)


class EmptyInputError(ArticlekitError):
    code = ErrorCode.EMPTY


class InputTooLargeError(ArticlekitError):
    code = ErrorCode.TOO_LARGE


class BinaryInputError(ArticlekitError):
    code = ErrorCode.BINARY


class DecodeError(ArticlekitError):
    code = ErrorCode.DECODE


class NoArticleError(ArticlekitError):
    code = ErrorCode.NO_ARTICLE


class UnsupportedInputError(ArticlekitError):
    code = ErrorCode.UNSUPPORTED


class InputReadError(ArticlekitError):
    code = ErrorCode.READ


class OutputWriteError(ArticlekitError):
    code = ErrorCode.WRITE


class ConversionError(ArticlekitError):
    code = ErrorCode.CONVERT
