"""Hand-built article records for the store tests (no spaCy): three short stories and a failure."""

from __future__ import annotations

from dateline.records import Actor, Article, Dateline, Event, Failure, Location, Place, Quote, Span, TimeExpr


def span(text: str, part: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def actor(text: str, part: str, name: str | None, country: str | None, sector: str | None,
          kind: str | None = None) -> Actor:
    s = span(text, part)
    return Actor(s.start, s.end, s.text, name=name, country=country, sector=sector, kind=kind)


def sentence_of(text: str, part: str) -> Span:
    s = span(text, part)
    start = text.rfind(". ", 0, s.start)
    start = 0 if start < 0 else start + 2
    end = text.find(".", s.end)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


TEXT_A = ("ANKARA, May 3. /WIRE/. Greek and Turkish diplomats held talks in Ankara on Tuesday. "
          "\"We will keep talking,\" the Greek minister Nikos Dendias said.")
TEXT_B = ("GENEVA, June 9. /WIRE/. Protesters marched through Geneva on Sunday. "
          "Swiss police fired tear gas at the crowd, officials said. "
          "The Red Cross urged restraint.")
TEXT_C = ("KYIV, July 1. /WIRE/. Ukrainian forces shelled positions near Donetsk. "
          "Kremlin spokesman Dmitry Peskov said Moscow rejected the proposal.")


def article_a(**changes) -> Article:
    t = TEXT_A
    greek = actor(t, "Greek", "Greece", "GRC", "GOV", "state")
    turkish = actor(t, "Turkish diplomats", "Turkey", "TUR", "GOV", "group")
    minister = actor(t, "Nikos Dendias", "Nikos Dendias", "GRC", "GOV", "person")
    ankara = span(t, "Ankara")
    fields = dict(
        id="art-a", text=t, published="2021-05-03", source="WIRE", title="Greece and Turkey talk",
        url="https://example.org/a", origin="fixtures/a.txt",
        dateline=Dateline(0, 22, t[0:22], place="Ankara", date="2021-05-03", agency="WIRE"),
        body=Span(23, len(t), t[23:]),
        sentences=(sentence_of(t, "Greek and"), sentence_of(t, "We will")),
        actors=(greek, turkish, minister),
        quotes=(Quote("direct", span(t, "We will keep talking,"),
                      Actor(minister.start, minister.end, minister.text, "Nikos Dendias", "GRC", "GOV"),
                      span(t, "said"), "2021-05-03"),),
        times=(TimeExpr(*_se(span(t, "on Tuesday")), "on Tuesday", "2021-05-04", "DATE"),),
        places=(Place(ankara.start, ankara.end, "Ankara", "Ankara", 323786, 39.92, 32.85, "TUR", "P.PPLC"),),
        events=(Event("CONSULT", span(t, "talks"), sentence_of(t, "talks"), source=(greek,), target=(turkish,),
                      date="2021-05-04", cameo="040", quad=1, goldstein=1.0, confidence=0.9,
                      location=Location("Ankara", "Ankara", 39.92, 32.85, "TUR", ankara.start, ankara.end, 323786)),),
    )
    fields.update(changes)
    return Article(**fields)


def article_b(**changes) -> Article:
    t = TEXT_B
    police = actor(t, "Swiss police", "Swiss police", "CHE", "COP", "group")
    crowd = actor(t, "Protesters", "Protesters", "CHE", "CVL", "group")
    redcross = actor(t, "The Red Cross", "International Committee of the Red Cross", "NGO", None, "organization")
    fields = dict(
        id="art-b", text=t, published="2022-06-12", source="OTHER", title=None,
        sentences=(sentence_of(t, "Protesters"), sentence_of(t, "Swiss police"), sentence_of(t, "Red Cross")),
        actors=(police, crowd, redcross),
        events=(
            Event("PROTEST", span(t, "marched"), sentence_of(t, "marched"), source=(crowd,), date="2022-06-12",
                  cameo="141", quad=3, goldstein=-6.5),
            Event("ASSAULT", span(t, "fired tear gas"), sentence_of(t, "tear gas"), source=(police,),
                  target=(crowd,), cameo="175", quad=4, goldstein=-9.0, status="reported",
                  attributed_to="officials"),
            Event("REQUEST", span(t, "urged"), sentence_of(t, "urged"), source=(redcross,), cameo="010", quad=1,
                  goldstein=0.0),
        ),
    )
    fields.update(changes)
    return Article(**fields)


def article_c(**changes) -> Article:
    t = TEXT_C
    forces = actor(t, "Ukrainian forces", "Ukrainian forces", "UKR", "MIL", "group")
    peskov = actor(t, "Dmitry Peskov", "Dmitry Peskov", "RUS", "GOV", "person")
    moscow = actor(t, "Moscow", "Russia", "RUS", "GOV", "state")
    fields = dict(
        id="art-c", text=t, published="2023-07-01", source="WIRE",
        sentences=(sentence_of(t, "Ukrainian"), sentence_of(t, "Kremlin")),
        actors=(forces, peskov, moscow),
        quotes=(Quote("indirect", span(t, "Moscow rejected the proposal"),
                      Actor(peskov.start, peskov.end, peskov.text, "Dmitry Peskov", "RUS", "GOV"), span(t, "said")),),
        events=(
            Event("ASSAULT", span(t, "shelled"), sentence_of(t, "shelled"), source=(forces,), cameo="195", quad=4,
                  goldstein=-10.0, date="2023-06"),
            Event("REJECT", span(t, "rejected"), sentence_of(t, "rejected"), source=(moscow, forces),
                  target=(forces, moscow), cameo="120", quad=3, goldstein=-4.0, status="negated"),
        ),
    )
    fields.update(changes)
    return Article(**fields)


def _se(s: Span) -> tuple[int, int]:
    return s.start, s.end


FAILURE = Failure(origin="fixtures/empty.txt", stage="read", reason="empty", detail="the article text is empty")


