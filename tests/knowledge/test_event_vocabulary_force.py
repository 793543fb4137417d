"""The material-conflict vocabulary (event_vocabulary_force.yaml): MOBILIZE, SANCTION, COERCE, ASSAULT.

Short sentences written for these tests, one or more per CAMEO sub-code family of the file, run
through the event coder with the packaged actor coder; and sentences from sports, markets and
daily life that must not make a material-conflict event.
"""

from __future__ import annotations

import pytest

from dateline.knowledge.cache import SHARED
from dateline.knowledge.event_patterns import DATA
from helpers import events_of, stated, types_of

FORCE_FILE = DATA / "event_vocabulary_force.yaml"
FORCE_TYPES = {"MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


def coded(nlp, text: str) -> list[tuple[str, str | None]]:
    """(type, mode) of the asserted, planned or reported events of ``text``."""
    return [(e.type, e.mode) for e in stated(events_of(nlp, text))]


def test_the_file_is_read_with_the_broad_vocabulary():
    assert FORCE_FILE.exists()
    patterns = SHARED.event_patterns()
    types = {p.type for p in patterns.for_lemma("quell")}
    assert "COERCE" in types


@pytest.mark.parametrize("lemma", ["crush", "hammer", "pick", "haul", "throw", "surround", "scramble", "advance",
                                   "amass", "mass"])
def test_verbs_that_take_their_reading_from_the_object_get_no_loose_pattern(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]


def test_a_type_specific_verb_still_gets_its_loose_pattern():
    # the file's strict verbs are only its own object-driven verbs
    assert [p for p in SHARED.event_patterns().for_lemma("sever") if p.loose]


@pytest.mark.parametrize("text, expected", [
    # 151/152 alert status
    ("Turkey put its border units on high alert.", ("MOBILIZE", "troops")),
    ("The Pakistani army went on high alert.", ("MOBILIZE", "troops")),
    ("Egypt raised the terror alert level.", ("MOBILIZE", "police")),
    # 153/154 police and armed forces
    ("Kenya sent in riot police.", ("MOBILIZE", "troops")),
    ("Russia boosted its troop levels near Ukraine.", ("MOBILIZE", "troops")),
    ("Greece scrambled its fighter jets to intercept Turkish warplanes.", ("MOBILIZE", "troops")),
    ("Venezuela mobilised its reservists.", ("MOBILIZE", "troops")),
    # committing troops is a deployment, not a promise
    ("Egypt and Jordan also committed ground troops to the coalition.", ("MOBILIZE", "troops")),
    # 150 weapons tests
    ("India carried out a missile test.", ("MOBILIZE", "weapons")),
    ("North Korea conducted a nuclear test.", ("MOBILIZE", "weapons")),
    # reinforcing a front; aircraft sent abroad
    ("Turkey reinforced its positions along the Syrian border.", ("MOBILIZE", "troops")),
    ("Washington dispatched strategic bombers to Guam.", ("MOBILIZE", "troops")),
])
def test_mobilize(nlp, text, expected):
    assert expected in coded(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # 161 relations, 166 expel or withdraw
    ("Ghana broke off relations with Israel.", ("SANCTION", "relations")),
    ("Bahrain snapped ties with Qatar.", ("SANCTION", "relations")),
    ("Rwanda kicked out Belgian diplomats.", ("SANCTION", "expel")),
    ("Eritrea kicked out United Nations peacekeepers.", ("SANCTION", "expel")),
    # 162 material aid
    ("Britain cut back aid to Rwanda.", ("SANCTION", "discontinue")),
    ("Canada suspended arms sales to Saudi Arabia.", ("SANCTION", "discontinue")),
    # 163 sanctions and embargoes
    ("Britain hit Russia with new sanctions.", ("SANCTION", "embargo")),
    ("France ratcheted up sanctions on Iran.", ("SANCTION", "embargo")),
    ("Germany put an embargo on Iranian oil.", ("SANCTION", "embargo")),
    # 164 halt negotiations
    ("Ukraine called off talks with Russia.", ("SANCTION", "halt")),
    ("Iran walked out of the talks with France.", ("SANCTION", "halt")),
    # money withheld; a diplomat ordered out; a named state's ban
    ("Israel withheld customs revenues from the Palestinians.", ("SANCTION", "discontinue")),
    ("Chad ordered the German ambassador to leave the country.", ("SANCTION", "expel")),
    ("Canada's ban on Russian aluminium took effect.", ("SANCTION", "embargo")),
])
def test_sanction(nlp, text, expected):
    assert expected in coded(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # 171 property
    ("Israeli soldiers set the village ablaze.", ("COERCE", "destroy")),
    ("Iranian commandos seized a British tanker.", ("COERCE", "seize")),
    # 172 administrative sanctions
    ("Russia reimposed a curfew in Grozny.", ("COERCE", "curfew")),
    ("Nicaragua shut down dozens of non-governmental organisations.", ("COERCE", "ban")),
    ("A Pakistani court barred the former premier from politics.", ("COERCE", "ban")),
    ("Iran cut off internet access.", ("COERCE", "restrict")),
    # 173 arrest
    ("Egyptian police picked up two activists.", ("COERCE", "arrest")),
    ("Egyptian authorities threw the blogger into prison.", ("COERCE", "arrest")),
    ("Egyptian police held the activist without charge.", ("COERCE", "arrest")),
    # 174 deport
    ("Italy turned back hundreds of migrants.", ("COERCE", "deport")),
    # 175 repression
    ("Burmese troops crushed the uprising.", ("COERCE", "repression")),
    ("Kenyan police fired tear gas at protesters.", ("COERCE", "repression")),
    ("Indian police used water cannon to disperse the crowd.", ("COERCE", "repression")),
    ("Turkish police raided the offices of an opposition newspaper.", ("COERCE", "repression")),
    # 191/192 siege, occupation
    ("Malian rebels laid siege to the town.", ("COERCE", "block")),
    ("Russian tanks rolled into the Georgian town of Gori.", ("COERCE", "occupy")),
    # 176 cyber
    ("Chinese hackers hacked into Pentagon computers.", ("COERCE", None)),
])
def test_coerce(nlp, text, expected):
    assert expected in coded(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Syrian rebels held the journalists hostage.", ("ASSAULT", "abduct")),
    ("Iraqi militants hacked a priest to death.", ("ASSAULT", "beat")),
    ("Iraqi militiamen raped women in the village.", ("ASSAULT", "sexual")),
    ("Iraqi insurgents set off a car bomb outside the ministry.", ("ASSAULT", "explosives")),
    ("Israeli jets hammered Gaza with airstrikes.", ("ASSAULT", "heavy-weapons")),
    ("Syrian troops pounded rebel positions with artillery.", ("ASSAULT", "heavy-weapons")),
    ("Syrian forces engaged in fierce fighting with rebels.", ("ASSAULT", "small-arms")),
    ("Serb forces committed genocide in Srebrenica.", ("ASSAULT", "mass-violence")),
    ("Russia launched drones at Kyiv.", ("ASSAULT", "drone")),
    ("Hamas used Palestinian civilians as human shields.", ("ASSAULT", None)),
    ("Belarusian police beat protesters with batons.", ("ASSAULT", "beat")),
    ("Ukrainian forces downed a Russian helicopter.", ("ASSAULT", "aerial")),
    ("Iran hanged three political prisoners.", ("ASSAULT", None)),
    ("Russian rockets rained down on Kharkiv.", ("ASSAULT", None)),
    ("Armenian troops violated the truce.", ("ASSAULT", None)),
])
def test_assault(nlp, text, expected):
    assert expected in coded(nlp, text)


