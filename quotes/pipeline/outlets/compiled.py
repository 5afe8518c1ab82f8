"""Compiling ``rules/<lang>/outlets.toml``: the gazetteer, type nouns and link patterns.

:func:`compile_rules` turns the rule data into one :class:`Compiled` object that the
finder's modules share; every rules error is raised here, at load time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, cast

import attrs

from quotes.errors import RulesError
from quotes.patterns import check_backtracking
from quotes.pipeline.outlets.base import CLASS_ORDER, RelationClass
from quotes.pipeline.outlets.regexes import (
    alternation,
    check_macros,
    expander,
    first_character_trie,
    gazetteer_pattern,
    inflected,
    macro_table,
    org_name_pattern,
    rules_regex,
)
from quotes.records import SOURCE_TYPES, SourceType
from quotes.rules import RuleData, Rules

__all__ = ["Alias", "Compiled", "Entry", "LinkRule", "RuleSet", "compile_rules"]

_OPEN_RE: Final = r"(?:''|[„“”\"»«‚‘›‹'])"
_CLOSE_RE: Final = r"(?:''|[“”\"«»‘’‹›'])"


@attrs.frozen
class Entry:
    """A gazetteer outlet: its canonical name and type."""

    name: str
    type: SourceType


@attrs.frozen
class Alias:
    entry: Entry
    ambiguous: bool = False
    contexts: frozenset[str] = frozenset()
    strict: bool = False  # link words alone do not license it


@attrs.frozen
class LinkRule:
    """One [[link]] pattern, compiled: reversed and anchored at the name for "before"."""

    relation: str
    before: bool
    pattern: Any  # regex.Pattern[str]
    types: frozenset[str] | None
    dets: frozenset[str] | None
    carrier: bool
    domain: bool | None
    licenses: bool = True
    known: bool = False  # only outlets the gazetteer knows ("im „Maischberger“" is a show)


@attrs.frozen
class RuleSet:
    """Link rules in priority order, plus one alternation of them all.

    One regex call per anchor instead of one per rule: the alternation's first matching
    branch is the rule that wins. Only when that rule's constraints (types, article,
    carrier) reject the candidate are the rules after it tried one by one.
    """

    rules: tuple[LinkRule, ...]
    combined: Any  # regex.Pattern[str] | None
    markers: tuple[int, ...] = ()  # the group number of each rule's branch in `combined`

    def first(
        self, text: str, lo: int, at: int, hi: int, accept: Any
    ) -> tuple[LinkRule, Any] | None:
        """The first rule that matches at ``at`` (before it, for reversed rules) and that
        ``accept(rule, match)`` admits."""
        if self.combined is None:
            return None
        m = (
            self.combined.match(text, lo, at)
            if self.rules[0].before
            else self.combined.match(text, at, hi)
        )
        if m is None:
            return None
        groups = m.groups()
        winner = next(i for i, g in enumerate(self.markers) if groups[g - 1] is not None)
        if accept(self.rules[winner], m):
            return self.rules[winner], _Hit(m, f"r{winner}")
        for rule in self.rules[winner + 1 :]:
            single = (
                rule.pattern.match(text, lo, at)
                if rule.before
                else rule.pattern.match(text, at, hi)
            )
            if single is not None and accept(rule, single):
                return rule, _Hit(single, "rule_")
        return None


@attrs.frozen
class _Hit:
    """A rule's match and the name of the group that spans the rule's own text."""

    match: Any
    group: str

    def link(self) -> tuple[int, int]:
        """The linking words: the group ``link`` if the rule has one, else the rule's text."""
        m = self.match
        if "link" in m.re.groupindex and m.group("link") is not None:
            return cast(tuple[int, int], m.span("link"))
        return cast(tuple[int, int], m.span(self.group))


