"""Second round of the event vocabulary: families of wire phrasing added by CAMEO code to
event_vocabulary_force.yaml, event_vocabulary_cooperation.yaml and event_vocabulary_verbal.yaml.

Short sentences written for these tests, one or more per family, and sentences a family must
leave alone. A small table of country words stands in for the actor coder, so the tests check the
vocabulary alone.
"""

from __future__ import annotations

import pytest

from dateline.extract.events import events
from dateline.knowledge.event_patterns import load_event_patterns

COUNTRIES = {
    "syrian": "SYR", "pakistani": "PAK", "egyptian": "EGY", "egypt": "EGY", "kenyan": "KEN",
    "sudanese": "SDN", "thai": "THA", "myanmar": "MMR", "russia": "RUS", "russian": "RUS",
    "german": "DEU", "germany": "DEU", "japan": "JPN", "japanese": "JPN", "indian": "IND",
    "qatar": "QAT", "iranian": "IRN", "iran": "IRN", "palestinian": "PSE", "israeli": "ISR",
    "israel": "ISR", "british": "GBR", "chinese": "CHN", "china": "CHN", "taiwan": "TWN",
    "turkey": "TUR", "belarus": "BLR", "washington": "USA", "tokyo": "JPN", "iraq": "IRQ",
}


@pytest.fixture(autouse=True)
def stand_in_actor_coder(country_word_actors):
    country_word_actors(COUNTRIES)


def types(nlp, text: str) -> list[str]:
    """Types of the asserted, planned or reported events of ``text``."""
    found = events(nlp(text), layout=None, actors=[], quotes=[], times=[], places=[], anchor="2024-05-01",
                   knowledge=None)
    for e in found:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
    return [e.type for e in found if e.status in ("asserted", "planned", "reported")]


@pytest.mark.parametrize("text, expected", [
    # 190 a position overrun
    ("Syrian rebels overran an army base near Aleppo.", "ASSAULT"),
    ("Pakistani militants overran two checkpoints on the highway.", "ASSAULT"),
    # 193 bullets sprayed or pumped at someone
    ("Pakistani gunmen sprayed bullets at a bus carrying pilgrims.", "ASSAULT"),
    ("Egyptian militants riddled the police van with bullets.", "ASSAULT"),
    # 185 attempted assassination is a threat in PLOVER's table
    ("The Kenyan president survived an assassination attempt.", "THREATEN"),
    ("Sudanese rebels made an attempt on the president's life.", "THREATEN"),
    # 1722 parties and unions dissolved; 1724 a constitution suspended
    ("A Thai court dissolved the main opposition party.", "COERCE"),
    ("Belarus disbanded the independent trade union.", "COERCE"),
    ("The Myanmar junta suspended the constitution.", "COERCE"),
    # 1721 a group designated as hostile
    ("Russia designated the newspaper a foreign agent.", "COERCE"),
    # 173/115 put on trial
    ("Egypt put the former president on trial.", "ACCUSE"),
    ("Egypt brought the former ministers to trial.", "ACCUSE"),
])
def test_force_families(nlp, text, expected):
    assert expected in types(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # 043 host a visit
    ("Japan's prime minister welcomed the Indian president to Tokyo.", "CONSULT"),
    ("The Japanese emperor greeted the Indian president at the palace.", "CONSULT"),
    ("Qatar played host to the Iranian foreign minister.", "CONSULT"),
    # 041 talks over a video link
    ("The Russian and Chinese presidents spoke by video link.", "CONSULT"),
    ("The German chancellor met the Japanese premier via videoconference.", "CONSULT"),
    # 042 landing for a visit
    ("The Indian prime minister landed in Washington for a state visit.", "CONSULT"),
    # 036 a commitment to act
    ("Iran committed to cooperate with the inspectors.", "AGREE"),
    # 0841 captives handed over or let go
    ("Palestinian militants handed over the Israeli soldier to Egyptian mediators.", "RETREAT"),
    ("Iran let the British sailors go.", "RETREAT"),
    # 0863 goods let in
    ("Israel allowed fuel into the enclave for the first time in weeks.", "RETREAT"),
    # 062/061 ties in a named field deepened
    ("Japan and India deepened defence ties.", "COOPERATE"),
    ("China and Russia bolstered economic ties.", "COOPERATE"),
])
def test_cooperation_families(nlp, text, expected):
    assert expected in types(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # 138 not ruling out the use of force
    ("China would not rule out using force against Taiwan.", "THREATEN"),
    # 114 a protest qualified as formal is a complaint
    ("The move drew a strong protest from Japan.", "ACCUSE"),
    ("Japan lodged a formal diplomatic protest with China.", "ACCUSE"),
    # 141 a protest aimed by a preposition
    ("The verdict triggered demonstrations against the Egyptian government.", "PROTEST"),
])
def test_verbal_families(nlp, text, expected):
    assert expected in types(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    # ruled out, it is a rejection, not a threat
    ("Russia ruled out using nuclear weapons.", "THREATEN"),
    # a parliament dissolved for an election is no coercion
    ("The Japanese prime minister dissolved parliament.", "COERCE"),
    # welcoming a decision is praise, not hosting
    ("Germany welcomed the agreement at a summit in Brussels.", "CONSULT"),
    # a bid blocked stays a veto with its target: no nominal event inside
    ("Turkey blocked the Syrian bid.", "THREATEN"),
    # ties without a field, an offensive deepened
    ("Japan and India strengthened their ties.", "COOPERATE"),
    ("Israel deepened its offensive in the enclave.", "COOPERATE"),
    # costs that overran, a sportsman who survived a scare
    ("Costs overran the budget by 20 percent.", "ASSAULT"),
    ("The Egyptian champion survived a late scare to win the match.", "THREATEN"),
])
def test_families_leave_other_readings_alone(nlp, text, unexpected):
    assert unexpected not in types(nlp, text)


@pytest.mark.parametrize("lemma", ["overrun", "overran", "survive", "hatch", "void", "designate", "list", "land",
                                   "touch", "jet", "deepen", "enhance", "cement"])
def test_verbs_read_only_by_their_object_get_no_loose_pattern(lemma):
    assert not [p for p in load_event_patterns().for_lemma(lemma) if p.loose]


def test_a_formal_protest_is_read_before_a_demonstration():
    readings = {p.type for p in load_event_patterns().for_lemma("protest") if p.pos == "NOUN" and p.modifiers
                and "formal" in p.modifiers}
    assert readings == {"ACCUSE"}
