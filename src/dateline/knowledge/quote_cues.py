"""Knowledge for quotations: reporting verbs and frames, quotation marks, speaker lexicon.

The packaged files are ``data/quote_*.yaml``; a user adds words with their own YAML file of the
same shape, passed to :func:`load_cues` (lists are extended, mappings updated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


from ..errors import KnowledgeFileError
from .files import read_yaml_mapping

__all__ = ["QuoteCues", "Pronoun", "load_cues", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent / "data"
PACKAGED_FILES = ("quote_cues.yaml", "quote_speakers.yaml")


@dataclass(frozen=True, slots=True)
class Pronoun:
    """Agreement features of a pronoun (``gender`` m/f/n/any, ``number`` sg/pl/any)."""

    person: int
    number: str
    gender: str
    relative: bool = False


@dataclass(frozen=True)
class QuoteCues:
    """Everything the quote extractor and the speaker resolver look words up in."""

    speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    act_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    clause_only: frozenset[str]
    question_verbs: frozenset[str]
    withholding_verbs: frozenset[str]
    impression_verbs: frozenset[str]
    stance_adjectives: frozenset[str]
    stance_nouns: frozenset[str]
    stance_preps: frozenset[str]
    phrasal: Mapping[str, tuple[tuple[str, ...], ...]]
    frame_verbs: frozenset[str]
    frame_nouns: frozenset[str]
    nominal_cues: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    audiences: frozenset[str]
    open_marks: frozenset[str]
    close_marks: frozenset[str]
    both_marks: frozenset[str]
    single_open: frozenset[str]
    single_close: frozenset[str]
    min_unattributed_words: int
    colon_labels: frozenset[str]
    abbreviations: frozenset[str]
    colon_max_words: int
    pronouns: Mapping[str, Pronoun]
    gendered: Mapping[str, str]
    given_names: Mapping[str, str]
    person_roles: frozenset[str]
    organisation_nouns: frozenset[str]
    anonymous: frozenset[str]
    sources: tuple[str, ...] = field(default=())
    addressee_verbs: frozenset[str] = field(default=frozenset())
    view_nouns: frozenset[str] = field(default=frozenset())
    stance_target_verbs: frozenset[str] = field(default=frozenset())

    @cached_property
    def according_firsts(self) -> frozenset[str]:
        """The first words of the "according to" frames (no other word starts one)."""
        return frozenset(frame[0] for frame in self.according if frame)

    @property
    def reporting_verbs(self) -> frozenset[str]:
        """Every lemma that can introduce a clause of reported content."""
        return self.speech_verbs | self.cognition_verbs | self.evidence_verbs

    @property
    def object_verbs(self) -> frozenset[str]:
        """Lemmas that also report through an object or infinitive ("urged X to ...")."""
        return (self.reporting_verbs - self.clause_only) | self.act_verbs | self.attitude_verbs

    def gender_of_word(self, word: str) -> str | None:
        """``m``/``f`` when a title, role noun or given name says the gender, else None."""
        w = word.lower().strip(".")
        return self.gendered.get(w) or self.gendered.get(w + ".") or self.given_names.get(w)


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if key in out and isinstance(out[key], dict) and isinstance(value, Mapping):
            out[key] = _merge(out[key], value)
        elif key in out and isinstance(out[key], list) and isinstance(value, list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _read(path: Path) -> dict[str, Any]:
    return read_yaml_mapping(path, what="quote knowledge file", keys="verbs, frame_nouns, pronouns")


def _words(value: Any, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise KnowledgeFileError(f"quote knowledge key {key!r} must be a list of words.")
    return frozenset(str(v).lower() for v in value)


def _build(data: Mapping[str, Any], sources: tuple[str, ...]) -> QuoteCues:
    verbs = data.get("verbs") or {}
    phrasal = {str(k).lower(): tuple(tuple(str(p).lower().split()) for p in v)
               for k, v in (data.get("phrasal") or {}).items()}
    frames = data.get("frame_nouns") or {}
    marks = data.get("marks") or {}
    pronouns = {}
    for word, feats in (data.get("pronouns") or {}).items():
        try:
            pronouns[str(word).lower()] = Pronoun(int(feats["person"]), str(feats["number"]),
                                                  str(feats["gender"]), bool(feats.get("relative")))
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeFileError(f"pronoun {word!r} needs person, number and gender "
                                     f"({exc!r}).") from exc
    gendered: dict[str, str] = {}
    for g, words in (data.get("gendered") or {}).items():
        gendered.update({str(w).lower(): str(g) for w in words})
    given: dict[str, str] = {}
    for g, words in (data.get("given_names") or {}).items():
        for w in words:
            given.setdefault(str(w).lower(), str(g))
    return QuoteCues(
        speech_verbs=_words(verbs.get("speech"), "verbs.speech"),
        cognition_verbs=_words(verbs.get("cognition"), "verbs.cognition"),
        evidence_verbs=_words(verbs.get("evidence"), "verbs.evidence"),
        act_verbs=_words(verbs.get("acts"), "verbs.acts"),
        attitude_verbs=_words(verbs.get("attitudes"), "verbs.attitudes"),
        clause_only=_words(data.get("clause_only"), "clause_only"),
        question_verbs=_words(data.get("question_verbs"), "question_verbs"),
        withholding_verbs=_words(data.get("withholding_verbs"), "withholding_verbs"),
        impression_verbs=_words(data.get("impression_verbs"), "impression_verbs"),
        stance_adjectives=_words(data.get("stance_adjectives"), "stance_adjectives"),
        stance_nouns=_words(data.get("stance_nouns"), "stance_nouns"),
        stance_preps=_words(data.get("stance_preps"), "stance_preps"),
        phrasal=phrasal,
        frame_verbs=_words(frames.get("verbs"), "frame_nouns.verbs"),
        frame_nouns=_words(frames.get("nouns"), "frame_nouns.nouns"),
        nominal_cues=_words(data.get("nominal_cues"), "nominal_cues"),
        according=tuple(tuple(str(w).lower() for w in seq) for seq in data.get("according") or ()),
        audiences=_words(data.get("audiences"), "audiences"),
        addressee_verbs=_words(data.get("addressee_verbs"), "addressee_verbs"),
        view_nouns=_words(data.get("view_nouns"), "view_nouns"),
        stance_target_verbs=_words(data.get("stance_target_verbs"), "stance_target_verbs"),
        open_marks=frozenset(marks.get("open") or ()),
        close_marks=frozenset(marks.get("close") or ()),
        both_marks=frozenset(marks.get("both") or ()),
        single_open=frozenset(marks.get("single_open") or ()),
        single_close=frozenset(marks.get("single_close") or ()),
        min_unattributed_words=int(data.get("min_unattributed_words", 6)),
        colon_labels=_words(data.get("colon_labels"), "colon_labels"),
        abbreviations=_words(data.get("abbreviations"), "abbreviations"),
        colon_max_words=int(data.get("colon_max_words", 4)),
        pronouns=pronouns,
        gendered=gendered,
        given_names=given,
        person_roles=_words(data.get("person_roles"), "person_roles"),
        organisation_nouns=_words(data.get("organisation_nouns"), "organisation_nouns"),
        anonymous=_words(data.get("anonymous"), "anonymous"),
        sources=sources,
    )


def load_cues(extra_files: Iterable[str | Path] = ()) -> QuoteCues:
    """The packaged quote knowledge, with the user's files layered over it."""
    data: dict[str, Any] = {}
    sources = []
    for name in PACKAGED_FILES:
        data = _merge(data, _read(DATA_DIR / name))
        sources.append(str(DATA_DIR / name))
    for path in extra_files:
        data = _merge(data, _read(Path(path)))
        sources.append(str(path))
    return _build(data, tuple(sources))

