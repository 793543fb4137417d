"""Toponyms the article's own words decide: nationality words that qualify a thing of the country,
unknown names that act, buildings that stand for their institution, initials of a named place."""

from __future__ import annotations

import pytest

from dateline.extract.places import places
from dateline.extract.places.aliases import initialisms
from dateline.extract.places.candidates import Mention
from dateline.extract.places.demonyms import actor_heads
from dateline.extract.places.unplaced import without_institutions, without_unknown_agents


def _places(nlp, gaz, text, **options):
    return places(nlp(text), layout=None, gazetteer=gaz, **options)


def _mention(text: str, name: str, source: str = "ner", role: str | None = None, label: str | None = "GPE",
             nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, start, start + len(name), source, label=label, role=role)


def test_actor_heads_take_the_roles_head_words_and_their_plurals():
    heads = actor_heads(["soldier", "army", "border guard", "Government"])
    assert {"soldier", "soldiers", "army", "armies", "guard", "guards", "government", "governments"} <= heads
    assert "border" not in heads


@pytest.mark.parametrize("text, expected", [
    ("The Turkish economy grew last year.", [("Turkish", "TUR")]),
    ("Officials said Chinese imports fell sharply in March.", [("Chinese", "CHN")]),
    ("Fans waved the Armenian flag outside.", [("Armenian", "ARM")]),
])
def test_demonyms_qualifying_a_thing_of_the_country_are_places(nlp, small_gazetteer, text, expected):
    found = [p for p in _places(nlp, small_gazetteer, text) if p.role == "demonym"]
    assert [(p.text, p.country) for p in found] == expected


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin met the Turkish delegation.",
    "Syrian forces shelled the town as Turkish soldiers watched.",
    "The Russian government and Turkish authorities agreed.",
])
def test_demonyms_qualifying_an_actor_or_a_person_stay_out(nlp, small_gazetteer, text):
    assert [p.text for p in _places(nlp, small_gazetteer, text) if p.role == "demonym"] == []


def test_an_unknown_name_that_acts_is_no_place_in_any_of_its_uses():
    text = "Zorvat said the camp was cold. Life in Zorvat is hard, and Ankara knows it."
    mentions = [_mention(text, "Zorvat", role="metonym"), _mention(text, "Zorvat", nth=1),
                _mention(text, "Ankara", role="metonym")]
    known = {"Ankara"}.__contains__
    assert [m.name for m in without_unknown_agents(mentions, text, known)] == ["Ankara"]


def test_unknown_names_in_lower_case_go_and_streets_stay():
    text = "They met in mosques near Royal Street, which Royal Street residents said was calm."
    mentions = [_mention(text, "mosques"), _mention(text, "Royal Street", source="facility", role="metonym")]
    kept = without_unknown_agents(mentions, text, lambda name: False)
    assert [m.name for m in kept] == ["Royal Street"]


def test_a_building_qualifying_staff_stands_for_its_institution(nlp):
    text = "White House aides met reporters near the White House gates."
    doc = nlp(text)
    aides = _mention(text, "White House", source="facility", role="modifier", label="ORG")
    gates = _mention(text, "White House", source="facility", role="modifier", label="ORG", nth=1)
    kept = without_institutions([aides, gates], doc, frozenset({"aides"}))
    assert [m.start for m in kept] == [gates.start]


def test_initials_of_a_place_named_in_the_article(nlp, small_gazetteer):
    text = "Mining firms in South Africa are growing. Critics say SA needs new rules, as the US does."
    doc = nlp(text)
    mentions = [_mention(text, "South Africa")]
    taken = [False] * len(doc)
    found = [(doc[i].text, name) for i, name in initialisms(doc, mentions, taken, small_gazetteer)]
    assert found == [("SA", "South Africa")]


def test_initials_resolve_as_the_full_name(nlp, small_gazetteer):
    text = "South Africans voted on Monday. Observers said SA holds the world's largest platinum reserves."
    found = [p for p in _places(nlp, small_gazetteer, text) if p.text == "SA"]
    assert [(p.name, p.country) for p in found] == [("South Africa", "ZAF")]


def test_a_name_the_text_calls_a_settlement_is_a_place_known_or_not(nlp, small_gazetteer):
    text = ("Boys train in the gated suburb of Qarvinet, near Cairo. The Qarvinet academy opened "
            "last year.")
    found = [(p.text, p.lat is None) for p in _places(nlp, small_gazetteer, text)]
    assert ("Qarvinet", True) in found
    assert found.count(("Qarvinet", True)) == 2  # its later use comes back as the same place


def test_a_capitalized_noun_before_of_names_no_settlement(nlp, small_gazetteer):
    text = "He met the Friends of Qarvinet and the Community of Oldham fans."
    assert "Qarvinet" not in [p.text for p in _places(nlp, small_gazetteer, text)]


def test_a_venue_after_at_and_before_in_a_town_is_a_place_there(nlp, small_gazetteer):
    text = "She spoke at a press briefing at the Palais des Nations in Geneva on Friday."
    found = {p.text: p for p in _places(nlp, small_gazetteer, text)}
    assert "Palais des Nations" in found and "Geneva" in found
    assert found["Palais des Nations"].geonameid == found["Geneva"].geonameid