@attrs.frozen
class Compiled:
    aliases: Mapping[str, Alias]
    folded: Mapping[str, Alias]
    canonical: Mapping[str, Alias]  # case-folded canonical names, for lookup() only
    ambiguous_folds: frozenset[str]  # case-folded forms of ambiguous aliases
    domains: Mapping[str, Entry]
    gazetteer: re.Pattern[str] | None
    licence_words: frozenset[str]
    licence_tails: frozenset[str]
    type_nouns: Mapping[str, SourceType]
    type_before: Any  # reversed: a type noun (and article) right before a name
    type_noun_scan: re.Pattern[str]  # a type noun followed by whitespace
    type_name: Any  # the unquoted capitalised name after it
    not_names: frozenset[str]
    not_name_endings: tuple[str, ...]
    title_max_words: int
    title_connectors: frozenset[str]
    noun_phrase: Any  # reversed: the outlet's noun phrase before its name
    noun_phrase_full: Any  # the same, forward, to check a shorter phrase
    before: RuleSet
    after: RuleSet
    classes: Mapping[str, RelationClass]
    org_after_coordinator: Any
    org_after_citation: Any
    org_heads: tuple[str, ...]
    org_names: Mapping[str, str]
    # [chains]: relations that carry through a passage, and who an outlet cites
    carry: frozenset[str] = frozenset()
    carry_in_paragraph: frozenset[str] = frozenset()
    #: [chains] carry_ends: words of a frame that name another occasion ("Später").
    carry_ends: frozenset[str] = frozenset()
    #: An addressee "der Zeitung" names the outlet of that type named last, within reach.
    back_reference_articles: frozenset[str] = frozenset()
    back_reference_reach: int = 0
    cited_speaker: Any = None  # after an outlet: "… unter Berufung auf Diplomaten"
    cited_singular: frozenset[str] = frozenset()
    #: A type noun as written and with each inflection ending ("Magazins", "Zeitungen").
    type_noun_endings: tuple[str, ...] = ("",)
    #: Words a name after a type noun does not end with ("Zeitung Die", "Voice of").
    not_last_words: frozenset[str] = frozenset()
    #: The [organizations] carriers ("Angaben", "Berichte"): nouns that lead to a source.
    carriers: frozenset[str] = frozenset()
    #: The [organizations] genitive endings, in order: dropped from a head's name.
    org_genitive_endings: tuple[str, ...] = ()
    #: [chains] cited_prepositions: a place after a cited phrase ("Quellen im Kreml").
    cited_places: frozenset[str] = frozenset()
    #: Articles that may start a name after a type noun if more follows ("Zeitung Die Welt").
    name_articles: frozenset[str] = frozenset()
    #: A type noun joined to the end of a name by a hyphen, after an optional closing mark
    #: ("„Bild“-Zeitung", "„Spiegel“-Magazin"): the name is the outlet's.
    type_tail: Any = None
    #: [chains] cited_quantities: a numeral that opens a cited phrase makes it a group.
    cited_quantities: frozenset[str] = frozenset()
    #: [chains] report_nouns: "in dem Bericht" refers back to the outlet that reported.
    report_nouns: frozenset[str] = frozenset()
    #: [chains] report_contractions: "im Bericht" (the article inside the preposition).
    report_contractions: frozenset[str] = frozenset()
    #: [chains] report_adverbs: "Lawrow sagte demnach" points to the outlet that reported.
    report_adverbs: frozenset[str] = frozenset()

    def type_noun_kind(self, word: str) -> SourceType | None:
        """The outlet type a type noun stands for, inflected or in a hyphenated compound
        ("Nachrichtenagenturen", "US-Nachrichtenagentur" → agency); None for other words."""
        head = word.rsplit("-", 1)[-1]
        for suffix in self.type_noun_endings:
            if suffix and not head.endswith(suffix):
                continue
            stem = head[: len(head) - len(suffix)] if suffix else head
            if stem in self.type_nouns:
                return self.type_nouns[stem]
        return None


# -- compiling the rules -------------------------------------------------------------------------


