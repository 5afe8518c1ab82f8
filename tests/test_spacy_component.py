"""The ``quotes`` spaCy pipeline component: what it assigns, saving, scoring, batching, config."""

from __future__ import annotations

import importlib.metadata
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from thinc.api import ConfigValidationError

# Registers the factory in this process. Installed with its entry point, spaCy imports the
# module itself (see the two entry-point tests at the end).
import quotes.spacy_component
from quotes.errors import BackendError, RulesError
from quotes.extensions import set_extensions
from quotes.records import Attribution
from quotes.rules import load_rules
from quotes.spacy_component import QuotesComponent, score_quotes

SCHOLZ = "„Wir sind bereit“, sagte Olaf Scholz."
TWO_QUOTES = "„Wir sind bereit“, sagte Olaf Scholz. „Nein“, sagte er. Das Wetter war schön."
# With the user rules below, "quakte" is a cue and "Quellenbote" an outlet.
USER_RULES_TEXT = (
    "„Wir sind bereit“, quakte Olaf Scholz. „Wir liefern“, sagte Friedrich Merz laut Quellenbote."
)
ALIASES = ["Quellenbote", "Quellenboten"]
USER_OUTLETS = """
[[outlet]]
name = "Quellenbote"
type = "outlet"
aliases = ["Quellenbote", "Quellenboten"]
"""
USER_CUES = """
[[verb]]
lemma = "quaken"
stem = "quak"
"""


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes")
    return pipeline


@pytest.fixture
def user_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "my_rules"
    (folder / "de").mkdir(parents=True)
    (folder / "de" / "outlets.toml").write_text(USER_OUTLETS, encoding="utf-8")
    (folder / "de" / "cues.toml").write_text(USER_CUES, encoding="utf-8")
    return folder


def chains(doc: Doc) -> list[str]:
    return [str(record.chain) for record in doc._.quotes]


# -- what it assigns -------------------------------------------------------------------------
def test_blank_german_pipeline_finds_speaker_and_span(nlp: spacy.language.Language) -> None:
    doc = nlp(SCHOLZ)
    (record,) = doc._.quotes
    assert isinstance(record, Attribution)
    assert record.speaker is not None and record.speaker.name == "Olaf Scholz"
    assert doc.text[record.quote.start : record.quote.end] == record.quote.text
    (span,) = doc.spans["quotes"]
    assert (span.text, span.label_) == ("„Wir sind bereit“", "direct")
    assert span._.attribution == record
    assert doc._.quote_speakers == ("Olaf Scholz",)


def test_alignment_expand_takes_whole_tokens_and_record_keeps_exact_offsets() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"alignment": "expand", "backend": "rules"})
    words = ["x„Wir", "sind", "bereit“,", "sagte", "Olaf", "Scholz."]
    doc = Doc(pipeline.vocab, words=words, spaces=[True] * 5 + [False])
    doc = pipeline.get_pipe("quotes")(doc)
    (record,) = doc._.quotes
    (span,) = doc.spans["quotes"]
    assert record.quote.text == "„Wir sind bereit“"
    assert span.text == "x„Wir sind bereit“,"  # the tokens that hold the quote's characters
    assert span._.attribution == record
    assert len(doc) == 6  # tokens untouched


def test_text_without_quotes_gets_empty_results(nlp: spacy.language.Language) -> None:
    doc = nlp("Das Wetter war schön.")
    assert doc._.quotes == () and list(doc.spans["quotes"]) == []
    assert doc._.quote_speakers == ()
    assert doc[0:2]._.attribution is None


def test_publisher_setting_ends_every_chain() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"publisher": "Spiegel"})
    assert chains(pipeline(SCHOLZ)) == ["Olaf Scholz via Spiegel"]


def test_overwrite_false_keeps_what_is_there(nlp: spacy.language.Language) -> None:
    doc = nlp.make_doc(TWO_QUOTES)
    doc.spans["quotes"] = [doc[-5:-1]]  # "Das Wetter war schön", no label
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"overwrite": False})
    doc = pipeline(pipeline(doc))  # twice: nothing is added twice
    assert [span.text for span in doc.spans["quotes"]] == [
        "Das Wetter war schön",
        "„Wir sind bereit“",
        "„Nein“",
    ]
    assert len(doc._.quotes) == 2
    assert [span.text for span in nlp(doc).spans["quotes"]] == ["„Wir sind bereit“", "„Nein“"]


def test_quotes_survive_doc_serialisation(nlp: spacy.language.Language) -> None:
    doc = nlp(TWO_QUOTES)
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (restored,) = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert restored._.quotes == doc._.quotes
    assert restored.spans["quotes"][1]._.attribution == doc._.quotes[1]
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.quotes == doc._.quotes


