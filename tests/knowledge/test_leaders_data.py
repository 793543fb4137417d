"""The packaged leaders file (actors_leaders.tsv): well-formed rows, coherent terms, safe aliases,
and office holders that the actor coder finds on a story's date."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict

import pytest

from dateline.extract.actors import code_phrase
from dateline.knowledge.actors import DATA_DIR, load_actor_knowledge, norm_key

LEADERS = DATA_DIR / "actors_leaders.tsv"
COLUMNS = ("name", "country", "sector", "office", "start", "end", "aliases")
SECTORS = {"GOV", "MIL", "REB", "OPP", "PRM", "REL", "JUD", "LEG", "ELI", "BUS", "MED", "REF", "PTY", "SPY", "CRM"}
OFFICES = {"", "president", "prime_minister", "chancellor", "king", "supreme_leader", "crown_prince",
           "foreign_minister", "defense_minister", "secretary_general", "spokesperson", "pope",
           "vice_president", "leader"}
# offices that several people hold at once in one country code (group leaders, spokespeople)
SHARED_OFFICES = {"leader", "spokesperson"}
MAX_OVERLAP_DAYS = 60
# surnames shared by too many people to stand alone as an alias (the long-standing "Harris",
# "Abbas" and "Castro" of the first rows are kept: in news copy they name those leaders)
AMBIGUOUS = {norm_key(w) for w in (
    "Lee", "Kim", "Park", "Choi", "Chung", "Wang", "Li", "Zhang", "Chen", "Liu", "Yang", "Huang", "Zhou",
    "Wu", "Xu", "Sun", "Ma", "Hu", "Lin", "Tsai", "Lai", "Tan", "Wong", "Nguyen", "Tran", "Le", "Pham",
    "Khan", "Ali", "Ahmed", "Ahmad", "Mohammed", "Muhammad", "Mohamed", "Hassan", "Hussein", "Hussain",
    "Abdullah", "Ibrahim", "Rahman", "Hamid", "Aziz", "Salam", "Saleh", "Mahmoud", "Omar",
    "Hadi", "Singh", "Kumar", "Sharma", "Gandhi", "Patel", "Das", "Shah", "Rao", "Koirala",
    "Rajapaksa", "Smith", "Johnson", "Brown", "Jones", "Williams", "Miller", "Davis", "Wilson",
    "Taylor", "Thomas", "Martin", "Moore", "White", "Clark", "Lewis", "King", "May",
    "Morales", "Garcia", "Rodriguez", "Fernandez", "Gonzalez", "Lopez", "Perez", "Sanchez", "Costa",
    "Silva", "Santos", "Ivanov", "Popov", "Petrov", "Dlamini", "Banda", "Koroma", "Traore",
    "Maiga", "Diallo", "Sall", "Ba", "Mitchell", "Rasmussen", "Fischer", "Kono", "Tanaka",
    "Yilmaz", "Sargsyan", "Mehsud", "Haqqani", "Barzani", "Jugnauth", "Kaczynski", "Hasler",
    "Papandreou", "Karamanlis", "Aoun", "Al Thani", "Al-Sabah", "Fox",
)}


def _rows() -> list[tuple[int, dict[str, str]]]:
    rows = []
    lines = LEADERS.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("name\t"):
            continue
        cells = next(csv.reader([line], delimiter="\t"))
        assert len(cells) == len(COLUMNS), f"line {number}: {len(cells)} columns: {line!r}"
        rows.append((number, dict(zip(COLUMNS, (c.strip() for c in cells)))))
    return rows


ROWS = _rows()


def _date(text: str, default: str) -> dt.date:
    return dt.date.fromisoformat(text or default)


def test_file_is_large_and_has_the_header():
    header = next(line for line in LEADERS.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    assert header.split("\t") == list(COLUMNS)
    assert len(ROWS) > 2000


@pytest.mark.parametrize("number, row", ROWS, ids=[f"line{n}" for n, _ in ROWS])
def test_row_parses(number, row):
    assert row["name"], number
    assert re.fullmatch(r"[A-Z]{3}", row["country"]), (number, row["country"])
    assert row["sector"] in SECTORS, (number, row["sector"])
    assert row["office"] in OFFICES, (number, row["office"])
    for key in ("start", "end"):
        if row[key]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[key]), (number, row[key])
            dt.date.fromisoformat(row[key])
    if row["start"] and row["end"]:
        assert row["start"] < row["end"], (number, row["name"])
    assert all(a.strip() for a in row["aliases"].split("|")) or not row["aliases"], number


def test_no_two_terms_of_one_office_overlap():
    terms = defaultdict(list)
    for number, row in ROWS:
        if row["office"] and row["office"] not in SHARED_OFFICES:
            terms[(row["country"], row["office"])].append((number, row))
    clashes = []
    for (country, office), found in terms.items():
        for i, (na, a) in enumerate(found):
            for nb, b in found[i + 1:]:
                start = max(_date(a["start"], "1000-01-01"), _date(b["start"], "1000-01-01"))
                end = min(_date(a["end"], "9999-01-01"), _date(b["end"], "9999-01-01"))
                if (end - start).days > MAX_OVERLAP_DAYS:
                    clashes.append(f"{country} {office}: {a['name']} (line {na}) / {b['name']} (line {nb})")
    assert not clashes, "\n".join(clashes)


def test_single_word_aliases_are_distinctive():
    bad = [(number, alias) for number, row in ROWS
           for alias in [row["name"], *row["aliases"].split("|")]
           if alias and " " not in norm_key(alias) and norm_key(alias) in AMBIGUOUS]
    assert not bad


def test_aliases_do_not_shadow_places():
    kb = load_actor_knowledge()
    bad = [(number, alias) for number, row in ROWS for alias in [row["name"], *row["aliases"].split("|")]
           if alias and (norm_key(alias) in kb.capitals
                         or (norm_key(alias) in kb.entities and kb.entities[norm_key(alias)].kind == "state"))]
    assert not bad


@pytest.fixture(scope="module")
def kb():
    """The packaged actor knowledge as the extractor loads it."""
    from dateline.extract.actors import load_knowledge
    from dateline.settings import Settings

    return load_knowledge(Settings())


@pytest.mark.parametrize("text, date, expected", [
    ("Evo Morales", "2010-01-01", ("Evo Morales", "BOL")),
    ("Sheikh Hasina", "2010-01-01", ("Sheikh Hasina", "BGD")),
    ("Hasina", "2016-05-01", ("Sheikh Hasina", "BGD")),
    ("Kyrgyz President Almazbek Atambayev", "2013-01-01", ("Almazbek Atambayev", "KGZ")),
    ("the Ghanaian president", "2005-06-01", ("John Kufuor", "GHA")),
    ("the Ghanaian president", "2014-06-01", ("John Mahama", "GHA")),
    ("the Bolivian president", "2021-06-01", ("Luis Arce", "BOL")),
    ("the Serbian prime minister", "2013-01-01", ("Ivica Dacic", "SRB")),
    ("the Pakistani prime minister", "2023-10-01", ("Anwaar-ul-Haq Kakar", "PAK")),
    ("the Chinese foreign minister", "2010-06-01", ("Yang Jiechi", "CHN")),
    ("the Japanese defence minister", "2015-06-01", ("Gen Nakatani", "JPN")),
    ("Kaja Kallas", "2022-03-01", ("Kaja Kallas", "EST")),
    ("Kaja Kallas", "2025-03-01", ("Kaja Kallas", "EUR")),
    ("Abubakar Shekau", "2014-04-15", ("Abubakar Shekau", "NGA")),
    ("Hemedti", "2023-05-01", ("Mohamed Hamdan Dagalo", "SDN")),
    ("Tedros", "2020-03-01", ("Tedros Adhanom Ghebreyesus", "UNO")),
])
def test_office_holders_code_to_their_country(kb, text, date, expected):
    code = code_phrase(text, knowledge=kb, date=date)
    assert code is not None and (code.name, code.country) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, mention, date, expected", [
    ("Evo Morales met Sheikh Hasina in Dhaka.", "Evo Morales", "2010-01-01", ("Evo Morales", "BOL", "GOV")),
    ("Ghana's President John Kufuor arrived on Monday.", "Ghana's President John Kufuor", "2004-05-01",
     ("John Kufuor", "GHA", "GOV")),
    ("Abubakar Shekau released a video.", "Abubakar Shekau", "2014-05-01", ("Abubakar Shekau", "NGA", "REB")),
])
def test_leaders_in_parsed_text(nlp, kb, text, mention, date, expected):
    from dateline.extract.actors import actors

    found = [a for a in actors(nlp(text), layout=None, knowledge=kb, date=date) if a.text == mention]
    assert found, [a.text for a in actors(nlp(text), layout=None, knowledge=kb, date=date)]
    assert (found[0].name, found[0].country, found[0].sector) == expected