def compile_rules(rules: RuleData) -> Compiled:
    data: Mapping[str, Any] = rules.get("outlets", {}) if isinstance(rules, Mapping) else {}
    macros = macro_table(data)
    aliases, domains, names = _gazetteer(data)
    folded: dict[str, Alias] = {}
    for written, alias in aliases.items():
        folded.setdefault(written.casefold(), alias)
    for written, alias in aliases.items():  # unambiguous spellings win a case-folded clash
        if not alias.ambiguous:
            folded[written.casefold()] = alias
    canonical = {name.casefold(): Alias(entry) for name, entry in names.items()}

    type_nouns: dict[str, SourceType] = {}
    for item in _list(data, "type_noun"):
        kind = _source_type(item.get("type"), "type_noun")
        for word in _strings(item.get("words", ()), "type_noun.words"):
            type_nouns[word] = kind
    type_noun_re = alternation(type_nouns) or "(?!)"
    type_names_table = data.get("type_names", {})
    endings = tuple(
        _strings(type_names_table.get("endings", ()), "type_names.endings")
        if isinstance(type_names_table, Mapping)
        else ()
    )
    endings_re = f"(?:{'|'.join(re.escape(e) for e in endings)})?" if endings else ""
    macros.setdefault(
        "type_noun",
        rf"(?<![\w-])(?:[\p{{L}}\d]+-)?(?:{type_noun_re}){endings_re}(?![\w-])",
    )
    expand = expander(macros)
    check_macros(data.get("macros", {}), expand)
    noun_phrase = (
        r"(?:(?:{det}\s+)?(?:{adj}\s+){0,3}(?P<carrier>{carrier})\s+(?:von\s+)?)?"
        r"(?:(?P<det>{det})\s+)?(?:{adj}\s+){0,3}(?:(?P<type>{type_noun})\s+)?"
    )
    np_expanded = expand(noun_phrase, "noun phrase")
    quote = rf"(?:{_OPEN_RE})?"

    # Each rule with its expanded pattern, for the combined regex of its side.
    before: list[tuple[LinkRule, str]] = []
    after: list[tuple[LinkRule, str]] = []
    for index, item in enumerate(_list(data, "link")):
        relation = item.get("relation")
        position = item.get("position", "before")
        pattern = item.get("pattern")
        if not isinstance(relation, str) or not relation or not isinstance(pattern, str):
            raise RulesError(f"outlets.toml: a [[link]] needs a relation and a pattern: {item}")
        if position not in ("before", "after"):
            raise RulesError(f"outlets.toml: link position must be before or after: {item}")
        body = expand(pattern, f"link {relation!r}")
        # "before" rules are matched in reverse, anchored where the noun phrase begins.
        source = rf"(?r)(?P<rule_>{body})\s*" if position == "before" else rf"(?P<rule_>{body})"
        compiled = rules_regex(source, f"link {relation!r}")
        check_backtracking(compiled, f"{_where(rules, 'link', index)}, key 'pattern'")
        types = item.get("types")
        dets = item.get("det")
        rule = LinkRule(
            relation,
            position == "before",
            compiled,
            None if types is None else frozenset(_strings(types, "link.types")),
            None if dets is None else frozenset(_strings(dets, "link.det")),
            bool(item.get("carrier", False)),
            None if item.get("domain") is None else bool(item.get("domain")),
            bool(item.get("licenses", True)),
            bool(item.get("known", False)),
        )
        (before if rule.before else after).append((rule, body))

    classes: dict[str, RelationClass] = {}
    relations = data.get("relations", {})
    if isinstance(relations, Mapping):
        for kind in CLASS_ORDER:
            for relation in _strings(relations.get(kind, ()), f"relations.{kind}"):
                classes[relation] = kind

    organisations = data.get("organizations", {})
    if not isinstance(organisations, Mapping):
        organisations = {}
    heads = tuple(
        sorted(
            {h.lower() for h in _strings(organisations.get("heads", ()), "heads")},
            key=len,
            reverse=True,
        )
    )
    carriers = _strings(organisations.get("carriers", ()), "carriers")
    org_names: dict[str, str] = {}
    for item in _list(data, "organization"):
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise RulesError(f"outlets.toml: an [[organization]] needs a name: {item}")
        for written in [name, *_strings(item.get("aliases", ()), "organization.aliases")]:
            org_names[written] = name
    org_name_re = org_name_pattern(heads, org_names)
    org_carrier = alternation(carriers) or "(?!)"
    org_phrase = expand(
        r"(?:{det}\s+)?(?:{adj}\s+){0,3}"
        rf"(?:(?:{org_carrier})\s+(?:von\s+)?(?:{{det}}\s+)?(?:{{adj}}\s+){{0,3}})?"
        rf"(?P<org>{org_name_re})",
        "organisation phrase",
    )
    coordinator = r"\s*(?:,\s*(?:und|sowie)?|und|sowie|/|&)\s*"
    cite_patterns = [
        expand(item["pattern"], "cited link")
        for item in _list(data, "link")
        if item.get("position", "before") == "before"
        and classes.get(str(item.get("relation")), "relay") == "cited"
    ]
    cite_re = "|".join(f"(?:{p})" for p in cite_patterns) or "(?!)"
    carry, cited_speaker, cited_singular = _chains(data, expand, cite_re)
    chains_table = data.get("chains", {})
    cited_places = frozenset(
        _strings(chains_table.get("cited_prepositions", ()), "chains.cited_prepositions")
    )
    cited_quantities = frozenset(
        _strings(chains_table.get("cited_quantities", ()), "chains.cited_quantities")
    )
    report_nouns = frozenset(_strings(chains_table.get("report_nouns", ()), "chains.report_nouns"))
    report_contractions = frozenset(
        _strings(chains_table.get("report_contractions", ()), "chains.report_contractions")
    )
    chains_table = data.get("chains", {})
    carry_in_paragraph = frozenset(
        _strings(chains_table.get("carry_in_paragraph", ()), "chains.carry_in_paragraph")
    )
    back_reference_articles = frozenset(
        _strings(chains_table.get("back_reference_articles", ()), "chains.back_reference_articles")
    )
    reach = chains_table.get("back_reference_reach", 0)
    if not isinstance(reach, int) or isinstance(reach, bool) or reach < 0:
        raise RulesError("outlets.toml: chains.back_reference_reach must be a whole number")

    ambiguity = data.get("ambiguity", {})
    if not isinstance(ambiguity, Mapping):
        ambiguity = {}
    type_names = data.get("type_names", {})
    if not isinstance(type_names, Mapping):
        raise RulesError("outlets.toml: [type_names] must be a table")
    not_names = frozenset(_strings(type_names.get("stop_words", ()), "type_names.stop_words"))
    not_endings = _strings(type_names.get("stop_endings", ()), "type_names.stop_endings")
    titles = data.get("titles", {})
    if not isinstance(titles, Mapping):
        raise RulesError("outlets.toml: [titles] must be a table")
    title_max_words = titles.get("max_words", 6)
    if not isinstance(title_max_words, int) or isinstance(title_max_words, bool):
        raise RulesError("outlets.toml: titles.max_words must be a whole number")
    return Compiled(
        aliases=aliases,
        folded=folded,
        canonical=canonical,
        ambiguous_folds=frozenset(w.casefold() for w, a in aliases.items() if a.ambiguous),
        domains=domains,
        gazetteer=gazetteer_pattern(aliases),
        licence_words=frozenset(_strings(ambiguity.get("words", ()), "ambiguity.words")),
        licence_tails=frozenset(_strings(ambiguity.get("tails", ()), "ambiguity.tails")),
        type_nouns=type_nouns,
        type_before=rules_regex(expand(r"(?r)(?<![\w-]){type_noun}\s+", "type noun"), "type noun"),
        # After a space or a hyphen ("US-Nachrichtenagentur"): matching the compound's
        # head only spares reading every word twice.
        type_noun_scan=re.compile(
            r"(?P<type>"
            + first_character_trie(type_nouns, r"\w")
            + r"(?:es|en|s|n)?)(?![\w-])[ \t]+(?=\S)"
        )
        if type_nouns
        else re.compile(r"(?!)"),
        type_name=rules_regex(
            r"(?P<name>(?:[Aa]l-|[Ee]l-)?[\p{Lu}\d][\p{L}\d&'’+\-]*+"
            r"(?:[ \t]+(?:[\p{Lu}\d][\p{L}\d&'’+\-]*+|am[ \t]+Sonntag|of(?:[ \t]+the)?)){0,3})",
            "type noun name",
        ),
        not_names=not_names,
        not_name_endings=tuple(ending.lower() for ending in not_endings),
        type_noun_endings=("", *endings),
        not_last_words=frozenset(
            _strings(type_names.get("not_last_words", ()), "type_names.not_last_words")
        ),
        name_articles=frozenset(
            _strings(type_names.get("name_articles", ()), "type_names.name_articles")
        ),
        type_tail=rules_regex(
            rf"{_CLOSE_RE}?-(?:{type_noun_re}){endings_re}(?![\w-])", "type noun tail"
        ),
        title_max_words=title_max_words,
        title_connectors=frozenset(_strings(titles.get("connectors", ()), "titles.connectors")),
        noun_phrase=rules_regex(rf"(?r)(?P<np>{np_expanded}){quote}", "noun phrase"),
        noun_phrase_full=rules_regex(rf"(?P<np>{np_expanded}){quote}", "noun phrase"),
        before=_rule_set(before),
        after=_rule_set(after),
        classes=classes,
        org_after_coordinator=rules_regex(rf"(?P<join>{coordinator}){org_phrase}", "organisation"),
        org_after_citation=rules_regex(rf"(?P<cite>{cite_re})\s+{org_phrase}", "organisation"),
        org_heads=heads,
        org_names=org_names,
        carry=carry,
        carry_in_paragraph=carry_in_paragraph,
        carry_ends=frozenset(_strings(chains_table.get("carry_ends", ()), "chains.carry_ends")),
        back_reference_articles=back_reference_articles,
        back_reference_reach=reach,
        cited_speaker=cited_speaker,
        cited_singular=cited_singular,
        cited_places=cited_places,
        cited_quantities=cited_quantities,
        report_nouns=report_nouns,
        report_contractions=report_contractions,
        report_adverbs=frozenset(
            _strings(chains_table.get("report_adverbs", ()), "chains.report_adverbs")
        ),
        carriers=frozenset(carriers),
        org_genitive_endings=tuple(
            _strings(organisations.get("genitive_endings", ()), "organizations.genitive_endings")
        ),
    )


