"""The broad vocabulary of the cooperative PLOVER types (event_vocabulary_cooperation.yaml).

Short sentences written for these tests: each family of entries (CAMEO sub-codes 03-08) gets a
sentence it must code, and the risky entries a sentence it must leave alone. Actor coding belongs
to the actor module; a small table of country words stands in for it, so these tests check the
vocabulary alone.
"""

from __future__ import annotations

import pytest

from dateline.knowledge.cache import SHARED
from dateline.knowledge.event_patterns import DATA, VOCABULARY_FILES
from dateline.knowledge.files import read_yaml_mapping
from helpers import events_of, types_of

FILE = DATA / "event_vocabulary_cooperation.yaml"
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}

pytestmark = pytest.mark.usefixtures("country_word_actors")


def coded(nlp, text):
    """(type, mode, status, trigger text) of every event coded in ``text``."""
    return [(e.type, e.mode, e.status, e.trigger.text) for e in events_of(nlp, text)]


def asserted_types(nlp, text):
    return set(types_of(nlp, text))


# -- the file itself ---------------------------------------------------------------------------

def test_file_is_packaged_and_read_after_the_broad_vocabulary():
    assert FILE in VOCABULARY_FILES
    assert VOCABULARY_FILES.index(FILE) > 0


def _entries():
    return read_yaml_mapping(FILE, what="event pattern file", keys="patterns")["patterns"]


def test_every_entry_is_a_cooperative_type_with_a_known_mode():
    table = SHARED.plover()
    for entry in _entries():
        assert entry["type"] in COOPERATIVE, entry
        if entry.get("mode"):
            assert entry["mode"] in table.modes(entry["type"]), entry


def test_generic_verbs_always_carry_a_constraint():
    generic = {"make", "take", "give", "come", "put", "set", "end", "open", "hold", "have", "go", "let", "work"}
    for entry in _entries():
        lemmas = entry["lemma"] if isinstance(entry["lemma"], list) else [entry["lemma"]]
        if generic & set(lemmas) and entry.get("pos", "VERB") == "VERB":
            assert entry.get("object") or entry.get("particle") or entry.get("prep") or entry.get("xcomp"), entry


@pytest.mark.parametrize("lemma", ["sell", "gather", "engage", "enter", "play", "deposit", "swap", "work",
                                   "reschedule", "facilitate", "halve", "assemble", "dismantle", "allow",
                                   "permit", "clinch", "disregard", "lease", "rent", "lower"])
def test_verbs_that_take_their_meaning_from_the_object_get_no_loose_reading(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]