def test_setting_quotes_from_another_text_fails(nlp: spacy.language.Language) -> None:
    other = nlp("Ganz andere Worte, die hier stehen.")
    with pytest.raises(ValueError, match="not in this Doc's text"):
        other._.quotes = nlp(SCHOLZ)._.quotes


def test_set_extensions_is_idempotent_and_refuses_foreign_attributes() -> None:
    set_extensions()
    set_extensions()
    Doc.remove_extension("quote_speakers")
    Doc.set_extension("quote_speakers", default=None)
    try:
        with pytest.raises(ValueError, match=r"Doc\._\.quote_speakers is already registered"):
            set_extensions()
    finally:
        Doc.remove_extension("quote_speakers")
        set_extensions()


# -- nlp.pipe --------------------------------------------------------------------------------
def test_pipe_matches_one_by_one(nlp: spacy.language.Language) -> None:
    texts = [SCHOLZ, "Das Wetter war schön.", TWO_QUOTES, "„Ja“, sagte Merz."] * 2
    one_by_one = [nlp(text)._.quotes for text in texts]
    assert [doc._.quotes for doc in nlp.pipe(texts, batch_size=3)] == one_by_one
    pairs = nlp.pipe(((text, i) for i, text in enumerate(texts)), as_tuples=True)
    assert [(doc._.quotes, i) for doc, i in pairs] == [(q, i) for i, q in enumerate(one_by_one)]


def test_pipe_with_two_processes(nlp: spacy.language.Language) -> None:
    texts = [SCHOLZ, TWO_QUOTES, "„Ja“, sagte Merz."]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [doc._.quotes for doc in docs] == [nlp(text)._.quotes for text in texts]
    assert [span.label_ for span in docs[1].spans["quotes"]] == ["direct", "direct"]


def test_component_pickles_with_name_and_rules(user_rules: Path) -> None:
    pipeline = spacy.blank("de")
    component = pipeline.add_pipe("quotes", name="q", config={"rules": [str(user_rules)]})
    component.from_bytes(component.to_bytes())  # runs saved data, not the files, from here
    copy = pickle.loads(pickle.dumps(component))
    assert copy.name == "q" and copy.rule_data == component.rule_data
    doc = copy(pipeline.make_doc(USER_RULES_TEXT))
    assert chains(doc) == ["Olaf Scholz", "Friedrich Merz via Quellenbote"]


# -- saving ----------------------------------------------------------------------------------
def test_saved_pipeline_keeps_user_rules_without_the_rule_files(
    tmp_path: Path, user_rules: Path
) -> None:
    plain = spacy.blank("de")
    plain.add_pipe("quotes")
    assert chains(plain(USER_RULES_TEXT)) == ["Friedrich Merz"]  # the shipped rules alone

    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"rules": [str(user_rules)]})
    expected = ["Olaf Scholz", "Friedrich Merz via Quellenbote"]
    assert chains(pipeline(USER_RULES_TEXT)) == expected

    pipeline.to_disk(tmp_path / "pipeline")
    shutil.rmtree(user_rules)
    saved = tmp_path / "pipeline" / "quotes" / "rules"
    assert {p.name for p in saved.iterdir()} == {f"{stem}.json" for stem in load_rules("de")}
    saved_outlets = srsly.read_json(saved / "outlets.json")["outlet"]
    assert saved_outlets[-1] == {"name": "Quellenbote", "type": "outlet", "aliases": ALIASES}
    reloaded = spacy.load(tmp_path / "pipeline")
    assert chains(reloaded(USER_RULES_TEXT)) == expected
    assert reloaded.get_pipe("quotes").rule_data == pipeline.get_pipe("quotes").rule_data


def test_component_bytes_round_trip_carries_user_rules(user_rules: Path) -> None:
    with_rules = spacy.blank("de").add_pipe("quotes", config={"rules": [str(user_rules)]})
    pipeline = spacy.blank("de")
    plain = pipeline.add_pipe("quotes")
    plain.from_bytes(with_rules.to_bytes())
    assert chains(pipeline(USER_RULES_TEXT)) == ["Olaf Scholz", "Friedrich Merz via Quellenbote"]


