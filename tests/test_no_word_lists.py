"""No German word lists in Python (issue 7 §1): language data lives in ``rules/<lang>/``.

The scan reads every module of the package that handles language and flags each set,
tuple or list literal made only of strings of which at least two are alphabetic words,
lower-case ("der", "die", "das", endings such as "en") or capitalised nouns and
sentence-initial words of two letters or more ("Quellen", "Kreise", "Die"): that is what a
word list looks like, and a pair ("dass", "daß") is one too; so are the values of a dict
literal of strings ({"m": "er", "f": "e"}). A new one fails this test;
move it to a ``rules/de/*.toml`` key with its schema field instead.

Not scanned: modules that name formats, fields and labels rather than German
(``NOT_LANGUAGE``). Not flagged: the arguments of ``Literal[...]``, literals of UD or TIGER
dependency labels only, pairs made only of the package's own vocabulary (``VOCABULARY``:
every ``Literal[...]`` argument in the package, the media, UD feature values), and the
documented technical literals of ``TECHNICAL``. There is no list of exceptions for German:
the last ones (a DEBT list of the literals left when this test was written, then the
two-word literals) have moved to ``rules/de``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import quotes
from quotes.parse.labels import TIGER_LABELS, UD_LABELS
from quotes.records import MEDIA

PACKAGE = Path(quotes.__file__).resolve().parent

#: Modules (or folders) that hold no language processing: command line, scoring, views,
#: schemas, parser adapters, records and their serialisation.
NOT_LANGUAGE = (
    "cli/",
    "evaluate/",
    "view/",
    "schema/",
    "parse/",
    "models/",
    "records.py",
    "serialize.py",
    "extractor.py",
    "backends.py",
    "spacy_component.py",
    "strategies.py",
    "dask.py",
)

#: Technical literals in language modules: names of classes, keys, macros and URL parts.
TECHNICAL: dict[str, set[frozenset[str]]] = {
    # the gender keys of genders.toml
    "pipeline/entity_lexicon.py": {
        frozenset({"m", "f", "n"}),
        # a gender key and its list's name in names.toml
        frozenset({"m", "male"}),
        frozenset({"f", "female"}),
    },
    # the gender keys of genders.toml that person roles take
    "pipeline/antecedents.py": {frozenset({"m", "f"})},
    # the key of the stored attributions in spaCy's Doc.user_data
    "extensions.py": {frozenset({"quotes", "attributions"})},
    # the relation classes of outlet chains, in their order
    "pipeline/outlets/base.py": {frozenset({"direct", "cited", "relay", "outer"})},
    # the macros every outlets.toml pattern set defines
    "pipeline/outlets/regexes.py": {frozenset({"det", "adj", "carrier"})},
    # top-level and second-level domains and host prefixes of outlet URLs
    "pipeline/outlets/gazetteer.py": {
        frozenset(
            ["at", "ch", "com", "de", "eu", "fr", "info", "io", "it", "net", "org", "ru", "uk"]
        ),
        frozenset(
            ["be", "cz", "dk", "es", "news", "nl", "no", "online", "pl", "se", "tv", "ua", "us"]
        ),
        frozenset(
            ["app", "au", "ca", "cn", "edu", "fi", "gov", "il", "int", "jp", "kr", "media", "tr"]
        ),
        frozenset(
            ["by", "cc", "gr", "hu", "ir", "li", "lu", "me", "press", "pt", "ro", "social", "va"]
        ),
        frozenset(["ge", "in", "kz"]),
        frozenset(["ac", "co", "com", "gov", "ne", "net", "or", "org"]),
        frozenset(["amp", "m", "mobil", "mobile", "www"]),
    },
}

_LABELS = UD_LABELS | TIGER_LABELS

#: UD morphological feature values the package compares (``Case=Dat``).
UD_FEATURE_VALUES = frozenset({"Nom", "Acc", "Dat", "Gen", "Sing", "Plur", "Masc", "Fem", "Neut"})


def _literal_vocabulary() -> frozenset[str]:
    """The strings of every ``Literal[...]`` in the package: its own names of kinds,
    media, source types, relations and moods (English, not German)."""
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript) and _is_literal(node.value):
                found.update(
                    n.value
                    for n in ast.walk(node.slice)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                )
    return frozenset(found)


def _is_literal(name: ast.expr) -> bool:
    return (isinstance(name, ast.Name) and name.id == "Literal") or (
        isinstance(name, ast.Attribute) and name.attr == "Literal"
    )


#: The package's own vocabulary: a pair made only of these is a pair of names, not words.
VOCABULARY = _literal_vocabulary() | frozenset(MEDIA) | UD_FEATURE_VALUES


#: Assignments whose value lists Python names.
_PYTHON_NAMES = frozenset({"__all__", "__slots__", "__match_args__"})


def _literal_arguments(tree: ast.AST) -> set[int]:
    """ids of the nodes that are the arguments of ``Literal[...]`` or the value of
    ``__all__``, ``__slots__`` or ``__match_args__`` (Python names, not language data)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in _PYTHON_NAMES for t in node.targets
        ):
            inside.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Subscript) and _is_literal(node.value):
            inside.update(id(n) for n in ast.walk(node.slice))
    return inside


