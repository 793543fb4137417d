"""The words and extraction rules of the temporal tagger, read from data files.

The packaged files are ``data/time_lexicon.yaml`` (word classes: months, weekdays, numbers,
units, references, holidays ...) and ``data/time_rules.yaml`` (regex rules with ``{CLASS}``
placeholders and the name of the normalizer for each). A user's own YAML files in the same shape
can be layered over them: lexicon entries are merged class by class, rules are appended (a rule
with the name of a packaged rule replaces it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from ..errors import KnowledgeFileError
from .alternation import factored_alternation, phrase_atoms
from .first_chars import prefix_class
from .files import read_yaml_mapping

__all__ = ["TimeLexicon", "TimeRule", "load_time_lexicon", "DEFAULT_LEXICON", "DEFAULT_RULES", "RULE_START",
           "PREFIX_LENGTH"]

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_LEXICON = DATA / "time_lexicon.yaml"
DEFAULT_RULES = DATA / "time_rules.yaml"

_MAPPING_CLASSES = (
    "months", "weekdays", "numbers", "ordinals", "units", "seasons", "parts_of_day", "relations",
    "references", "frequencies", "holidays", "deictic_days", "clock_words", "decade_words", "year_centuries",
    "event_nouns",
)
_LIST_CLASSES = ("needs_capital", "vague_numbers", "modifiers", "approximators", "future_auxiliaries",
                 "future_governors", "future_participles", "planning_verbs", "anaphoric_relations",
                 "limit_signals", "present_auxiliaries", "future_signals", "past_signals",
                 "parts_dropped_on_named_day")
_TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
RULE_START = r"(?<![\w$'\u2019-])"
"""What every rule's pattern opens with: a match never starts inside a word, a number or an amount."""
PREFIX_LENGTH = 3
"""How many characters of a match's beginning a rule's ``prefix`` reads (the rules are tried only
where the text's next characters can begin a match)."""
STARTING_MEMO = 50_000


@dataclass(frozen=True, slots=True)
class TimeRule:
    """One extraction rule: a compiled pattern and how to normalize what it matches."""

    name: str
    regex: re.Pattern[str]
    norm: str
    type: str
    value: str | None = None
    pos: tuple[str, ...] = ()
    capital: tuple[str, ...] = ()
    priority: int = 0
    order: int = 0
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    precedes_head: bool = False
    pos_before: tuple[str, ...] = ()
    prefix: re.Pattern[str] | None = field(default=None, compare=False)
    """What the first :data:`PREFIX_LENGTH` characters of a match (all of a shorter one) can be,
    when ``regex`` opens with :data:`RULE_START` (:func:`.first_chars.prefix_class`); None when
    unknown."""


@dataclass(frozen=True)
class TimeLexicon:
    """Word classes (lower-case keys) and the compiled rules built from them."""

    classes: Mapping[str, Any]
    rules: tuple[TimeRule, ...] = field(default_factory=tuple)
    starting: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)
    """:meth:`rules_starting`'s answers, by the characters asked about (bounded: ``STARTING_MEMO``)."""

    def rules_starting(self, chars: str) -> tuple[int, ...]:
        """The indices of the rules with a ``prefix`` whose match may begin with ``chars`` (the
        :data:`PREFIX_LENGTH` characters from a position, fewer at the end of the text)."""
        found = self.starting.get(chars)
        if found is None:
            if len(self.starting) >= STARTING_MEMO:
                self.starting.clear()
            found = self.starting[chars] = tuple(k for k, rule in enumerate(self.rules)
                                                 if rule.prefix is not None and rule.prefix.match(chars))
        return found

    def lookup(self, cls: str, word: str | None) -> Any:
        """The value of ``word`` in class ``cls`` (case, spacing and a final dot ignored)."""
        if word is None:
            return None
        table = self.classes.get(cls, {})
        key = normal_key(word)
        if key in table:
            return table[key]
        return table.get(key + ".", table.get(key.rstrip(".")))

    def needs_capital(self, word: str) -> bool:
        """Whether ``word`` only counts as temporal when capitalized (``May``, ``March``)."""
        return normal_key(word) in self.classes.get("needs_capital", ())


