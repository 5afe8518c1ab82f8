"""Benchmarks for ``quotes``: the German Wikinews quotation corpus, speed and scaling.

* ``python -m benchmarks.wikinews`` scores an extractor (or the regex baseline) on the corpus
  under the corpus's own metric plus stricter measures, and writes the predictions in the
  corpus's format (see :mod:`benchmarks.corpus` and :mod:`benchmarks.metric`).
* ``python -m benchmarks.speed`` measures throughput, memory and scaling.

Both take ``--markdown`` so that ``benchmarks/RESULTS.md`` can be updated by pasting their
output. The corpus is never part of the repository: it is read from ``../shared``.
"""

from __future__ import annotations

import datetime
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path

__all__ = ["REPO_ROOT", "RunInfo", "run_info"]

#: The repository this package lives in (``benchmarks/..``).
REPO_ROOT = Path(__file__).resolve().parent.parent


class RunInfo:
    """Where and when a benchmark ran: date, commit, machine and the exact command."""

    def __init__(self, date: str, commit: str, machine: str, command: str) -> None:
        self.date = date
        self.commit = commit
        self.machine = machine
        self.command = command

    def markdown(self) -> str:
        return (
            f"- date: {self.date}\n- commit: `{self.commit}`\n- machine: {self.machine}\n"
            f"- command: `{self.command}`"
        )

    def text(self) -> str:
        return f"{self.date} | commit {self.commit} | {self.machine}\n$ {self.command}"


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        dirty = ""
    return f"{commit}+dirty" if dirty else commit


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run_info(argv: list[str] | None = None, module: str | None = None) -> RunInfo:
    """Describe this run; ``module`` and ``argv`` rebuild the command line as typed."""
    argv = sys.argv[1:] if argv is None else argv
    command = f"python -m {module}" if module else shlex.join([Path(sys.executable).name])
    if argv:
        command += " " + shlex.join(argv)
    machine = (
        f"{os.cpu_count()} cores ({_cpu_model()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    return RunInfo(datetime.date.today().isoformat(), _git_commit(), machine, command)