def test_a_person_or_a_name_after_another_preposition_is_no_venue(nlp, small_gazetteer):
    text = "The report was written by Nate Raymond in Boston for the Congress party in Mumbai."
    found = [p.text for p in _places(nlp, small_gazetteer, text)]
    assert "Nate Raymond" not in found and "Congress party" not in found and "Boston" in found


def test_a_place_right_after_another_place_is_no_part_of_its_name(nlp, small_gazetteer):
    text = "Troops paraded at the barracks in Maiduguri Borno State on Sunday."
    found = [p.text for p in _places(nlp, small_gazetteer, text)]
    assert "Maiduguri" in found and any(t.startswith("Borno") for t in found)


def test_uses_that_only_qualify_a_noun_do_not_outvote_a_place(nlp, small_gazetteer):
    text = ("Nelson residents will find it easier to get help. The province opened an office in Nelson "
            "on Monday, and people can visit the Nelson office and the Nelson library.")
    found = [p.text for p in _places(nlp, small_gazetteer, text)]
    assert found.count("Nelson") == 4


def test_a_name_a_prefix_noun_opens_is_a_place_known_or_not(nlp, small_gazetteer):
    text = ("Originally named Rue d’Enghein, the street later marked the edge of the Faubourg Qarvinet. "
            "Hikers climbed Mount Qarvel.")
    found = [p.text for p in _places(nlp, small_gazetteer, text)]
    assert {"Rue d’Enghein", "Faubourg Qarvinet", "Mount Qarvel"} <= set(found)


def test_a_prefix_noun_alone_or_in_lower_case_opens_no_name(nlp, small_gazetteer):
    text = "They set up camp by the lake and rode a mount along the rue of the old town."
    assert _places(nlp, small_gazetteer, text) == []


def test_a_name_a_capitalized_settlement_noun_ends_is_looked_up_whole(nlp, small_gazetteer):
    text = "Residents of Qarvel Town met their MP. Qarvel Town residents want jobs."
    found = [p for p in _places(nlp, small_gazetteer, text) if "Qarvel" in p.text]
    assert [p.text for p in found] == ["Qarvel Town", "Qarvel Town"]
    assert all(p.lat is None for p in found)  # not some town called Qarvel elsewhere


@pytest.mark.parametrize("text, name", [
    ("Eswar Prasad is a professor of trade policy at Cornell University.", "Cornell University"),
    ("The swimming events were held at the University of Perpetual Help.", "University of Perpetual Help"),
])
def test_an_institution_after_at_is_a_place_without_a_town(nlp, small_gazetteer, text, name):
    found = {p.text: p for p in _places(nlp, small_gazetteer, text)}
    assert name in found and found[name].lat is None


@pytest.mark.parametrize("text", [
    "Cornell University said its budget would grow.",
    "Researchers at the Cornell lab said the budget would grow.",
])
def test_an_institution_not_after_at_or_without_a_head_is_no_venue(nlp, small_gazetteer, text):
    assert "Cornell University" not in [p.text for p in _places(nlp, small_gazetteer, text)]


@pytest.mark.parametrize("text, expected", [
    ("Israel and others joined the U.S.-led coalition.", [("Israel", "ISR"), ("U.S.", "USA")]),
    ("The U.S.-China talks ended.", [("U.S.", "USA"), ("China", "CHN")]),
    ("PLEASANTON, Calif.--( )--DeltaTrak , a maker of sensors, said it grew.",
     [("PLEASANTON", "USA"), ("Calif.", "USA")]),
])
def test_a_place_inside_a_hyphened_token_is_found(nlp, small_gazetteer, text, expected):
    found = _places(nlp, small_gazetteer, text)
    assert [(p.text, p.country) for p in found] == expected
    assert all(text[p.start:p.end] == p.text for p in found)


def test_no_place_inside_a_hyphened_token_that_names_none(nlp, small_gazetteer):
    assert _places(nlp, small_gazetteer, "The Co.-owned unit was the No.-1 seed in Mid-March.") == []


@pytest.mark.parametrize("text, expected", [
    ("Relations between Russia and the West grew worse.", ["Russia", "West"]),
    ("The governments of two dozen Western countries expelled diplomats.", ["Western"]),
])
def test_bloc_words_are_places_without_a_point(nlp, small_gazetteer, text, expected):
    found = _places(nlp, small_gazetteer, text)
    assert [p.text for p in found] == expected
    assert all(p.lat is None for p in found if p.text in ("West", "Western"))


@pytest.mark.parametrize("text", [
    "Western leaders met in the spring.",
    "Settlers moved deeper into the West Bank.",
])
def test_bloc_words_before_an_actor_or_in_a_longer_name_are_no_bloc(nlp, small_gazetteer, text):
    assert [p for p in _places(nlp, small_gazetteer, text) if p.text in ("West", "Western")] == []
