"""Event trigger patterns: lemma-based, with dependency constraints, read from YAML data files.

The packaged files are ``data/event_vocabulary.yaml`` and ``data/event_vocabulary_*.yaml`` (the
broad wire-copy vocabulary of every type, one file per family of types) and
``data/event_patterns.yaml`` (hand-tuned patterns; its header documents every field), read in
that order, and ``data/event_objects.yaml``: the classes of object nouns patterns name as
"@CLASS", and the policy by which a verb specific to one type also takes other objects (one
derived "loose" pattern per verb, tried last, at a lower weight). A user can layer files of the same shape over them with
``load_event_patterns(extra_files=...)``. An entry with the same lemma, part of speech, object,
particle, preposition and modifier replaces an earlier one; between different entries of equal
specificity, the one from the later file is tried first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import KnowledgeFileError
from .event_lexicon import LEXICON_FILE, EventLexicon, load_event_lexicon, word_list
from .files import read_yaml_mapping
from .plover import PLOVER_TYPES

__all__ = ["ObjectTerm", "EventPattern", "EventPatterns", "load_event_patterns", "DEFAULT_FILE",
           "EventLexicon", "load_event_lexicon", "LEXICON_FILE", "VOCABULARY_FILE", "VOCABULARY_FILES", "OBJECTS_FILE", "ObjectPolicy"]

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = DATA / "event_patterns.yaml"
VOCABULARY_FILE = DATA / "event_vocabulary.yaml"
VOCABULARY_FILES = (VOCABULARY_FILE, *sorted(DATA.glob("event_vocabulary_*.yaml")))
OBJECTS_FILE = DATA / "event_objects.yaml"

_POS = {"VERB", "NOUN", "ADJ"}
_NEEDS = {"source", "target", "actor", "none"}


@dataclass(frozen=True, slots=True)
class ObjectTerm:
    """An object noun lemma, the modifiers it must carry (``hunger strike`` → strike + hunger) and
    the noun its "of" phrase must hold (``state of emergency`` → state, of emergency)."""

    lemma: str
    modifiers: tuple[str, ...] = ()
    of: str | None = None

    @property
    def size(self) -> int:
        """How many words besides the head the term asks for."""
        return len(self.modifiers) + (self.of is not None)

    @property
    def text(self) -> str:
        """The term as written in a data file."""
        head = " ".join((*self.modifiers, self.lemma))
        return f"{head} of {self.of}" if self.of else head


@dataclass(frozen=True, slots=True)
class EventPattern:
    """One trigger pattern: a lemma in a syntactic frame, and the PLOVER coding it yields."""

    lemma: str
    type: str
    pos: str = "VERB"
    objects: tuple[ObjectTerm, ...] = ()
    particles: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    symmetric: bool = False
    needs: str = "actor"
    negated: str | None = None
    control: bool = False
    reverse: bool = False
    intent: bool = False
    outcome: bool = False
    weight: float = 0.6
    exclude: frozenset[str] = frozenset()
    loose: bool = False

    @property
    def key(self) -> tuple[Any, ...]:
        """What identifies a pattern when a user file overrides a packaged one."""
        return (self.lemma, self.pos, self.objects, self.particles, self.preps, self.modifiers, self.xcomp,
                self.aux, self.loose)

    @property
    def specificity(self) -> int:
        """How many constraints besides the lemma the pattern places (more wins a tie)."""
        n = 0
        if self.objects:  # "any object" is a weaker constraint than a named object noun
            n += (1 if all(o.lemma == "*" for o in self.objects) else 2) + max(o.size for o in self.objects)
        n += bool(self.particles) + bool(self.preps) + bool(self.modifiers) + bool(self.xcomp) + bool(self.aux)
        return n


@dataclass(frozen=True)
class EventPatterns:
    """All trigger patterns, indexed by trigger lemma, with default target prepositions by type."""

    patterns: tuple[EventPattern, ...]
    default_targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nominalizations: dict[str, str] = field(default_factory=dict)
    default_types: dict[str, str] = field(default_factory=dict)
    verb_forms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, list[EventPattern]] = {}
        for p in self.patterns:
            index.setdefault(p.lemma, []).append(p)
        for lst in index.values():
            lst.sort(key=self._rank)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_event_nouns", frozenset(
            {p.lemma for p in self.patterns if p.pos == "NOUN"} | set(self.nominalizations)))

    def _rank(self, p: EventPattern) -> tuple[int, int, bool, bool]:
        """Most constrained first; a derived loose pattern (its object class matched) before a
        pattern that asks for nothing but the lemma; among equals, one with an object constraint
        ("struck the town for" is an assault), then the lemma's default type (``defaults: types``)."""
        tier = 0 if not p.loose and p.specificity else (1 if p.loose else 2)
        default = self.default_types.get(p.lemma)
        return tier, -p.specificity, not p.objects, default is not None and default != p.type

    def for_lemma(self, lemma: str) -> list[EventPattern]:
        """Patterns whose trigger is ``lemma``, most specific first, bare ones last (see ``_rank``)."""
        return self._index.get(lemma.lower(), [])  # type: ignore[attr-defined]

    @property
    def event_nouns(self) -> frozenset[str]:
        """Lemmas that name events: nominal triggers and nominalizations."""
        return self._event_nouns  # type: ignore[attr-defined]

    def plain_verb_patterns(self, noun_lemma: str) -> list[EventPattern]:
        """The unconstrained verb patterns an event noun stands for ("withdrawal" → withdraw)."""
        verb = self.nominalizations.get(noun_lemma.lower())
        if verb is None:
            return []
        return [p for p in self.for_lemma(verb) if p.pos == "VERB" and p.specificity == 0]

    def verb_lemma(self, form: str) -> str | None:
        """The lemma of a verb form the tagger lemmatizes wrongly ("staged" → stage), if listed."""
        return self.verb_forms.get(form.lower())

    def targets_for(self, pattern: EventPattern) -> tuple[str, ...]:
        """The prepositions that introduce a target for this pattern."""
        return pattern.targets or self.default_targets.get(pattern.type, ())

    def __len__(self) -> int:
        return len(self.patterns)