def test_saved_rules_run_as_saved_whatever_the_installed_rules(tmp_path: Path) -> None:
    # A pipeline saved by another version carries its own rules: they run as saved, not
    # merged with the rules installed now. Here the saved cue lexicon lacks "sagen".
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes")
    pipeline.to_disk(tmp_path / "pipeline")
    cues_file = tmp_path / "pipeline" / "quotes" / "rules" / "cues.json"
    cues = srsly.read_json(cues_file)
    cues["verb"] = [verb for verb in cues["verb"] if verb["lemma"] != "sagen"]
    srsly.write_json(cues_file, cues)
    reloaded = spacy.load(tmp_path / "pipeline")
    text = "„Wir sind bereit“, sagte Olaf Scholz."
    assert [q.cue.text for q in pipeline(text)._.quotes if q.cue] == ["sagte"]
    assert [q.cue for q in reloaded(text)._.quotes] in ([], [None])
    assert "sagen" not in [
        v["lemma"] for v in reloaded.get_pipe("quotes").rule_data["cues"]["verb"]
    ]


# -- scoring ---------------------------------------------------------------------------------
def reference(nlp: spacy.language.Language, text: str, spans: list[tuple[str, str]]) -> Doc:
    doc = nlp.make_doc(text)
    doc.spans["quotes"] = [
        doc.char_span(text.index(part), text.index(part) + len(part), label=label)
        for part, label in spans
    ]
    return doc


def test_evaluate_reports_hand_computed_scores(nlp: spacy.language.Language) -> None:
    predicted = nlp(TWO_QUOTES)
    assert [(s.text, s.label_) for s in predicted.spans["quotes"]] == [
        ("„Wir sind bereit“", "direct"),
        ("„Nein“", "direct"),
    ]
    gold = [("„Wir sind bereit“", "direct"), ("„Nein“", "indirect"), ("Das Wetter", "reported")]
    examples = [
        Example(nlp.make_doc(TWO_QUOTES), reference(nlp, TWO_QUOTES, gold)),
        # No "quotes" group in the reference: not annotated, so skipped.
        Example(nlp.make_doc("„Ja“, sagte Merz."), nlp.make_doc("„Ja“, sagte Merz.")),
    ]
    scores = nlp.evaluate(examples)
    # Exact with labels: 1 right, 1 wrong label (a false positive and a false negative),
    # 1 missed: P = 1/2, R = 1/3, F = 2PR/(P+R) = 2/5.
    assert scores["quotes_p"] == pytest.approx(1 / 2)
    assert scores["quotes_r"] == pytest.approx(1 / 3)
    assert scores["quotes_f"] == pytest.approx(2 / 5)
    per_type = scores["quotes_per_type"]
    assert per_type["direct"] == pytest.approx({"p": 1 / 2, "r": 1.0, "f": 2 / 3})
    assert per_type["indirect"] == pytest.approx({"p": 0.0, "r": 0.0, "f": 0.0})
    assert per_type["reported"] == pytest.approx({"p": 0.0, "r": 0.0, "f": 0.0})
    # Overlap without labels: both predictions touch a reference span (P = 1), two of the
    # three reference spans are touched (R = 2/3): F = 4/5.
    assert scores["quotes_overlap_p"] == pytest.approx(1.0)
    assert scores["quotes_overlap_r"] == pytest.approx(2 / 3)
    assert scores["quotes_overlap_f"] == pytest.approx(4 / 5)


def test_scorer_without_any_spans_gives_none(nlp: spacy.language.Language) -> None:
    text = "Das Wetter war schön."
    example = Example(nlp(text), reference(nlp, text, []))
    scores = score_quotes([example])
    assert scores["quotes_f"] is None and scores["quotes_overlap_f"] is None
    assert spacy.registry.scorers.get("quotes.scorer.v1")() is score_quotes


def test_scores_follow_the_spans_key() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"spans_key": "zitate"})
    gold = pipeline.make_doc(SCHOLZ)
    gold.spans["zitate"] = [gold.char_span(0, 17, label="direct")]
    scores = pipeline.evaluate([Example(pipeline.make_doc(SCHOLZ), gold)])
    assert scores["zitate_f"] == pytest.approx(1.0)
    assert scores["zitate_overlap_f"] == pytest.approx(1.0)


# -- configuration ---------------------------------------------------------------------------
def test_default_config_is_declared(nlp: spacy.language.Language) -> None:
    assert dict(nlp.config["components"]["quotes"]) == {
        "factory": "quotes",
        "backend": "auto",
        "rules": [],
        "publisher": None,
        "spans_key": "quotes",
        "overwrite": True,
        "alignment": "retokenize",
        "scorer": {"@scorers": "quotes.scorer.v1"},
    }
    assert isinstance(nlp.get_pipe("quotes"), QuotesComponent)


