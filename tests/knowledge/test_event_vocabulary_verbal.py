"""The verbal-conflict and protest vocabulary (``event_vocabulary_verbal.yaml``): REQUEST, ACCUSE,
REJECT, THREATEN and PROTEST as wire copy writes them, over short sentences written for these tests.

Actor coding belongs to the actor module; a small table stands in for it here, so these tests
check what the vocabulary makes of each sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dateline.knowledge.cache import SHARED
from dateline.knowledge.event_patterns import DATA, VOCABULARY_FILES
from helpers import dyads_of, events_of, types_of

VERBAL_FILE = DATA / "event_vocabulary_verbal.yaml"

pytestmark = pytest.mark.usefixtures("country_word_actors")


# -- the file ----------------------------------------------------------------------------------

def test_file_is_read_with_the_family_files():
    assert VERBAL_FILE in VOCABULARY_FILES
    assert len(SHARED.event_patterns()) > 0


def test_every_type_and_mode_has_a_plover_row():
    table = SHARED.plover()
    data = yaml.safe_load(Path(VERBAL_FILE).read_text(encoding="utf-8"))
    for entry in data["patterns"]:
        assert table.lookup(entry["type"], entry.get("mode")) is not None, entry


def test_nominalizations_name_verbs_with_patterns():
    patterns = SHARED.event_patterns()
    data = yaml.safe_load(Path(VERBAL_FILE).read_text(encoding="utf-8"))
    for noun, verb in data["nominalizations"].items():
        assert patterns.for_lemma(verb), (noun, verb)


# -- REQUEST: appeal (02) and demand (10) -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Serbia lodged a request with Interpol for his arrest.", [("REQUEST", ["SRB"], ["IGO"])]),
    ("Kenya submitted a petition to Britain.", [("REQUEST", ["KEN"], ["GBR"])]),
    ("Germany stepped up pressure on Iran to release the sailors.", [("REQUEST", ["DEU"], ["IRN"])]),
    ("Japan put pressure on China.", [("REQUEST", ["JPN"], ["CHN"])]),
    ("France joined calls for a ceasefire.", [("REQUEST", ["FRA"], [])]),
    ("Russia told Ukraine to withdraw its troops.", [("REQUEST", ["RUS"], ["UKR"])]),
    ("Iran set conditions for talks with France.", [("REQUEST", ["IRN"], ["FRA"])]),
    ("Britain prodded Germany to raise its defence spending.", [("REQUEST", ["GBR"], ["DEU"])]),
])
def test_request(nlp, text, expected):
    assert dyads_of(nlp, text) == expected


# -- ACCUSE: disapprove, accuse, complain, investigate, sue, convict (09, 11) ------------------

@pytest.mark.parametrize("text, expected", [
    ("Turkey hit back at Greece over the migrants.", [("ACCUSE", ["TUR"], ["GRC"])]),
    ("The Kenyan minister took aim at Britain.", [("ACCUSE", ["KEN"], ["GBR"])]),
    ("Egypt took issue with Israel over the border.", [("ACCUSE", ["EGY"], ["ISR"])]),
    ("France spoke out against Russia.", [("ACCUSE", ["FRA"], ["RUS"])]),
    ("Moscow poured scorn on Kyiv.", [("ACCUSE", ["RUS"], ["UKR"])]),
    ("The French senator attacked the Iranian policy.", [("ACCUSE", ["FRA"], ["IRN"])]),
    ("Russia laid the blame on Ukraine.", [("ACCUSE", ["RUS"], ["UKR"])]),
    ("India handed a protest note to China.", [("ACCUSE", ["IND"], ["CHN"])]),
    ("Ankara called in the German ambassador.", [("ACCUSE", ["TUR"], ["DEU"])]),
    ("Chile set up an inquiry into the Peru deaths.", [("ACCUSE", ["CHL"], ["PER"])]),
    ("Britain took legal action against Iran.", [("ACCUSE", ["GBR"], ["IRN"])]),
    ("Russia rallied opposition against Germany.", [("ACCUSE", ["RUS"], ["DEU"])]),
    ("Germany lambasted Turkey.", [("ACCUSE", ["DEU"], ["TUR"])]),
    ("Germany hauled in the Russian ambassador.", [("ACCUSE", ["DEU"], ["RUS"])]),
    ("France protested that Britain had broken the treaty.", [("ACCUSE", ["FRA"], ["GBR"])]),
    ("France was critical of the British plan.", [("ACCUSE", ["FRA"], ["GBR"])]),
    ("Germany frowned on the Kenyan move.", [("ACCUSE", ["DEU"], ["KEN"])]),
    # an attack qualified as verbal is criticism, not violence
    ("Germany launched a blistering attack on the Turkish government.", [("ACCUSE", ["DEU"], ["TUR"])]),
    ("Britain called out Russia for its cyber attacks.", [("ACCUSE", ["GBR"], ["RUS"])]),
])
def test_accuse(nlp, text, expected):
    assert dyads_of(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The French senator's personal attacks on the Kenyan minister drew a rebuke.",
    "Russia intensified its verbal attacks on the British government.",
    "Russia questioned the integrity of the Ukrainian election.",
])
def test_verbal_attack_and_questioned_integrity_are_disapproval(nlp, text):
    found = events_of(nlp, text)
    assert ("ACCUSE", "disapprove") in {(e.type, e.mode) for e in found}
    assert "ASSAULT" not in {e.type for e in found}


# -- REJECT (12) -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Moscow poured cold water on the French plan.", [("REJECT", ["RUS"], ["FRA"])]),
    ("Iran tore up the agreement with Britain.", [("REJECT", ["IRN"], ["GBR"])]),
    ("Russia used its veto.", [("REJECT", ["RUS"], [])]),
    ("Israel turned a deaf ear to the Egyptian appeals.", [("REJECT", ["ISR"], ["EGY"])]),
    ("Serbia stood firm.", [("REJECT", ["SRB"], [])]),
    ("Egypt denied permission to the Iranian ship.", [("REJECT", ["EGY"], ["IRN"])]),
    ("Greece reneged on its promise to Turkey.", [("REJECT", ["GRC"], ["TUR"])]),
    ("Greece blocked the Turkish bid.", [("REJECT", ["GRC"], ["TUR"])]),
    ("Iran is unwilling to free the British sailors.", [("REJECT", ["IRN"], ["GBR"])]),
])
def test_reject(nlp, text, expected):
    assert dyads_of(nlp, text) == expected


def test_not_ruling_out_force_is_a_threat(nlp):
    assert types_of(nlp, "Israel did not rule out military action against Iran.") == ["THREATEN"]
    assert types_of(nlp, "Israel ruled out military action against Iran.") == ["REJECT"]


# -- THREATEN (13) -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Iran vowed revenge against Israel.", [("THREATEN", ["IRN"], ["ISR"])]),
    ("Serbia gave Greece a deadline.", [("THREATEN", ["SRB"], ["GRC"])]),
    ("Russia raised the threat of sanctions against Ukraine.", [("THREATEN", ["RUS"], ["UKR"])]),
    ("Israel sent a warning to Iran.", [("THREATEN", ["ISR"], ["IRN"])]),
    ("Britain put Iran on notice.", [("THREATEN", ["GBR"], ["IRN"])]),
    ("Egypt threatened legal action against Israel.", [("THREATEN", ["EGY"], ["ISR"])]),
    ("Russia promised a military response to Ukraine.", [("THREATEN", ["RUS"], ["UKR"])]),
])
def test_threaten(nlp, text, expected):
    assert dyads_of(nlp, text) == expected


# -- PROTEST (14) ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kenyan workers staged a walkout.",
    "Kenyan teachers walked off the job.",
    "Chilean dockers took industrial action.",
    "Kenyan miners laid down their tools.",
    "Iranian prisoners refused food.",
    "Egyptian students took part in the protest.",
    "Youths burned tyres in the streets.",
    "Rioters torched cars in the suburbs.",
    "Demonstrators torched buses in the capital.",
    "Egyptian students burned the Israeli flag.",
    "Demonstrators carried placards.",
    "Anti-government protests erupted on Friday.",
    "Chilean students occupied the campus.",
    "Egyptian students staged a sit-in.",
    "Indian farmers blocked railway lines.",
    "Rioters looted shops in the capital.",
])
def test_protest(nlp, text):
    assert types_of(nlp, text) == ["PROTEST"]


def test_protest_without_a_clause_stays_a_demonstration(nlp):
    assert types_of(nlp, "German students protested against the fees.") == ["PROTEST"]


def test_police_in_a_square_are_no_protest(nlp):
    assert "PROTEST" not in types_of(nlp, "German police occupied the square to keep order.")


def test_staged_is_read_as_stage_in_every_family(nlp):
    assert types_of(nlp, "Iranian forces staged an attack on Israel.") == ["ASSAULT"]


# -- what must not become an event ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "He told reporters that the talks would end soon.",   # reported speech is not a directive
    "Stocks held firm on Friday.",                        # no actor
    "The storm tore into the coast.",                     # "tear into" needs a coded target
    "The central bank raised concerns about inflation.",  # a worry is not an accusation
    "Fans chanted the name of the striker.",              # chanting names, not slogans
    "The company set the terms of the sale.",             # terms are not conditions of a demand
    "The court ruled against the appeal.",                # a ruling needs a coded party
    "The officer took part in the ceremony.",             # taking part in what is no protest
    "Kenya appointed a new minister.",
    "The Kenyan government set a deadline for tax returns.",  # an administrative deadline
    "The critical issue for Kenya is water.",              # "critical" without "of"                    # no verb of an inquiry is loose
    "Turkey cast doubt on the figures.",                  # "cast" is no veto verb
    "The coach called out his players for their effort.",  # "call out" needs a coded target
    "The president called out the National Guard.",       # no "for": not censure
])
def test_not_an_event(nlp, text):
    assert dyads_of(nlp, text) == []


# -- second probe: families of unseen phrasing (CAMEO 090, 111, 138/139, 14 walkouts) -----------

@pytest.mark.parametrize("text, expected", [
    # 090 a body of inquiry set up
    ("The United Nations set up a commission of inquiry into the killings.", "ACCUSE"),
    ("The council appointed a fact-finding mission on Serbia.", "ACCUSE"),
    ("Peru's Supreme Court authorised investigations into ten officials.", "ACCUSE"),
    # 138/139 force authorised, deadlines given, notice served
    ("The council authorised the use of force against Iraq.", "THREATEN"),
    ("Israel gave Iran 48 hours to respond.", "THREATEN"),
    ("Serbia gave Greece until Monday to withdraw its ambassador.", "THREATEN"),
    ("China served notice on India that it would not back down.", "THREATEN"),
    # 14 walking out of a legislature
    ("Chilean opposition lawmakers walked out of parliament.", "PROTEST"),
    ("Turkish opposition deputies stormed out of the session.", "PROTEST"),
    ("Kenyan opposition lawmakers boycotted the parliamentary session.", "PROTEST"),
    # 112 arrest warrants; 111 name-calling
    ("A Kenyan court issued an arrest warrant for the Egyptian president.", "ACCUSE"),
    ("Iran called the vote a sham.", "ACCUSE"),
    # 12 stalling a bid or a ratification
    ("Turkey held up the ratification of Sweden's membership.", "REJECT"),
    ("Hungary stalled Sweden's membership bid.", "REJECT"),
    # 138 the spectre of war
    ("The Russian president raised the spectre of nuclear war.", "THREATEN"),
])
def test_second_probe_families(nlp, text, expected):
    assert expected in types_of(nlp, text), dyads_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The company appointed a new chief executive.",
    "The club named a new coach on Monday.",
    "The teacher gave the pupils two days to finish the essay.",
    "The waiter served dinner on the terrace.",
    "The airline delayed the flight by two hours.",
    "The bank obtained a loan from investors.",
    "The song evoked memories of her childhood.",
])
def test_second_probe_everyday_copy_stays_uncoded(nlp, text):
    assert not types_of(nlp, text), dyads_of(nlp, text)


def test_walking_out_of_talks_stays_a_halt_of_negotiations(nlp):
    assert "SANCTION" in types_of(nlp, "Iran walked out of the talks with Israel.")


# -- wire phrasing by CAMEO code (114, 138, 141) -----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # 138 not ruling out the use of force
    ("China would not rule out using force against Taiwan.", "THREATEN"),
    # 114 a protest qualified as formal is a complaint
    ("The move drew a strong protest from Japan.", "ACCUSE"),
    ("Japan lodged a formal diplomatic protest with China.", "ACCUSE"),
    # 141 a protest aimed by a preposition
    ("The verdict triggered demonstrations against the Egyptian government.", "PROTEST"),
])
def test_wire_families(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    # ruled out, it is a rejection, not a threat
    ("Russia ruled out using nuclear weapons.", "THREATEN"),
    # a bid blocked stays a veto with its target: no nominal event inside
    ("Turkey blocked the Syrian bid.", "THREATEN"),
])
def test_wire_families_leave_other_readings_alone(nlp, text, unexpected):
    assert unexpected not in types_of(nlp, text)


def test_a_formal_protest_is_read_before_a_demonstration():
    readings = {p.type for p in SHARED.event_patterns().for_lemma("protest") if p.pos == "NOUN" and p.modifiers
                and "formal" in p.modifiers}
    assert readings == {"ACCUSE"}