def _object_term(text: str) -> ObjectTerm:
    """``hunger strike`` → strike with modifier hunger; ``state of emergency`` → state with the
    of-complement emergency (the head noun of a "HEAD of X" phrase is the object)."""
    head, sep, tail = text.lower().partition(" of ")
    words = head.split()
    of = tail.split()[-1] if sep and tail.split() else None
    return ObjectTerm(words[-1], tuple(words[:-1]), of)


def _expand(values: list[str], classes: dict[str, tuple[str, ...]], where: str) -> list[str]:
    """Object words with every "@CLASS" replaced by the class's nouns."""
    out: list[str] = []
    for v in values:
        if v.startswith("@"):
            try:
                out.extend(classes[v[1:].upper()])
            except KeyError:
                raise KnowledgeFileError(f"{where}: the object class {v!r} is not defined; classes are "
                                         f"listed under 'classes' in {OBJECTS_FILE}") from None
        else:
            out.append(v)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class ObjectPolicy:
    """Object classes and how strictly verbs hold to their object lists (``data/event_objects.yaml``)."""

    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    loose_weight: float = 0.6
    strict_verbs: frozenset[str] = frozenset()
    loose_types: dict[str, str] = field(default_factory=dict)
    exclusions: dict[str, frozenset[str]] = field(default_factory=dict)
    broaden: tuple[str, ...] = ()
    min_overlap: int = 2

    def broadened(self, pattern: EventPattern, taken: frozenset[str] = frozenset()) -> EventPattern:
        """``pattern`` with every noun of each class its object list shares ``min_overlap`` nouns
        with, but for the nouns in ``taken`` (listed by the verb's patterns of another reading)."""
        if not pattern.objects or any(o.lemma == "*" for o in pattern.objects):
            return pattern
        listed = {o.text for o in pattern.objects}
        extra: list[str] = []
        for name in self.broaden:
            members = self.classes.get(name, ())
            if len(listed & set(members)) >= self.min_overlap:
                extra.extend(m for m in members if m not in listed and m not in extra and m not in taken)
        if not extra:
            return pattern
        return replace(pattern, objects=pattern.objects + tuple(_object_term(m) for m in extra))

    def excluded(self, type_: str) -> frozenset[str]:
        """Object lemmas that contradict a loose reading of a verb of ``type_``."""
        return self.exclusions.get("*", frozenset()) | self.exclusions.get(type_, frozenset())


