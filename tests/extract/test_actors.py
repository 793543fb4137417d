"""Actor mentions in parsed text: spans, codes, article-level linking, layout, invariants."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.actors import actors, code_span
from dateline.records import Layout, Span, Zone
from helpers import actor_named, actors_of

pytestmark = pytest.mark.slow

DATE = "2019-10-14"  # the day the sentences are read on (who holds which office)


@pytest.mark.parametrize("text, mention, expected", [
    ("Foreign Ministry Spokeswoman Olga Ivanova told reporters on Monday.",
     "Foreign Ministry Spokeswoman Olga Ivanova", ("Olga Ivanova", None, "GOV", "person")),
    ("Russian President Vladimir Putin arrived in Paris.",
     "Russian President Vladimir Putin", ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Ankara denied the claims.", "Ankara", ("Turkey", "TUR", "GOV", "state")),
    ("The Kremlin declined to comment.", "The Kremlin", ("Russia", "RUS", "GOV", "state")),
    ("Downing Street said the talks would go on.", "Downing Street", ("Britain", "GBR", "GOV", "state")),
    ("Later the Turkish armed forces shelled the town.",
     "the Turkish armed forces", ("Turkish armed forces", "TUR", "MIL", "group")),
    ("The army struck Syrian positions near the border.",
     "Syrian positions", ("Syrian positions", "SYR", "MIL", "group")),
    ("Militants attacked a checkpoint overnight.", "Militants", ("Militants", None, "REB", "group")),
    ("The global community condemned the move.",
     "The global community", ("global community", "IGO", None, "group")),
    ("Hundreds of protesters gathered outside the parliament building.",
     "Hundreds of protesters", ("protesters", None, "CVL", "group")),
    ("Mongolia's government reported the fire.", "Mongolia's government",
     ("Mongolia's government", "MNG", "GOV", "organization")),
    ("The Red Cross delivered food to the camp.", "The Red Cross", ("Red Cross", "NGO", "MED", "organization")),
    ("NATO warned Moscow on Friday.", "NATO", ("NATO", "IGO", "MIL", "organization")),
    ("Syrian refugees crossed the border.", "Syrian refugees", ("Syrian refugees", "SYR", "REF", "group")),
])
def test_mentions(nlp, kb, text, mention, expected):
    found = actor_named(actors_of(nlp, kb, text, date=DATE), mention)
    assert (found.name, found.country, found.sector, found.kind) == expected


def test_country_as_actor(nlp, kb):
    found = actor_named(actors_of(nlp, kb, "Russia and Turkey maintain contacts.", date=DATE), "Russia")
    assert (found.name, found.country, found.sector, found.kind) == ("Russia", "RUS", "GOV", "state")


def test_office_holder_by_story_date(nlp, kb):
    text = "The US president spoke to reporters."
    assert actor_named(actors_of(nlp, kb, text, date="2019-10-14"), "The US president").name == "Donald Trump"
    assert actor_named(actors_of(nlp, kb, text, date="2011-10-14"), "The US president").name == "Barack Obama"


def test_short_names_link_to_the_full_one(nlp, kb):
    text = ("Defence Minister Boris Karlov arrived on Monday. "
            "Karlov later met the press. \"We are ready,\" Karlov said.")
    found = actors_of(nlp, kb, text, date=DATE)
    first = actor_named(found, "Defence Minister Boris Karlov")
    assert (first.name, first.sector) == ("Boris Karlov", "MIL")
    later = [a for a in found if a.text == "Karlov"]
    assert later and all(a.name == "Boris Karlov" and a.sector == "MIL" for a in later)


def test_titles_link_to_the_person(nlp, kb):
    text = ("Kremlin Spokesman Dmitry Peskov spoke on Monday. "
            "The Kremlin spokesman said the talks went well.")
    found = actors_of(nlp, kb, text, date=DATE)
    assert actor_named(found, "The Kremlin spokesman").name == "Dmitry Peskov"


def test_conjoined_demonyms_are_split(nlp, kb):
    found = actors_of(nlp, kb, "The Russian and Turkish authorities have maintained contacts.", date=DATE)
    codes = {(a.country, a.sector) for a in found}
    assert {("RUS", "GOV"), ("TUR", "GOV")} <= codes


def test_possessor_of_a_non_actor_phrase(nlp, kb):
    found = actors_of(nlp, kb, "The UN criticised Ankara's military operation.", date=DATE)
    assert actor_named(found, "Ankara").country == "TUR"
    assert not any("operation" in a.text for a in found)


def test_excluded_zones_are_skipped(nlp, kb):
    text = "Photo: Dmitry Peskov\nRussia and Turkey talked on Monday."
    layout = Layout(zones=(Zone("caption", 0, 20), Zone("body", 21, len(text))), title=None,
                    standfirst=(), dateline=None, body=Span(21, len(text), text[21:]))
    found = actors_of(nlp, kb, text, layout=layout, date=DATE)
    assert found and all(a.start >= 21 for a in found)


def test_sorted_and_without_overlaps(nlp, kb):
    text = ("Syrian President Bashar Assad met the Kurds. The Syrian military and Turkish soldiers "
            "clashed, while the UN Security Council's members called for calm.")
    found = actors_of(nlp, kb, text, date=DATE)
    starts = [a.start for a in found]
    assert starts == sorted(starts)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_code_span(nlp, kb):
    text = "On Monday the Turkish armed forces retaliated."
    doc = nlp(text)
    start = text.index("the Turkish")
    found = code_span(doc, start, start + len("the Turkish armed forces"), knowledge=kb)
    assert (found.text, found.country, found.sector) == ("the Turkish armed forces", "TUR", "MIL")
    assert code_span(doc, 0, 9, knowledge=kb) is None


def test_knowledge_none_uses_packaged(nlp):
    doc = nlp("Ankara said nothing.")
    assert actors(doc, layout=None, knowledge=None, date=None)[0].country == "TUR"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Russia", "the", "Kremlin", "spokesman", "said", "Peskov", ",", "and",
                                 "Turkish", "forces", "’s", "Mr.", "U.S.", "\n", "attacked", "rebels",
                                 "President", "X", "36", "\"", "of", "Syria"]), max_size=25))
def test_offsets_slice_back(nlp, kb, words):
    text = " ".join(words)
    for a in actors_of(nlp, kb, text, date=DATE):
        assert text[a.start:a.end] == a.text
        assert a.kind in ("person", "organization", "state", "group")


@pytest.mark.parametrize("text, mention, date, expected", [
    ("President Clinton signed the bill.", "President Clinton", "1998-05-01", ("Bill Clinton", "USA", "GOV")),
    ("Clinton spoke in Ohio.", "Clinton", "2016-05-01", ("Hillary Clinton", "USA", "ELI")),
    ("A group of Yoruba elders met the governor.", "A group of Yoruba elders", None, ("Yoruba elders", "NGA", "ELI")),
    ("Voters in New Jersey backed the nominee.", "Voters in New Jersey", None, ("Voters", "USA", "CVL")),
    ("Clashes erupted in Idlib on Monday, officials said.", "Idlib", None, ("Idlib", "SYR", None)),
    ("The president of Mongolia arrived.", "The president of Mongolia", None, ("president", "MNG", "GOV")),
])
def test_context_decides(nlp, kb, text, mention, date, expected):
    found = actor_named(actors_of(nlp, kb, text, date=date), mention)
    assert (found.name, found.country, found.sector) == expected


def test_spans_do_not_start_with_brackets(nlp, kb):
    found = actors_of(nlp, kb, "PARIS (AFP) Officials in Ankara denied it.", date=DATE)
    assert all(a.text[:1].isalnum() and a.text[-1:] not in "()" for a in found)
    assert actor_named(found, "AFP").sector == "MED"


def test_transcript_speaker_labels(nlp, kb):
    found = actors_of(nlp, kb, "HOST: Welcome back.\nPENCE: Well, look, we are ready.", date="2016-10-04")
    assert actor_named(found, "PENCE").name == "Mike Pence"


@pytest.mark.parametrize("text, mention, country", [
    ("Militants attacked a checkpoint in Aleppo on Monday.", "Militants", "SYR"),
    ("Refugees gathered near the border in northern Mongolia.", "Refugees", "MNG"),
    ("The army shelled positions in Aleppo.", "The army", "SYR"),       # a home authority too
    ("The Turkish army shelled positions in Aleppo.", "The Turkish army", "TUR"),  # keeps its own
    ("Police arrested 20 people in the Nigerian city of Jos.", "Police", "NGA"),
    ("Kenya's government denied that police had detained him.", "police", "KEN"),  # the one country
    ("U.S. officials said Iraqi police detained militants.", "militants", None),     # two: no guess
    ("Militants attacked a checkpoint.", "Militants", None),
])
def test_stateless_actors_take_the_country_of_the_scene(nlp, kb, text, mention, country):
    assert actor_named(actors_of(nlp, kb, text, date=DATE), mention).country == country


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_text(nlp, kb, text):
    for a in actors_of(nlp, kb, text, date=DATE):
        assert text[a.start:a.end] == a.text and a.start < a.end


_SAMPLE = ("Kremlin Spokesman Dmitry Peskov said on Monday that the Turkish armed forces and "
           "militants near Aleppo (Syria) had clashed, while Ankara's envoy met U.N. officials.")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(_SAMPLE)), st.integers(0, len(_SAMPLE)))
def test_code_span_any_offsets(nlp, kb, a, b):
    start, end = min(a, b), max(a, b)
    found = code_span(nlp(_SAMPLE), start, end, knowledge=kb, date="2019-10-14")
    assert found is None or (found.start, found.end, found.text) == (start, end, _SAMPLE[start:end])


def test_bare_roles_take_the_organisation_named_before(nlp, kb):
    text = ("The army fired first. The Mongolian Defence Ministry said the attack failed. "
            "The ministry added that talks would go on.")
    found = actors_of(nlp, kb, text, date=DATE)
    assert actor_named(found, "The ministry").name == "Mongolian Defence Ministry"
    assert actor_named(found, "The army").country is None            # nothing named before it


# -- unfamiliar actors: general mechanisms ------------------------------------------------------

@pytest.mark.parametrize("text, mention, expected", [
    # a title with a country adjective before an unknown name
    ("Angolan President Zeca Mbonda condemned the attack.", "Angolan President Zeca Mbonda",
     ("Zeca Mbonda", "AGO", "GOV")),
    # a title "of COUNTRY"
    ("The president of Angola condemned the attack.", "The president of Angola", (None, "AGO", "GOV")),
    # an unknown name in apposition to a coded title, after it and before it
    ("The president of Angola, Jose Mbonda, accused Zambia of arming rebels.", "Jose Mbonda",
     ("Jose Mbonda", "AGO", "GOV")),
    ("Mbonda, the Angolan foreign minister, met reporters.", "Mbonda", ("Mbonda", "AGO", "GOV")),
    # an organisation whose name holds a demonym or a country
    ("The Iraqi National Congress urged Washington to act.", "The Iraqi National Congress", (None, "IRQ", None)),
    ("The Kenya Anti-Corruption Commission summoned him.", "The Kenya Anti-Corruption Commission", (None, "KEN", None)),
])
def test_unfamiliar_actors(nlp, kb, text, mention, expected):
    a = actor_named(actors_of(nlp, kb, text, date="2000-01-01"), mention)
    name, country, sector = expected
    assert a.country == country
    if name is not None:
        assert a.name == name
    if sector is not None:
        assert a.sector == sector


def test_a_name_named_earlier_keeps_its_country(nlp, kb):
    found = actors_of(nlp, kb, "Zambian Foreign Minister Kalo Bwanga said Bwanga would visit Luanda.",
                      date="2000-01-01")
    assert actor_named(found, "Bwanga").country == "ZMB"


def test_apposition_needs_a_coded_title(nlp, kb):
    found = actors_of(nlp, kb, "Zeca Mbonda, a farmer, met reporters.", date="2000-01-01")
    assert actor_named(found, "Zeca Mbonda").country is None


def test_code_span_reuses_its_work_and_keeps_offsets(nlp, kb):
    doc = nlp("Russian President Vladimir Putin met Turkish troops.")
    first = code_span(doc, 0, 32, knowledge=kb)
    again = code_span(doc, 0, 32, knowledge=kb)
    assert first is again and first.country == "RUS" and first.text == "Russian President Vladimir Putin"
    # a span that cuts a token keeps only the whole tokens inside it
    part = code_span(doc, 37, 51, knowledge=kb)
    assert part is not None and part.country == "TUR" and (part.start, part.end) == (37, 51)
