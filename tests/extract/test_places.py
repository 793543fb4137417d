"""Toponyms: finding them, resolving them, and where events happened."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.places.where import agency_country
from dateline.extract.places import event_location, location_of, places
from dateline.records import Dateline, Layout, Place, Span, Zone


def _places(nlp, gaz, text, **options):
    return places(nlp(text), layout=None, gazetteer=gaz, **options)


def _found(found):
    return [(p.text, p.name) for p in found]


@pytest.mark.parametrize("text, expected", [
    ("Fighting went on in northern Syria on Tuesday.", [("northern Syria", "Syria")]),
    ("Ministers met in Ankara and then flew to Moscow.", [("Ankara", "Ankara"), ("Moscow", "Moscow")]),
    ("Ankara announced a new operation.", [("Ankara", "Ankara")]),
    ("Shelling was reported in Idlib province overnight.", [("Idlib province", "Idlib")]),
    ("The troops crossed to the area east of the Euphrates River last week.",
     [("east of the Euphrates River", "Euphrates")]),
    ("She studied at Moscow State University for five years.", []),
    ("The resolution went to the UN Security Council on Friday.", []),
])
def test_toponyms(nlp, small_gazetteer, text, expected):
    assert _found(_places(nlp, small_gazetteer, text)) == expected


@pytest.mark.parametrize("text, name, geonameid, lat, lon", [
    ("Officials in Syria said the talks failed.", "Syria", 163843, 35.0, 38.0),
    ("Officials in Russia said the talks failed.", "Russia", 2017370, 60.0, 100.0),
    ("Officials in Turkey said the talks failed.", "Turkey", 298795, 39.0, 35.0),
    ("Officials in Libya said the talks failed.", "Libya", 2215636, 28.0, 17.0),
])
def test_countries_are_centroids(nlp, small_gazetteer, text, name, geonameid, lat, lon):
    [place] = _places(nlp, small_gazetteer, text)
    assert (place.name, place.geonameid, place.lat, place.lon, place.feature) == (name, geonameid, lat, lon,
                                                                                  "A.PCLI")


@pytest.mark.parametrize("text", [
    "Syrian troops and Turkish officials met Russian diplomats.",
    "The Syrians said nothing.",
])
def test_demonyms_are_not_places(nlp, small_gazetteer, text):
    assert _places(nlp, small_gazetteer, text) == []


def test_demonyms_on_request(nlp, small_gazetteer):
    found = _places(nlp, small_gazetteer, "Syrian troops met Turkish officials.", demonyms=True)
    assert [(p.text, p.country, p.role) for p in found] == [("Syrian", "SYR", "demonym"),
                                                            ("Turkish", "TUR", "demonym")]


@pytest.mark.parametrize("text, expected", [
    ("The Irish won again on Sunday.", []),
    ("Thousands of Syrians fled as Russian and Turkish diplomats met.", ["Russian", "Turkish"]),
    ("He is a passionate Nigerian who loves the Turkish-backed plan.", ["Turkish"]),
])
def test_requested_demonyms_qualify_a_word(nlp, small_gazetteer, text, expected):
    """A nationality word that names people on its own is no place, even on request."""
    assert [p.text for p in _places(nlp, small_gazetteer, text, demonyms=True)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Washington said the sanctions would stay.", ("Washington", "metonym")),
    ("The Moscow talks ended without a deal.", ("Moscow", "modifier")),
    ("Fighting went on in Moscow on Tuesday.", ("Moscow", None)),
])
def test_roles(nlp, small_gazetteer, text, expected):
    found = _places(nlp, small_gazetteer, text)
    assert (found[0].text, found[0].role) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shells fell on the Syrian-Turkish border.", [("Syrian", "SYR"), ("Turkish", "TUR")]),
    ("No soldier set foot on Turkish soil.", [("Turkish", "TUR")]),
    ("Syrian troops met Turkish officials.", []),
    ("Feed sales grew in the Turkish livestock market.", [("Turkish", "TUR")]),
    ("Drones flew from Syrian airbases.", [("Syrian", "SYR")]),
    ("Turkish border guards met the Syrian president.", []),
])
def test_demonyms_qualifying_a_noun_of_land_are_places(nlp, small_gazetteer, text, expected):
    found = _places(nlp, small_gazetteer, text)
    assert [(p.text, p.country) for p in found] == expected
    assert all(p.role == "demonym" for p in found)


def test_embedded_on_request(nlp, small_gazetteer):
    text = "He worked for the Jordan Football Association before moving to Cairo."
    assert "Jordan" not in [p.text for p in _places(nlp, small_gazetteer, text)]
    found = _places(nlp, small_gazetteer, text, embedded=True)
    assert ("Jordan", "JOR") in [(p.text, p.country) for p in found]


def test_all_caps_dateline_without_layout(nlp, small_gazetteer):
    text = "BEIJING, March 4. The ministry said trade would grow."
    assert _found(_places(nlp, small_gazetteer, text))[0] == ("BEIJING", "Beijing")


def test_dateline_place_is_evidence(nlp, small_gazetteer):
    text = "PARIS, May 2. Talks went on in Paris and in Lyon."
    layout = Layout(zones=(), title=None, standfirst=(), body=None,
                    dateline=Dateline(0, 13, "PARIS, May 2.", "Paris", None, None, place_span=Span(0, 5, "PARIS")))
    found = places(nlp(text), layout=layout, gazetteer=small_gazetteer)
    assert [(p.text, p.country) for p in found] == [("PARIS", "FRA"), ("Paris", "FRA"), ("Lyon", "FRA")]



def test_a_place_the_dateline_names_is_the_reading_of_the_same_name_later(nlp, small_gazetteer):
    body = "The team trained at home in Washington before the season."
    alone = {p.text: p for p in _places(nlp, small_gazetteer, body)}
    assert alone["Washington"].feature == "P.PPLC"
    text = "SPOKANE, Wash. - " + body
    layout = Layout(zones=(), title=None, standfirst=(), body=None,
                    dateline=Dateline(0, 16, "SPOKANE, Wash. -", "Spokane", None, None,
                                      place_span=Span(0, 7, "SPOKANE")))
    found = {p.text: p for p in places(nlp(text), layout=layout, gazetteer=small_gazetteer)}
    assert found["Washington"].feature == "A.ADM1"

def test_excluded_zones_are_skipped(nlp, small_gazetteer):
    text = "Photo: Berlin archive\nTalks went on in Vienna."
    layout = Layout(zones=(Zone("caption", 0, 21),), title=None, standfirst=(), dateline=None, body=None)
    found = places(nlp(text), layout=layout, gazetteer=small_gazetteer)
    assert [p.text for p in found] == ["Vienna"]


def test_context_picks_the_nearby_reading(nlp, small_gazetteer):
    text = "Storms hit Texas on Monday. Roads were closed in Paris and in Dallas."
    found = {p.text: p for p in _places(nlp, small_gazetteer, text)}
    assert found["Paris"].country == "USA"


def test_one_unresolvable_name_keeps_the_others(nlp, small_gazetteer):
    text = "Delegates from Qarnaxibad and Vienna arrived in Geneva."
    found = _places(nlp, small_gazetteer, text)
    resolved = [p.name for p in found if p.geonameid]
    assert "Vienna" in resolved and "Geneva" in resolved
    assert all((p.lat is None) == (p.name is None) for p in found)


def test_no_gazetteer_means_no_places(nlp):
    assert places(nlp("Talks in Vienna."), layout=None, gazetteer=None) == []


def test_place_record_shape(nlp, small_gazetteer):
    [place] = _places(nlp, small_gazetteer, "Talks went on in Vienna.")
    assert set(place.to_dict()) == {"start", "end", "text", "name", "geonameid", "lat", "lon", "country", "feature",
                                    "score", "role"}
    assert 0 < place.score <= 1


@pytest.mark.parametrize("agency, expected", [("TASS", "RUS"), ("Xinhua", "CHN"), ("tass", "RUS"),
                                              ("Unknown Wire", None), (None, None)])
def test_agency_country(agency, expected):
    assert agency_country(agency) == expected


# -- event locations ----------------------------------------------------------------------------

def _event_location(nlp, gaz, text, trigger, dateline_place=None):
    doc = nlp(text)
    found = places(doc, layout=None, gazetteer=gaz)
    start = text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    return event_location(doc, found, start=start, end=start + len(trigger), sentence_start=sent.start_char,
                          sentence_end=sent.end_char, dateline_place=dateline_place)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Turkish jets struck targets near Aleppo on Monday.", "struck", "Aleppo"),
    ("Police arrested 20 protesters in Cairo after the rally.", "arrested", "Cairo"),
    ("Ankara announced the operation on Tuesday.", "announced", None),
])
def test_event_location(nlp, small_gazetteer, text, trigger, expected):
    loc = _event_location(nlp, small_gazetteer, text, trigger)
    assert (loc.name if loc else None) == expected


def test_event_location_falls_back_to_the_dateline(nlp, small_gazetteer):
    moscow = Place(0, 6, "MOSCOW", name="Moscow", geonameid=524901, lat=55.75, lon=37.62, country="RUS",
                   feature="P.PPLC")
    loc = _event_location(nlp, small_gazetteer, "He told reporters that talks would go on.", "told",
                          dateline_place=moscow)
    assert loc == location_of(moscow)


def test_event_location_of_a_foreign_event_is_not_the_dateline(nlp, small_gazetteer):
    moscow = Place(0, 6, "MOSCOW", name="Moscow", geonameid=524901, lat=55.75, lon=37.62, country="RUS")
    loc = _event_location(nlp, small_gazetteer, "Ankara announced the operation on Tuesday.", "announced",
                          dateline_place=moscow)
    assert loc is None


# -- invariants ---------------------------------------------------------------------------------

_words = st.sampled_from(["in", "Syria", "northern", "RIYADH", "Idlib", "province", "the", "Euphrates", "River",
                          "and", "Azaz", ",", ".", "\n", "Moscow", "State", "University", "Syrian", "east", "of",
                          "U.S.", "BA", "é", "’s", "Calif.", "  "])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_words, max_size=25).map(" ".join) | st.text(max_size=80))
def test_offsets_slice_back_and_nothing_crashes(nlp, small_gazetteer, text):
    for options in ({}, {"demonyms": True, "embedded": True}):
        for place in places(nlp(text), layout=None, gazetteer=small_gazetteer, **options):
            assert text[place.start:place.end] == place.text
            assert (place.lat is None) == (place.lon is None)


@pytest.mark.parametrize("text, expected", [
    # A county the gazetteer lacks stays unresolved rather than becoming a town of that name.
    ("Deputies patrolled Walker County on Sunday.", None),
    ("Pilgrims gathered in Vatican City for Easter.", "VAT"),
    ("Crowds filled the streets of Mexico City.", "MEX"),
])
def test_administrative_nouns(nlp, small_gazetteer, text, expected):
    found = _places(nlp, small_gazetteer, text)
    assert [p.country for p in found][:1] in ([expected], [])
    assert all(p.country == expected for p in found)


@pytest.mark.parametrize("text, expected", [
    # The model labels these ORG and NORP; the gazetteer recovers them.
    ("The army holds a strip between the border towns of Azaz and Jarablus.",
     [("Azaz", "SYR"), ("Jarablus", "SYR")]),
    ("Both sides said they remain committed to the Sochi agreements.", [("Sochi", "RUS")]),
    ("Rebels withdrew from Idlib province and regrouped north of Aleppo.",
     [("Idlib province", "SYR"), ("north of Aleppo", "SYR")]),
])
def test_mislabelled_entities(nlp, small_gazetteer, text, expected):
    assert [(p.text, p.country) for p in _places(nlp, small_gazetteer, text)] == expected


def test_agency_home_is_weak_evidence(nlp, small_gazetteer):
    text = "MOSCOW, June 3. Talks will resume."
    layout = Layout(zones=(), title=None, standfirst=(), body=None,
                    dateline=Dateline(0, 15, "MOSCOW, June 3.", "Moscow", None, "TASS",
                                      place_span=Span(0, 6, "MOSCOW")))
    [place] = places(nlp(text), layout=layout, gazetteer=small_gazetteer)
    assert (place.name, place.feature, place.geonameid) == ("Moscow", "P.PPLC", 524901)


# -- recall mechanisms (settings defaults: embedded on, demonyms off) ------------------------------

def _default(nlp, gaz, text):
    return [(p.text, p.country) for p in places(nlp(text), layout=None, gazetteer=gaz, embedded=True)]


@pytest.mark.parametrize("text, expected", [
    # Streets, buildings and sites are spans even without coordinates, whatever the model's label.
    ("Shots were fired on Royal Street late on Friday.", [("Royal Street", None)]),
    ("The choir sang at Holy Redeemer Church on Sunday.", [("Holy Redeemer Church", None)]),
    ("Patients were moved to the Bambino Gesu Paediatric Hospital in Rome.",
     [("Bambino Gesu Paediatric Hospital", None), ("Rome", "ITA")]),
    # An organisation is not a facility, and its place name is an embedded toponym.
    ("She studied at Moscow State University for five years.", [("Moscow", "RUS")]),
])
def test_facilities(nlp, small_gazetteer, text, expected):
    assert _default(nlp, small_gazetteer, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Major places the model labels PERSON or ORG.
    ("Delegates flew to Abuja for the talks.", [("Abuja", "NGA")]),
    ("The governor of Rajasthan spoke to the Rajasthan assembly.", [("Rajasthan", "IND"), ("Rajasthan", "IND")]),
    # Two places run together into one entity.
    ("Unemployment is high in countries such as Cyprus, Greece Italy or Spain.",
     [("Cyprus", "CYP"), ("Greece", "GRC"), ("Italy", "ITA"), ("Spain", "ESP")]),
    # A surname is not a place, even a town's name, once the article names the person in full.
    ("Conor McGregor was arrested. A source close to McGregor said he was upset.", []),
    # A title in quotation marks is not a place.
    ('He starred in the Broadway smash "Hamilton."', [("Broadway", None)]),
    # Words on the stoplist and common nouns at the start of a sentence.
    ("Settlement talks began in 2016.", []),
    ("El Niño and La Niña shape the hurricane season.", []),
])
def test_mislabelled_names(nlp, small_gazetteer, text, expected):
    assert _default(nlp, small_gazetteer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ms Blampied told the Suffolk Times that she was worried.", [("Suffolk", "USA")]),
    ("He worked with Seattle Fire and Police at every Seattle Seahawks home game.", [("Seattle", "USA")]),
    ("The Muscat International Film Festival came to a close.", [("Muscat", "OMN")]),
    ("The Communist Party of Vietnam Nguyen Phu Trong spoke.", [("Vietnam", "VNM")]),
    # Operation names are not places, embedded or not.
    ("Turkey has conducted three operations in Syria: Euphrates Shield, Olive Branch and Peace Spring.",
     [("Turkey", "TUR"), ("Syria", "SYR")]),
])
def test_embedded_toponyms(nlp, small_gazetteer, text, expected):
    assert _default(nlp, small_gazetteer, text) == expected


def test_division_without_coordinates_is_named(nlp, small_gazetteer):
    [place] = places(nlp("The lake lies in Limpopo province."), layout=None, gazetteer=small_gazetteer)
    assert (place.text, place.name, place.country, place.feature, place.lat) == (
        "Limpopo province", "Limpopo", "ZAF", "A.ADM1", None)


def _candidate(name, population, prio=0):
    from dateline.knowledge.gazetteer import Candidate

    return Candidate(1, name, 1.0, 1.0, "P", "PPL", "PK", "PAK", "01", population, 0, prio)


@pytest.mark.parametrize("cands, text, preposition, expected", [
    ([_candidate("Wana", 2_223)], "Wana", "at", True),           # a village by its own name
    ([_candidate("Wana", 2_223)], "Wana", "of", False),          # "Minister of ...": not enough
    ([_candidate("Royal City", 2_000, prio=2)], "Royal", "in", False),  # only an alternate name
    ([_candidate("Wana", 400)], "Wana", "in", False),            # too small to recognise
    ([_candidate("Dewsbury", 62_945)], "Dewsbury", "of", True),  # a town after any preposition
])
def test_places_after_prepositions(cands, text, preposition, expected):
    from dateline.extract.places.candidates import is_local

    assert is_local(cands, text, preposition) is expected


@pytest.mark.parametrize("text, name", [
    ("In England the championship returns to Kent in May, then heads to Norfolk.", ["England", "Kent", "Norfolk"]),
    ("Police in North Yorkshire said the road was closed.", ["North Yorkshire"]),
])
def test_english_counties_are_in_england(nlp, small_gazetteer, text, name):
    found = _places(nlp, small_gazetteer, text)
    assert [(p.text, p.country) for p in found] == [(n, "GBR") for n in name]


def test_a_place_name_the_model_split_is_one_place(nlp, small_gazetteer):
    from spacy.tokens import Span as SpacySpan

    doc = nlp("Thousands now live in Boa Vista, the state capital.")
    doc.ents = [SpacySpan(doc, 4, 5, "GPE"), SpacySpan(doc, 5, 6, "ORG")]  # "Boa" + "Vista"
    found = places(doc, layout=None, gazetteer=small_gazetteer)
    assert [(p.text, p.country) for p in found] == [("Boa Vista", "BRA")]


def test_a_division_no_city_places_opens_an_organisation(nlp, small_gazetteer):
    """Osun, a Nigerian state, has no coordinates in the gazetteer but is still a place."""
    found = _places(nlp, small_gazetteer, "The Osun State Police Command said it recovered 86 guns.", embedded=True)
    assert [(p.text, p.country, p.lat) for p in found] == [("Osun", "NGA", None)]


def test_a_name_found_as_a_place_is_one_where_it_comes_back(nlp, small_gazetteer):
    text = "A new office opened in Nelson on Monday. Nelson residents can visit it from May."
    found = _places(nlp, small_gazetteer, text)
    assert [(p.text, p.start) for p in found] == [("Nelson", 23), ("Nelson", 41)]
    assert found[0].geonameid == found[1].geonameid


def test_a_name_used_mostly_as_something_else_does_not_come_back_as_a_place(nlp, small_gazetteer):
    text = "Sales rose at Zara. Zara said on Monday that Zara had hired staff. Analysts said Zara would grow."
    assert [p.start for p in _places(nlp, small_gazetteer, text)] == [14]


@pytest.mark.parametrize("text, expected", [
    ("The streetcar rolled down Bourbon and Dauphine streets to the river.", ["Bourbon", "Dauphine"]),
    ("He collapsed at the corner of State and Hubbard, police said.", ["State", "Hubbard"]),
    ("A church stood at the Chartres/Franklin intersection.", ["Chartres", "Franklin"]),
])
def test_names_sharing_a_street_noun_are_streets(nlp, small_gazetteer, text, expected):
    found = [p for p in _places(nlp, small_gazetteer, text) if p.text in expected]
    assert [p.text for p in found] == expected


def test_a_county_whose_best_reading_is_a_town_stays_unknown(nlp, small_gazetteer):
    text = "Police in Virginia said Suffolk County detectives found the car near Norfolk."
    found = {p.text: p for p in _places(nlp, small_gazetteer, text)}
    county = next(p for name, p in found.items() if name.startswith("Suffolk"))
    assert county.lat is None and county.feature is None
