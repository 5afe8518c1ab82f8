"""One test group per resolution rule of quotes.pipeline.entities, on hand-written German
sentences. Mentions are built by hand (as the attribution stage would), so these tests
do not depend on how mentions are found."""

from __future__ import annotations

import re

import attrs
import pytest

from quotes.document import Document, SentenceSplitter
from quotes.pipeline.antecedents import opens_with_speaker, subject_before
from quotes.pipeline.entities import Entity, Mention, MentionResolver, Resolution
from quotes.pipeline.entity_lexicon import Lexicon
from quotes.pipeline.outlets import OutletFinder
from quotes.pipeline.speakers import carries_across
from quotes.rules import load_rules

RULES = load_rules("de")
RESOLVER = MentionResolver.from_rules(RULES, OutletFinder.from_rules(RULES))
SPLITTER = SentenceSplitter(
    RULES["document"].get("abbreviations", ()), RULES["document"].get("no_split_after_ordinal", ())
)
DETERMINERS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "beide"}


def mention(text: str, phrase: str, nth: int = 0, **parts: object) -> Mention:
    """The mention of the ``nth`` occurrence of ``phrase``; parts not given are read off
    the phrase: a first-word determiner, then capitalised words up to a genitive article
    or comma as the head, the capitalised words after a comma as the apposition."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    start = found[nth]
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in RULES["speakers"]["pronouns"]:
        return Mention(start, start + len(phrase), phrase, pronoun=phrase, **parts)  # type: ignore[arg-type]
    determiner = words[0].lower() if words[0].lower() in DETERMINERS else ""
    rest = words[1:] if determiner else words
    head: list[str] = []
    adjectives: list[str] = []
    genitive: list[str] = []
    apposition: list[str] = []
    part = "head"
    for word in rest:
        bare = word.strip(",()")
        if part == "head" and head and word in {"des", "der"}:
            part = "genitive"
        if part == "genitive" and word.endswith(","):
            genitive.append(bare)
            part = "apposition"
            continue
        if part == "head" and word.endswith(",") and head:
            head.append(bare)
            part = "apposition"
            continue
        if part == "genitive":
            genitive.append(bare)
        elif part == "apposition":
            if bare[:1].isupper():
                apposition.append(bare)
        elif bare[:1].islower() and not head:
            adjectives.append(bare)
        elif bare[:1].isupper():
            head.append(bare)
    fields: dict[str, object] = {
        "head": tuple(head),
        "determiner": determiner,
        "adjectives": tuple(adjectives),
        "genitive": tuple(genitive),
        "apposition": tuple(apposition),
    }
    fields.update(parts)
    return Mention(start, start + len(phrase), phrase, **fields)  # type: ignore[arg-type]


def resolve(text: str, *mentions: Mention) -> tuple[Entity, ...]:
    return RESOLVER.resolve(Document.build(text, SPLITTER), mentions)


def names(text: str, *mentions: Mention) -> list[str]:
    return [e.name for e in resolve(text, *mentions)]


# -- the interface: a pure step ------------------------------------------------------------
def test_resolution_is_pure_and_in_text_order() -> None:
    text = "Präsident Wladimir Putin traf Donald Trump. „Gut“, sagte er. „Ja“, sagte der Präsident."
    er = mention(text, "er")
    president = mention(text, "der Präsident")
    doc = Document.build(text, SPLITTER)
    # Given out of order, resolved in text order, returned aligned with the input.
    first = RESOLVER.resolve(doc, (president, er))
    second = RESOLVER.resolve(doc, (president, er))
    assert [e.name for e in first] == ["Wladimir Putin", "Wladimir Putin"]
    assert first == second  # nothing carried over between calls
    assert RESOLVER.resolve(doc, ()) == ()


def test_equal_mentions_get_the_same_entity() -> None:
    text = "„Wir sind bereit“, sagte Kremlsprecher Dmitri Peskow, „und wir warten.“"
    m = mention(text, "Kremlsprecher Dmitri Peskow")
    assert names(text, m, m) == ["Dmitri Peskow", "Dmitri Peskow"]


def test_bad_input_types() -> None:
    with pytest.raises(TypeError, match="Document"):
        RESOLVER.resolve("text", ())  # type: ignore[arg-type]
    doc = Document.build("Text.", SPLITTER)
    with pytest.raises(TypeError, match="Mention"):
        RESOLVER.resolve(doc, ("er",))  # type: ignore[list-item]


def test_stages_resolve_in_turn_through_the_resolution() -> None:
    text = "Bundeskanzlerin Angela Merkel reiste ab. „Nein“, sagte die Kanzlerin. Sie sei müde."
    doc = Document.build(text, SPLITTER)
    start = RESOLVER.start(doc)
    assert start.count == 0 and start.mentions == ()
    (kanzlerin,), after_direct = RESOLVER.extend(start, (mention(text, "die Kanzlerin"),))
    assert kanzlerin.name == "Angela Merkel"
    # A later stage sees what the earlier one resolved: "Sie" refers to the speaker.
    (sie,), after_indirect = RESOLVER.extend(after_direct, (mention(text, "Sie"),))
    assert sie.name == "Angela Merkel"
    assert after_indirect.count == 2
    assert [m.text for m in after_indirect.mentions] == ["die Kanzlerin", "Sie"]
    assert RESOLVER.extend(after_indirect, ()) == ((), after_indirect)


def test_a_resolution_is_a_value() -> None:
    # Extending an older resolution again replays it: the same entities, and the newer
    # resolution is unchanged.
    text = "Präsident Wladimir Putin traf Donald Trump. „Gut“, sagte er. „Ja“, sagte der Präsident."
    doc = Document.build(text, SPLITTER)
    er, president = mention(text, "er"), mention(text, "der Präsident")
    (first,), middle = RESOLVER.extend(RESOLVER.start(doc), (er,))
    (second,), newer = RESOLVER.extend(middle, (president,))
    (again,), other = RESOLVER.extend(middle, (president,))
    assert (first.name, second.name, again.name) == ("Wladimir Putin",) * 3
    assert newer.count == other.count == 2 and newer is not other
    (third,), _ = RESOLVER.extend(newer, (mention(text, "er"),))
    assert third.name == "Wladimir Putin"


def test_extend_checks_its_arguments() -> None:
    doc = Document.build("Text.", SPLITTER)
    with pytest.raises(TypeError, match="Resolution"):
        RESOLVER.extend(doc, ())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Mention"):
        RESOLVER.extend(RESOLVER.start(doc), ("er",))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Document"):
        RESOLVER.start("Text.")  # type: ignore[arg-type]
    assert isinstance(RESOLVER.start(doc), Resolution)


# -- apposition names -----------------------------------------------------------------------
def test_apposition_name_after_role() -> None:
    text = (
        "Der Vorsitzende der Ministerpräsidentenkonferenz, Boris Rhein (CDU), sagte: "
        "„Wir brauchen eine Einigung.“"
    )
    m = mention(text, "Der Vorsitzende der Ministerpräsidentenkonferenz, Boris Rhein (CDU)")
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Boris Rhein", "person")
    assert "vorsitzender" in entity.roles and "CDU" in entity.affiliations


def test_apposition_role_after_name_and_later_role_mention() -> None:
    text = (
        "Maria Sacharowa, die Sprecherin des Außenministeriums, äußerte sich am Abend. "
        "„Das ist eine Provokation“, sagte die Sprecherin."
    )
    assert names(text, mention(text, "die Sprecherin", 1)) == ["Maria Sacharowa"]


def test_name_in_a_von_attribute_is_not_the_speaker() -> None:
    text = "„Kein Kommentar“, sagte ein Sprecher von Angela Merkel."
    m = mention(text, "ein Sprecher von Angela Merkel", head=("Sprecher",))
    assert names(text, m) != ["Angela Merkel"]


def test_genitive_surname_is_not_the_speaker() -> None:
    text = "Olaf Scholz reiste nach Paris. „Wir warten ab“, sagte Scholz' Sprecher."
    m = mention(text, "Scholz' Sprecher", head=("Scholz'", "Sprecher"))
    assert names(text, m) != ["Olaf Scholz"]


def test_two_names_joined_by_und_are_a_group() -> None:
    text = (
        "US-Außenminister Marco Rubio und sein russischer Amtskollege Sergej Lawrow "
        "einigten sich darauf, die Gespräche fortzusetzen."
    )
    m = mention(text, "US-Außenminister Marco Rubio und sein russischer Amtskollege Sergej Lawrow")
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Marco Rubio und Sergej Lawrow", "group")


def test_the_words_that_join_two_names_are_rules_data() -> None:
    # "sowie" joins two names as "und" does, because persons.toml lists both as
    # group_joints; without it the mention is the first person's.
    text = "Marco Rubio sowie Sergej Lawrow einigten sich darauf, die Gespräche fortzusetzen."
    m = mention(text, "Marco Rubio sowie Sergej Lawrow")
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Marco Rubio und Sergej Lawrow", "group")
    lexicon = attrs.evolve(RESOLVER.lexicon, group_joints=frozenset({"und"}))
    resolver = MentionResolver(lexicon, RESOLVER.outlets)
    (entity,) = resolver.resolve(Document.build(text, SPLITTER), [m])
    assert entity.name == "Marco Rubio"


# -- roles ----------------------------------------------------------------------------------
def test_role_refers_to_the_person_named_with_it() -> None:
    text = (
        "Bundeskanzlerin Angela Merkel besuchte Paris. „Europa hält zusammen“, sagte die Kanzlerin."
    )
    assert names(text, mention(text, "die Kanzlerin")) == ["Angela Merkel"]


def test_role_with_party_compound_refers_to_the_party_member() -> None:
    text = (
        "Ministerpräsident Markus Söder (CSU) kritisierte die Pläne. Auch Olaf Scholz "
        "äußerte sich. „Das ist ein Angriff auf Bayern“, sagte der bayerische CSU-Chef."
    )
    m = mention(text, "der bayerische CSU-Chef")
    assert names(text, m) == ["Markus Söder"]


def test_party_compound_needs_the_party() -> None:
    text = "Ministerpräsident Markus Söder (CSU) sprach. „Nein“, sagte die SPD-Chefin."
    (entity,) = resolve(text, mention(text, "die SPD-Chefin"))
    assert entity.name != "Markus Söder"


def test_compatible_role_from_role_groups() -> None:
    text = (
        "Bundeskanzler Olaf Scholz traf Macron. „Wir handeln gemeinsam“, sagte der Regierungschef."
    )
    assert names(text, mention(text, "der Regierungschef")) == ["Olaf Scholz"]


def test_role_refers_to_the_last_person_with_it() -> None:
    text = (
        "US-Präsident Donald Trump telefonierte mit Präsident Wladimir Putin. „Ein gutes "
        "Gespräch“, sagte er. „Wir bleiben im Kontakt“, sagte der Präsident."
    )
    er, president = mention(text, "er"), mention(text, "der Präsident")
    assert names(text, er, president) == ["Donald Trump", "Donald Trump"]


def test_role_gender_must_agree() -> None:
    text = "Bundeskanzler Olaf Scholz sprach. „Nein“, sagte die Kanzlerin."
    assert names(text, mention(text, "die Kanzlerin")) != ["Olaf Scholz"]


# -- pronouns -------------------------------------------------------------------------------
def test_pronoun_prefers_the_subject_over_a_nearer_object() -> None:
    text = (
        "Der russische Präsident Wladimir Putin empfing Xi Jinping im Kreml. "
        "„Unsere Beziehungen sind gut“, sagte er."
    )
    assert names(text, mention(text, "er")) == ["Wladimir Putin"]


def test_pronoun_gender_agreement() -> None:
    text = (
        "Außenministerin Annalena Baerbock traf Sergej Lawrow in Genf. "
        "„Wir reden weiter“, sagte sie. „Nicht mit uns“, sagte er."
    )
    assert names(text, mention(text, "sie"), mention(text, "er")) == [
        "Annalena Baerbock",
        "Sergej Lawrow",
    ]


def test_pronoun_prefers_the_last_speaker() -> None:
    text = (
        "Friedrich Merz sprach mit Journalisten über Olaf Scholz. „Das reicht nicht“, sagte "
        "Merz. Olaf Scholz reiste am Abend ab. „Wir bleiben dabei“, sagte er."
    )
    merz, er = mention(text, "Merz", 1), mention(text, "er")
    # The last subject (Scholz in the sentence before) wins over the earlier speaker.
    assert names(text, merz, er) == ["Friedrich Merz", "Olaf Scholz"]


def test_plural_sie_by_its_verb() -> None:
    text = (
        "Die Demonstranten zogen vor das Rathaus, Bürgermeisterin Petra Roth sah zu. "
        "„Wir bleiben“, riefen sie."
    )
    demonstrators = mention(text, "Die Demonstranten", plural=True)
    sie = mention(text, "sie")
    entities = resolve(text, demonstrators, sie)
    assert entities[1].type == "group" and entities[1].name == entities[0].name


def test_organisation_pronoun_by_grammatical_gender() -> None:
    text = "Der Konzern Siemens kündigte Stellenabbau an. Er werde 2000 Stellen streichen."
    konzern, er = mention(text, "Der Konzern Siemens"), mention(text, "Er")
    assert names(text, konzern, er) == ["Siemens", "Siemens"]


def test_pronoun_without_antecedent_stays_as_written() -> None:
    text = "„Wir kommen wieder“, sagte er."
    (entity,) = resolve(text, mention(text, "er"))
    assert (entity.name, entity.type) == ("er", "unknown")


# -- name particles -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Karl-Theodor zu Guttenberg", "zu Guttenberg"),
        ("Karl-Theodor zu Guttenberg", "Guttenberg"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Rafael van der Vaart", "van der Vaart"),
    ],
)
def test_name_with_particle_and_its_short_form_are_one_person(full: str, short: str) -> None:
    text = f"{full} meldete sich zu Wort. „Ich habe Fehler gemacht“, sagte {short}."
    first = mention(text, full)
    second = mention(text, short, 1 if short in full else 0, head=(short.split()[-1],))
    assert names(text, first, second) == [full, full]


def test_particle_does_not_swallow_a_common_noun() -> None:
    text = "Angela Merkel zu Besuch in Paris. „Schön hier“, sagte sie."
    assert names(text, mention(text, "sie")) == ["Angela Merkel"]


# -- organisations --------------------------------------------------------------------------
def test_organisation_keeps_its_complement() -> None:
    text = "„Die Zahl der Anträge sinkt“, teilte das Bundesamt für Migration und Flüchtlinge mit."
    m = mention(text, "das Bundesamt für Migration und Flüchtlinge", head=("Bundesamt",))
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Bundesamt für Migration und Flüchtlinge", "organization")


def test_short_mention_of_an_organisation_with_complement() -> None:
    text = (
        "Das Bundesamt für Migration und Flüchtlinge (BAMF) legte Zahlen vor. "
        "„Die Lage bleibt angespannt“, teilte das Bundesamt mit."
    )
    assert names(text, mention(text, "das Bundesamt")) == [
        "Bundesamt für Migration und Flüchtlinge"
    ]


def test_organisation_class_noun_before_its_name() -> None:
    text = "„Die Lehrkräfte sind am Limit“, sagte die Gewerkschaft GEW."
    (entity,) = resolve(text, mention(text, "die Gewerkschaft GEW"))
    assert (entity.name, entity.type) == ("GEW", "organization")


# -- anonymous speakers ---------------------------------------------------------------------
def test_anonymous_speaker_keeps_its_description() -> None:
    text = (
        "„Die Netze sind stabil“, sagte ein Sprecher der Bundesnetzagentur. "
        "„Es gibt keinen Grund zur Sorge“, fügte der Sprecher hinzu."
    )
    first = mention(text, "ein Sprecher der Bundesnetzagentur")
    later = mention(text, "der Sprecher")
    assert names(text, first, later) == [
        "Sprecher der Bundesnetzagentur",
        "Sprecher der Bundesnetzagentur",
    ]


def test_class_noun_alone_refers_to_the_organisation_named_with_it() -> None:
    text = (
        "Die Gewerkschaft GEW warnte vor Lehrermangel. Auch der Konzern Siemens äußerte sich. "
        "„Wir fordern kleinere Klassen“, sagte die Gewerkschaft."
    )
    assert names(text, mention(text, "die Gewerkschaft")) == ["GEW"]


def test_organisation_by_a_shorter_head_and_its_pronoun() -> None:
    text = (
        "Das polnische Innenministerium wies die Vorwürfe zurück. "
        "Es halte sich an geltendes Recht, erklärte das Ministerium."
    )
    first = mention(text, "Das polnische Innenministerium")
    es = mention(text, "Es")
    later = mention(text, "das Ministerium")
    assert names(text, first, es, later) == ["polnisches Innenministerium"] * 3


def test_organisation_adjectives_in_the_nominative() -> None:
    text = "Die Vorwürfe seien haltlos, hieß es von der ukrainischen Regierung."
    m = mention(text, "der ukrainischen Regierung")
    assert names(text, m) == ["ukrainische Regierung"]


# -- groups ---------------------------------------------------------------------------------
def test_plural_pronoun_refers_to_a_group_named_before() -> None:
    text = "Die Demonstranten zogen vor das Rathaus. „Wir bleiben“, riefen sie."
    (entity,) = resolve(text, mention(text, "sie"))
    assert (entity.name, entity.type) == ("Demonstranten", "group")


def test_group_adjectives_in_the_nominative() -> None:
    text = "Russische Staatsmedien berichteten, die Gespräche seien gut verlaufen."
    m = mention(text, "Russische Staatsmedien", plural=True)
    assert names(text, m) == ["russische Staatsmedien"]


def test_group_heads_keep_their_adjectives_from_the_rules() -> None:
    # A head of ``group_heads`` (speakers.toml) keeps its adjectives in the description
    # even where the lexicon's ``group_words`` does not make the mention a group.
    text = "Die informierten Kreise bestätigten das."
    m = mention(text, "Die informierten Kreise")
    lexicon = RESOLVER.lexicon
    assert "Kreise" in lexicon.group_heads
    without_group = attrs.evolve(lexicon, group_words=lexicon.group_words - {"Kreise"})
    for heads, expected in ((lexicon.group_heads, "informierte Kreise"), (frozenset(), "Kreise")):
        resolver = MentionResolver(attrs.evolve(without_group, group_heads=heads), RESOLVER.outlets)
        (entity,) = resolver.resolve(Document.build(text, SPLITTER), [m])
        assert entity.name == expected


def test_beide_seiten_after_a_pair() -> None:
    text = (
        "US-Außenminister Marco Rubio und sein russischer Amtskollege Sergej Lawrow trafen "
        "sich in Riad. Beide Seiten hätten sich auf weitere Gespräche geeinigt."
    )
    pair = mention(
        text, "US-Außenminister Marco Rubio und sein russischer Amtskollege Sergej Lawrow"
    )
    sides = mention(text, "Beide Seiten", plural=True, determiner="beide", head=("Seiten",))
    assert names(text, pair, sides) == ["Marco Rubio und Sergej Lawrow"] * 2


# -- roles: the only person named so far, and well-known parties ------------------------------
def test_definite_role_refers_to_the_only_person_named() -> None:
    text = (
        "Karl-Theodor zu Guttenberg äußerte sich wieder politisch. Der frühere "
        "Verteidigungsminister sprach in Kulmbach."
    )
    m = mention(text, "Der frühere Verteidigungsminister")
    assert names(text, m) == ["Karl-Theodor zu Guttenberg"]


def test_definite_role_with_two_people_named_stays_unresolved() -> None:
    text = (
        "Friedrich Merz traf Olaf Scholz im Bundestag. „Es reicht“, sagte der frühere "
        "Verteidigungsminister."
    )
    m = mention(text, "der frühere Verteidigungsminister")
    assert names(text, m) == ["Verteidigungsminister"]


def test_party_of_a_well_known_person_from_persons_toml() -> None:
    text = "Friedrich Merz griff die Regierung an. „Davon merkt niemand etwas“, sagte der CDU-Chef."
    assert names(text, mention(text, "der CDU-Chef")) == ["Friedrich Merz"]


# -- surnames shared by two people ----------------------------------------------------------
def test_a_first_name_keeps_two_people_with_one_surname_apart() -> None:
    text = (
        "„Wir sind bereit“, sagte Miriam Müller am Montag. Später äußerte sich auch "
        "Thomas Müller. „Nein“, sagte Müller."
    )
    miriam = mention(text, "Miriam Müller")
    later = mention(text, "Müller", 2)
    assert names(text, miriam, later) == ["Miriam Müller", "Thomas Müller"]


def test_a_mention_cut_short_still_names_the_person() -> None:
    text = "„Das prüfen wir“, kritisierte Gewerkschaftschef Holger Zimmermann."
    m = mention(text, "Gewerkschaftschef Holger")
    assert names(text, m) == ["Holger Zimmermann"]


def test_role_before_a_name_is_not_part_of_it() -> None:
    text = "„Das prüfen wir“, sagte Landrätin Miriam Becker."
    assert names(text, mention(text, "Landrätin Miriam Becker")) == ["Miriam Becker"]


def test_adverbials_taken_into_a_mention_are_not_names() -> None:
    text = (
        "Ministerpräsident Markus Söder (CSU) kritisierte die Pläne. „Das ist ein Angriff“, "
        "sagte der CSU-Chef am Rande einer Sitzung in München. „Nein“, sagte eine "
        "Polizeisprecherin am Sonntag."
    )
    chef = mention(
        text,
        "der CSU-Chef am Rande einer Sitzung in München",
        head=("CSU-Chef", "Rande"),
        genitive=("einer", "Sitzung", "in", "München"),
    )
    spokeswoman = mention(
        text, "eine Polizeisprecherin am Sonntag", head=("Polizeisprecherin", "Sonntag")
    )
    assert names(text, chef, spokeswoman) == ["Markus Söder", "Polizeisprecherin"]


def test_a_speaking_capital_is_its_government() -> None:
    text = "Washington fordert besseren Zugang zu Bankdienstleistungen."
    (entity,) = resolve(text, mention(text, "Washington"))
    assert (entity.name, entity.type) == ("US-Regierung", "organization")


# -- issue 7 §3, helper "speaker" (2026-12-01 evening) -------------------------------------
def test_common_noun_with_article_is_no_person_and_takes_no_pronoun() -> None:
    text = "Die Ausstellung erinnere an dunkle Zeiten. Der Minister kam. Er sagte, es sei gut."
    noun, minister, er = (
        mention(text, "Die Ausstellung"),
        mention(text, "Der Minister"),
        mention(text, "Er"),
    )
    entities = resolve(text, noun, minister, er)
    assert entities[0].type != "person"
    assert entities[2].name == entities[1].name


def test_statement_noun_resolves_to_its_author() -> None:
    text = "Nach Angaben der Polizei wurde niemand verletzt."
    (entity,) = resolve(text, mention(text, "Angaben der Polizei"))
    assert (entity.name, entity.type) == ("Polizei", "organization")


def test_two_roles_joined_by_und_are_one_group() -> None:
    text = "Der Kanzler und der Finanzminister erklärten, der Haushalt sei solide."
    m = mention(text, "Der Kanzler und der Finanzminister", head=("Kanzler", "Finanzminister"))
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Kanzler und Finanzminister", "group")


def test_apposition_name_with_a_listed_given_name() -> None:
    text = "Die Präsidentin des Sozialverbands, Verena Bentele, warnte vor Kürzungen."
    m = mention(text, "Die Präsidentin des Sozialverbands, Verena Bentele")
    (entity,) = resolve(text, m)
    assert (entity.name, entity.gender) == ("Verena Bentele", "f")


def test_survey_with_an_unknown_author_is_no_person() -> None:
    text = "Einer Umfrage des Instituts zufolge sind viele Menschen unzufrieden."
    m = mention(text, "Einer Umfrage des Instituts", determiner="einer")
    (entity,) = resolve(text, m)
    assert entity.type != "person"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Nach Angaben des Statistischen Bundesamts stiegen die Preise.",
            "Angaben des Statistischen Bundesamts",
        ),
        (
            "Das Statistische Bundesamt teilte mit, die Preise seien gestiegen.",
            "Das Statistische Bundesamt",
        ),
    ],
)
def test_capitalised_adjective_of_a_name_in_the_form_without_article(
    text: str, phrase: str
) -> None:
    if phrase.startswith("Das"):
        m = mention(text, phrase, head=("Bundesamt",), adjectives=("Statistische",))
    else:
        m = mention(text, phrase)
    (entity,) = resolve(text, m)
    assert (entity.name, entity.type) == ("Statistisches Bundesamt", "organization")


# -- role nouns of two genders; the subject that opens the sentence before ---------------------
LEXICON = Lexicon.from_rules(RULES)


def test_role_of_two_genders_takes_its_article() -> None:
    assert LEXICON.role_gender("Vorsitzende", "die") == ("vorsitzender", "f")
    assert LEXICON.role_gender("Vorsitzende", "der") == ("vorsitzender", "m")
    assert LEXICON.role_gender("Vorsitzenden", "der") == ("vorsitzender", "m")
    assert LEXICON.role_gender("Ministerin", "der") == ("minister", "f")
    assert LEXICON.role_of("Abgeordnete") == ("abgeordneter", "")


def test_feminine_chair_refers_to_the_woman_named_with_a_compatible_role() -> None:
    text = (
        "Verdi-Chefin Petra Lindner rief zu Warnstreiks auf. „Die Geduld ist am Ende“, "
        "sagte die Verdi-Vorsitzende."
    )
    assert names(text, mention(text, "die Verdi-Vorsitzende")) == ["Petra Lindner"]


def test_masculine_chair_is_not_the_woman_named_before() -> None:
    text = "Verdi-Chefin Petra Lindner sprach. „Wir warten ab“, sagte der Verdi-Vorsitzende."
    assert names(text, mention(text, "der Verdi-Vorsitzende")) != ["Petra Lindner"]


def test_pronoun_takes_the_role_that_opens_the_sentence_before() -> None:
    text = "Der Landrat lehnte den Vorschlag am Dienstag ab. Er sagte: „Dafür fehlt uns das Geld.“"
    assert names(text, mention(text, "Er")) == ["Landrat"]


def test_pronoun_takes_the_organisation_that_opens_the_sentence_before() -> None:
    text = (
        "Die Stadtverwaltung verschob die Entscheidung. Sie erklärte, „weitere Gutachten“ "
        "seien nötig."
    )
    assert names(text, mention(text, "Sie")) == ["Stadtverwaltung"]


def test_a_name_between_keeps_the_earlier_rules() -> None:
    text = (
        "Bürgermeisterin Karin Vogt besuchte die Baustelle. Die Ministerin traf dort Jan "
        "Peters. „Wir bauen weiter“, sagte sie."
    )
    assert names(text, mention(text, "sie")) == ["Karin Vogt"]


def test_subject_before_needs_the_pronoun_gender_and_a_verb_after_the_noun() -> None:
    doc = Document.build("Der Landrat schwieg. Er ging.", SPLITTER)
    assert subject_before(doc, LEXICON, doc.text.index("Er"), "f") is None
    found = subject_before(doc, LEXICON, doc.text.index("Er"), "m")
    assert found is not None and found.text == "Der Landrat"
    named = Document.build("Der Landrat Uwe Kern schwieg. Er ging.", SPLITTER)
    assert subject_before(named, LEXICON, named.text.index("Er"), "m") is None


def test_opens_with_speaker() -> None:
    assert opens_with_speaker(LEXICON, "Der Fußballverband reagierte gelassen.")
    assert opens_with_speaker(LEXICON, " Die zuständige Ministerin schwieg.")
    assert not opens_with_speaker(LEXICON, "Doch vor einer Einigung steht der Verband nicht.")
    assert not opens_with_speaker(LEXICON, "Die Lage bleibt angespannt.")


def test_carry_across_a_paragraph_only_without_someone_else_between() -> None:
    assert carries_across(".\n\n", LEXICON)
    assert carries_across(" am Montag in Köln.\n\n", LEXICON)
    assert carries_across(". Dann ging es weiter.", LEXICON)
    assert not carries_across(". Der Fußballverband reagierte gelassen.\n\n", LEXICON)
    assert carries_across(". Der Fußballverband reagierte gelassen. ", LEXICON)