def _read_policy(paths: Iterable[Path]) -> ObjectPolicy:
    classes: dict[str, tuple[str, ...]] = {}
    strict: set[str] = set()
    loose_types: dict[str, str] = {}
    raw_exclusions: dict[str, list[str]] = {}
    weight = 0.6
    broaden: list[str] = []
    overlap = 2
    for path in paths:
        data = read_yaml_mapping(path, what="event object file", keys="classes, strict_verbs", unique_keys=True)
        try:
            for name, words in (data.get("classes") or {}).items():
                classes[str(name).upper()] = tuple(w.lower() for w in word_list(words))
            strict.update(w.lower() for w in word_list(data.get("strict_verbs")))
            for lemma, type_ in (data.get("loose_types") or {}).items():
                if str(type_).upper() not in PLOVER_TYPES:
                    raise ValueError(f"loose type {type_!r} of {lemma!r} is not a PLOVER type")
                loose_types[str(lemma).lower()] = str(type_).upper()
            for type_, words in (data.get("exclusions") or {}).items():
                raw_exclusions.setdefault(str(type_).upper(), []).extend(word_list(words))
            if "loose_weight" in data:
                weight = float(data["loose_weight"])
            if data.get("broaden"):
                broaden.extend(w.upper() for w in word_list(data["broaden"].get("classes")))
                overlap = int(data["broaden"].get("min_overlap", overlap))
        except (AttributeError, TypeError, ValueError) as exc:
            raise KnowledgeFileError(f"{path}: {exc}") from exc
    exclusions = {t: frozenset(w.lower() for w in _expand(ws, classes, f"exclusions of {t}"))
                  for t, ws in raw_exclusions.items()}
    unknown = [c for c in broaden if c not in classes]
    if unknown:
        raise KnowledgeFileError(f"the classes {unknown} to broaden are not defined under 'classes'")
    return ObjectPolicy(classes, weight, frozenset(strict), loose_types, exclusions,
                        tuple(dict.fromkeys(broaden)), overlap)


def _loose_patterns(patterns: Iterable[EventPattern], policy: ObjectPolicy) -> list[EventPattern]:
    """One "any object" pattern per frame of a verb whose object patterns all name one type.

    "expelled the correspondent", "froze the membership": the verb says the type; an object
    outside the list only lowers the weight. Objects in the policy's exclusions, and the objects
    the verb's patterns of other types name, do not fit it.
    """
    by_lemma: dict[str, list[EventPattern]] = {}
    for p in patterns:
        if p.pos == "VERB":
            by_lemma.setdefault(p.lemma, []).append(p)
    out: list[EventPattern] = []
    for lemma, ps in by_lemma.items():
        if lemma in policy.strict_verbs or any(p.specificity == 0 for p in ps):
            continue
        named = [p for p in ps if p.objects and not any(o.lemma == "*" for o in p.objects)]
        if not named:
            continue
        types = {p.type for p in named}
        type_ = policy.loose_types.get(lemma) or (types.pop() if len(types) == 1 else None)
        if type_ is None:
            continue
        own = [p for p in named if p.type == type_] or [replace(p, type=type_, mode=None, context=())
                                                         for p in named]
        others = {o.lemma for p in named if p.type != type_ for o in p.objects}
        modes = {p.mode for p in own}
        mode = next(iter(modes)) if len(modes) == 1 else None
        best = max(own, key=lambda p: p.weight)
        for particles, preps in dict.fromkeys((p.particles, p.preps) for p in own):
            out.append(replace(
                best, objects=(ObjectTerm("*"),), particles=particles, preps=preps, modifiers=(), xcomp=(),
                aux=(), mode=mode, weight=round(best.weight * policy.loose_weight, 2),
                exclude=policy.excluded(type_) | others, loose=True, control=False, intent=False))
    return out


