"""The offline gazetteer: building, look-ups, versioning, GeoNames imports and the CLI."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.errors import KnowledgeFileError
from dateline.knowledge import gazetteer_build
from dateline.knowledge.gazetteer import ENV_VAR, Gazetteer, default_gazetteer_path, open_gazetteer_file
from dateline.knowledge.gazetteer_build import GAZETTEER_VERSION, build_gazetteer
from dateline.knowledge.gazetteer_import import detect_dump_kind, import_geonames
from dateline.knowledge.gazetteer_names import is_latin, normalize
from dateline.settings import Settings


@pytest.mark.parametrize("text, expected", [
    ("Syria", "syria"),
    ("U.S.", "us"),
    ("Ar-Riyāḑ", "ar riyad"),
    ("the Netherlands", "netherlands"),
    ("  São   Paulo ", "sao paulo"),
    ("Calif.", "calif"),
    ("", ""),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("text, expected", [("Jarābulus", True), ("Москва", False), ("‘Afrīn", True)])
def test_is_latin(text, expected):
    assert is_latin(text) is expected


# A country is its centroid, as GeoNames gives it, not its capital.
@pytest.mark.parametrize("name, geonameid, lat, lon, country", [
    ("Syria", 163843, 35.0, 38.0, "SYR"),
    ("Russia", 2017370, 60.0, 100.0, "RUS"),
    ("Turkey", 298795, 39.0, 35.0, "TUR"),
    ("Russian Federation", 2017370, 60.0, 100.0, "RUS"),
    ("U.S.", 6252001, 39.76, -98.5, "USA"),
    ("Britain", 2635167, 54.75844, -2.69531, "GBR"),
])
def test_countries_resolve_to_centroids(small_gazetteer, name, geonameid, lat, lon, country):
    best = next(c for c in small_gazetteer.lookup_text(name) if c.is_country)
    assert (best.geonameid, best.lat, best.lon, best.country, best.feature) == (geonameid, lat, lon, country,
                                                                                 "A.PCLI")


@pytest.mark.parametrize("name, feature, country", [
    ("Moscow", "P.PPLC", "RUS"),
    ("MOSCOW", "P.PPLC", "RUS"),
    ("Ankara", "P.PPLC", "TUR"),
    ("Idlib", "A.ADM1", "SYR"),
    ("Calif.", "A.ADM1", "USA"),
    ("Euphrates River", "H.STM", "IRQ"),
    ("Europe", "L.CONT", None),
    ("Tamil Nadu", "A.ADM1", "IND"),
])
def test_lookup_finds(small_gazetteer, name, feature, country):
    assert any(c.feature == feature and c.country == country for c in small_gazetteer.lookup_text(name))


@pytest.mark.parametrize("name", ["BA", "AI", "Xqzwv", ""])
def test_lookup_rejects(small_gazetteer, name):
    assert small_gazetteer.lookup_text(name) == ()


@pytest.mark.parametrize("text, expected", [
    ("La", []),            # "La Niña": a short word is not the alias LA
    ("No", []),            # "No. 2": nor an alternate name of Ho
    ("LA", ["USA"]),       # all caps it is the alias
    ("Md.", ["USA"]),      # an abbreviation with its dot still matches
])
def test_short_words_match_only_their_own_name(small_gazetteer, text, expected):
    assert sorted({c.country for c in small_gazetteer.lookup_text(text)}) == expected


@pytest.mark.parametrize("name, country", [("Limpopo", "ZAF"), ("Roraima", "BRA"), ("Eastern Cape", "ZAF")])
def test_divisions_without_a_city_are_named_without_coordinates(small_gazetteer, name, country):
    [division] = [c for c in small_gazetteer.lookup_text(name) if c.is_admin]
    assert (division.country, division.feature, division.lat, division.lon) == (country, "A.ADM1", None, None)


@pytest.mark.parametrize("name", ["Central", "Western", "North-West"])
def test_divisions_named_by_common_words_are_left_out(small_gazetteer, name):
    assert not any(c.is_admin and c.lat is None for c in small_gazetteer.lookup_text(name))


@pytest.mark.parametrize("word, expected", [("Syrian", "SYR"), ("Syrians", "SYR"), ("Turkish", "TUR"),
                                            ("American", "USA"), ("British", "GBR"), ("Idlib", None)])
def test_demonyms(small_gazetteer, word, expected):
    assert small_gazetteer.demonym(word) == expected


def test_demonym_of_a_continent(small_gazetteer):
    assert small_gazetteer.demonym_place("European").name == "Europe"


def test_info_and_version(small_gazetteer):
    info = small_gazetteer.info()
    assert info["version"] == GAZETTEER_VERSION
    assert info["places"] > 20000 and info["names"] > info["places"]


def test_default_path_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert default_gazetteer_path() == tmp_path / "env.sqlite"
    assert default_gazetteer_path(tmp_path / "set.sqlite") == tmp_path / "set.sqlite"
    monkeypatch.delenv(ENV_VAR)
    assert default_gazetteer_path().name == "gazetteer.sqlite"


def test_open_gazetteer_uses_settings(small_gazetteer_path):
    from dateline.extract.places import open_gazetteer

    with open_gazetteer(Settings(gazetteer=small_gazetteer_path)) as gaz:
        assert gaz.path == small_gazetteer_path


def test_missing_file_without_build_is_an_actionable_error(tmp_path):
    with pytest.raises(KnowledgeFileError, match="dateline gazetteer build"):
        open_gazetteer_file(tmp_path / "none.sqlite", build=False)


@pytest.mark.slow  # builds a gazetteer
def test_old_version_is_rebuilt(tmp_path):
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('version', '0');")
    con.close()
    with open_gazetteer_file(path, min_population=15000, limit=100) as gaz:
        assert gaz.version == GAZETTEER_VERSION
        assert gaz.lookup("Syria")


def test_failed_build_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gazetteer_build, "_add_cities", broken)
    with pytest.raises(RuntimeError):
        build_gazetteer(tmp_path / "g.sqlite", min_population=15000)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow  # builds a gazetteer
def test_limit_keeps_the_most_populous(tmp_path):
    with Gazetteer(build_gazetteer(tmp_path / "g.sqlite", min_population=15000, limit=50)) as gaz:
        assert gaz.lookup("Tokyo") and not any(c.fclass == "P" for c in gaz.lookup("Idlib"))


def test_unknown_city_source_is_an_error(tmp_path):
    with pytest.raises(KnowledgeFileError, match="choose one of"):
        build_gazetteer(tmp_path / "g.sqlite", min_population=7)


# -- GeoNames imports ---------------------------------------------------------------------------

_GEONAME_ROWS = [
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4
    # population elevation dem timezone moddate
    ["99999901", "Zellentor", "Zellentor", "Zellentorf,Cellentor", "47.5", "9.25", "P", "PPL", "CH", "", "20",
     "", "", "", "1200", "", "500", "Europe/Zurich", "2024-01-01"],
    ["99999902", "Zellentor Pass", "Zellentor Pass", "", "47.6", "9.3", "T", "PASS", "CH", "", "20", "", "",
     "", "0", "", "1800", "Europe/Zurich", "2024-01-01"],
]
_ALTERNATE_ROWS = [
    ["1", "99999901", "de", "Zellendorf", "", "", "", "", "", ""],
    ["2", "99999901", "link", "https://example.org/zellentor", "", "", "", "", "", ""],
    ["3", "99999901", "en", "Old Zellentor", "", "", "", "1", "", ""],
]


def _write(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def gazetteer_copy(tmp_path, small_gazetteer_path):
    target = tmp_path / "gazetteer.sqlite"
    target.write_bytes(small_gazetteer_path.read_bytes())
    return target


def test_import_geonames_dumps(tmp_path, gazetteer_copy):
    places = _write(tmp_path / "allCountries.txt", _GEONAME_ROWS)
    alternates = _write(tmp_path / "alternateNamesV2.txt", _ALTERNATE_ROWS)
    assert detect_dump_kind(places) == "geoname" and detect_dump_kind(alternates) == "alternate"
    assert import_geonames(gazetteer_copy, places) == 2
    assert import_geonames(gazetteer_copy, alternates) == 1
    with Gazetteer(gazetteer_copy) as gaz:
        found = gaz.lookup("Zellentorf")[0]
        assert (found.geonameid, found.feature, found.country, found.lat) == (99999901, "P.PPL", "CHE", 47.5)
        assert gaz.lookup("Zellendorf")[0].geonameid == 99999901
        assert not gaz.lookup("Old Zellentor")  # historic names are skipped
        assert gaz.info()["imports"] == "allCountries.txt,alternateNamesV2.txt"


def test_import_rejects_other_files(tmp_path, gazetteer_copy):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some text\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="not a GeoNames dump"):
        import_geonames(gazetteer_copy, bad)


# -- CLI ----------------------------------------------------------------------------------------

def test_cli_lookup(small_gazetteer_path):
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "Idlib", "--path", str(small_gazetteer_path),
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Idlib" in result.output and "A.ADM1" in result.output


def test_cli_info(small_gazetteer_path):
    result = CliRunner().invoke(main, ["gazetteer", "info", "--path", str(small_gazetteer_path)])
    assert result.exit_code == 0, result.output
    assert GAZETTEER_VERSION in result.output


def test_cli_import(tmp_path, gazetteer_copy):
    places = _write(tmp_path / "cities1000.txt", _GEONAME_ROWS)
    result = CliRunner().invoke(main, ["gazetteer", "import", str(places), "--path", str(gazetteer_copy)])
    assert result.exit_code == 0, result.output
    assert "2 rows added" in result.output


def test_cli_import_of_a_bad_file_fails_with_a_message(tmp_path, gazetteer_copy):
    bad = tmp_path / "bad.txt"
    bad.write_text("a\tb\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "import", str(bad), "--path", str(gazetteer_copy)])
    assert result.exit_code != 0 and "not a GeoNames dump" in result.output


@pytest.mark.slow
def test_real_build(tmp_path):
    """The full build from the installed packages works (it runs on a fresh CI machine too)."""
    path = build_gazetteer(tmp_path / "full.sqlite")
    assert path.stat().st_size < 300_000_000
    with Gazetteer(path) as gaz:
        riyadh = next(c for c in gaz.lookup("Riyadh") if c.fcode == "PPLC")
        assert riyadh.geonameid == 108410 and riyadh.country == "SAU"
        assert any(c.geonameid == 491422 for c in gaz.lookup("Sochi"))
        assert any(c.country == "SYR" for c in gaz.lookup("Jarablus"))


def test_unwritable_location_is_an_actionable_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="writable"):
        open_gazetteer_file(blocker / "gazetteer.sqlite", min_population=15000)


@pytest.mark.slow  # builds a gazetteer
def test_cli_build(tmp_path):
    target = tmp_path / "built.sqlite"
    result = CliRunner().invoke(main, ["gazetteer", "build", "--path", str(target), "--min-population", "15000"])
    assert result.exit_code == 0, result.output
    assert target.exists() and str(target) in result.output


def test_demonym_table_is_read_once(small_gazetteer):
    small_gazetteer.demonym("Syrian")
    queries = []
    small_gazetteer._con.set_trace_callback(queries.append)
    try:
        assert small_gazetteer.demonym("Turkish") == "TUR"
        assert small_gazetteer.demonym("Idlibs") is None
    finally:
        small_gazetteer._con.set_trace_callback(None)
    assert not any("demonym" in q for q in queries)