def _chains(
    data: Mapping[str, Any], expand: Any, cite_re: str
) -> tuple[frozenset[str], Any, frozenset[str]]:
    """The [chains] table: relations that carry, the pattern of a cited speaker, and the
    articles of a cited person.

    The pattern is matched right after an outlet that is a quotation's speaker: linking
    words of a `cited` relation, then a noun phrase that names who, not what (not one of
    ``cited_things``, unless one of ``cited_through`` leads on to who).
    """
    table = data.get("chains", {})
    if not isinstance(table, Mapping):
        raise RulesError("outlets.toml: [chains] must be a table")
    carry = frozenset(_strings(table.get("carry", ()), "chains.carry"))
    things = alternation(_strings(table.get("cited_things", ()), "chains.cited_things"))
    through = alternation(_strings(table.get("cited_through", ()), "chains.cited_through"))
    end = table.get("cited_end", r"(?=\s*(?:[,.;:!?)]|$))")
    if not isinstance(end, str):
        raise RulesError("outlets.toml: chains.cited_end must be a pattern (a string)")
    coordinators = alternation(_strings(table.get("cited_and", ()), "chains.cited_and"))
    genitive = alternation(_strings(table.get("cited_genitive", ()), "chains.cited_genitive"))
    singular = frozenset(
        w.casefold() for w in _strings(table.get("cited_singular", ()), "chains.cited_singular")
    )
    word = r"\p{Lu}[\p{L}\d\-]*+"
    places = alternation(_strings(table.get("cited_prepositions", ()), "chains.cited_prepositions"))
    quantities = alternation(_strings(table.get("cited_quantities", ()), "chains.cited_quantities"))
    quantity = rf"(?:(?:{quantities}|\d+)\s+)?" if quantities else r"(?:\d+\s+)?"
    person = (
        rf"(?:{{det}}\s+)?{quantity}(?:{{adj}}\s+){{0,3}}"
        rf"(?!(?:{things or '(?!)'})(?![\p{{L}}\d\-])){word}"
        rf"(?:\s+{word}){{0,2}}"
        + (rf"(?:\s+(?:{genitive})\s+(?:{{adj}}\s+){{0,2}}{word})?" if genitive else "")
        + (rf"(?:\s+(?:{places})\s+(?:{{det}}\s+)?(?:{{adj}}\s+){{0,2}}{word})?" if places else "")
    )
    more = rf"(?:\s+(?P<and>{coordinators})\s+{person})?" if coordinators else ""
    lead = (
        rf"(?:(?:{{det}}\s+)?(?:{{adj}}\s+){{0,3}}(?:{things})\s+(?:{through})\s+)?"
        if things and through
        else ""
    )
    source = expand(
        r"(?:''|[“”\"«»‘’‹›'])?(?:-[\p{L}\d]+)?{report_gap}\s*(?P<cite>"
        + cite_re
        + r")\s+"
        + lead
        + rf"(?P<who>{person}{more})"
        + end,
        "chains.cited_end",
    )
    return carry, rules_regex(source, "chains (cited speaker)"), singular