def _patterns_from_entry(entry: Any, where: str,
                         classes: dict[str, tuple[str, ...]] | None = None) -> list[EventPattern]:
    if not isinstance(entry, dict):
        raise KnowledgeFileError(f"{where}: a pattern must be a mapping with at least 'lemma' and 'type'")
    try:
        type_ = str(entry["type"]).upper()
        lemmas = [w.lower() for w in word_list(entry["lemma"])]
    except KeyError as exc:
        raise KnowledgeFileError(f"{where}: the pattern lacks the field {exc}; every pattern needs "
                                 "'lemma' and 'type'") from exc
    if type_ not in PLOVER_TYPES:
        raise KnowledgeFileError(f"{where}: {type_!r} is not one of the 16 PLOVER types "
                                 f"({', '.join(PLOVER_TYPES)})")
    pos = str(entry.get("pos", "VERB")).upper()
    needs = str(entry.get("needs", "actor")).lower()
    negated = entry.get("negated")
    if pos not in _POS:
        raise KnowledgeFileError(f"{where}: pos {pos!r} must be one of {sorted(_POS)}")
    if needs not in _NEEDS:
        raise KnowledgeFileError(f"{where}: needs {needs!r} must be one of {sorted(_NEEDS)}")
    if negated is not None and str(negated).upper() not in PLOVER_TYPES:
        raise KnowledgeFileError(f"{where}: negated {negated!r} is not a PLOVER type")
    try:
        xcomp = tuple(word_list(entry.get("xcomp")))
        common = dict(
            type=type_, pos=pos,
            objects=tuple(_object_term(o) for o in _expand(word_list(entry.get("object")), classes or {}, where)),
            exclude=frozenset(w.lower() for w in _expand(word_list(entry.get("exclude")), classes or {}, where)),
            particles=tuple(w.lower() for w in word_list(entry.get("particle"))),
            preps=tuple(w.lower() for w in word_list(entry.get("prep"))),
            modifiers=tuple(w.lower() for w in word_list(entry.get("modifier"))),
            xcomp=xcomp,
            aux=tuple(w.lower() for w in word_list(entry.get("aux"))),
            mode=entry.get("mode") or None,
            context=tuple(word_list(entry.get("context"))),
            targets=tuple(w.lower() for w in word_list(entry.get("targets"))),
            symmetric=bool(entry.get("symmetric", False)),
            needs=needs,
            negated=str(negated).upper() if negated else None,
            control=bool(entry.get("control", False)),
            reverse=bool(entry.get("reverse", False)),
            intent=bool(entry.get("intent", False)),
            outcome=bool(entry.get("outcome", False)),
            weight=float(entry.get("weight", 0.8 if (entry.get("object") or entry.get("particle")) else 0.6)),
        )
    except (TypeError, ValueError) as exc:
        raise KnowledgeFileError(f"{where}: {exc}") from exc
    return [EventPattern(lemma=lemma, **common) for lemma in lemmas]


