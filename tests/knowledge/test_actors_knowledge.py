"""The actor knowledge: derived country base, packaged files, user files, look-ups, phrase coding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import KnowledgeFileError
from dateline.extract.actors import code_phrase
from dateline.knowledge.actors import ActorCode, acronym_key, load_actor_knowledge, norm_key
from dateline.knowledge.cache import SHARED


@pytest.fixture(scope="module")
def kb():
    return load_actor_knowledge()


@pytest.mark.parametrize("text, expected", [
    ("U.S.", "us"), ("Erdoğan", "erdogan"), ("Secretary-General", "secretary general"),
    ("Syria’s", "syria's"), ("  The   Kremlin ", "the kremlin"),
])
def test_norm_key(text, expected):
    assert norm_key(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("U.N.", "UN"), ("NATO", "NATO"), ("us", None), ("Nato", None), ("REPUBLICANS", None),
])
def test_acronym_key(text, expected):
    assert acronym_key(text) == expected


@pytest.mark.parametrize("text, country, sector, kind", [
    ("Russia", "RUS", "GOV", "state"),
    ("Kremlin", "RUS", "GOV", "state"),
    ("White House", "USA", "GOV", "state"),
    ("Downing Street", "GBR", "GOV", "state"),
    ("Pentagon", "USA", "MIL", "state"),
    ("U.S.", "USA", "GOV", "state"),
    ("Britain", "GBR", "GOV", "state"),
    ("UN", "UNO", None, "organization"),
    ("European Union", "EUR", None, "organization"),
    ("NATO", "IGO", "MIL", "organization"),
    ("OSCE", "IGO", None, "organization"),
    ("African Union", "IGO", None, "organization"),
    ("Amnesty International", "NGO", None, "organization"),
    ("Red Cross", "NGO", "MED", "organization"),
    ("TASS", "RUS", "MED", "organization"),
    ("SANA", "SYR", "MED", "organization"),
    ("Reuters", "GBR", "MED", "organization"),
    ("Mongolia", "MNG", "GOV", "state"),          # from the pycountry base, not the curated file
])
def test_entities(kb, text, country, sector, kind):
    code = kb.entity(text)
    assert code is not None
    assert (code.country, code.sector, code.kind) == (country, sector, kind)


@pytest.mark.parametrize("text", ["us", "russia", "turkey", "the"])
def test_lowercase_words_are_no_names(kb, text):
    assert kb.entity(text) is None


@pytest.mark.parametrize("text, country, kind", [
    ("Turkish", "TUR", "state"), ("American", "USA", "state"), ("Russian", "RUS", "state"),
    ("Mongolian", "MNG", "state"), ("Israelis", "ISR", "state"), ("Kurdish", None, "group"),
])
def test_demonyms(kb, text, country, kind):
    code = kb.demonym(text)
    assert code is not None and (code.country, code.kind) == (country, kind)


def test_capitals_are_metonyms(kb):
    assert kb.capital("Ulaanbaatar") == ActorCode("Mongolia", "MNG", "GOV", "state")
    assert kb.entity("Ankara").country == "TUR"


@pytest.mark.parametrize("text, sector, kind", [
    ("spokesman", None, "person"), ("armed forces", "MIL", "group"), ("militants", "REB", "group"),
    ("Lt. Gen.", "MIL", "person"), ("ministries", "GOV", "organization"),
    ("protesters", "CVL", "group"), ("news agency", "MED", "organization"), ("court", "JUD", "organization"),
])
def test_roles(kb, text, sector, kind):
    role = kb.role(text)
    assert role is not None and (role.sector, role.kind) == (sector, kind)


@pytest.mark.parametrize("country, office, date, name", [
    ("USA", "president", "2019-10-14", "Donald Trump"),
    ("USA", "president", "2010-06-01", "Barack Obama"),
    ("USA", "president", "2022-06-01", "Joe Biden"),
    ("RUS", "president", "2010-06-01", "Dmitry Medvedev"),
    ("RUS", "prime_minister", "2010-06-01", "Vladimir Putin"),
    ("GBR", "prime_minister", "2019-10-14", "Boris Johnson"),
    ("RUS", "foreign_minister", "2019-10-14", "Sergey Lavrov"),
])
def test_office_holders(kb, country, office, date, name):
    assert kb.office_holder(country, office, date).name == name


def test_office_holder_needs_a_date(kb):
    assert kb.office_holder("USA", "president", None) is None


@pytest.mark.parametrize("alias, date, name", [
    ("Putin", None, "Vladimir Putin"), ("Bush", "2003-01-01", "George W. Bush"),
    ("Bush", "1990-01-01", "George H. W. Bush"), ("Erdoğan", None, "Recep Tayyip Erdogan"),
])
def test_people_by_alias(kb, alias, date, name):
    assert kb.person(alias, date=date).name == name


@pytest.mark.parametrize("text, expected", [
    ("Kremlin Spokesman Dmitry Peskov", ("Dmitry Peskov", "RUS", "GOV", "person")),
    ("the Turkish armed forces", ("Turkish armed forces", "TUR", "MIL", "group")),
    ("Syrian positions", ("Syrian positions", "SYR", "MIL", "group")),
    ("militants", ("militants", None, "REB", "group")),
    ("the global community", ("global community", "IGO", None, "group")),
    ("Ankara", ("Turkey", "TUR", "GOV", "state")),
    ("the Russian Defense Ministry", ("Russian Defense Ministry", "RUS", "MIL", "organization")),
    ("Russian President Vladimir Putin", ("Vladimir Putin", "RUS", "GOV", "person")),
    ("Syria’s SANA news agency", ("SANA", "SYR", "MED", "organization")),
    ("Kurdish units", ("Kurdish units", None, "REB", "group")),
    ("36 Turkish soldiers", ("Turkish soldiers", "TUR", "MIL", "group")),
    ("President of Mongolia", ("Khaltmaagiin Battulga", "MNG", "GOV", "person")),
    ("the Ministry of Defence of Ukraine", ("Ministry of Defence of Ukraine", "UKR", "MIL", "organization")),
    ("Judge Ana Torres", ("Ana Torres", None, "JUD", "person")),
    ("Syrian refugees", ("Syrian refugees", "SYR", "REF", "group")),
    ("UN peacekeepers", ("UN peacekeepers", "UNO", "MIL", "group")),
])
def test_code_phrase(kb, text, expected):
    code = code_phrase(text, knowledge=kb, date="2019-10-14")
    assert code is not None
    assert (code.name, code.country, code.sector, code.kind) == expected


@pytest.mark.parametrize("text, date, name", [
    ("the US president", "2019-10-14", "Donald Trump"),
    ("the U.S. president", "2012-03-01", "Barack Obama"),
    ("the Russian foreign minister", "2019-10-14", "Sergey Lavrov"),
    ("the former US president", "2019-10-14", "former US president"),
    ("the US president", None, "US president"),
])
def test_office_holders_by_date(kb, text, date, name):
    assert code_phrase(text, knowledge=kb, date=date).name == name


@pytest.mark.parametrize("text", ["Ankara's military operation", "the positions", "it", "", "the"])
def test_no_actor(kb, text):
    assert code_phrase(text, knowledge=kb) is None


@pytest.mark.slow  # compiles user actor files with the packaged knowledge
def test_user_files_layer_over_packaged(tmp_path):
    orgs = tmp_path / "mine.yaml"
    orgs.write_text("organizations:\n  - {name: Zebra Front, aliases: [ZF], country: XKX, sector: REB}\n"
                    "countries:\n  RUS:\n    seats: {Old Square: GOV}\n", encoding="utf-8")
    roles = tmp_path / "roles.tsv"
    roles.write_text("# my roles\nphrase\tsector\tkind\toffice\tcountry\tflags\n"
                     "zookeeper\tCVL\tperson\t\t\t\n", encoding="utf-8")
    people = tmp_path / "people.tsv"
    people.write_text("name\tcountry\tsector\toffice\tstart\tend\taliases\n"
                      "Ada Example\tMNG\tGOV\tpresident\t2030-01-01\t\tExample\n", encoding="utf-8")
    kb = load_actor_knowledge((orgs, roles, people))
    assert kb.entity("ZF") == ActorCode("Zebra Front", "XKX", "REB", "organization")
    assert kb.entity("Old Square").country == "RUS"
    assert kb.role("zookeepers").sector == "CVL"
    assert kb.office_holder("MNG", "president", "2031-05-05").name == "Ada Example"
    assert kb.entity("Kremlin").country == "RUS"        # packaged knowledge is still there


@pytest.mark.slow  # compiles user actor files with the packaged knowledge
@pytest.mark.parametrize("name, content", [
    ("bad.yaml", "organizations: [{aliases: [X]}]\n"),
    ("bad2.yaml", "- just a list\n"),
    ("bad.tsv", "who\twhat\nx\ty\n"),
    ("bad2.tsv", "name\tcountry\tsector\toffice\tstart\tend\taliases\nX\tRUS\tGOV\t\t2020\t\t\n"),
    ("bad.json", "{}"),
])
def test_malformed_files_raise(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeFileError):
        load_actor_knowledge((path,))


@pytest.mark.slow  # compiles user actor files with the packaged knowledge
def test_missing_file_raises(tmp_path):
    with pytest.raises(KnowledgeFileError, match="does not exist"):
        load_actor_knowledge((tmp_path / "nope.yaml",))


@pytest.mark.slow  # hypothesis codes many phrases
@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_code_phrase_never_crashes(text):
    code = code_phrase(text, knowledge=SHARED.actors())
    assert code is None or isinstance(code, ActorCode)


@pytest.mark.parametrize("alias, date, office, expected", [
    ("Yeltsin", "2005-01-01", None, ("Boris Yeltsin", "ELI")),      # out of office: an elite
    ("Lavrov", "2019-01-01", None, ("Sergey Lavrov", "GOV")),
    ("Clinton", "1998-01-01", "president", ("Bill Clinton", "GOV")),
    ("Clinton", "2016-01-01", None, ("Hillary Clinton", "ELI")),
    ("Zelensky", "2010-01-01", None, ("Volodymyr Zelensky", None)),  # not yet in office
])
def test_people_by_date_and_office(kb, alias, date, office, expected):
    code = kb.person(alias, date=date, office=office)
    assert (code.name, code.sector) == expected


def test_cities_give_countries(kb):
    assert kb.city("Aleppo") == "SYR"
    assert kb.city("aleppo") is None


@pytest.mark.parametrize("text, expected", [
    ("a group of Yoruba leaders", ("Yoruba leaders", "NGA", "ELI")),
    ("Serbian Labour Minister Dragan Petrovic", ("Dragan Petrovic", "SRB", "GOV")),
    ("Russian UN envoy", ("Russian UN envoy", "RUS", "GOV")),
    ("Ugandan opposition candidates", ("Ugandan opposition candidates", "UGA", "OPP")),
    ("Rebels in the Ivory Coast", ("Rebels", "CIV", "REB")),
    ("a human rights group", ("human rights group", "NGO", "SOC")),
    ("California", ("California", "USA", None)),
])
def test_code_phrase_more(kb, text, expected):
    code = code_phrase(text, knowledge=kb)
    assert (code.name, code.country, code.sector) == expected


@pytest.mark.parametrize("text, country", [
    ("the Zairean army", "COD"), ("Soviet troops", "RUS"), ("Rhodesian forces", "ZWE"),
    ("Czechoslovakia", "CZE"), ("West German police", "DEU"), ("Kampuchea", "KHM"),
])
def test_former_state_names_code_as_the_successor(text, country):
    from dateline.knowledge.actors import load_actor_knowledge

    assert code_phrase(text, knowledge=SHARED.actors()).country == country


@pytest.mark.parametrize("text, expected", [
    ("Sen. Jane Doe", ("Jane Doe", None, "LEG", "person")),
    ("Gov. John Roe", ("John Roe", None, "GOV", "person")),
    ("the Rev. Amos Vale", ("Amos Vale", None, "REL", "person")),
    ("Sgt. Tom Bell", ("Tom Bell", None, "MIL", "person")),
    ("rebel leader", ("rebel leader", None, "REB", "person")),
    ("union leaders", ("union leaders", None, "LAB", "group")),
    ("Pakistani army spokesman", ("Pakistani army spokesman", "PAK", "MIL", "person")),
    ("the Iraqi police chief", ("Iraqi police chief", "IRQ", "COP", "person")),
    ("a Hamas official", ("Hamas official", "PSE", "REB", "person")),
    ("Darfur rebels", ("Darfur rebels", "SDN", "REB", "group")),
    ("Chechnya", ("Chechnya", "RUS", None, "state")),
    ("Ecuadorian police", ("Ecuadorian police", "ECU", "COP", "group")),
    ("Israeli settlers", ("Israeli settlers", "ISR", "CVL", "group")),
    ("the Russian coast guard", ("Russian coast guard", "RUS", "MIL", "organization")),
    ("UN weapons inspectors", ("UN weapons inspectors", "UNO", "GOV", "group")),
    ("Colombian drug lords", ("Colombian drug lords", "COL", "CRM", "group")),
    ("the Federal Reserve", ("Federal Reserve", "USA", "BUS", "organization")),
    ("Boko Haram", ("Boko Haram", "NGA", "REB", "organization")),
    ("Abu Sayyaf militants", ("Abu Sayyaf militants", "PHL", "REB", "group")),
    ("the Polisario Front", ("Polisario Front", "ESH", "REB", "organization")),
    ("OPEC", ("OPEC", "IGO", "BUS", "organization")),
    ("the Organization of American States", ("Organization of American States", "IGO", None, "organization")),
    ("Voice of America", ("Voice of America", "USA", "MED", "organization")),
    ("the Jerusalem Post", ("The Jerusalem Post", "ISR", "MED", "organization")),
    ("Trinidad", ("Trinidad and Tobago", "TTO", "GOV", "state")),
])
def test_broader_coverage(kb, text, expected):
    code = code_phrase(text, knowledge=kb, date="2010-06-01")
    assert code is not None
    assert (code.name, code.country, code.sector, code.kind) == expected


@pytest.mark.parametrize("text", ["Major League Baseball said", "Let us talk", "Solidarity with the poor"])
def test_common_words_are_no_organisations(kb, text):
    code = code_phrase(text, knowledge=kb)
    assert code is None or code.country is None


@pytest.mark.slow  # compiles user actor files with the packaged knowledge
def test_user_regions_and_generic_roles(tmp_path):
    extra = tmp_path / "regions.yaml"
    extra.write_text("regions:\n  Zembla: NOR\n", encoding="utf-8")
    roles = tmp_path / "roles.tsv"
    roles.write_text("phrase\tsector\tkind\toffice\tcountry\tflags\n"
                     "ringleader\t\tperson\t\t\tgeneric\n", encoding="utf-8")
    kb = load_actor_knowledge((extra, roles))
    assert kb.entity("Zembla") == ActorCode("Zembla", "NOR", None, "state")
    assert kb.role("ringleader").generic
    assert code_phrase("rebel ringleader", knowledge=kb).sector == "REB"


@pytest.mark.slow  # compiles user actor files with the packaged knowledge
def test_malformed_region_raises(tmp_path):
    path = tmp_path / "bad_regions.yaml"
    path.write_text("regions:\n  Zembla: {country: NOR}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="region"):
        load_actor_knowledge((path,))


def test_person_by_country(kb):
    assert kb.person("King Abdullah", date="2010-06-01", country="SAU").name == "Abdullah bin Abdulaziz"
    assert kb.person("King Abdullah", date="2010-06-01", country="JOR").name == "Abdullah II"
    assert kb.person("King Abdullah", date="2010-06-01", country="NOR") is None


@pytest.mark.parametrize("text, country", [
    ("Uighurs", "CHN"), ("Uyghur", "CHN"), ("Basques", "ESP"), ("Tamils", "LKA"),
    ("Europeans", "EUR"), ("Kosovar", "XKX"),
])
def test_peoples_and_their_plurals(kb, text, country):
    code = kb.demonym(text)
    assert code is not None and code.country == country


@pytest.mark.parametrize("text", ["Kurdishs", "Chineses", "Frenchs"])
def test_adjectives_get_no_plural(kb, text):
    assert kb.demonym(text) is None


def test_kosovo_and_body_words(kb):
    assert kb.entity("Kosovo").country == "XKX"
    assert "association" in kb.bodies and "meet" in kb.encounters
