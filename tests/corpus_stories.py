"""Short hand-written wire stories for the corpus-view tests (store, API, pages, browser), built as
records directly (no spaCy): the same strike told by three agencies, a rewrite of one of them, a
second strike the same day elsewhere, and a follow-up the next day."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.records import Actor, Article, Event, Location, Place, Quote, Span

PLACES = {  # name: (geonameid, lat, lon, country, feature)
    "Kharkiv": (706483, 49.98, 36.25, "UKR", "P.PPLA"),
    "Odesa": (698740, 46.48, 30.73, "UKR", "P.PPLA"),
    "Ukraine": (690791, 49.0, 32.0, "UKR", "A.PCLI"),
    "Geneva": (2660646, 46.2, 6.14, "CHE", "P.PPLA"),
}
ACTORS = {  # mention: (name, country, sector)
    "Russian": ("Russia", "RUS", "MIL"), "Russia": ("Russia", "RUS", "GOV"), "Ukraine": ("Ukraine", "UKR", "GOV"),
    "Ukrainian": ("Ukraine", "UKR", "GOV"), "Kyiv": ("Ukraine", "UKR", "GOV"),
    "Swiss": ("Switzerland", "CHE", "GOV"), "Dmitry Peskov": ("Dmitry Peskov", "RUS", "GOV"),
}
CAMEO = {"ASSAULT": ("195", 4, -10.0), "CONSULT": ("040", 1, 1.0), "ACCUSE": ("112", 3, -2.0),
         "PROTEST": ("140", 3, -6.5)}


@dataclass(frozen=True)
class Act:
    """One event to code in a story: the words that name its parts, as they appear in the text."""

    type: str
    trigger: str
    source: str | None = None
    target: str | None = None
    place: str | None = None
    date: str | None = None
    status: str = "asserted"
    nth: int = 0  # which occurrence of the trigger


def _span(text: str, part: str, nth: int = 0, after: int = 0) -> Span:
    start = after - 1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), part)


def _sentence(text: str, at: int) -> Span:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    start = 0 if start < 0 else start + (2 if text[start] == "." else 1)
    end = text.find(".", at)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def _actor(text: str, mention: str | None, near: int) -> tuple[Actor, ...]:
    if not mention:
        return ()
    start = text.rfind(mention, 0, near + 200)
    start = text.index(mention) if start < 0 else start
    name, country, sector = ACTORS[mention]
    return (Actor(start, start + len(mention), mention, name, country, sector, "state"),)


def story(id: str, source: str, published: str, text: str, acts: list[Act], *,
          quotes: list[tuple[str, str]] = ()) -> Article:
    """An article of ``text`` with the given acts coded (and places, actors, quotes as spans)."""
    events, places, actors = [], [], []
    for name, (gid, lat, lon, country, feature) in PLACES.items():
        for nth in range(text.count(name)):
            s = _span(text, name, nth)
            places.append(Place(s.start, s.end, name, name, gid, lat, lon, country, feature, 0.9))
    for mention in ACTORS:
        if mention in text:
            s = _span(text, mention)
            name, country, sector = ACTORS[mention]
            actors.append(Actor(s.start, s.end, mention, name, country, sector, "state"))
    for act in acts:
        trigger = _span(text, act.trigger, act.nth)
        location = None
        if act.place:
            gid, lat, lon, country, _ = PLACES[act.place]
            p = _span(text, act.place)
            location = Location(act.place, act.place, lat, lon, country, p.start, p.end, gid)
        cameo, quad, goldstein = CAMEO[act.type]
        events.append(Event(act.type, trigger, _sentence(text, trigger.start),
                            source=_actor(text, act.source, trigger.start),
                            target=_actor(text, act.target, trigger.start), date=act.date, location=location,
                            cameo=cameo, quad=quad, goldstein=goldstein, status=act.status, confidence=0.8))
    quote_records = []
    for content, speaker in quotes:
        c = _span(text, content)
        sp = _span(text, speaker)
        name, country, sector = ACTORS[speaker]
        cue = _span(text, "said", after=sp.end)
        quote_records.append(Quote("direct", c, Actor(sp.start, sp.end, speaker, name, country, sector, "person"),
                                   cue, published))
    title = text.split("\n", 1)[0]
    return Article(id=id, text=text, published=published, source=source, title=title,
                   body=Span(0, len(text), text), sentences=(), actors=tuple(sorted(actors, key=lambda a: a.start)),
                   quotes=tuple(quote_records), places=tuple(sorted(places, key=lambda p: p.start)),
                   events=tuple(events), origin=f"stories/{id}.txt")


AFP = story("afp-kharkiv", "AFP", "2024-03-04",
            "Russian missiles strike Kharkiv\n"
            "KHARKIV, March 4 (AFP) - Russian missiles struck Kharkiv on Monday, killing three people, "
            "regional officials said. \"The city was hit at dawn,\" said Ukraine's governor.",
            [Act("ASSAULT", "strike", "Russian", "Ukraine", "Kharkiv", "2024-03-04"),
             Act("ASSAULT", "struck", "Russian", "Ukraine", "Kharkiv", "2024-03-04")])
REUTERS = story("reuters-kharkiv", "Reuters", "2024-03-04",
                "Missile attack hits Kharkiv\n"
                "KYIV (Reuters) - A Russian missile attack hit the city of Kharkiv early on Monday, Ukraine said. "
                "Kremlin spokesman Dmitry Peskov said the strikes on Kharkiv hit military targets.",
                [Act("ASSAULT", "attack", "Russian", "Ukraine", "Kharkiv", "2024-03-04"),
                 Act("ACCUSE", "said", "Ukraine", "Russia", None, "2024-03-04")],
                quotes=[("the strikes on Kharkiv hit military targets", "Dmitry Peskov")])
#: A rewrite of the AFP story by another outlet: a new headline, one sentence added.
REWRITE = story("web-kharkiv", "Web", "2024-03-04",
                "Kharkiv hit by Russian missiles at dawn\n"
                "KHARKIV, March 4 (AFP) - Russian missiles struck Kharkiv on Monday, killing three people, "
                "regional officials said. \"The city was hit at dawn,\" said Ukraine's governor. "
                "Rescue work went on into the evening.",
                [Act("ASSAULT", "struck", "Russian", "Ukraine", "Kharkiv", "2024-03-04")])
ODESA = story("ap-odesa", "AP", "2024-03-04",
              "Drones strike Odesa port\n"
              "ODESA (AP) - Russian drones struck the port of Odesa on Monday, Ukraine's navy said.",
              [Act("ASSAULT", "struck", "Russian", "Ukraine", "Odesa", "2024-03-04")])
FOLLOW_UP = story("xinhua-kharkiv", "Xinhua", "2024-03-05",
                  "Kharkiv mourns\n"
                  "KHARKIV, March 5 (Xinhua) -- Kharkiv held a day of mourning on Tuesday after Russian missiles "
                  "struck the city yesterday, Ukraine said.",
                  [Act("ASSAULT", "struck", "Russian", "Ukraine", "Kharkiv", "2024-03-04")])
TALKS = story("tass-geneva", "TASS", "2024-03-06",
              "Talks in Geneva\n"
              "GENEVA, March 6. /TASS/. Russia and Ukraine held talks in Geneva on Wednesday, Swiss officials said.",
              [Act("CONSULT", "talks", "Russia", "Ukraine", "Geneva", "2024-03-06")])

#: Every story, in an order that is not the order of their dates.
STORIES = (FOLLOW_UP, TALKS, REUTERS, ODESA, AFP, REWRITE)