def _is_word(value: str) -> bool:
    """A lower-case word ("der"), or a capitalised one of two letters or more ("Die",
    "Quellen"); not an acronym ("USA"), a CamelCase name or a one-letter flag ("P")."""
    if not value.isalpha():
        return False
    return value.islower() or (len(value) > 1 and value.istitle())


def word_lists(source: str) -> list[tuple[int, frozenset[str]]]:
    """(line, words) of each literal in ``source`` that looks like a word list."""
    tree = ast.parse(source)
    skip = _literal_arguments(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            # A table of words ({"m": "er", "f": "e"}): its values are the list.
            elements: list[ast.expr | None] = list(node.values)
        elif isinstance(node, ast.Set | ast.Tuple | ast.List) and id(node) not in skip:
            elements = list(node.elts)
        else:
            continue
        if not elements or not all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elements
        ):
            continue
        values = [e.value for e in elements if isinstance(e, ast.Constant)]
        listed = [v for v in values if _is_word(v)]
        if len(listed) < 2:
            continue
        words = frozenset(listed)
        if words <= _LABELS or (len(listed) == 2 and words <= VOCABULARY):
            continue
        found.append((node.lineno, words))
    return found


def _language_modules() -> list[tuple[str, Path]]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith(NOT_LANGUAGE):
            modules.append((name, path))
    return modules


def test_no_german_word_lists_in_python() -> None:
    offending = []
    for name, path in _language_modules():
        allowed = TECHNICAL.get(name, set())
        for line, words in word_lists(path.read_text(encoding="utf-8")):
            if words not in allowed:
                offending.append(f"quotes/{name}:{line}: {sorted(words)}")
    assert not offending, "German word lists in Python (move them to rules/de):\n" + "\n".join(
        offending
    )


def test_the_scan_finds_a_word_list() -> None:
    source = (
        'ARTICLES = frozenset({"der", "die", "das"})\n'
        'KIND = Literal["direct", "indirect", "reported"]\n'
        'DEPS = ("nsubj", "obj", "iobj")\n'
        'TWO = ("und", "oder")\n'
        'ONE = ("und",)\n'
        '__all__ = ["choose", "detect", "layers"]\n'
        '__slots__ = ("codes", "values")\n'
    )
    assert sorted(word_lists(source), key=lambda found: found[0]) == [
        (1, frozenset({"der", "die", "das"})),
        (4, frozenset({"und", "oder"})),
    ]


def test_the_scan_finds_a_pair_of_words_but_not_a_pair_of_names() -> None:
    source = (
        'if word in ("dass", "daß"): pass\n'
        'ENDINGS = ("e", "en")\n'
        'KINDS = ("indirect", "reported")\n'
        'MEDIA = ("Thought", "Writing")\n'
        'CASES = ("Dat", "Gen")\n'
        'STRONG = {"m": "er", "f": "e", "n": "es"}\n'
        'MARKS = {"“": "„", "«": "»"}\n'
    )
    assert sorted(word_lists(source), key=lambda found: found[0]) == [
        (1, frozenset({"dass", "daß"})),
        (2, frozenset({"e", "en"})),
        (6, frozenset({"er", "e", "es"})),
    ]


def test_the_scan_finds_a_capitalised_word_list() -> None:
    source = (
        'HEADS = frozenset({"Quellen", "Kreise", "Medien"})\n'
        'ARTICLES = ("Die", "Der", "Das")\n'
        'FLAGS = ("p", "P", "N")\n'
        'NAMES = ("USA", "EU", "UN")\n'
        'CLASSES = ("MentionResolver", "ResolutionRun", "OutletFinder")\n'
        'MIXED = ["der", "Die", "das"]\n'
    )
    assert sorted(word_lists(source), key=lambda found: found[0]) == [
        (1, frozenset({"Quellen", "Kreise", "Medien"})),
        (2, frozenset({"Die", "Der", "Das"})),
        (6, frozenset({"der", "Die", "das"})),
    ]
