"""The Wikinews metric (benchmarks/metric.py) on small hand-made documents.

Every expected number is worked out by hand in the comments next to it. The documents are
made up here; no corpus text is used, and no test needs the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import regex

from benchmarks.corpus import Annotation, CorpusDocument, Part, Token
from benchmarks.metric import (
    MISSED,
    SPURIOUS,
    Counts,
    assign_pairs,
    evaluate,
    evaluate_document,
    find_errors,
    scorer_scores,
    system_nesting,
    token_f1,
)

pytest.importorskip("scipy")


# -- helpers -----------------------------------------------------------------------------
def tokens_of(text: str) -> tuple[Token, ...]:
    """Words and single punctuation marks, numbered from 0."""
    return tuple(
        Token(i, m.start(), m.end(), m.group())
        for i, m in enumerate(regex.finditer(r"\w+|[^\w\s]", text))
    )


def ids(first: int, last: int) -> tuple[int, ...]:
    """Token ids ``first`` to ``last`` inclusive."""
    return tuple(range(first, last + 1))


def quote(
    type_: str,
    quote_ids: Sequence[int],
    *,
    speaker: Sequence[int] = (),
    cue: Sequence[int] = (),
    frame: Sequence[int] = (),
    addressee: Sequence[int] = (),
    medium: str = "Speech",
    nested: bool | None = None,
    spans: tuple[tuple[int, int], ...] = (),
) -> Annotation:
    parts = {
        "quote": Part(tuple(quote_ids), spans),
        "speaker": Part(tuple(speaker)),
        "cue": Part(tuple(cue)),
        "frame": Part(tuple(frame)),
        "addressee": Part(tuple(addressee)),
    }
    return Annotation(type_, medium, parts, is_nested=nested)


def document(gold: Sequence[Annotation], words: int = 60, name: str = "doc") -> CorpusDocument:
    text = " ".join(f"w{i}" for i in range(words))
    return CorpusDocument(name, text, tokens_of(text), tuple(gold))


# -- building blocks ---------------------------------------------------------------------
def test_token_f1_never_divides_by_zero() -> None:
    assert token_f1([], []) == 0.0
    assert token_f1([1, 2], []) == 0.0
    # {1,2,3,4} vs {3,4,5}: 2 shared -> 2*2 / (4+3) = 4/7
    assert token_f1([1, 2, 3, 4], [3, 4, 5]) == pytest.approx(4 / 7)


def test_counts_are_zero_not_errors_when_empty() -> None:
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    # tp 3, fp 1, fn 2: P 3/4, R 3/5, F1 2*.75*.6/1.35 = 2/3
    counts = Counts(3, 1, 2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 / 3)


def test_hungarian_finds_the_global_optimum_not_the_greedy_one() -> None:
    gold = [quote("Direct", ids(0, 3)), quote("Direct", ids(4, 7))]
    system = [quote("Direct", ids(0, 5)), quote("Direct", (2, 3))]
    # S0 {0..5} vs G0 {0..3}: 2*4/(6+4) = .8 (+.011 bonus); vs G1 {4..7}: 2*2/10 = .4 (+.011)
    # S1 {2,3}  vs G0: 2*2/(2+4) = .667 (+.011);             vs G1: 0
    # greedy would take S0-G0 (.8) and leave S1-G1 (0): 0.811 in all;
    # the assignment takes S0-G1 + S1-G0 = .411 + .678 = 1.089.
    assert assign_pairs(system, gold) == [(1, 0), (0, 1)]


def test_same_type_breaks_a_tie_then_same_medium() -> None:
    # The corpus annotates some quotes twice (once per speaker in a chain): same tokens.
    gold = [quote("Direct", ids(0, 3), medium="Speech"), quote("Indirect", ids(0, 3))]
    system = [quote("Indirect", ids(0, 3), medium="none")]
    # overlap 1.0 with both; the Indirect one gets +0.01 for the type -> pairs with G1
    assert assign_pairs(system, gold) == [(0, 1)]
    gold = [quote("Direct", ids(0, 3), medium="Writing"), quote("Direct", ids(0, 3))]
    system = [quote("Direct", ids(0, 3), medium="Speech")]
    # same type for both; +0.001 for the medium -> G1 (Speech)
    assert assign_pairs(system, gold) == [(0, 1)]


def test_pairs_without_overlap_are_kept_like_the_scorer_or_dropped_on_request() -> None:
    gold = [quote("Direct", ids(0, 3))]
    system = [quote("Direct", ids(10, 12))]
    assert assign_pairs(system, gold) == [(0, 0)]
    assert assign_pairs(system, gold, require_overlap=True) == []


# -- the corpus metric on a worked example -----------------------------------------------
#
# Gold (one document):
#   G0 Direct,   quote {0..9} (10 tokens), speaker {12, 13}, cue {11}, medium Speech
#   G1 Indirect, quote {20..29} (10 tokens), speaker {15}, cue {16}, medium Speech, nested
# System:
#   S0 Direct,   quote {0..7} (8 tokens), speaker {12}, cue {11}, medium none
#   S1 Indirect, quote {40..44} (5 tokens), no roles, medium none
#
# Assignment: G0-S0 = 2*8/(10+8) = .889 + .01 (type) = .899; every other pair 0.
# The best assignment is {G0-S0, G1-S1} (.899); the scorer keeps G1-S1 although it shares
# no token.
#
# Groups:
#   A = (S0, G0): quote tp 8 fp 0 fn 2 -> P 1, R .8
#                 speaker tp 1 fp 0 fn 1 -> P 1, R .5;  cue tp 1 -> P 1, R 1
#                 frame, addressee: no tokens on either side -> undefined
#   B = (S1, G1): quote tp 0 fp 5 fn 10 -> P 0, R 0
#                 speaker, cue: gold only -> P undefined, R 0
# Messages: P = (1 + 0)/2 = .5, R = (.8 + 0)/2 = .4, F1 = 2*.5*.4/.9 = .4444
# Roles:    P = mean(1, 1) = 1, R = mean(.5, 1, 0, 0) = .375, F1 = 2*.375/1.375 = .5455
# Joint:    P = mean(1, 0, 1, 1) = .75, R = mean(.8, 0, .5, 1, 0, 0) = 2.3/6 = .3833,
#           F1 = 2*.75*.3833/1.1333 = .5074
# Type:     A Direct = Direct, B Indirect = Indirect -> tp 2, P = R = 1 (B counts although
#           its quotes share no token: the scorer's definition)
# Medium:   A none vs Speech, B none vs Speech -> tp 0, fp 2, fn 2 -> 0
def worked_example() -> tuple[CorpusDocument, list[Annotation]]:
    gold = [
        quote("Direct", ids(0, 9), speaker=(12, 13), cue=(11,), nested=False),
        quote("Indirect", ids(20, 29), speaker=(15,), cue=(16,), nested=True),
    ]
    system = [
        quote("Direct", ids(0, 7), speaker=(12,), cue=(11,), medium="none"),
        quote("Indirect", ids(40, 44), medium="none"),
    ]
    return document(gold), system


def test_worked_example_corpus_metric() -> None:
    doc, system = worked_example()
    scores = scorer_scores(evaluate_document(doc.name, system, list(doc.annotations)))
    assert scores.groups == 2
    assert scores.messages.precision == pytest.approx(0.5)
    assert scores.messages.recall == pytest.approx(0.4)
    assert scores.messages.f1 == pytest.approx(4 / 9)
    assert scores.roles.precision == pytest.approx(1.0)
    assert scores.roles.recall == pytest.approx(0.375)
    assert scores.roles.f1 == pytest.approx(2 * 0.375 / 1.375)
    assert scores.joint.precision == pytest.approx(0.75)
    assert scores.joint.recall == pytest.approx(2.3 / 6)
    assert scores.joint.f1 == pytest.approx(2 * 0.75 * (2.3 / 6) / (0.75 + 2.3 / 6))
    assert (scores.type.precision, scores.type.recall) == (1.0, 1.0)
    assert (scores.medium.precision, scores.medium.recall, scores.medium.f1) == (0, 0, 0)


def test_worked_example_top_level_only() -> None:
    # Top level: gold G0 only (G1 is nested); system S0 and S1 (neither inside the other).
    # G0-S0 pair as before (quote P 1, R .8); S1 unpaired: quote P 0, R undefined.
    # Messages: P = (1 + 0)/2 = .5, R = .8/1 = .8, F1 = 2*.5*.8/1.3 = .6154
    doc, system = worked_example()
    report = evaluate([doc], {doc.name: system})
    assert (report.gold_top_level, report.system_top_level) == (1, 2)
    assert report.top_level is not None
    assert report.top_level.messages.precision == pytest.approx(0.5)
    assert report.top_level.messages.recall == pytest.approx(0.8)
    assert report.top_level.messages.f1 == pytest.approx(0.8 / 1.3)
    # Type over top-level groups: (S0,G0) Direct = Direct: tp 1; S1 unpaired: fp 1
    # -> P 1/2, R 1/1
    assert report.top_level.type.precision == pytest.approx(0.5)
    assert report.top_level.type.recall == pytest.approx(1.0)


def test_worked_example_strict_measures() -> None:
    doc, system = worked_example()
    report = evaluate([doc], {doc.name: system})
    # Only G0-S0 overlaps: detection tp 1, fp 1 (S1), fn 1 (G1)
    assert (report.detection.tp, report.detection.fp, report.detection.fn) == (1, 1, 1)
    # per type: Direct tp 1; Indirect fp 1 (S1) and fn 1 (G1)
    assert report.per_type["Direct"] == Counts(1, 0, 0)
    assert report.per_type["Indirect"] == Counts(0, 1, 1)
    assert report.confusion == {
        ("Direct", "Direct"): 1,
        (SPURIOUS, "Indirect"): 1,
        ("Indirect", MISSED): 1,
    }
    assert report.type_accuracy == 1.0  # 1 of 1 overlapping pair
    assert report.medium_accuracy == 0.0  # none vs Speech
    # Direct exact span: S0 covers w0..w7, G0 w0..w9 -> tp 0, fp 1, fn 1
    assert report.direct_exact == Counts(0, 1, 1)
    # Direct speaker: G0 speaker {12,13}, S0 {12}: F1 = 2*1/(2+1) = 2/3, not exact
    speakers = report.direct_speaker
    assert (speakers.quotes, speakers.detected, speakers.exact) == (1, 1, 0)
    assert speakers.token_f1 == pytest.approx(2 / 3)
    assert speakers.token_f1_detected == pytest.approx(2 / 3)


def test_worked_example_errors() -> None:
    doc, system = worked_example()
    records = find_errors([doc], {doc.name: system}, context=5)
    kinds = sorted((r.kind, r.type) for r in records)
    # G1 missed, S1 spurious, (S0, G0) overlap but differ in quote tokens; types agree
    assert kinds == [("FN", "Indirect"), ("FP", "Indirect"), ("boundary", "Direct")]
    boundary = next(r for r in records if r.kind == "boundary")
    assert boundary.overlap == pytest.approx(16 / 18)
    missed = next(r for r in records if r.kind == "FN")
    assert missed.quote == "w20 w21 w22 w23 w24 w25 w26 w27 w28 w29"
    assert "⟦w20" in missed.context


def test_a_perfect_system_scores_one_everywhere() -> None:
    gold = [
        quote("Direct", ids(0, 4), speaker=(6,), cue=(5,), frame=ids(5, 6)),
        quote("Reported", ids(10, 14), speaker=(10,), addressee=(13,), medium="Writing"),
    ]
    doc = document(gold)
    report = evaluate([doc], {doc.name: list(gold)})
    assert report.all is not None
    for score in (report.all.messages, report.all.roles, report.all.joint, report.all.type):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert report.all.medium.f1 == 1.0
    assert report.direct_exact.f1 == 1.0
    assert report.direct_speaker.exact_accuracy == 1.0


def test_no_role_tokens_and_no_quotes_do_not_divide_by_zero() -> None:
    # A system with quotes but no role tokens at all: every role precision is undefined, so
    # Roles P has nothing to average -> 0.0 (the scorer's quirk), R = 0.
    # Quote: S0 = G0 exactly -> Messages 1; Joint P = mean(1) = 1, R = mean(1, 0) = .5
    doc = document([quote("Direct", ids(0, 3), speaker=(5,))])
    system = [quote("Direct", ids(0, 3))]
    report = evaluate([doc], {doc.name: system})
    assert report.all is not None
    assert report.all.messages.f1 == 1.0
    assert (report.all.roles.precision, report.all.roles.recall, report.all.roles.f1) == (0, 0, 0)
    assert report.all.joint.precision == 1.0
    assert report.all.joint.recall == pytest.approx(0.5)
    # No quotes anywhere: everything 0, nothing raises.
    empty = document([])
    report = evaluate([empty], {})
    assert report.all is not None and report.all.messages.f1 == 0.0
    assert report.missing_documents == 1
    assert report.direct_speaker.token_f1 == 0.0


def test_unpaired_gold_lowers_recall_and_unpaired_system_precision() -> None:
    # G0 found exactly, G1 missed: Messages P = 1 (one group with P 1; G1's P undefined),
    # R = (1 + 0)/2 = .5
    doc = document([quote("Indirect", ids(0, 4)), quote("Indirect", ids(10, 14))])
    report = evaluate([doc], {doc.name: [quote("Indirect", ids(0, 4))]})
    assert report.all is not None
    assert report.all.messages.precision == 1.0
    assert report.all.messages.recall == pytest.approx(0.5)
    # Type: tp 1, fn 1 -> P 1, R .5
    assert report.all.type.precision == 1.0
    assert report.all.type.recall == pytest.approx(0.5)


def test_null_medium_reads_as_none() -> None:
    # A system quote whose medium is "" (null in JSON reads as "none") agrees with gold "none".
    doc = document([quote("Direct", ids(0, 3), medium="none")])
    report = evaluate([doc], {doc.name: [quote("Direct", ids(0, 3), medium="")]})
    assert report.all is not None and report.all.medium.f1 == 1.0


def test_system_nesting_by_token_extent() -> None:
    outer = quote("Indirect", ids(0, 20))
    inner = quote("Direct", ids(5, 8))
    twin = quote("Direct", ids(5, 8))
    apart = quote("Direct", ids(30, 31))
    # inner lies in outer; twin has inner's extent and comes later -> nested too
    assert system_nesting([outer, inner, twin, apart]) == [False, True, True, False]


def test_exact_span_ignores_surrounding_whitespace() -> None:
    text = "Er sagte: „Ja doch.“ Dann ging er."
    start = text.index("„")
    end = text.index("“") + 1
    doc = CorpusDocument(
        "d", text, tokens_of(text), (quote("Direct", (3, 4, 5, 6, 7), spans=((start, end),)),)
    )
    # The system's span starts one character early, on the space: still exact.
    system = [quote("Direct", (3, 4, 5, 6, 7), spans=((start - 1, end),))]
    report = evaluate([doc], {"d": system})
    assert report.direct_exact == Counts(1, 0, 0)
    # Without character offsets, the span comes from the tokens: „ (3) to “ (7) -> exact.
    report = evaluate([doc], {"d": [quote("Direct", (3, 4, 5, 6, 7))]})
    assert report.direct_exact == Counts(1, 0, 0)
    # One token short is not exact.
    report = evaluate([doc], {"d": [quote("Direct", (3, 4, 5, 6))]})
    assert report.direct_exact == Counts(0, 1, 1)


def test_missed_direct_quote_counts_zero_for_its_speaker() -> None:
    # Two gold Direct quotes with speakers; the system finds one, with the right speaker.
    # token F1 over all: (1 + 0)/2 = .5; over detected: 1/1
    doc = document(
        [
            quote("Direct", ids(0, 3), speaker=(4,)),
            quote("Direct", ids(10, 13), speaker=(14, 15)),
            quote("Direct", ids(20, 23)),  # no speaker annotated: not counted
        ]
    )
    report = evaluate([doc], {doc.name: [quote("Direct", ids(0, 3), speaker=(4,))]})
    speakers = report.direct_speaker
    assert (speakers.quotes, speakers.detected) == (2, 1)
    assert speakers.token_f1 == pytest.approx(0.5)
    assert speakers.exact_accuracy == pytest.approx(0.5)
    assert speakers.token_f1_detected == 1.0


def test_macro_averages_over_groups_of_all_documents() -> None:
    # Doc "one": gold {0..3} found as {0, 1}: quote P 1, R 2/4 = .5
    # Doc "two": gold {0..7} found exactly: quote P 1, R 1
    # Messages R is the mean over groups, (.5 + 1)/2 = .75, not the token ratio
    # (2 + 8)/(4 + 8) = .833
    doc1 = document([quote("Direct", ids(0, 3))], name="one")
    doc2 = document([quote("Direct", ids(0, 7))], name="two")
    predictions = {"one": [quote("Direct", (0, 1))], "two": [quote("Direct", ids(0, 7))]}
    report = evaluate([doc1, doc2], predictions)
    assert report.all is not None
    assert report.all.messages.recall == pytest.approx(0.75)
    assert report.all.messages.precision == 1.0


def test_predictions_for_unknown_documents_are_ignored() -> None:
    doc = document([quote("Direct", ids(0, 3))])
    report = evaluate(
        [doc], {doc.name: [quote("Direct", ids(0, 3))], "other": [quote("Direct", (1,))]}
    )
    assert report.system_quotes == 1
    assert report.all is not None and report.all.messages.f1 == 1.0