def normal_key(word: str) -> str:
    """The lexicon key form of a word: lower case, single spaces, curly apostrophes straight."""
    return " ".join(word.lower().replace("\u2019", "'").split())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; a final dot and inner spaces are flexible.
    Factored by shared first characters (:mod:`.alternation`): the same matches, tried faster."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return factored_alternation([phrase_atoms(w) for w in ordered]) if ordered else "(?!x)x"


def _placeholders(classes: Mapping[str, Any]) -> dict[str, str]:
    """The regex for every ``{CLASS}`` placeholder the rules may use."""
    months = list(classes["months"])
    weekdays = list(classes["weekdays"])
    numbers = [w for w in classes["numbers"]]
    tens = [w for w, v in classes["numbers"].items() if isinstance(v, int) and 20 <= v < 100]
    ones = [w for w, v in classes["numbers"].items() if isinstance(v, int) and 1 <= v < 10 and len(w) > 2]
    compound = f"(?:{_alternation(tens)}[\\s-]{_alternation(ones)})"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s+and\s+a\s+half)?"
    words = f"(?:{compound}|{_alternation(numbers)})(?:\\s+and\\s+a\\s+half)?"
    day_words = [w for w, v in classes["ordinals"].items() if isinstance(v, int) and 1 <= v <= 31]
    units = list(classes["units"])
    return {
        "MONTH": _alternation(months),
        "MONTH_FULL": _alternation(m for m in months if not m.endswith(".")),
        "WEEKDAY": _alternation(weekdays),
        "WEEKDAY_FULL": _alternation(w for w in weekdays if not w.endswith(".")),
        "DAY": r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|" + _alternation(day_words) + ")",
        "YEAR": r"(?<![\d,.$])(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)",
        "NUMBER": f"(?:{digits}|{words})",
        "VAGUE": _alternation(classes["vague_numbers"]),
        "ORDINAL": _alternation(w for w, v in classes["ordinals"].items() if isinstance(v, int) and v > 0),
        "UNIT": _alternation(units),
        "SEASON": _alternation(classes["seasons"]),
        "PART": _alternation(p for p in classes["parts_of_day"] if p != "overnight"),
        "REL": _alternation(classes["relations"]),
        "REF": _alternation(classes["references"]),
        "FREQ": _alternation(classes["frequencies"]),
        "HOLIDAY": _alternation(classes["holidays"]),
        "DEICTIC": _alternation(classes["deictic_days"]),
        "MOD": _alternation(classes["modifiers"]),
        "APPROX": _alternation(classes["approximators"]),
        "CLOCKWORD": _alternation(classes["clock_words"]),
        "DECADEWORD": _alternation(classes["decade_words"]),
        "YEARCENTURY": _alternation(classes["year_centuries"]),
        "NUMWORD": f"(?:{compound}|{_alternation(w for w in numbers if ' ' not in w)})",
    }


def _read_yaml(path: Path) -> dict[str, Any]:
    """The mapping in a YAML file; KnowledgeFileError when it is missing or malformed."""
    return read_yaml_mapping(path, what="time knowledge file")


def _merge_classes(target: dict[str, Any], data: Mapping[str, Any], path: Path) -> None:
    """Layer one file's word classes over those read so far."""
    for cls, entries in data.items():
        if cls == "rules":
            continue
        if cls in _MAPPING_CLASSES:
            if not isinstance(entries, dict):
                raise KnowledgeFileError(f"{path}: class {cls!r} must be a mapping of word: value")
            target.setdefault(cls, {}).update({normal_key(str(k)): v for k, v in entries.items()})
        elif cls in _LIST_CLASSES:
            if not isinstance(entries, list):
                raise KnowledgeFileError(f"{path}: class {cls!r} must be a list of words")
            target.setdefault(cls, [])
            target[cls] = list(dict.fromkeys([*target[cls], *(normal_key(str(e)) for e in entries)]))
        else:
            raise KnowledgeFileError(
                f"{path}: unknown class {cls!r}; expected one of {', '.join(_MAPPING_CLASSES + _LIST_CLASSES)}")