def _read(path: Path, classes: dict[str, tuple[str, ...]] | None = None,
          ) -> tuple[list[EventPattern], dict[str, tuple[str, ...]], dict[str, str], dict[str, str],
                     dict[str, str]]:
    data = read_yaml_mapping(path, what="event pattern file", keys="patterns", unique_keys=True)
    if not isinstance(data.get("patterns", []), list):
        raise KnowledgeFileError(f"{path}: expected a mapping with a 'patterns' list (see {DEFAULT_FILE})")
    patterns: list[EventPattern] = []
    for n, entry in enumerate(data.get("patterns") or [], 1):
        patterns.extend(_patterns_from_entry(entry, f"{path}, pattern {n}", classes))
    targets = {str(t).upper(): tuple(w.lower() for w in word_list(v))
               for t, v in ((data.get("defaults") or {}).get("targets") or {}).items()}
    nominal = data.get("nominalizations") or {}
    if not isinstance(nominal, dict):
        raise KnowledgeFileError(f"{path}: 'nominalizations' must map event nouns to verb lemmas")
    readings = (data.get("defaults") or {}).get("types") or {}
    if not isinstance(readings, dict):
        raise KnowledgeFileError(f"{path}: 'defaults: types' must map trigger lemmas to PLOVER types")
    forms = data.get("verb_forms") or {}
    if not isinstance(forms, dict):
        raise KnowledgeFileError(f"{path}: 'verb_forms' must map verb forms to their lemmas")
    return (patterns, targets, {str(k).lower(): str(v).lower() for k, v in nominal.items()},
            {str(k).lower(): str(v).upper() for k, v in readings.items()},
            {str(k).lower(): str(v).lower() for k, v in forms.items()})


def _load(files: tuple[Path, ...]) -> EventPatterns:
    by_key: dict[tuple[Any, ...], tuple[int, EventPattern]] = {}
    targets: dict[str, tuple[str, ...]] = {}
    nominal: dict[str, str] = {}
    readings: dict[str, str] = {}
    forms: dict[str, str] = {}
    policy = _read_policy((OBJECTS_FILE, *files))
    for rank, path in enumerate(files):
        patterns, defaults, nouns, types, verb_forms = _read(path, policy.classes)
        forms.update(verb_forms)
        targets.update(defaults)
        nominal.update(nouns)
        readings.update(types)
        for p in patterns:
            by_key[p.key] = (rank, p)
    # later files first, so that a tie in specificity goes to the more specific file
    ordered = [p for _, p in sorted(by_key.values(), key=lambda rp: -rp[0])]
    listed: dict[tuple[str, str], set[str]] = {}
    for p in ordered:
        listed.setdefault((p.lemma, p.type), set()).update(o.text for o in p.objects)
    others = {key: frozenset().union(*(v for k, v in listed.items() if k[0] == key[0] and k[1] != key[1]))
              for key in listed}
    ordered = [policy.broadened(p, others[(p.lemma, p.type)]) for p in ordered]
    return EventPatterns(tuple(_by_object_specificity(ordered + _loose_patterns(ordered, policy))),
                         targets, nominal, readings, forms)


def _by_object_specificity(patterns: list[EventPattern]) -> list[EventPattern]:
    """Each pattern split by how many modifiers its objects carry, so that the specificity of a match
    is that of the object which matched ("export controls" is not as specific as "state of emergency")."""
    out: list[EventPattern] = []
    for p in patterns:
        groups: dict[int, list[ObjectTerm]] = {}
        for o in p.objects:
            groups.setdefault(o.size, []).append(o)
        if len(groups) < 2:
            out.append(p)
            continue
        out.extend(replace(p, objects=tuple(terms)) for _, terms in sorted(groups.items(), reverse=True))
    return out


def load_event_patterns(extra_files: Iterable[str | Path] = ()) -> EventPatterns:
    """The packaged trigger patterns with the entries of ``extra_files`` layered over them."""
    return _load((*VOCABULARY_FILES, DEFAULT_FILE, *(Path(p) for p in extra_files)))
