"""The speaker's noun phrase over a parse: the one chunker the attribution patterns use.

The corpus convention is the whole noun phrase with its apposition and attributes:
"Der Präsident des Europäischen Rates, António Costa", "Sascha Kempf vom Max-Planck-
Institut für Kernphysik in Heidelberg", "Sonia und Willy Bogner". The compact parser often
splits such a phrase into siblings ("EADS-Vorstandsvorsitzender" as ``dep`` beside the
subject "Louis Gallois") or hangs the verb's phrases on the noun ("Kirchner mit folgenden
Worten"), so the subtree is read with German checks: prepositional attributes only with
the prepositions of ``phrase_prepositions``; bare nominal neighbours that the tree attaches
to the phrase or to the same verb are taken in; clauses, verbs and quotations never.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from quotes.detectors.syntax import second_genitive
from quotes.parse import ParsedDoc, ParsedToken

__all__ = ["speaker_phrase"]

TokenRange = tuple[int, int]

_ALWAYS = frozenset(
    {"det", "det:poss", "amod", "flat", "flat:name", "compound", "nummod", "appos", "conj",
     "cc", "punct", "fixed", "nmod:poss", "goeswith", "dep"}
)  # fmt: skip
_NOMINAL = frozenset({"NOUN", "PROPN", "X", "NUM"})
_PHRASE_WORDS = frozenset({"NOUN", "PROPN", "X", "NUM", "ADJ", "DET"})
_EDGE = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "ADV", "VERB", "AUX", "PART"})
# Sibling slots the parser gives to a split-off part of the subject.
_SIBLING_DEPS = frozenset({"dep", "nsubj", "appos", "compound", "flat", "nmod", "obl"})


def speaker_phrase(
    parsed: ParsedDoc,
    head: int,
    lo: int,
    hi: int,
    prepositions: frozenset[str],
    blocked: Callable[[int], bool],
    given_names: Collection[str] = frozenset(),
    origin: frozenset[str] = frozenset(),
    adjuncts: Collection[str] = frozenset(),
) -> TokenRange | None:
    """The phrase headed by ``head`` inside ``lo:hi``; ``blocked(i)`` marks words that may
    not be in it (a quotation's); a word after one of ``given_names`` is its surname;
    ``origin`` are the prepositions of a place of origin ("aus") that the phrase takes in
    even where the parser hung them on the verb; a prepositional attribute whose noun is
    one of ``adjuncts`` (times, occasions: "der Präsident | am Sonntagabend") is left out."""
    keep = _subtree(parsed, head, lo, hi, prepositions, blocked, adjuncts)
    first = last = head
    while first - 1 >= lo and (first - 1) in keep:
        first -= 1
    while last + 1 < hi and (last + 1) in keep:
        last += 1
    verb = parsed[head].head
    # Split-off parts on the left: "EADS-Vorstandsvorsitzender | Louis Gallois".
    while first - 1 >= lo and not blocked(first - 1):
        token = parsed[first - 1]
        if token.upos not in _PHRASE_WORDS or not token.text[:1].isalnum():
            break
        attached = token.head in keep or (token.head == verb and token.dep in _SIBLING_DEPS)
        if not attached and not (token.upos in ("DET", "ADJ") and token.head >= first):
            break
        if parsed.children(token.i, "case"):
            break
        first -= 1
        keep |= _subtree(parsed, token.i, lo, first + 1, prepositions, blocked)
    # The first conjunct the parser took for an object of a plural verb: "äußerten
    # [die Ukraine] und europäische Länder ihre Besorgnis".
    first = _left_conjunct(parsed, first, lo, keep, verb, blocked)
    # Split-off names on the right: "Human Rights Watch-Sprecher | Malinowski".
    while last + 1 < hi and not blocked(last + 1):
        token = parsed[last + 1]
        if token.upos not in ("PROPN", "NOUN") or not token.text[:1].isupper():
            break
        # The root of a run of names ("Dmitri" → "Peskow"), then how it is attached.
        root = token
        # A root is its own head: stop there, or the climb never ends.
        while (
            root.head != root.i
            and last + 1 < root.head < min(hi, last + 6)
            and _is_name(parsed[root.head])
        ):
            if any(not _is_name(parsed[k]) for k in range(root.i, root.head)):
                break
            root = parsed[root.head]
        sibling = root.dep in _SIBLING_DEPS or (
            root.dep == "obj" and root.upos == "PROPN" and root.morph.case in ("Nom", "")
        )
        attached = root.head in keep or (root.head == verb and sibling)
        # A surname right after a first name belongs to it, however the parser attached
        # it ("Claudia | Lehmann" with "Lehmann" as an object of another verb).
        before = parsed[last]
        surname = token.i == last + 1 and (
            (token.upos == "PROPN" and before.upos == "PROPN")
            or before.text in given_names
            # "Bundeskanzler | Friedrich Merz": a given name right after the role noun
            # opens its name, whatever the parser hung it on.
            or (token.upos == "PROPN" and token.text in given_names)
        )
        if surname:
            root = token
        if not (attached or surname) or parsed.children(root.i, "case"):
            break
        end = max(root.i, token.i)
        for k in range(token.i, end + 1):
            keep.add(k)
        last = end
    # A place or organisation of origin the parser hung on the verb ("ein Reporter des
    # Senders | aus Leicestershire"), or a prepositional attribute before an apposition
    # ("der General der US-Streitkräfte | im Irak, General George Casey").
    pp_end = _trailing_pp(parsed, last, hi, keep | {verb}, prepositions, blocked)
    if pp_end is not None:
        if parsed[last + 1].text.lower() in origin:
            last = pp_end
        else:
            hosts = keep | {verb} | set(range(last + 1, pp_end + 1))
            after = _comma_apposition(parsed, pp_end, hi, hosts, prepositions, blocked)
            if after is not None:
                last = after
    # An apposition in commas the tree did not attach: "…, General George Casey".
    after = _comma_apposition(parsed, last, hi, keep | {verb}, prepositions, blocked)
    if after is None:
        after = _comma_name(parsed, last, hi, blocked, given_names)
    if after is not None:
        last = after
    while first < head and (parsed[first].upos in _EDGE or not parsed[first].text[:1].isalnum()):
        if parsed[first].text in ("„", "»"):
            break
        first += 1
    while last > head and (
        parsed[last].upos in _EDGE | {"DET"} or parsed[last].text in (",", "(", "„", "»", "–")
    ):
        if parsed[last].text in (")", "“", "«") and _paired(parsed, first, last):
            break
        last -= 1
    if last < first:
        return None
    return first, last + 1


def _left_conjunct(
    parsed: ParsedDoc,
    first: int,
    lo: int,
    keep: set[int],
    verb: int,
    blocked: Callable[[int], bool],
) -> int:
    """Where the phrase starts when a bare noun phrase and "und" stand right before it,
    the "und" belongs to the phrase and the verb is plural: the parser split a
    coordinated subject ("die Ukraine | und europäische Länder")."""
    cc = first if parsed[first].upos == "CCONJ" else first - 1
    if cc - 1 < lo or blocked(cc) or blocked(cc - 1):
        return first
    joint = parsed[cc]
    if joint.upos != "CCONJ" or parsed[verb].morph.number != "Plur":
        return first
    if joint.head not in keep and joint.head != first:
        return first
    noun = parsed[cc - 1]
    if noun.upos not in ("NOUN", "PROPN") or noun.head != verb or noun.dep not in ("obj", "dep"):
        return first
    if parsed.children(noun.i, "case") or any(
        c.upos in ("VERB", "AUX") for c in parsed.children(noun.i)
    ):
        return first
    start = noun.i
    while start - 1 >= lo and not blocked(start - 1):
        word = parsed[start - 1]
        if word.head != noun.i or word.dep not in ("det", "amod", "compound", "flat", "flat:name"):
            break
        start -= 1
    return start


def _trailing_pp(
    parsed: ParsedDoc,
    last: int,
    hi: int,
    hosts: set[int],
    prepositions: frozenset[str],
    blocked: Callable[[int], bool],
) -> int | None:
    """The last word of a prepositional phrase right after ``last`` whose noun is a name
    attached to the phrase or to its verb ("aus Leicestershire", "im Irak")."""
    k = last + 1
    if k + 1 >= hi or blocked(k) or parsed[k].upos != "ADP":
        return None
    if parsed[k].text.lower() not in prepositions:
        return None
    j = k + 1
    while j < hi and parsed[j].upos in ("DET", "ADJ") and not blocked(j):
        j += 1
    if j >= hi or blocked(j):
        return None
    noun = parsed[j]
    if noun.upos != "PROPN" or noun.head not in hosts or noun.dep not in ("obl", "nmod"):
        return None
    if k not in {c.i for c in parsed.children(j, "case")}:
        return None
    sub = _subtree(parsed, j, j, hi, prepositions, blocked)
    while j + 1 < hi and (j + 1) in sub and parsed[j + 1].upos != "PUNCT":
        j += 1
    return j


def _comma_apposition(
    parsed: ParsedDoc,
    last: int,
    hi: int,
    hosts: set[int],
    prepositions: frozenset[str],
    blocked: Callable[[int], bool],
) -> int | None:
    """The last word of an apposition in commas after ``last`` that the tree attached to
    the phrase or to its verb: "…, General George Casey"."""
    if not (last + 2 < hi and parsed[last + 1].text == "," and not blocked(last + 2)):
        return None
    nxt = parsed[last + 2]
    if nxt.upos in ("DET", "ADJ") and last + 2 < nxt.head < hi:
        nxt = parsed[nxt.head]
    if not (
        nxt.upos in ("PROPN", "NOUN")
        and nxt.text[:1].isupper()
        and nxt.head in hosts
        and nxt.dep in ("appos", "flat", "nmod", "dep", "conj")
        and not parsed.children(nxt.i, "case")
    ):
        return None
    sub = _subtree(parsed, nxt.i, last + 2, hi, prepositions, blocked)
    end = last + 2
    while end + 1 < hi and (end + 1) in sub:
        end += 1
    return end


def _comma_name(
    parsed: ParsedDoc,
    last: int,
    hi: int,
    blocked: Callable[[int], bool],
    given_names: Collection[str],
) -> int | None:
    """The last word of a person's name in commas right after ``last``, however the tree
    hung it ("sagte der Sprecher des Ministeriums, | Max Kaiser, | am Dienstag"): a given
    name and up to three more capitalised names, closed by a comma or the sentence's end."""
    first = last + 2
    if not (first < hi and parsed[last + 1].text == "," and parsed[first].text in given_names):
        return None
    end = first
    while end + 1 < hi and end - first < 3 and not blocked(end + 1) and _is_name(parsed[end + 1]):
        end += 1
    if end == first or blocked(first):
        return None
    closing = parsed[end + 1].text if end + 1 < len(parsed) else "."
    return end if closing in (",", ".", "!", "?", ";") else None


def _articled(parsed: ParsedDoc, j: int) -> bool:
    """Whether the word ``j`` has an article of its own that no preposition opens ("dem
    ZDF"; "von der Leyen" has one after its particle)."""
    for det in parsed.children(j, "det"):
        if det.i < j and not (det.i > 0 and parsed[det.i - 1].upos == "ADP"):
            return True
    return False


def _quoted_title(parsed: ParsedDoc, j: int) -> bool:
    """Whether the noun at ``j`` is a name in quotation marks ("im „Deutschlandfunk“"),
    which after a preposition names a medium, not part of a speaker."""
    return any(c.text in _OPENING for c in parsed.children(j, "punct")) or (
        j > 0 and parsed[j - 1].text in _OPENING
    )


_OPENING = frozenset({"„", "»", '"'})


def _is_name(token: ParsedToken) -> bool:
    return token.upos in ("PROPN", "NOUN", "X") and token.text[:1].isupper()


def _paired(parsed: ParsedDoc, first: int, last: int) -> bool:
    closing = parsed[last].text
    opening = {")": "(", "“": "„", "«": "»"}[closing]
    return any(parsed[k].text == opening for k in range(first, last))


def _subtree(
    parsed: ParsedDoc,
    head: int,
    lo: int,
    hi: int,
    prepositions: frozenset[str],
    blocked: Callable[[int], bool],
    adjuncts: Collection[str] = frozenset(),
) -> set[int]:
    keep = {head}
    stack = [head]
    while stack:
        i = stack.pop()
        for child in parsed.children(i):
            j = child.i
            if j == i or not lo <= j < hi or j in keep or blocked(j):
                continue
            dep = child.dep
            if child.upos in ("VERB", "AUX") and dep != "amod":
                continue
            if dep == "case":
                if i == head:
                    continue  # the phrase's own preposition ("laut", "von") stays outside
            elif dep == "nmod":
                cases = [c.text.lower() for c in parsed.children(j, "case")]
                if cases and not all(c in prepositions for c in cases):
                    continue
                if cases and _quoted_title(parsed, j):
                    continue  # "die Ministerin | im „Deutschlandfunk“": where she said it
                if cases and child.text in adjuncts:
                    continue  # "der Präsident | am Sonntagabend": when he said it
                if not cases and parsed.children(j, "det") and second_genitive(parsed, i, j):
                    continue  # "einer Pressemitteilung des BMI | der Verbesserung"
                name_like = child.text[:1].isupper() and abs(j - i) == 1
                genitive = any(
                    d.text.lower() in prepositions and "Gen" in (d.morph.case, child.morph.case)
                    for d in parsed.children(j, "det")
                )  # "des Bundesministeriums des Innern", whatever case "Innern" has
                if not cases and child.morph.case in ("Dat", "Acc") and not (name_like or genitive):
                    continue
            elif dep not in _ALWAYS:
                continue
            elif dep.startswith("flat") and _articled(parsed, j):
                continue  # "Kanzler Olaf Scholz | dem ZDF": a name part has no article
            if dep == "dep" and child.upos not in _NOMINAL | {"ADJ", "DET", "PUNCT"}:
                continue
            keep.add(j)
            stack.append(j)
    return keep