@pytest.mark.parametrize(
    ("config", "error", "message"),
    [
        ({"backend": "parser"}, BackendError, "unknown backend 'parser'; choose one of auto, "),
        (
            {"rules": "my_rules"},
            ConfigValidationError,
            r"quotes -> rules\s.*'my_rules' is not list\[str\]",
        ),
        ({"spans_key": ""}, ValueError, "spans_key must be a non-empty string"),
        ({"alignment": "loose"}, ValueError, "alignment must be one of retokenize, strict"),
        ({"overwrite": "sometimes"}, ConfigValidationError, "overwrite"),
        ({"rule_files": []}, ConfigValidationError, "rule_files"),
    ],
)
def test_bad_settings_fail_at_add_pipe(config: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        spacy.blank("de").add_pipe("quotes", config=config)


def test_missing_rule_files_fail_when_the_rules_are_read(tmp_path: Path) -> None:
    pipeline = spacy.blank("de")
    missing = tmp_path / "no_such_rules"
    pipeline.add_pipe("quotes", config={"rules": [str(missing)]})
    with pytest.raises(RulesError, match="no_such_rules is neither a TOML file nor a folder"):
        pipeline.initialize()
    with pytest.raises(RulesError, match="no_such_rules"):
        pipeline(SCHOLZ)


def test_pipeline_of_a_language_without_rules_fails() -> None:
    with pytest.raises(RulesError, match="not for this pipeline's language 'en'"):
        spacy.blank("en").add_pipe("quotes")


# -- the spacy_factories entry point ---------------------------------------------------------
# The child never imports quotes: spaCy must find the factory through the entry point.
ADD_PIPE_WITHOUT_IMPORT = textwrap.dedent(
    """
    import sys
    import spacy
    assert "quotes" not in sys.modules
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes")
    doc = nlp("„Wir sind bereit“, sagte Olaf Scholz.")
    print(doc._.quotes[0].speaker.name, doc.spans["quotes"][0].label_)
    """
)


def run_child(extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", ADD_PIPE_WITHOUT_IMPORT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _installed_entry_point() -> bool:
    found = importlib.metadata.entry_points(group="spacy_factories", name="quotes")
    return any(ep.value == "quotes.spacy_component:make_quotes_component" for ep in found)


@pytest.mark.skipif(
    _installed_entry_point(), reason="the installed entry point is tested below (one child)"
)
def test_factory_loads_through_an_entry_point(tmp_path: Path) -> None:
    # A stand-in distribution that declares exactly the entry point pyproject.toml declares,
    # so the mechanism is tested whatever the installed metadata says.
    dist_info = tmp_path / "quotes_entry_point_check-0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: quotes-entry-point-check\nVersion: 0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        "[spacy_factories]\nquotes = quotes.spacy_component:make_quotes_component\n",
        encoding="utf-8",
    )
    child = run_child(tmp_path)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "Olaf Scholz direct"


# PENDING until pyproject.toml declares the entry point and the package is reinstalled;
# it then runs instead of the stand-in test above.
@pytest.mark.skipif(
    not _installed_entry_point(),
    reason="PENDING: the installed quotes does not declare the spacy_factories entry point yet "
    "(add it to pyproject.toml and reinstall: pip install -e .)",
)
def test_installed_package_declares_the_entry_point() -> None:
    child = run_child()
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "Olaf Scholz direct"


def test_entry_point_value_names_the_registered_factory() -> None:
    assert spacy.registry.factories.get("quotes") is quotes.spacy_component.make_quotes_component


# -- issue 9 §8: spans agree with the records -------------------------------------------------
GLUED = (
    "Der Minister sagte:„Wir sind bereit.“ Danach ging er. Sie sagte,„wir gehen“,und ging. "
    "Er nannte das „Unsinn“-Politik."
)


def _exact(doc: Doc) -> bool:
    by_record = {span._.attribution: span for span in doc.spans["quotes"]}
    return all(
        (by_record[r].start_char, by_record[r].end_char) == (r.quote.start, r.quote.end)
        for r in doc._.quotes
    )


def test_glued_marks_are_split_so_every_span_is_exact() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"backend": "rules"})
    doc = pipeline.make_doc(GLUED)
    doc.spans["mine"] = [doc[0:2]]  # "Der Minister": moved with the tokens
    doc.spans["mine"].attrs["by"] = "me"
    doc = pipeline.get_pipe("quotes")(doc)
    assert len(doc._.quotes) >= 2
    assert len(doc.spans["quotes"]) == len(doc._.quotes)
    assert _exact(doc)
    for span in doc.spans["quotes"]:
        assert span.text == span._.attribution.quote.text
    assert "„Wir" in [token.text for token in doc]  # "sagte:„Wir" was split at the mark
    assert doc.text == GLUED
    assert [s.text for s in doc.spans["mine"]] == ["Der Minister"]
    assert doc.spans["mine"].attrs == {"by": "me"}