def _rule_set(rules_and_bodies: list[tuple[LinkRule, str]]) -> RuleSet:
    if not rules_and_bodies:
        return RuleSet((), None)
    rules = [rule for rule, _ in rules_and_bodies]
    branches = "|".join(f"(?P<r{i}>{body})" for i, (_, body) in enumerate(rules_and_bodies))
    source = rf"(?r)(?:{branches})\s*" if rules[0].before else f"(?:{branches})"
    combined = rules_regex(source, "link rules")
    markers = tuple(combined.groupindex[f"r{i}"] for i in range(len(rules)))
    return RuleSet(tuple(rules), combined, markers)


def _gazetteer(
    data: Mapping[str, Any],
) -> tuple[dict[str, Alias], dict[str, Entry], dict[str, Entry]]:
    """Aliases, domains and canonical names: [names] first, then [[outlet]], then [domains].

    A canonical name is matched in text only when it is also listed as an alias: "Freitag"
    names the weekly in lookups, but in running text it is mostly a day.
    """
    aliases: dict[str, Alias] = {}
    domains: dict[str, Entry] = {}
    by_name: dict[str, Entry] = {}
    names = data.get("names", {})
    organizations = data.get("organizations", {})
    endings = _strings(
        organizations.get("genitive_endings", []) if isinstance(organizations, Mapping) else [],
        "organizations.genitive_endings",
    )
    if isinstance(names, Mapping):
        for kind, listed in names.items():
            source_type = _source_type(kind, "names")
            for name in _strings(listed, f"names.{kind}"):
                entry = Entry(name, source_type)
                by_name[name] = entry
                for written in inflected(name):
                    aliases[written] = Alias(entry)
                    # The genitive: "des „Hamburger Abendblatts“" (an [[outlet]] lists
                    # its forms as aliases; a name here has only itself).
                    for form in _genitives(written, endings):
                        aliases.setdefault(form, Alias(entry))
    for item in _list(data, "outlet"):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RulesError(f"outlets.toml: an [[outlet]] needs a name: {item}")
        entry = Entry(name, _source_type(item.get("type"), f"outlet {name!r}"))
        by_name[name] = entry
        contexts = frozenset(_strings(item.get("contexts", ()), f"outlet {name!r} contexts"))
        strict = bool(item.get("strict", False))
        plain = _strings(item.get("aliases", ()), f"outlet {name!r} aliases")
        ambiguous = _strings(item.get("ambiguous", ()), f"outlet {name!r} ambiguous")
        for written in ambiguous:
            for form in inflected(written):
                aliases[form] = Alias(entry, True, contexts, strict)
        for written in plain:
            for form in inflected(written):
                aliases[form] = Alias(entry, False, contexts)
        for domain in _strings(item.get("domains", ()), f"outlet {name!r} domains"):
            domains[domain.lower().removeprefix("www.")] = entry
    table = data.get("domains", {})
    if isinstance(table, Mapping):
        for domain, name in table.items():
            if not isinstance(name, str):
                raise RulesError(f"outlets.toml: [domains] maps to names, got {name!r}")
            domains[str(domain).lower().removeprefix("www.")] = by_name.get(
                name, Entry(name, "outlet")
            )
    return aliases, domains, by_name


def _genitives(name: str, endings: Sequence[str]) -> list[str]:
    """``name`` with each genitive ending on its last word, where that word is a
    capitalised noun of four or more letters that does not end in a sibilant already."""
    last = name.rsplit(" ", 1)[-1]
    if len(last) < 4 or not last[:1].isupper() or not last[-1:].islower() or last[-1] in "sxzß":
        return []
    return [name + ending for ending in endings]


def _where(rules: RuleData, key: str, index: int) -> str:
    if isinstance(rules, Rules):
        return rules.where("outlets", key, index)
    return f"outlets.toml: [[{key}]] #{index + 1}"


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise RulesError(f"outlets.toml: [[{key}]] must be an array of tables")
    return value


def _strings(value: Any, what: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise RulesError(f"outlets.toml: {what} must be a list of strings")
    if not all(isinstance(v, str) for v in value):
        raise RulesError(f"outlets.toml: {what} must be a list of strings")
    return [v for v in value if v]


def _source_type(value: Any, what: str) -> SourceType:
    if value not in SOURCE_TYPES:
        raise RulesError(
            f"outlets.toml: {what} has type {value!r}; choose one of {', '.join(SOURCE_TYPES)}"
        )
    return cast(SourceType, value)
