"""Table tests for source and target finding: where the last-resort target search must not look,
and whom pronouns stand for. Sentences written for these tests; a stand-in actor coder codes a
phrase by its first country word, so the rules are tested apart from actor coding.
Expectations are (type, source countries, target countries) of one asserted event."""

from __future__ import annotations

import pytest

from dateline.extract.events import events
from helpers import dyads, dyads_of, stated

pytestmark = pytest.mark.usefixtures("country_word_actors")


@pytest.mark.parametrize("text, expected", [
    # a verb joined to a trigger with its own object is another act: its object is no target
    ("The Chilean army imposed a curfew and detained Peruvian traders.", ("COERCE", ["CHL"], [])),
    ("Ghana closed its border and expelled traders from Togo.", ("SANCTION", ["GHA"], [])),
    # ... but an object shared by two verbs is the target of both
    ("Norway condemned and rejected the Swedish proposal.", ("ACCUSE", ["NOR"], ["SWE"])),
    # a reaction the act drew names the reacting side, not the act's target
    ("Egypt tested a new missile on Monday, drawing criticism from Italy.", ("MOBILIZE", ["EGY"], [])),
])
def test_the_last_resort_target_stays_in_the_triggers_own_clause(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # "the three countries" stands for the three named before, not only the last two
    ("Spain, Malta and Italy recognised the new government, and Egypt expelled the envoys of the three "
     "countries.", ("SANCTION", ["EGY"], ["ESP", "ITA", "MLT"])),
    # the leader of a "-led" or "-backed" act is its doer
    ("Kenya condemned the Japanese-backed offensive.", ("ACCUSE", ["KEN"], ["JPN"])),
])
def test_counted_groups_and_leaders_of_acts(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


def _slipped_parse(nlp):
    """ "Japan imposed sanctions on Peruvian Senator Soto , charging her with fraud ." as the parser
    sometimes reads it: "on" left without its object, "Soto" the subject of "charging"."""
    from spacy.tokens import Doc

    words = ["Japan", "imposed", "sanctions", "on", "Peruvian", "Senator", "Soto", ",", "charging", "her", "with",
             "fraud", "."]
    heads = [1, 1, 1, 1, 6, 6, 8, 8, 1, 8, 8, 10, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "compound", "compound", "nsubj", "punct", "advcl", "dobj", "prep",
            "pobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "VERB", "PRON", "ADP", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "NNS", "IN", "NNP", "NNP", "NNP", ",", "VBG", "PRP", "IN", "NN", "."]
    lemmas = ["Japan", "impose", "sanction", "on", "Peruvian", "Senator", "Soto", ",", "charge", "she", "with",
              "fraud", "."]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_participle_after_a_preposition_that_lost_its_object(nlp):
    from dateline.extract.syntax.tree import lost_object

    doc = _slipped_parse(nlp)
    assert lost_object(doc[6], doc[1]) and not lost_object(doc[0], doc[1])
    found = dyads(stated(events(doc, layout=None, actors=[], quotes=[], times=[], places=[], anchor="2024-05-01",
                                 knowledge=None)))
    # the doer is the main clause's subject; "her" stands for the object the preposition lost
    assert ("ACCUSE", ["JPN"], ["PER"]) in found


@pytest.mark.parametrize("text, expected", [
    # "at X" names the target of an act in a complement ("could aim its missiles at X")
    ("Egypt warned that it could aim its missiles at Kenya if talks failed.", ("THREATEN", ["EGY"], ["KEN"])),
])
def test_at_names_the_target_of_a_complement_act(nlp, text, expected):
    assert expected in dyads_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a reaction coordinated with another is drawn by the same subject; "from X" on the noun
    # it is "of" is its source
    ("Egypt tested a missile, drawing protests from Italy and a threat of sanctions from France.",
     ("THREATEN", ["FRA"], ["EGY"])),
])
def test_coordinated_reactions_and_their_sources(nlp, text, expected):
    assert expected in dyads_of(nlp, text)