@pytest.mark.parametrize("text", [
    "Brazil crushed Argentina 3-0 in the final.",
    "Stocks were hammered by fears of recession.",
    "Manchester United hammered Liverpool with three late goals.",
    "The company cut back spending on advertising.",
    "She picked up the phone and called her mother in Paris.",
    "The chef set the sauce on fire.",
    "The firm shut down its factory in Ohio.",
    "Prices advanced into record territory.",
    "The British minister sent out a delegation to Beijing.",
    "The prime minister dissolved parliament and called elections.",
    "Voters in Ireland crushed the referendum proposal.",
    "The French photographer snapped pictures of the crowd.",
    "The German bank froze the salaries of its staff.",
    "The storm wiped out the harvest in Kenya.",
    "Truckloads of goods rolled into Iraq from Jordan.",
    "The US government announced new regulations for transplant organs.",
    "The prosecutor had amassed enough evidence to bring a case.",
    "Police in Ohio had amassed a thick file of reports on him.",
    "She hanged the portrait above the fireplace.",
    "Praise rained down on the winning team.",
    "The coach reinforced his defence before half-time.",
    "The club's ban on smoking took effect on Monday.",
])
def test_everyday_copy_makes_no_material_conflict_event(nlp, text):
    assert not [t for t, _ in coded(nlp, text) if t in FORCE_TYPES]