# -- sentences it must code ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # AGREE (03): commitments, assurances, proposals, settlements
    ("Iran committed itself to a peaceful settlement of the dispute with Iraq.", "AGREE"),
    ("Egypt gave assurances that it would protect the pilgrims.", "AGREE"),
    ("Japan made an offer to host the next round of talks with China.", "AGREE"),
    ("The Sudanese rebels put forward a proposal for a ceasefire.", "AGREE"),
    ("Syria said it was open to talks with Israel.", "AGREE"),
    ("Kenya and Uganda came to an agreement on the disputed island.", "AGREE"),
    ("Kenya and Uganda reached a consensus on the border.", "AGREE"),
    # CONSULT (04): talks entered, calls, visits, hosting, mediation, summits
    ("Chinese and Japanese officials engaged in talks over the disputed islands.", "CONSULT"),
    ("The Sudanese government entered into negotiations with the rebels.", "CONSULT"),
    ("The German chancellor held a video conference with the French president.", "CONSULT"),
    ("The Indian prime minister embarked on a tour of Southeast Asia.", "CONSULT"),
    ("Egypt played host to Israeli negotiators.", "CONSULT"),
    ("Qatar facilitated talks between the Afghan government and the Taliban.", "CONSULT"),
    ("Switzerland offered its good offices to Iran.", "CONSULT"),
    ("Leaders of Kenya and Uganda gathered in Nairobi for a regional summit.", "CONSULT"),
    # SUPPORT (05): congratulations, thanks, defence, recognition, remorse, accession
    ("The Chinese president sent a congratulatory message to the Indian prime minister.", "SUPPORT"),
    ("Germany expressed its gratitude to Jordan for hosting refugees.", "SUPPORT"),
    ("Venezuela came to the defence of Cuba at the United Nations.", "SUPPORT"),
    ("Russia opened an embassy in Bahrain.", "SUPPORT"),
    ("Israel and Bahrain exchanged ambassadors for the first time.", "SUPPORT"),
    ("Japan expressed remorse to China for its wartime conduct.", "SUPPORT"),
    # COOPERATE (06): working together, arms sales, joint initiatives, judicial, intelligence
    ("Police from Peru and Bolivia worked together to break up a smuggling ring.", "COOPERATE"),
    ("Russia sold fighter jets to India.", "COOPERATE"),
    ("Spain and Portugal launched a joint initiative against forest fires.", "COOPERATE"),
    ("Colombia transferred the drug suspect to the United States.", "COOPERATE"),
    ("Israel passed intelligence to Jordan about the plot.", "COOPERATE"),
    ("Mexico opened its markets to Canadian farm products.", "COOPERATE"),
    # AID (07): money, arms, advisers, support, asylum, airdrops
    ("Qatar deposited 2 billion dollars in Egypt's central bank.", "AID"),
    ("Germany delivered 40 tanks to the Ukrainian army.", "AID"),
    ("The United States sent military advisers to the Philippines.", "AID"),
    ("Australia provided logistical support to the Philippines.", "AID"),
    ("Sweden took in thousands of Iraqi refugees.", "AID"),
    ("Germany came to the aid of Greece with a loan package.", "AID"),
    ("Italy airdropped relief supplies to flood victims in Sudan.", "AID"),
    # CONCEDE (080-083): calling off dissent, backing down, withdrawing bills, commuting
    ("The Thai opposition called off its protest.", "CONCEDE"),
    ("A jailed Turkish activist ended his hunger strike.", "CONCEDE"),
    ("The Algerian president dropped his bid for a fifth term.", "CONCEDE"),
    ("The Israeli government withdrew the controversial bill.", "CONCEDE"),
    ("The Egyptian president commuted the death sentences of three dissidents.", "CONCEDE"),
    # RETREAT (084-087): release, unfreezing, access, de-escalation
    ("Iraq set two American hostages free.", "RETREAT"),
    ("Iran set free two American hostages.", "RETREAT"),
    ("Israel and Lebanon swapped prisoners under German mediation.", "RETREAT"),
    ("The United States unfroze Iranian assets.", "RETREAT"),
    ("Syria accepted Turkish monitors.", "RETREAT"),
    ("Israel allowed 50 trucks of humanitarian aid into Lebanon.", "RETREAT"),
    ("Russia reduced its troops in Syria.", "RETREAT"),
    ("Israel ended its occupation of southern Lebanon.", "RETREAT"),
    ("Colombian guerrillas handed over their weapons to Peru.", "RETREAT"),
    ("Ethiopia and Eritrea agreed to a 48-hour truce.", "RETREAT"),
    ("Japan's central bank opened a currency swap line with India.", "COOPERATE"),
    # second pass over CAMEO 04-08 (probe of unseen phrasing)
    ("The Kenyan president welcomed a Sudanese delegation to Nairobi.", "CONSULT"),
    ("Norway acted as a go-between for Colombia and the rebels.", "CONSULT"),
    ("The Spanish king said sorry to Mexico for the conquest.", "SUPPORT"),
    ("Russia sold S-300 missile systems to Iran.", "COOPERATE"),
    ("France leased a naval base in Djibouti.", "COOPERATE"),
    ("Spain handed the hacker over to the United States.", "COOPERATE"),
    ("Jordan shared information about the smugglers with Iraq.", "COOPERATE"),
    ("India cut tariffs on Japanese cars.", "COOPERATE"),
    ("Turkey expanded trade with Iraq.", "COOPERATE"),
    ("The United States shipped munitions to Israel.", "AID"),
    ("The IMF approved a rescue package for Greece.", "AID"),
    ("Kenyan teachers ended their strike.", "CONCEDE"),
    ("Egypt relaxed restrictions on the press.", "CONCEDE"),
    ("Colombian rebels handed back three kidnapped soldiers.", "RETREAT"),
    ("France returned ancient bronzes to Benin.", "RETREAT"),
    ("Sudan accepted the deployment of UN peacekeepers.", "RETREAT"),
    ("Myanmar let in foreign aid workers.", "RETREAT"),
    ("South Korea dismantled guard posts on the border.", "RETREAT"),
    ("The United States scaled back military drills with South Korea.", "RETREAT"),
    ("Japan cancelled joint military exercises with the Philippines.", "RETREAT"),
])
def test_cooperative_vocabulary_codes_the_sentence(nlp, text, expected):
    assert expected in asserted_types(nlp, text), coded(nlp, text)


# -- sentences it must leave alone ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The company sold its shares in the bank.",
    "She worked with the orchestra for twenty years.",
    "Investors pumped 3 billion dollars into technology stocks.",
    "Fans gathered in the square for the final.",
    "The bank reduced its staff by ten percent.",
    "The factory halved its output in March.",
    "The players swapped shirts after the match.",
    "The band played host to a packed stadium.",
    "Police dismantled a drug ring in the capital.",
    "He opened the window to let in fresh air.",
    "The new app allows users to share photos with friends.",
    "Investors disregarded the warning and bought more shares.",
    "The striker clinched the title with a late goal.",
    "The school honored its retiring teachers at a dinner.",
    "The senator has embraced his grandfather's story of migration.",
    "Charities solicit donations from the public every December.",
    "The hotel welcomed guests from all over the country.",
    "The shop cut prices on winter coats.",
    "The company leased office space downtown.",
    "The Kenyan businessman rented a house in Nairobi.",
    "Ukraine lowered the flag to half mast.",
    "Students shared information about the course with their friends.",
    "The coach scaled back training before the final.",
    "The Kenyan coach let in two goals.",
])
def test_everyday_copy_makes_no_cooperative_event(nlp, text):
    assert not (asserted_types(nlp, text) & COOPERATIVE), coded(nlp, text)


