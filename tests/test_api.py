"""The public API: names, errors, rule extensions and streaming with pipe()."""

from __future__ import annotations

import importlib.metadata
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import quotes
from quotes import Attribution, Extractor

TEXTS = [
    "„Wir sind bereit“, sagte Olaf Scholz.",
    "",
    "Laut Tass sagte Wladimir Putin: „Es besteht keine Gefahr.“",
    "Die Sprecherin Maria Sacharowa betonte, die Gespräche seien nur ein Auftakt.",
    "»Nein«, sagte sie.\r\n\r\n„Doch“, antwortete er.",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    # The backend quotes.extract uses: parse where the shipped model is installed.
    return Extractor(quotes.default_backend())


# -- names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "extract",
        "Extractor",
        "Analysis",
        "Attribution",
        "Span",
        "Speaker",
        "Cue",
        "Source",
        "Chain",
        "KINDS",
        "QuotesError",
        "RulesError",
        "BackendError",
        "to_json",
        "from_dict",
        "__version__",
    ],
)
def test_public_name_exists(name: str) -> None:
    assert hasattr(quotes, name)
    assert name in quotes.__all__


def test_all_names_resolve() -> None:
    for name in quotes.__all__:
        assert getattr(quotes, name) is not None


def test_version_matches_distribution() -> None:
    assert quotes.__version__ == importlib.metadata.version("quotes")


def test_error_hierarchy() -> None:
    assert issubclass(quotes.QuotesError, Exception)
    assert issubclass(quotes.BackendError, quotes.QuotesError)
    assert issubclass(quotes.RulesError, quotes.QuotesError)


# -- Extractor construction ---------------------------------------------------------------
def test_unknown_backend_raises_backend_error() -> None:
    with pytest.raises(quotes.BackendError, match="nope") as caught:
        Extractor(backend="nope")
    assert isinstance(caught.value, quotes.QuotesError)


def test_backend_must_be_a_string() -> None:
    with pytest.raises(TypeError):
        Extractor(backend=1)  # type: ignore[arg-type]


def test_missing_rules_path_raises_rules_error(tmp_path: Path) -> None:
    with pytest.raises(quotes.RulesError):
        Extractor(rules=[tmp_path / "does-not-exist.toml"])
    with pytest.raises(quotes.QuotesError):
        Extractor(rules=[str(tmp_path / "nowhere")])


