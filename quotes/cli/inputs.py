"""The documents of a run: paths and directories walked in order, then read one by one.

Only regular files are read. A FIFO, a device, a socket, a broken symbolic link or a link
loop, whether named on the command line or found in a directory (under the ``--glob``
pattern), is reported with a reason and skipped: nothing here can block on a FIFO, since
files are opened without waiting and checked before they are read.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import NamedTuple

__all__ = [
    "STDIN",
    "Item",
    "Job",
    "encoding_option",
    "iter_items",
    "read_item",
    "text_encoding",
]

STDIN = "-"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Item(NamedTuple):
    """One input before it is read: a file (``path``), stdin, or why it cannot be read.

    ``warning`` marks a note that is no document (a directory without matching files).
    """

    name: str
    path: str | None
    error: str | None = None
    warning: str | None = None


class Job(NamedTuple):
    """One document: its name in the output, and its text or why it could not be read."""

    name: str
    text: str | None
    error: str | None = None
    warning: str | None = None


def text_encoding(value: str) -> str:
    """The codec name for ``value`` if it is a text encoding (bytes to str), else ValueError.

    Codecs like rot13, base64 or zlib exist but do not decode bytes to text.
    """
    try:
        info = codecs.lookup(value)
    except LookupError:
        raise ValueError(f"unknown encoding {value!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"{value!r} is not a text encoding (it does not decode bytes to text)")
    return info.name


def encoding_option(value: str) -> str:
    """An argparse type for ``--encoding``: :func:`text_encoding`, as a usage error."""
    try:
        return text_encoding(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def _not_regular(mode: int) -> str:
    kind = _kind(mode)
    return kind if kind == "not a regular file" else f"not a regular file ({kind[2:]})"


def _stat_error(path: str, error: OSError) -> str:
    """Why ``path`` cannot be followed: broken links and loops said as such."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            return "broken symbolic link"
        return f"broken symbolic link (to {target})"
    return error.strerror or str(error)


def _classify(path: str) -> Item | None:
    """The item for ``path`` (links followed), or None when it is a directory."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return Item(path, path, _stat_error(path, error))
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return Item(path, path, _not_regular(mode))
    return Item(path, path)


def _walk(directory: str, pattern: str) -> Iterator[Item]:
    """Files below ``directory`` whose name matches ``pattern``, in sorted order.

    Lists one directory at a time, so memory follows the largest directory, not the
    tree. Symbolic links to directories are not followed (no cycles).
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Item(directory, directory, error.strerror or str(error))
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, pattern)
            continue
        if not fnmatch.fnmatchcase(entry.name, pattern):
            continue
        item = _classify(entry.path)
        if item is not None:  # a link to a directory is not followed
            yield item


def iter_items(paths: Sequence[str], pattern: str) -> Iterator[Item]:
    """Each input in order, not yet read."""
    for raw in paths:
        if raw == STDIN:
            yield Item(STDIN, None)
            continue
        item = _classify(raw)
        if item is not None:
            yield item
            continue
        found = False
        for inner in _walk(raw, pattern):
            found = True
            yield inner
        if not found:
            yield Item(raw, None, warning=f"no files matching {pattern!r} in {raw}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, UnicodeDecodeError):
        return f"not valid {error.encoding} ({error.reason} at byte {error.start})"
    return str(error) or type(error).__name__


def _read_stdin() -> bytes | str:
    stream = sys.stdin
    if stream is None:
        return ""
    buffer = getattr(stream, "buffer", None)
    return buffer.read() if buffer is not None else stream.read()


def _read_file(path: str) -> bytes | str:
    # Opened without blocking, then checked: a FIFO put in place after the walk looked
    # must not hang the run.
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(file.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, _not_regular(mode))
        return file.read()


def read_item(item: Item, encoding: str) -> Job:
    """The document of ``item``, decoded; a Job with the reason where that fails."""
    if item.warning is not None or item.error is not None:
        return Job(item.name, None, item.error, item.warning)
    try:
        data = _read_stdin() if item.path is None else _read_file(item.path)
        text = data if isinstance(data, str) else data.decode(encoding)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Job(item.name, None, _reason(error))
    return Job(item.name, text)