# -- second probe: families of unseen phrasing (CAMEO 150, 151/152, 174 mass expulsion, 190) ---

@pytest.mark.parametrize("text, expected", [
    # 150 weapons rolled out, shown off, unveiled
    ("Russia rolled out its new ballistic missiles in a parade.", ("MOBILIZE", "weapons")),
    ("North Korea showed off its new missiles.", ("MOBILIZE", "weapons")),
    ("China showcased its new stealth fighter at an air show.", ("MOBILIZE", "weapons")),
    ("Iran unveiled a new cruise missile.", ("MOBILIZE", "weapons")),
    # 151/152 alert status raised
    ("South Korea raised its alert status along the border.", ("MOBILIZE", "troops")),
    ("The Indian army heightened its combat readiness.", ("MOBILIZE", "troops")),
    # 174 a population driven out
    ("Serbian forces drove thousands of ethnic Albanians across the border.", ("ASSAULT", "deport")),
    ("The Myanmar army forced thousands of villagers to flee into Thailand.", ("ASSAULT", "deport")),
    # 190 an enemy routed or thrown back
    ("Russian troops routed Georgian forces.", ("ASSAULT", None)),
    ("Ukrainian forces repelled a Russian offensive near Kharkiv.", ("ASSAULT", None)),
    ("Kurdish rebels beat back a Turkish army offensive.", ("ASSAULT", None)),
    # 150 shows of force
    ("China put on a show of force near Taiwan.", ("MOBILIZE", "troops")),
    ("Russian warplanes buzzed an American destroyer in the Baltic Sea.", ("MOBILIZE", "troops")),
    # 1724 emergency powers
    ("The Canadian prime minister invoked emergency powers.", ("COERCE", "martial-law")),
    # coups
    ("The Thai army staged a coup.", ("COERCE", None)),
    ("The military toppled the elected government of Niger.", ("COERCE", None)),
])
def test_second_probe_families(nlp, text, expected):
    assert expected in coded(nlp, text)


@pytest.mark.parametrize("text", [
    "The company rolled out a new phone.",
    "Apple showcased its new laptop at the fair.",
    "The gallery displayed new works by young artists.",
    "Manchester United defeated Chelsea on Sunday.",
    "The farmer drove the cattle across the river.",
    "The spray repels mosquitoes for hours.",
    "The climber attempted a new route up the mountain.",
    "The underdogs toppled the champions in the semi-final.",
])
def test_second_probe_everyday_copy_stays_uncoded(nlp, text):
    assert not [t for t, _ in coded(nlp, text) if t in FORCE_TYPES]


@pytest.mark.parametrize("lemma", ["showcase", "display", "reveal", "defeat", "repel", "chase", "herd"])
def test_second_probe_object_driven_verbs_get_no_loose_pattern(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]


# -- wire phrasing by CAMEO code (115/173, 185, 190, 193, 1721, 1722, 1724) --------------------
# the stand-in actor coder codes these sentences' country words, so they test the vocabulary alone

@pytest.mark.usefixtures("country_word_actors")
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
def test_wire_families(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.usefixtures("country_word_actors")
@pytest.mark.parametrize("text, unexpected", [
    # a parliament dissolved for an election is no coercion
    ("The Japanese prime minister dissolved parliament.", "COERCE"),
    # costs that overran, a sportsman who survived a scare
    ("Costs overran the budget by 20 percent.", "ASSAULT"),
    ("The Egyptian champion survived a late scare to win the match.", "THREATEN"),
])
def test_wire_families_leave_other_readings_alone(nlp, text, unexpected):
    assert unexpected not in types_of(nlp, text)


@pytest.mark.parametrize("lemma", ["overrun", "overran", "survive", "hatch", "void", "designate", "list"])
def test_wire_family_verbs_read_only_by_their_object_get_no_loose_pattern(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]
