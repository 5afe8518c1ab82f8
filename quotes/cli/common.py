"""What every ``quotes`` subcommand shares: stderr lines, and an output that fails cleanly.

The rules every subcommand keeps (``main`` in :mod:`quotes.cli` enforces the last three):

* stdout holds results only; messages go to stderr through :func:`say`, which drops them
  when stderr is closed instead of letting ``print(file=None)`` write them into stdout;
* results are written through :class:`Output`: each write is whole (Ctrl-C waits until it is
  done), so an interrupted run leaves only whole lines behind;
* a reader that goes away (``quotes … | head``) ends the run quietly, as Unix tools do;
* any other failure to write (a full disk, a closed stdout) is one line on stderr, exit 1.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

__all__ = [
    "PROG",
    "Output",
    "OutputError",
    "Reporter",
    "blocked_interrupts",
    "check_interrupt",
    "interrupt_handling",
    "say",
]

PROG = "quotes"


def say(message: str) -> None:
    """Write ``quotes: message`` to stderr; nothing when stderr is closed or broken."""
    stream = sys.stderr
    if stream is None:  # started with stderr closed (2>&-)
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(f"{PROG}: {message}\n")
        stream.flush()


_interrupted = False


def _on_sigint(_signum: int, _frame: Any) -> None:
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


def _unraisable(hook: Any) -> Any:
    def quiet(info: Any) -> None:
        # Ctrl-C raised inside a __del__ or a callback cannot propagate; the flag keeps it,
        # and check_interrupt() raises it at the next document.
        if info.exc_type is not None and issubclass(info.exc_type, KeyboardInterrupt):
            return
        hook(info)

    return quiet


@contextlib.contextmanager
def interrupt_handling() -> Iterator[None]:
    """Ctrl-C as KeyboardInterrupt, also where Python would swallow it (see check_interrupt).

    Python raises KeyboardInterrupt wherever the signal finds the main thread; inside a
    ``__del__`` it would be printed as "Exception ignored" and lost, and the run would go
    on. Here it is remembered, kept off stderr, and raised again by :func:`check_interrupt`.
    """
    global _interrupted
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _on_sigint) if main else None
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _unraisable(previous_hook)
    _interrupted = False
    try:
        yield
    finally:
        sys.unraisablehook = previous_hook
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        _interrupted = False


def check_interrupt() -> None:
    """Raise KeyboardInterrupt if a Ctrl-C came and was swallowed on its way."""
    if _interrupted:
        raise KeyboardInterrupt


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


class OutputError(Exception):
    """Writing the results failed (a full disk, a closed stdout); the run cannot go on."""


@contextlib.contextmanager
def blocked_interrupts() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) inside the block; it is raised right after it.

    Only where the platform can block signals, and only in the main thread (the one that
    receives them).
    """
    blockable = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not blockable:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Output:
    """A text stream for results: whole writes, flushed, errors as :class:`OutputError`.

    A closed pipe stays a :class:`BrokenPipeError` (``main`` ends the run quietly).
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.failed = False

    def write(self, text: str) -> None:
        if self.failed:
            return
        if self.stream is None:
            self.failed = True
            raise OutputError("standard output is closed")
        with blocked_interrupts():
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                self.failed = True
                raise
            except (OSError, ValueError) as error:
                self.failed = True
                reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
                raise OutputError(reason) from None

    def close(self) -> None:
        """Close the stream unless it is stdout (files named by an option, e.g. --resume)."""
        if self.stream is not None and self.stream is not sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                self.stream.close()


def stdout() -> Output:
    """Results to stdout, UTF-8 whatever the locale says (JSON and „marks“ need it)."""
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        with contextlib.suppress(ValueError, OSError):
            out.reconfigure(encoding="utf-8", errors="backslashreplace")
    return Output(out)


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so the final flush at exit cannot fail again.

    After a closed pipe or a full disk the unwritten rest of stdout's buffer is dropped
    there instead of becoming an "Exception ignored" message on stderr.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class Reporter:
    """Message lines on stderr that do not break a progress bar; counts the failures."""

    def __init__(self, bar: Any | None = None) -> None:
        self.bar = bar
        self.failures = 0

    def __call__(self, message: str) -> None:
        """Report a failure: the run will exit with status 1."""
        self.failures += 1
        self.warn(message)

    def warn(self, message: str) -> None:
        """Report something worth knowing that does not change the exit status."""
        if self.bar is not None and sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                self.bar.write(f"{PROG}: {message}", file=sys.stderr)
                return
        say(message)


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
