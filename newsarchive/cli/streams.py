"""Standard streams for the CLI: a failed write on stdout is one line and a non-zero exit, never a traceback,
a silent truncation or the interpreter's "Exception ignored" noise at exit.

``main()`` calls :func:`guard` first and :func:`finish` last. Output goes through :class:`CheckedStream`,
which turns an ``OSError`` of the output (a full disk, an I/O error, a closed descriptor) into
:class:`OutputError`; a broken pipe stays ``BrokenPipeError`` (the reader went away: not an error of ours).
Python buffers stdout, so the error may only show when the buffer is flushed: :func:`finish` flushes inside
``main()``, and after any failure points the descriptor at /dev/null so the interpreter's own flush at exit
has nothing left to fail on.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from newsarchive.cli.errors import EXIT_FAILED, CLIError

STDIN, STDOUT, STDERR = 0, 1, 2


class OutputError(CLIError):
    """Standard output could not be written (exit 1: the command ran, its output did not get through)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_FAILED)


class CheckedStream:
    """A text or binary stream whose write errors are :class:`OutputError`; ``stream`` None is a closed one."""

    def __init__(self, stream: Any, name: str = "standard output") -> None:
        self._stream = stream
        self._name = name

    def _call(self, method: str, *args: Any) -> Any:
        if self._stream is None:
            raise OutputError(f"cannot write to {self._name}: it is closed")
        try:
            return getattr(self._stream, method)(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write to {self._name}: {exc.strerror or exc}") from None
        except ValueError:  # "I/O operation on closed file"
            raise OutputError(f"cannot write to {self._name}: it is closed") from None

    def write(self, data: Any) -> Any:
        return self._call("write", data)

    def writelines(self, lines: Any) -> None:
        self._call("writelines", lines)

    def flush(self) -> None:
        self._call("flush")

    @property
    def buffer(self) -> CheckedStream:
        """The binary stream under a text one (WARC export writes bytes)."""
        return CheckedStream(getattr(self._stream, "buffer", None), self._name)

    def isatty(self) -> bool:
        return bool(self._stream is not None and self._stream.isatty())

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise OutputError(f"cannot write to {self._name}: it is closed")
        return getattr(self._stream, name)


class QuietStream(CheckedStream):
    """stderr: a message that cannot be written there cannot be reported anywhere either; it is dropped
    rather than turned into a traceback (which would go to the same broken stderr)."""

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return super()._call(method, *args)
        except (OSError, OutputError):
            return None


@dataclass
class Saved:
    stdout: Any
    stderr: Any
    stdin_closed: bool


_state: Saved | None = None


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _fill_closed(fd: int) -> bool:
    """Put /dev/null on a closed standard descriptor, so that no file the command opens (the archive!) is
    given that number and then written to by whatever believes it is stdout or stderr. True if it was closed."""
    if _is_open(fd):
        return False
    null = os.open(os.devnull, os.O_RDONLY if fd == STDIN else os.O_WRONLY)
    if null != fd:  # the lowest free number is taken, which is ``fd`` unless a lower one is closed too
        os.dup2(null, fd)
        os.close(null)
    return True


def guard() -> None:
    """Wrap sys.stdout and sys.stderr; make closed standard descriptors harmless."""
    global _state
    closed = {fd: _fill_closed(fd) for fd in (STDIN, STDOUT, STDERR)}
    _state = Saved(sys.stdout, sys.stderr, closed[STDIN] or sys.stdin is None)
    sys.stdout = CheckedStream(None if closed[STDOUT] else sys.stdout)
    sys.stderr = QuietStream(None if closed[STDERR] else sys.stderr, "standard error")


def stdin_closed() -> bool:
    """Was standard input closed when the command started (``parse -`` then has nothing to read)?"""
    return bool(_state and _state.stdin_closed)


def silence_stdout() -> None:
    """Point the stdout descriptor at /dev/null: what Python still holds in its buffer is dropped at exit
    instead of failing again and printing 'Exception ignored ... BrokenPipeError' (or OSError)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, STDOUT)
        os.close(null)
    except OSError:
        pass


def finish(code: int, reported: bool, report: Any) -> int:
    """Flush stdout, restore the streams, and return the exit code. A flush that fails is reported with
    ``report(message)`` unless an error was already ``reported`` (one line on stderr, never two)."""
    global _state
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except OutputError as exc:
        silence_stdout()
        if not reported:
            report(str(exc))
        code = code or exc.code
    finally:
        if _state is not None:
            sys.stdout, sys.stderr = _state.stdout, _state.stderr
            _state = None
    return code
