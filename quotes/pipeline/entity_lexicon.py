"""The compiled word lists of speaker mentions and entities (``rules/de/speakers.toml``,
``names.toml``, ``persons.toml``, ``genders.toml``).

One :class:`Lexicon` is built per extractor from the rules; the speakers stage reads its
closed-class words, the entity resolver its names, roles and genders. Nothing here holds
state about a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs
import regex

from quotes.memo import BoundedMemo
from quotes.rules import RuleData

__all__ = ["Gender", "Lexicon", "adjective_endings"]

Gender = str  # "m", "f", "n", "pl" or "" when unknown
# Words whose role lookup is kept. Small enough to be full within the first few thousand
# documents of a stream of new names (65,536 took ~30k documents: peak RSS over 100k
# generated documents grew 45 -> 50 MB on the rules path; benchmarks/memory.py).
_ROLE_CACHE_SIZE = 8_192


@attrs.frozen
class Lexicon:
    """The compiled closed-class and noun lists the speaker and entity stages share."""

    given_names: Mapping[str, Gender]
    pronouns: Mapping[str, Gender]
    determiners_nominative: frozenset[str]
    determiners_oblique: frozenset[str]
    skip_after_verb: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    not_speakers: frozenset[str]
    role_suffixes: Mapping[str, tuple[str, Gender]]  # suffix → (canonical role, gender)
    role_suffix_lengths: tuple[int, ...]  # distinct suffix lengths, longest first
    organization_names: frozenset[str]
    organization_aliases: Mapping[str, str]
    group_words: frozenset[str]
    full_name_pattern: regex.Pattern[str]
    known_persons: Mapping[str, tuple[str, Gender]]  # alias or name → (full name, gender)
    known_person_pattern: regex.Pattern[str]
    organization_suffix_set: frozenset[str]
    organization_suffix_lengths: tuple[int, ...]
    finite_verbs: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    # -- entity resolution (persons.toml, names.toml, genders.toml) --
    name_particles: tuple[str, ...] = ()  # "von der", "zu", … longest first
    role_groups: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    affiliation_roles: frozenset[str] = frozenset()
    role_tails: tuple[str, ...] = ()  # "a. D.": may stand between a role and its name
    # Roles that refer to the nearest person of their gender ("jähriger": "der 34-Jährige").
    nearest_person_roles: frozenset[str] = frozenset()
    # Roles of a party's members and their party ("republikaner" → "Republikaner").
    party_members: Mapping[str, str] = attrs.field(factory=dict)
    organization_classes: tuple[str, ...] = ()  # "gewerkschaft", "partei", … (suffixes)
    organization_complements: frozenset[str] = frozenset()  # "für"
    # Words that make a name of two words or more an organisation's ("AG", "International").
    organization_name_words: frozenset[str] = frozenset()
    # Nouns that make a name an organisation's after a capitalised adjective ("Rotes Kreuz").
    organization_adjective_heads: frozenset[str] = frozenset()
    noun_genders: Mapping[str, Gender] = attrs.field(factory=dict)  # lower-case lemma → gender
    noun_gender_lengths: tuple[int, ...] = ()
    verb_forms: frozenset[str] = frozenset()  # lower-case finite forms (moods.toml)
    # Plural endings of nouns and the umlauts a plural adds (speakers.toml [surface]).
    plural_noun_endings: tuple[str, ...] = ()
    umlauts: Mapping[str, str] = attrs.field(factory=dict)
    known_parties: Mapping[str, frozenset[str]] = attrs.field(factory=dict)  # full name → parties
    organization_class_pattern: regex.Pattern[str] | None = None
    #: "FC Bayern", "VfB Stuttgart": an opener of ``organization_openers`` and the name.
    organization_opener_pattern: regex.Pattern[str] | None = None
    capital_governments: Mapping[str, str] = attrs.field(factory=dict)
    place_names: frozenset[str] = frozenset()  # "China": a country speaks for its government
    #: "in Mombasa", "aus Mombasa": a place preposition (``place_prepositions``) and the
    #: capitalised name after it (group ``name``).
    place_pattern: regex.Pattern[str] | None = None
    #: Endings of common nouns ("ung"): a word ending so names no organisation.
    common_noun_endings: tuple[str, ...] = ()
    statement_nouns: frozenset[str] = frozenset()  # "Angaben der Polizei" → Polizei
    study_nouns: frozenset[str] = frozenset()  # "Umfrage von Infratest dimap" → Infratest dimap
    genitive_links: frozenset[str] = frozenset()  # "des", "von" after such a noun
    possessive_authors: Mapping[str, str] = attrs.field(factory=dict)  # "ihr" → "sie"
    group_joints: frozenset[str] = frozenset()  # "und": two speakers, one group
    # "Frau", "Herrn" before a surname → (the form a name keeps, its gender).
    honorifics: Mapping[str, tuple[str, Gender]] = attrs.field(factory=dict)
    titles: frozenset[str] = frozenset()  # "Dr.", "Prof.": before a name, not part of it
    group_heads: frozenset[str] = frozenset()  # "Quellen": a description keeps its adjectives
    definite_articles: frozenset[str] = frozenset()  # der, die, das, den, dem, des
    role_articles: frozenset[str] = frozenset()  # the definite articles of a role mention
    oblique_case_articles: frozenset[str] = frozenset()  # "dem", "eines": an oblique slot
    name_links: frozenset[str] = frozenset()  # "für", "von": prepositions inside a name
    attribute_links: frozenset[str] = frozenset()  # "von", "mit": a name after is an attribute
    # The gender a singular article gives a role noun of two genders ("die Vorsitzende").
    article_genders: Mapping[str, Gender] = attrs.field(factory=dict)
    # Nominative indefinite articles: an anonymous person's description keeps its adjectives.
    indefinite_articles: frozenset[str] = frozenset()
    # Inflection endings of adjectives ("e", "en", …; speakers.toml [surface]), and the
    # same longest first, for stripping one.
    adjective_endings: tuple[str, ...] = ()
    adjective_endings_longest_first: tuple[str, ...] = ()
    # Articles that are only genitive ("des", "eines"): the noun after one takes -s/-es.
    genitive_articles: frozenset[str] = frozenset()
    # Articles that open a genitive attribute after a role or organisation ("der", "einer").
    role_genitive_articles: frozenset[str] = frozenset()
    # The nominative ending of an adjective without article, by gender ("m" → "er").
    strong_adjective_endings: Mapping[Gender, str] = attrs.field(factory=dict)
    # Endings that make a capitalised sentence-initial word an adjective ("Russische …").
    initial_adjective_endings: tuple[str, ...] = ()
    # Words that start with the first letter of a given name: where the entity scan tries
    # ``full_name_pattern`` (a cheap pass first; see entity_scan.full_names).
    given_name_initials: re.Pattern[str] | None = None
    #: Whole nouns of origin that name a person like a role ("der Lette" after "Der Lette
    #: Kristaps Porzingis"): lower-case form → (canonical masculine, gender).
    demonyms: Mapping[str, tuple[str, Gender]] = attrs.field(factory=dict)
    # role_of's answers per word (a memo only, bounded, never part of the lexicon).
    _role_cache: BoundedMemo[str, tuple[str, Gender] | None] = attrs.field(
        init=False, factory=lambda: BoundedMemo(_ROLE_CACHE_SIZE), eq=False, repr=False
    )
    # is_organization_word's answers per word (a memo only, bounded like _role_cache).
    _organization_word_cache: BoundedMemo[str, bool] = attrs.field(
        init=False, factory=lambda: BoundedMemo(_ROLE_CACHE_SIZE), eq=False, repr=False
    )

    @classmethod
    def from_rules(cls, rules: RuleData) -> Lexicon:
        names = rules.get("names", {})
        data = rules.get("speakers", {})
        persons = rules.get("persons", {})
        given: dict[str, Gender] = {}
        for gender, key in (("m", "male"), ("f", "female")):
            for name in names.get(key, []):
                given[name] = "" if given.get(name, gender) != gender else gender
        roles: dict[str, tuple[str, Gender]] = {}

        def add_role(suffix: str, role: str, gender: Gender) -> None:
            # One form of two genders ("Vorsitzende": der Vorsitzende, die Vorsitzende)
            # has no gender of its own; its article gives one (role_gender).
            old = roles.get(suffix)
            roles[suffix] = (role, gender if old is None or old[1] == gender else "")

        irregular = {
            k.lower(): v.lower() for k, v in data.get("role_feminine_irregular", {}).items()
        }
        for masc in data.get("role_suffixes_masculine", []):
            masc = masc.lower()
            fem = irregular.get(masc, masc + "in")
            role = masc
            add_role(fem, role, "f")
            add_role(masc, role, "m")
            if masc.endswith("er") and masc in irregular:  # "Beamter" → "Beamte", "Beamten"
                add_role(masc[:-1], role, "m")
                add_role(masc[:-1] + "n", role, "m")
        demonyms: dict[str, tuple[str, Gender]] = {}
        for masc, fem in data.get("demonyms", {}).items():
            masc, fem = masc.lower(), fem.lower()
            demonyms[fem] = (masc, "f")
            demonyms[masc] = (masc, "m")
            if masc.endswith("e"):  # "des Letten", "dem Franzosen" (and their plural)
                demonyms[masc + "n"] = (masc, "m")
        name_particles = tuple(
            sorted({str(p) for p in names.get("particles", [])}, key=len, reverse=True)
        )
        pattern = _full_name_regex(given, name_particles)
        org_suffixes = [x.lower() for x in data.get("organization_suffixes", [])]
        known: dict[str, tuple[str, Gender]] = {}
        parties: dict[str, frozenset[str]] = {}
        for person in persons.get("person", []):
            entry = (str(person["name"]), str(person.get("gender", "")))
            known[entry[0]] = entry
            if person.get("parties"):
                parties[entry[0]] = frozenset(str(p) for p in person["parties"])
            for alias in person.get("aliases", []):
                known[str(alias)] = entry
        groups: dict[str, set[str]] = {}
        for group in persons.get("role_groups", []):
            members = {str(r).lower() for r in group}
            for role in members:
                groups.setdefault(role, set()).update(members)
        endings = adjective_endings(rules)
        genders = rules.get("genders", {})
        noun_genders: dict[str, Gender] = {}
        for gender in ("m", "f", "n"):
            for word in genders.get(gender, "").split():
                noun_genders.setdefault(word.lower(), gender)
        return cls(
            given_names=given,
            pronouns={k: v for k, v in data.get("pronouns", {}).items()},
            determiners_nominative=frozenset(data.get("determiners_nominative", [])),
            determiners_oblique=frozenset(data.get("determiners_oblique", [])),
            skip_after_verb=frozenset(data.get("skip_after_verb", [])),
            prepositions=frozenset(data.get("prepositions", [])),
            particles=frozenset(data.get("particles", [])),
            not_speakers=frozenset(data.get("not_speakers", [])),
            role_suffixes=roles,
            role_suffix_lengths=tuple(sorted({len(r) for r in roles}, reverse=True)),
            demonyms=demonyms,
            article_genders={str(k): str(v) for k, v in data.get("article_genders", {}).items()},
            indefinite_articles=frozenset(str(w) for w in data.get("indefinite_articles", [])),
            organization_names=frozenset(data.get("organization_names", [])),
            organization_aliases=dict(data.get("organization_aliases", {})),
            group_words=frozenset(data.get("group_words", [])),
            full_name_pattern=pattern,
            known_persons=known,
            known_person_pattern=_names_regex(
                a for a in known if " " not in a or a.split()[0] in name_particles
            ),
            organization_suffix_set=frozenset(org_suffixes),
            organization_suffix_lengths=tuple(sorted({len(x) for x in org_suffixes}, reverse=True)),
            finite_verbs=frozenset(data.get("finite_verbs", [])),
            subordinators=frozenset(data.get("subordinators", [])),
            relative_pronouns=frozenset(data.get("relative_pronouns", [])),
            source_nouns=frozenset(data.get("source_nouns", [])),
            back_references=frozenset(data.get("back_references", [])),
            name_particles=name_particles,
            role_groups={role: frozenset(members) for role, members in groups.items()},
            role_tails=tuple(str(t) for t in persons.get("role_tails", [])),
            party_members={
                str(k).lower(): str(v) for k, v in persons.get("party_members", {}).items()
            },
            nearest_person_roles=frozenset(
                str(r).lower() for r in persons.get("nearest_person_roles", [])
            ),
            affiliation_roles=frozenset(
                str(r).lower() for r in persons.get("affiliation_roles", [])
            ),
            organization_classes=tuple(
                sorted((str(c).lower() for c in data.get("organization_classes", [])), key=len)
            ),
            organization_complements=frozenset(data.get("organization_complements", [])),
            organization_name_words=frozenset(
                str(w) for w in data.get("organization_name_words", [])
            ),
            organization_adjective_heads=frozenset(
                str(w) for w in data.get("organization_adjective_heads", [])
            ),
            noun_genders=noun_genders,
            noun_gender_lengths=tuple(sorted({len(w) for w in noun_genders}, reverse=True)),
            verb_forms=frozenset(
                w.lower() for w in rules.get("moods", {}).get("indicative", "").split()
            ),
            plural_noun_endings=tuple(
                str(w) for w in data.get("surface", {}).get("plural_noun_endings", ())
            ),
            umlauts={str(k): str(v) for k, v in data.get("surface", {}).get("umlauts", {}).items()},
            known_parties=parties,
            organization_class_pattern=_class_regex(data.get("organization_classes", [])),
            organization_opener_pattern=_opener_regex(data.get("organization_openers", [])),
            capital_governments=dict(data.get("capital_governments", {})),
            place_names=frozenset(str(w) for w in data.get("place_names", [])),
            place_pattern=_place_regex(data.get("place_prepositions", [])),
            common_noun_endings=tuple(str(w) for w in data.get("common_noun_endings", [])),
            statement_nouns=frozenset(persons.get("statement_nouns", [])),
            study_nouns=frozenset(persons.get("study_nouns", [])),
            genitive_links=frozenset(str(w).lower() for w in persons.get("author_links", [])),
            possessive_authors={
                str(k).lower(): str(v) for k, v in persons.get("possessive_authors", {}).items()
            },
            group_joints=frozenset(str(w) for w in persons.get("group_joints", [])),
            honorifics={
                str(form): (str(name), str(persons.get("honorific_genders", {}).get(name, "")))
                for form, name in persons.get("honorifics", {}).items()
            },
            titles=frozenset(str(w) for w in persons.get("titles", [])),
            group_heads=frozenset(str(w) for w in data.get("group_heads", [])),
            definite_articles=frozenset(data.get("definite_articles", [])),
            role_articles=frozenset(data.get("role_articles", [])),
            oblique_case_articles=frozenset(data.get("oblique_case_articles", [])),
            name_links=frozenset(data.get("name_links", [])),
            attribute_links=frozenset(data.get("attribute_links", [])),
            adjective_endings=endings,
            adjective_endings_longest_first=tuple(sorted(endings, key=len, reverse=True)),
            genitive_articles=frozenset(str(w) for w in data.get("genitive_articles", [])),
            role_genitive_articles=frozenset(
                str(w) for w in data.get("role_genitive_articles", [])
            ),
            strong_adjective_endings={
                str(k): str(v) for k, v in data.get("strong_adjective_endings", {}).items()
            },
            initial_adjective_endings=tuple(
                str(w) for w in data.get("initial_adjective_endings", [])
            ),
            given_name_initials=_initials_regex(given),
        )

    def role_of(self, word: str) -> tuple[str, Gender] | None:
        """The canonical role and gender of a role noun ("Außenministerin" → minister, f)."""
        cache = self._role_cache
        if word in cache:
            return cache[word]
        low = word.lower()
        length = len(low)
        found = self.demonyms.get(low)  # a whole word: "Lette", never "Palette"
        suffixes = self.role_suffixes
        for size in self.role_suffix_lengths if found is None else ():  # longest first
            if size <= length and (found := suffixes.get(low[-size:])) is not None:
                # "Autobauer" ends in the role "bauer" but in the longer organisation class
                # "autobauer": the company, no farmer.
                if any(len(c) > size and low.endswith(c) for c in self.organization_classes):
                    found = None
                break
        return cache.keep(word, found)

    def is_demonym(self, role: str) -> bool:
        """Whether the canonical ``role`` is a noun of origin ("lette"): it names a person
        only where the text gave that person this origin."""
        found = self.demonyms.get(role)
        return found is not None and found[0] == role

    def role_gender(self, word: str, article: str) -> tuple[str, Gender] | None:
        """:meth:`role_of`, with the gender of a role noun of two genders taken from its
        singular article ("die Vorsitzende" f, "der Vorsitzende" m; "der Vorsitzenden"
        stays open: dative, genitive or plural)."""
        found = self.role_of(word)
        if found is None or found[1] or not word.endswith("e"):
            return found
        return found[0], self.article_genders.get(article.lower(), "")

    def roles_compatible(self, wanted: str, held: Iterable[str]) -> bool:
        """Whether a person who held ``held`` can be called by the role ``wanted``:
        the same role, or one of its group in ``persons.toml`` ("kanzler", "regierungschef")."""
        group = self.role_groups.get(wanted, frozenset({wanted}))
        return any(role == wanted or role in group for role in held)

    def is_organization_word(self, word: str) -> bool:
        cache = self._organization_word_cache
        found = cache.get(word)
        if found is None:
            found = cache.keep(word, self._is_organization_word(word))
        return found

    def _is_organization_word(self, word: str) -> bool:
        if word in self.organization_names or word in self.organization_aliases:
            return True
        low = word.lower()
        # Genitive forms too: "Außenministeriums", "Hauses".
        stems = (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "")
        suffixes = self.organization_suffix_set
        return any(
            stem[-size:] in suffixes
            for stem in stems
            if stem
            for size in self.organization_suffix_lengths
            if size <= len(stem)
        )

    def organization_kind(self, word: str) -> str:
        """The organisation ending a word names its kind by ("Innenministerium" →
        "ministerium"), longest first; "" for a name that says no kind ("Diakonie")."""
        low = word.lower()
        for size in sorted(self.organization_suffix_lengths, reverse=True):
            if size <= len(low) and low[-size:] in self.organization_suffix_set:
                return low[-size:]
        return ""

    def is_organization_class(self, word: str) -> bool:
        """A noun that names the kind of an organisation before its name: "Gewerkschaft"
        (GEW), "Menschenrechtsorganisation" (Amnesty International)."""
        low = word.lower()
        # Genitive forms too: "des Meinungsforschungsinstituts Forsa".
        stems = (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "")
        return any(stem.endswith(c) for stem in stems if stem for c in self.organization_classes)

    def is_common_word(self, word: str) -> bool:
        """Whether the dictionaries know ``word`` as a common noun, itself or as a compound
        whose last listed part has four letters or more ("Rückendeckung"), or as a verb
        form a noun can be made of ("Versagen"). A name part is neither ("Jansen",
        "Obrador"; a last part of three letters, "-sen", is no witness)."""
        low = word.lower()
        if low in self.noun_genders or low in self.verb_forms:
            return True
        return any(
            size >= 4 and low[-size:] in self.noun_genders
            for size in self.noun_gender_lengths
            if size < len(low)
        )

    def is_name_adjective(self, word: str) -> bool:
        """A capitalised adjective of a name after its article ("Deutsche", "Rote", "Grünen"
        of "die Deutsche Bahn", "das Deutsche Rote Kreuz", "der Grünen Jugend"): the weak
        ending an adjective takes after an article ("-e", "-en"; not "-er": "Handelskammer")
        on a word that is no noun of ``genders.toml`` itself (only a whole word counts:
        "Weiße" only ends like a noun), no given name and no role."""
        return (
            len(word) > 3
            and word[:1].isupper()
            and word.isalpha()
            and word.endswith(self.initial_adjective_endings)
            and word.lower() not in self.noun_genders
            and word not in self.given_names
            and not self.role_of(word)
        )

    def is_plural_noun(self, word: str) -> bool:
        """A capitalised noun in the plural: no listed word itself, but one without a
        plural ending, its umlaut undone ("Vorwürfe" → "Vorwurf", "Forderungen" →
        "Forderung")."""
        low = word.lower()
        if not word[:1].isupper() or low in self.noun_genders:
            return False
        for ending in self.plural_noun_endings:
            if not low.endswith(ending) or len(low) < len(ending) + 3:
                continue
            stem = low[: -len(ending)]
            plain = "".join(self.umlauts.get(c, c) for c in stem)
            if self.is_common_word(stem) or self.is_common_word(plain):
                return True
        return False

    def names_a_speaker(self, word: str) -> bool:
        """A head word that may name who speaks: a role, an organisation, a group, a
        statement or its source, a name (a capitalised word no dictionary knows)."""
        return bool(word) and bool(
            self.role_of(word)
            or self.is_organization_word(word)
            or word in self.group_words
            or word in self.given_names
            or word in self.known_persons
            or word in self.statement_nouns
            or word in self.source_nouns
            or not self.is_common_word(word)
        )

    def noun_gender(self, word: str) -> Gender:
        """The grammatical gender of a noun, compounds by their last part ("Innenministerium"
        → n), from ``genders.toml``; "" when unknown."""
        low = word.lower()
        for stem in (
            low,
            low[:-1] if low.endswith("s") else "",
            low[:-2] if low.endswith("es") else "",
        ):
            if not stem:
                continue
            for size in self.noun_gender_lengths:
                if size <= len(stem) and (found := self.noun_genders.get(stem[-size:])):
                    return found
        return ""


def adjective_endings(rules: RuleData) -> tuple[str, ...]:
    """The inflection endings of attributive adjectives (``speakers.toml`` ``[surface]``
    ``adjective_endings``): the one reader of that list, for the entity lexicon, the
    surface speaker search and the parse-based noun-phrase reading."""
    surface = rules.get("speakers", {}).get("surface", {})
    return tuple(str(e) for e in surface.get("adjective_endings", ()))


def _full_name_regex(given: Mapping[str, Gender], particles: Iterable[str]) -> regex.Pattern[str]:
    # A given name (or two joined by a hyphen: "Karl-Theodor") followed by one to three
    # capitalised name parts, each after an optional particle from names.toml ("von der",
    # "zu", "al-"): "Recep Tayyip Erdoğan", "Ursula von der Leyen", "Karl-Theodor zu
    # Guttenberg". The names are a named list (\L<given>), matched as a set lookup.
    part = r"(?:\p{Lu}[\p{L}\p{M}'’-]*\p{L}|\p{Lu}\.)"
    spaced = sorted({regex.escape(p) for p in particles if not p.endswith("-")}, key=len)
    joined = sorted({regex.escape(p) for p in particles if p.endswith("-")}, key=len)
    options = [rf"(?:{'|'.join(reversed(spaced))})\s+"] if spaced else []
    options += [rf"(?:{'|'.join(reversed(joined))})"] if joined else []
    particle = rf"(?:{'|'.join(options)})?" if options else ""
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}-])\L<given>(?:-\p{{Lu}}\p{{Ll}}+)?(?:\s+{particle}{part}){{1,3}}+"
        rf"(?![\p{{L}}\p{{M}}])",
        regex.V1,
        given=sorted(given),
    )


def _initials_regex(given: Iterable[str]) -> re.Pattern[str]:
    """A word that starts with a letter some given name starts with, followed by another
    word; not after a letter, digit or hyphen (the candidates of entity_scan.full_names)."""
    initials = sorted({name[0] for name in given if _LETTER.fullmatch(name[:1])})
    letters = "".join(re.escape(c) for c in initials) or "^\\s\\S"  # no initials: no match
    # The letter comes first, the look behind it after: the engine scans for the letter.
    return re.compile(rf"[{letters}](?<![\w-].)[\w'’-]*(?=\s+\S)")


_LETTER = re.compile(r"[^\W\d_]")


def _class_regex(classes: Iterable[str]) -> regex.Pattern[str] | None:
    """A class noun (or a compound ending in one) and the name after it: "Die Gewerkschaft
    GEW", "der Autokonzern Volkswagen", "Die Menschenrechtsorganisation Amnesty
    International"."""
    suffixes = sorted({regex.escape(str(c).lower()) for c in classes}, key=len, reverse=True)
    if not suffixes:
        return None
    # The name follows in the same paragraph: a headline ending in a class noun is no
    # class of the dateline's place ("Chipkrise trifft Zulieferer\n\nFrankfurt (AFP) –").
    space = r"(?:[ \t]+\n?|\n)[ \t]*"
    return regex.compile(
        rf"(?<![\p{{L}}-])(?P<cls>(?=\p{{Lu}})[\p{{L}}-]*?(?i:{'|'.join(suffixes)}))(?!\p{{L}})"
        rf"{space}(?P<name>\p{{Lu}}[\p{{L}}\p{{N}}&.-]*(?:{space}\p{{Lu}}[\p{{L}}\p{{N}}&.-]*){{0,2}})",
        regex.V1,
    )