def test_tokens_already_on_the_edges_stay_as_they_are() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"backend": "rules"})
    before = [t.text for t in pipeline.make_doc(TWO_QUOTES)]
    doc = pipeline(TWO_QUOTES)
    assert [t.text for t in doc] == before and _exact(doc)


def test_strict_alignment_leaves_unaligned_quotations_without_a_span() -> None:
    pipeline = spacy.blank("de")
    pipeline.add_pipe("quotes", config={"backend": "rules", "alignment": "strict"})
    doc = pipeline(GLUED + " " + SCHOLZ)
    tokens = [t.text for t in pipeline.make_doc(GLUED + " " + SCHOLZ)]
    assert [t.text for t in doc] == tokens  # never retokenised
    with_span = {span._.attribution for span in doc.spans["quotes"]}
    without = [q for q in doc._.quotes if q not in with_span]
    assert without and with_span  # "sagte:„Wir …" has none, Scholz's quote has one
    for span in doc.spans["quotes"]:
        assert (span.start_char, span.end_char) == (
            span._.attribution.quote.start,
            span._.attribution.quote.end,
        )


def test_a_parsed_doc_keeps_its_tokens_and_gets_exact_spans_only() -> None:
    from quotes.models import load

    pipeline = load()
    pipeline.add_pipe("quotes")
    tokens = [t.text for t in pipeline.make_doc(GLUED)]
    doc = pipeline(GLUED)
    assert [t.text for t in doc] == tokens
    for span in doc.spans["quotes"]:
        assert span.text == span._.attribution.quote.text


# -- issue 9 §8: both parse paths see the same text ----------------------------------------------
CRLF = (
    "Berlin. Der Minister sagte am Montag, die Regierung werde die Steuern nicht erhöhen.\r\n\r\n"
    "Die Opposition warf ihm vor, er habe die Zahlen geschönt.\r\n"
    "„Das ist falsch“, sagte der Sprecher.\r\n"
)


def test_crlf_text_gives_what_the_extractor_gives() -> None:
    from quotes.extractor import Extractor
    from quotes.models import load
    from quotes.parse import from_spacy

    pipeline = load()
    pipeline.add_pipe("quotes")
    # The shipped model, CRs dropped first, every sentence parsed (as the pipeline does).
    extractor = Extractor("parse", parse_on_demand=False)
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [CRLF] + [
        path.read_text(encoding="utf-8").replace("\n", "\r\n")
        for path in sorted(seeds.glob("*.txt"))
    ]
    differed = 0
    for text in texts:
        expected = extractor.extract(text)
        assert list(pipeline(text)._.quotes) == expected
        # Before: the Doc's own parse, made with the CRs, was used as it is.
        with pipeline.select_pipes(disable=["quotes"]):
            with_crs = pipeline(text)
        as_is = Extractor("rules").extract(text, parsed=from_spacy(with_crs))
        differed += as_is != expected
    assert differed  # the texts hold a case where the two parses disagree
    # On a blank pipeline the component's own backend parses: the same again.
    blank = spacy.blank("de")
    blank.add_pipe("quotes", config={"backend": "parse"})
    assert list(blank(CRLF)._.quotes) == Extractor("parse").extract(CRLF)


# -- issue 10 §5: the same default as quotes.extract ----------------------------------------------
def test_default_backend_is_that_of_quotes_extract() -> None:
    import quotes

    pipeline = spacy.blank("de")
    component = pipeline.add_pipe("quotes")
    assert component.backend == "auto"
    assert component.resolved_backend == quotes.default_backend() == "parse"
    text = "Der Minister sagte am Montag, die Regierung werde die Steuern nicht erhöhen."
    found = pipeline(text)._.quotes
    assert list(found) == quotes.extract(text)
    assert [record.kind for record in found] == ["indirect"]  # rules alone find none
    rules_only = spacy.blank("de")
    rules_only.add_pipe("quotes", config={"backend": "rules"})
    assert rules_only(text)._.quotes == ()


def test_auto_falls_back_to_rules_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.models

    def missing() -> Path:
        raise FileNotFoundError("no model")

    monkeypatch.setattr(quotes.models, "model_path", missing)
    pipeline = spacy.blank("de")
    component = pipeline.add_pipe("quotes")
    assert component.resolved_backend == "rules"
    assert chains(pipeline(SCHOLZ)) == ["Olaf Scholz"]