def _compile_rule(raw: Mapping[str, Any], holes: Mapping[str, str], order: int, path: Path) -> TimeRule:
    """A rule with its placeholders filled and its pattern compiled."""
    try:
        name, pattern, norm, type_ = raw["name"], raw["pattern"], raw["norm"], raw["type"]
    except (KeyError, TypeError) as exc:
        raise KnowledgeFileError(f"{path}: every rule needs name, pattern, norm and type ({raw!r})") from exc
    if type_ not in _TIME_TYPES:
        raise KnowledgeFileError(f"{path}: rule {name!r} has type {type_!r}, not one of {_TIME_TYPES}")
    try:
        filled = re.sub(r"\{([A-Z_]+)\}", lambda m: holes[m.group(1)], pattern)
    except KeyError as exc:
        raise KnowledgeFileError(f"{path}: rule {name!r} uses unknown placeholder {exc}") from exc
    try:
        regex = re.compile(RULE_START + r"(?:" + filled + r")(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeFileError(f"{path}: rule {name!r} has a bad pattern: {exc}") from exc
    before, not_before = (_context_regex(raw.get(key), name, key, path) for key in ("before", "not_before"))
    return TimeRule(name=name, regex=regex, before=before, not_before=not_before, norm=str(norm), type=type_, value=raw.get("value"),
                    pos=tuple(raw.get("pos", ())), capital=tuple(raw.get("capital", ())),
                    priority=int(raw.get("priority", 0)), order=order,
                    precedes_head=bool(raw.get("precedes_head", False)),
                    pos_before=tuple(raw.get("pos_before", ())),
                    prefix=prefix_class(regex, PREFIX_LENGTH))


def _context_regex(pattern: Any, name: str, key: str, path: Path) -> re.Pattern[str] | None:
    """A regex that must (``before``) or must not (``not_before``) end just before a match."""
    if not pattern:
        return None
    try:
        return re.compile(r"(?<![\w'])(?:" + str(pattern) + r")\s*$", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeFileError(f"{path}: rule {name!r} has a bad `{key}` pattern: {exc}") from exc


def load_time_lexicon(extra_files: Iterable[str | Path] = ()) -> TimeLexicon:
    """The packaged time lexicon and rules, with the user's YAML files layered over them."""
    return _load(tuple(str(p) for p in extra_files))


def _load(extra_files: tuple[str, ...]) -> TimeLexicon:
    """The lexicon for one tuple of user files."""
    classes: dict[str, Any] = {}
    raw_rules: dict[str, Mapping[str, Any]] = {}
    sources: dict[str, Path] = {}
    for path in (DEFAULT_LEXICON, DEFAULT_RULES, *(Path(p) for p in extra_files)):
        data = _read_yaml(path)
        _merge_classes(classes, data, path)
        for raw in data.get("rules", []) or []:
            if not isinstance(raw, dict) or "name" not in raw:
                raise KnowledgeFileError(f"{path}: every rule must be a mapping with a name")
            raw_rules[str(raw["name"])] = raw
            sources[str(raw["name"])] = path
    for cls in _MAPPING_CLASSES:
        classes.setdefault(cls, {})
    for cls in _LIST_CLASSES:
        classes.setdefault(cls, [])
    holes = _placeholders(classes)
    rules = tuple(_compile_rule(raw, holes, i, sources[name]) for i, (name, raw) in enumerate(raw_rules.items()))
    return TimeLexicon(classes=classes, rules=rules)