# -- second probe: families of unseen phrasing (CAMEO 033, 057, 061, 063, 064, 073, 082, 084, 087)

@pytest.mark.parametrize("text, expected", [
    # 033 a pledge of money, aid or arms is a promise, not a delivery
    ("Japan pledged 3 billion dollars to Kenya.", ("AGREE", "aid")),
    ("Germany pledged 500 million euros for the reconstruction of Ukraine.", ("AGREE", "aid")),
    ("Norway pledged aid to Sudan.", ("AGREE", "aid")),
    # 057 initialling a text
    ("Israel and Jordan initialled a peace plan.", ("SUPPORT", "sign")),
    ("Kenya and Uganda initialled the draft agreement.", ("SUPPORT", "sign")),
    # 061 joint infrastructure opened
    ("Iran and Iraq inaugurated a gas pipeline.", ("COOPERATE", "economic")),
    ("Kenya and Uganda inaugurated a railway linking their capitals.", ("COOPERATE", "economic")),
    # 063 a suspect handed to another state
    ("Pakistan handed over the suspect to the United States.", ("COOPERATE", "judicial")),
    ("Kenya handed over the alleged mastermind to Uganda.", ("COOPERATE", "judicial")),
    # 064 information and tips passed on
    ("Turkish intelligence passed information on a militant to Germany.", ("COOPERATE", "intelligence")),
    ("Jordan gave warnings about the plot to Egypt.", ("COOPERATE", "intelligence")),
    ("Japan restored its intelligence-sharing pact with South Korea.", ("COOPERATE", "intelligence")),
    # 073 relief carried in
    ("American helicopters dropped food and water to villagers in Peru.", ("AID", "humanitarian")),
    ("Turkey trucked food and blankets into Syria.", ("AID", "humanitarian")),
    ("Indian navy ships ferried drinking water to the islands of Sri Lanka.", ("AID", "humanitarian")),
    # 082 a sit-in called off or ended
    ("The Thai opposition called off its sit-in.", ("CONCEDE", "dissent")),
    ("Kenyan students ended their sit-in.", ("CONCEDE", "dissent")),
    # 087 guns fall silent
    ("India and Pakistan stopped firing along the border.", ("RETREAT", "ceasefire")),
    ("Israel halted its airstrikes on Lebanon.", ("RETREAT", "ceasefire")),
    # 043 red carpet; 075 doors opened to refugees
    ("Japan rolled out the red carpet for the Indian prime minister.", ("CONSULT", "host")),
    ("Germany opened its doors to Syrian refugees.", ("AID", "asylum")),
    # 05 status granted
    ("The European Union granted Ukraine candidate status.", ("SUPPORT", None)),
    # 071 paying the bill; 045 shuttling between parties
    ("Qatar footed the bill for Egypt's fuel imports.", ("AID", "economic")),
    ("The Norwegian envoy shuttled between Colombia and Venezuela.", ("CONSULT", "mediate")),
])
def test_second_probe_families_code_the_sentence(nlp, text, expected):
    assert expected in {(t, m) for t, m, status, _ in coded(nlp, text) if status in ("asserted", "planned", "reported")}, \
        coded(nlp, text)


@pytest.mark.parametrize("text", [
    "The mayor inaugurated a new swimming pool.",
    "The museum displayed paintings from the collection.",
    "The restaurant dropped prices on its lunch menu.",
    "The actor showed off his new car.",
    "She carried water to the garden.",
    "He handed over the keys to the new owner.",
    "Her parents footed the bill for the wedding.",
])
def test_second_probe_everyday_copy_stays_uncoded(nlp, text):
    assert not (asserted_types(nlp, text) & COOPERATIVE), coded(nlp, text)


@pytest.mark.parametrize("lemma", ["inaugurate", "commission", "leak", "revive"])
def test_second_probe_object_driven_verbs_get_no_loose_reading(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]


# -- wire phrasing by CAMEO code (036, 041, 042, 043, 061/062, 0841, 0863) ---------------------

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
def test_wire_families(nlp, text, expected):
    assert expected in types_of(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    # welcoming a decision is praise, not hosting
    ("Germany welcomed the agreement at a summit in Brussels.", "CONSULT"),
    # ties without a field, an offensive deepened
    ("Japan and India strengthened their ties.", "COOPERATE"),
    ("Israel deepened its offensive in the enclave.", "COOPERATE"),
])
def test_wire_families_leave_other_readings_alone(nlp, text, unexpected):
    assert unexpected not in types_of(nlp, text)


@pytest.mark.parametrize("lemma", ["land", "touch", "jet", "deepen", "enhance", "cement"])
def test_wire_family_verbs_read_only_by_their_object_get_no_loose_pattern(lemma):
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]
