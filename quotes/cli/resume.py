"""``quotes extract --resume OUT.jsonl``: continue a run that was stopped.

OUT is the JSON Lines output of the earlier run. The documents it already holds are
skipped (not even read), the others are appended to it in input order. A last line
without its newline, what a run killed in the middle of a write leaves, is cut off first,
so that document is done again.
"""

from __future__ import annotations

import json
import os
from typing import IO

__all__ = ["done_documents", "open_for_resume"]

# The CLI writes ``{"document": "…", …`` first on every line, so the name is read without
# decoding the (possibly large) rest of the line.
_PREFIX = '{"document": '


def _name(line: bytes) -> str | None:
    text = line.decode("utf-8", errors="replace")
    if text.startswith(_PREFIX):
        try:
            name, _ = json.JSONDecoder().raw_decode(text, len(_PREFIX))
        except ValueError:
            name = None
        if isinstance(name, str):
            return name
    try:
        record = json.loads(text)
    except ValueError:
        return None
    name = record.get("document") if isinstance(record, dict) else None
    return name if isinstance(name, str) else None


def done_documents(path: str) -> tuple[set[str], int, int]:
    """The names of the documents in ``path``, the size of its whole lines, and how many
    lines were not records of this CLI (left as they are, their documents not skipped)."""
    names: set[str] = set()
    whole = 0
    foreign = 0
    with open(path, "rb") as file:
        for line in file:
            if not line.endswith(b"\n"):
                break  # cut off by a kill: not done
            whole += len(line)
            name = _name(line)
            if name is None:
                foreign += bool(line.strip())
            else:
                names.add(name)
    return names, whole, foreign


def open_for_resume(path: str) -> tuple[IO[str], set[str], int]:
    """``path`` opened for appending, with its documents and the bytes of a cut-off line
    that were dropped. A file that does not exist yet is created."""
    if not os.path.exists(path):
        return open(path, "w", encoding="utf-8", newline=""), set(), 0
    names, whole, _ = done_documents(path)
    size = os.path.getsize(path)
    if size > whole:
        os.truncate(path, whole)
    return open(path, "a", encoding="utf-8", newline=""), names, size - whole
