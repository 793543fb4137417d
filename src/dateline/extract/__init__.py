"""The extractors: pure functions over a parsed article (a spaCy ``Doc``) that return records.

One package per concern, each with a public ``__init__`` naming what it offers:

- :mod:`.actors` — mentions of people, organisations, states and groups, coded (country, sector),
  plus the quote-speaker resolver;
- :mod:`.quotes` — direct quotations and reported speech with their speakers;
- :mod:`.times` — temporal expressions normalized to TIMEX3 values;
- :mod:`.places` — toponyms resolved against the gazetteer, and where events happened;
- :mod:`.events` — PLOVER events: who did what to whom, when, where;
- :mod:`.syntax` — readings of the dependency parse shared by the others (named label sets,
  children by relation, prepositional objects).

Dependencies run one way: ``events`` reads ``actors``, ``times`` and ``places``; ``quotes`` reads
``actors`` and ``times``; every package may read ``syntax``; ``syntax`` reads none of them.
"""
