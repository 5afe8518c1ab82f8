"""The ``quotes`` command line: ``quotes COMMAND ...``.

Each subcommand is a module with ``register(commands)``, which adds its parser to the
argparse subparsers and sets ``run`` (``parser.set_defaults(run=run)``), and ``run(args)``,
which returns the exit status. To add one, write such a module and add its dotted path to
:data:`SUBCOMMANDS`. Keep its module-level imports light: ``quotes --help`` imports every
one of them.

:func:`main` gives every subcommand the same behaviour at the edges:

* Ctrl-C: ``quotes: interrupted`` on stderr, exit 130, at any moment, start-up included;
* a closed pipe on stdout: stop quietly (exit 141, as a shell reports a Unix tool's);
* any other failure to write the output (a full disk, a closed stdout): one line, exit 1;
* a :class:`quotes.QuotesError` (a bad rules file, a missing backend): one line, exit 2.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any

# Only the standard library before main() runs: Ctrl-C is handled from its first moment.
from quotes.cli.common import (
    PROG,
    OutputError,
    check_interrupt,
    interrupt_handling,
    say,
    silence_stdout,
)

__all__ = ["SUBCOMMANDS", "build_parser", "format_attribution", "main", "shorten"]

#: The modules of the subcommands, in the order ``quotes --help`` lists them.
SUBCOMMANDS: tuple[str, ...] = (
    "quotes.cli.extract",
    "quotes.evaluate.cli",
    "quotes.view.commands",
    "quotes.view.report_command",
)

DESCRIPTION = """\
Find quotations in German news text and attribute them: who said it, the cue ("sagte",
"laut"), and the chain of outlets that carried the words ("Wladimir Putin via Tass via
Epoch Times"). Runs offline; nothing is downloaded. The default backend is parse (the
German model shipped inside the package; it also finds indirect and reported speech) where
that model is installed, else rules (direct quotations only).
"""


def __getattr__(name: str) -> Any:
    if name in ("format_attribution", "shorten"):
        from quotes.cli import output

        return getattr(output, name)
    raise AttributeError(f"module 'quotes.cli' has no attribute {name!r}")


def build_parser() -> argparse.ArgumentParser:
    from quotes import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        epilog="Run 'quotes COMMAND --help' for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        importlib.import_module(module).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotes`` console script and ``python -m quotes``."""
    try:
        with interrupt_handling():
            parser = build_parser()
            args = parser.parse_args(argv)
            status = int(args.run(args))
            check_interrupt()
            return status
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`quotes extract … | head`): stop quietly.
        silence_stdout()
        return 141
    except OutputError as error:
        silence_stdout()
        say(f"cannot write output: {error}")
        return 1
    except Exception as error:
        from quotes.errors import QuotesError

        if not isinstance(error, QuotesError):
            raise
        say(str(error))
        return 2