def test_malformed_rules_file_raises_rules_error(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text("this is = = not toml [", encoding="utf-8")
    with pytest.raises(quotes.RulesError, match=r"cues\.toml"):
        Extractor(rules=[bad])


def test_empty_rules_folder_raises_rules_error(tmp_path: Path) -> None:
    with pytest.raises(quotes.RulesError):
        Extractor(rules=[tmp_path])


@pytest.mark.parametrize("layout", ["file", "folder", "lang-folder", "single-str"])
def test_user_rules_extend_the_shipped_ones(tmp_path: Path, layout: str) -> None:
    folder = tmp_path / "de" if layout == "lang-folder" else tmp_path
    folder.mkdir(exist_ok=True)
    extension = folder / "document.toml"
    extension.write_text('abbreviations = ["Bsp."]\n', encoding="utf-8")
    given: str | Path | list[str | Path] = {
        "file": [extension],
        "folder": [folder],
        "lang-folder": [tmp_path],
        "single-str": str(extension),
    }[layout]
    abbreviations = Extractor(rules=given).rules["document"]["abbreviations"]  # type: ignore[arg-type]
    assert abbreviations[-1] == "Bsp."  # lists append ...
    assert "Dr." in abbreviations  # ... to the shipped list
    assert "Bsp." not in Extractor().rules["document"]["abbreviations"]  # no leak


def test_extractor_pickles(extractor: Extractor) -> None:
    clone = pickle.loads(pickle.dumps(extractor))
    assert isinstance(clone, Extractor)
    assert repr(clone) == repr(extractor)
    for text in TEXTS:
        assert clone.extract(text) == extractor.extract(text)


# -- extract and analyze ----------------------------------------------------------------
@pytest.mark.parametrize("text", TEXTS)
def test_extract_returns_attributions(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text)
    assert isinstance(result, list)
    assert all(isinstance(a, Attribution) for a in result)
    assert quotes.extract(text) == result


def test_publisher_is_keyword_only_and_checked() -> None:
    with pytest.raises(TypeError):
        quotes.extract(TEXTS[0], "Epoch Times")  # type: ignore[misc]
    with pytest.raises(TypeError, match="decode"):
        quotes.extract(TEXTS[0], publisher=b"Epoch Times")  # type: ignore[arg-type]
    assert isinstance(quotes.extract(TEXTS[0], publisher="Epoch Times"), list)


def test_publisher_ends_every_chain(extractor: Extractor) -> None:
    for text in TEXTS:
        for attribution in extractor.extract(text, publisher="Epoch Times"):
            assert attribution.via and attribution.via[-1].name == "Epoch Times"


def test_analyze_keeps_the_document(extractor: Extractor) -> None:
    for text in TEXTS:
        analysis = extractor.analyze(text)
        assert isinstance(analysis, quotes.Analysis)
        assert analysis.document.text == text
        assert list(analysis.attributions) == extractor.extract(text)


# -- pipe -------------------------------------------------------------------------------
def test_pipe_streams_in_order(extractor: Extractor) -> None:
    consumed: list[int] = []

    def texts() -> Iterator[str]:
        for index, text in enumerate(TEXTS):
            consumed.append(index)
            yield text

    results = extractor.pipe(texts())
    assert consumed == []  # lazy: nothing read before a result is asked for
    first = next(results)
    assert consumed == [0]
    assert first == extractor.extract(TEXTS[0])
    assert [first, *results] == [extractor.extract(t) for t in TEXTS]


def test_pipe_as_tuples_keeps_contexts(extractor: Extractor) -> None:
    pairs = [(text, {"id": i}) for i, text in enumerate(TEXTS)]
    results = list(extractor.pipe(iter(pairs), as_tuples=True))
    assert [context for _, context in results] == [{"id": i} for i in range(len(TEXTS))]
    assert [r for r, _ in results] == [extractor.extract(t) for t in TEXTS]


def test_pipe_with_publisher(extractor: Extractor) -> None:
    results = list(extractor.pipe(TEXTS, publisher="Tass"))
    assert results == [extractor.extract(t, "Tass") for t in TEXTS]


def test_pipe_builds_each_document_once(
    parse_extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pipe() hands the Document it built for a text's parse to that text's extract()."""
    from quotes.document import Document

    built: list[str] = []
    build = Document.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type, text: str, splitter: object, publisher: str | None = None) -> object:
        built.append(text)
        return build(cls, text, splitter, publisher)

    monkeypatch.setattr(Document, "build", classmethod(counting))
    results = list(parse_extractor.pipe(TEXTS, publisher="Tass"))
    assert sorted(built) == sorted(TEXTS)  # once each (the empty one by extract() alone)
    assert parse_extractor._prepared.doc is None  # not kept
    monkeypatch.undo()
    assert results == [parse_extractor.extract(t, "Tass") for t in TEXTS]


def test_pipe_through_an_extract_that_changes_the_text(parse_extractor: Extractor) -> None:
    """A subclass's extract() that reads another text gets that text's own Document."""

    class Shouting(Extractor):
        def extract(self, text, publisher=None, *, parsed=None):  # type: ignore[no-untyped-def]
            return super().extract(text.replace("sagte", "rief"), publisher)

    shouting = Shouting.__new__(Shouting)
    shouting.__dict__.update(parse_extractor.__dict__)
    expected = [parse_extractor.extract(t.replace("sagte", "rief")) for t in TEXTS]
    assert list(shouting.pipe(TEXTS)) == expected


def test_pipe_in_two_processes(extractor: Extractor) -> None:
    pairs = [(text, i) for i, text in enumerate(TEXTS * 3)]
    results = list(extractor.pipe(pairs, as_tuples=True, n_process=2, batch_size=2))
    assert [i for _, i in results] == list(range(len(pairs)))
    assert [r for r, _ in results] == [extractor.extract(t) for t, _ in pairs]


def test_pipe_rejects_a_single_string_at_once(extractor: Extractor) -> None:
    # Raised where pipe() is called, not later where the results are first consumed.
    with pytest.raises(TypeError, match="extract"):
        extractor.pipe("a string")  # type: ignore[call-overload]


def test_pipe_rejects_a_single_string_when_consumed(extractor: Extractor) -> None:
    with pytest.raises(TypeError):
        list(extractor.pipe("a string"))  # type: ignore[call-overload]


def test_pipe_rejects_bad_items(extractor: Extractor) -> None:
    with pytest.raises(TypeError, match="decode"):
        list(extractor.pipe([b"bytes"]))  # type: ignore[list-item]
    with pytest.raises(TypeError):
        list(extractor.pipe(["not a pair"], as_tuples=True))  # type: ignore[call-overload]
    with pytest.raises(ValueError):
        list(extractor.pipe(TEXTS, n_process=0))


def test_readme_example_prints_what_the_readme_shows(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In Python", 1)[1]
    match = re.search(r"```python\n(.*?)```\s*```text\n(.*?)```", section, re.S)
    assert match is not None, "README: a python block followed by its output"
    exec(compile(match.group(1), "README.md", "exec"), {})
    assert capsys.readouterr().out == match.group(2)


def test_no_empty_quotations_from_a_run_of_straight_marks() -> None:
    # issue 9 §7: a run of typewriter marks gave three empty quotations.
    assert quotes.Extractor("rules").extract('Michael Jackson sagte """""" geben.') == []


def test_a_glued_closer_does_not_lend_the_next_sentence_a_speaker() -> None:
    text = "„Wir sind bereit.“Danach sagte er nichts mehr."
    (found,) = quotes.Extractor("rules").extract(text)
    assert found.quote.text == "„Wir sind bereit.“"
    assert found.speaker is None