def _place_regex(prepositions: Iterable[str]) -> regex.Pattern[str] | None:
    """A place preposition (any case: "In Mombasa") and the capitalised name after it."""
    words = sorted({regex.escape(str(w).lower()) for w in prepositions}, key=len, reverse=True)
    if not words:
        return None
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}-])(?i:{'|'.join(words)})\s+"
        r"(?P<name>\p{Lu}[\p{L}\p{M}-]*\p{L})(?![\p{L}\p{M}-])",
        regex.V1,
    )


def _opener_regex(openers: Iterable[str]) -> regex.Pattern[str] | None:
    """An opener ("FC", "1. FC") and the one or two capitalised words of the name after
    it."""
    words = sorted({str(w) for w in openers}, key=len, reverse=True)
    if not words:
        return None
    return regex.compile(
        r"(?<![\p{L}\p{N}.-])(?P<name>(?:\p{N}+\.\s+)?\L<openers>"
        r"(?P<rest>(?:[ \t]+\p{Lu}[\p{L}\p{N}-]*){1,2}))(?![\p{L}\p{N}-])",
        regex.V1,
        openers=words,
    )


def _names_regex(names: Iterable[str]) -> regex.Pattern[str]:
    """Whole-word occurrences of any of ``names`` (not inside "Trump-Regierung")."""
    return regex.compile(
        r"(?<![\p{L}\p{M}-])\L<names>(?![\p{L}\p{M}-])", regex.V1, names=sorted(names)
    )
