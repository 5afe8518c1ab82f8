"""The output formats of ``quotes extract``, written one whole document at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import regex

from quotes.cli.common import Output
from quotes.records import Attribution

__all__ = ["CSV_COLUMNS", "FORMATS", "Writer", "format_attribution", "shorten"]

FORMATS = ("jsonl", "json", "text", "csv")
#: The columns of ``--format csv``, one row per quotation.
CSV_COLUMNS = ("document", "kind", "start", "end", "quote", "speaker", "cue", "chain")
#: Longest quotation shown in full by ``--format text``; longer ones end in " …".
TEXT_WIDTH = 80
#: Likewise for the cue words after it.
CUE_WIDTH = 40


class Writer:
    """Writes one document's results at a time in one of the output formats.

    Each call writes whole records in one write (see :class:`~quotes.cli.common.Output`).
    """

    def __init__(self, out: Output, fmt: str, *, header: bool = True) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.out = out
        self.fmt = fmt
        self.header = header
        self.count = 0

    def start(self) -> None:
        if self.fmt == "json":
            self.out.write("[")
        elif self.fmt == "csv" and self.header:
            self.out.write(_csv_rows([CSV_COLUMNS]))

    def document(self, name: str, attributions: Sequence[Attribution]) -> None:
        if self.fmt == "text":
            self.out.write(_text_block(name, attributions))
        elif self.fmt == "csv":
            if attributions:
                self.out.write(_csv_rows(csv_row(name, a) for a in attributions))
        else:
            line = json_line(name, attributions)
            if self.fmt == "json":
                self.out.write(("\n" if self.count == 0 else ",\n") + line)
            else:
                self.out.write(line + "\n")
        self.count += 1

    def finish(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")


def json_line(name: str, attributions: Sequence[Attribution]) -> str:
    """One document as a JSON object on one line; ``"document"`` always comes first."""
    from quotes.serialize import attribution_to_dict

    record = {"document": name, "attributions": [attribution_to_dict(a) for a in attributions]}
    return json.dumps(record, ensure_ascii=False)


def csv_row(name: str, attribution: Attribution) -> tuple[str | int, ...]:
    """The ``--format csv`` row of one quotation (see :data:`CSV_COLUMNS`)."""
    speaker = attribution.speaker.name if attribution.speaker is not None else ""
    cue = " … ".join(p.text for p in attribution.cue.parts) if attribution.cue is not None else ""
    quote = attribution.quote
    chain = str(attribution.chain)
    return (name, attribution.kind, quote.start, quote.end, quote.text, speaker, cue, chain)


def _csv_rows(rows: object) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)  # type: ignore[arg-type]
    return buffer.getvalue()


_SPACES = regex.compile(r"[\s\p{Cc}]+")
_CLOSERS = "“”»«›‹‘’\"'"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters with " …" (keeping a closing mark).

    The cut falls between words where one ends near the limit.
    """
    line = _one_line(text)
    if len(line) <= width:
        return line
    closer = line[-1] if line[-1] in _CLOSERS else ""
    cut = line[: width - 2 - len(closer)]
    space = cut.rfind(" ")
    if space > 0 and space >= len(cut) - 15:
        cut = cut[:space]
    return cut.rstrip() + " …" + closer


def format_attribution(attribution: Attribution) -> str:
    """One readable line: ``chain — quote (cue words)``.

    The speaker's mention joins the cue words where it does not repeat the name in the
    chain ("sagte er", "so der Beamte"; not "sagte Trump" under "Donald Trump", nor "die
    Bild-Zeitung" under "Bild": words are compared without their hyphens).
    """
    parts = list(attribution.cue.parts) if attribution.cue is not None else []
    speaker = attribution.speaker
    if speaker is not None and speaker.mention is not None:
        mention = _one_line(speaker.mention.text)
        name_words = set(regex.findall(r"\w+", speaker.name.casefold()))
        spoken = speaker.mention
        # Nor where the mention is a cue word itself ("Demnach").
        repeated = any(p.start < spoken.end and spoken.start < p.end for p in parts)
        if not repeated and not name_words & set(regex.findall(r"\w+", mention.casefold())):
            parts.append(spoken)
    parts.sort(key=lambda span: (span.start, span.end))
    words = shorten(" ".join(_one_line(span.text) for span in parts), CUE_WIDTH)
    # A direct quotation shows its marks; other kinds show the words reported, which leave
    # out a back reference the corpus's quote ends with ("… getrennt. Das").
    direct = attribution.kind == "direct"
    kind = "" if direct else f"[{attribution.kind}] "
    words_quoted = attribution.quote if direct else attribution.content
    line = f"{_one_line(str(attribution.chain))} — {kind}{shorten(words_quoted.text)}"
    return f"{line} ({words})" if words else line


def _text_block(name: str, attributions: Sequence[Attribution]) -> str:
    count = len(attributions)
    header = f"== {name} ({count} quotation{'' if count == 1 else 's'})\n"
    return header + "".join(f"  {format_attribution(a)}\n" for a in attributions)
