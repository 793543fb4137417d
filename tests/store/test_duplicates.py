"""Issue 12, item 5: the same text under another id, or spaced otherwise, is stored once.

Seven copies of one article used to be stored seven times: under other ids, and without an id
(whose id is a hash of the exact text) with other whitespace or line ends.
"""

from __future__ import annotations

import json
import sqlite3

from records_fixtures import TEXT_A, article_a, article_b

from dateline.store import Store
from dateline.store.schema import migrate
from dateline.store.writer import text_hash

VARIANTS = [
    TEXT_A,
    TEXT_A.replace(". ", ".\n"),                  # line ends
    TEXT_A.replace(". ", ".\r\n\r\n"),            # Windows line ends, paragraphs
    TEXT_A.replace(" ", "  "),                     # doubled spaces
    "\ufeff  " + TEXT_A + "\n\n",                  # a byte-order mark, a margin
    TEXT_A.replace(" ", "\u00a0", 3),              # no-break spaces
    TEXT_A.replace(" ", "\t", 2),                  # tabs
]


def test_the_hash_ignores_spacing_but_not_words():
    assert len({text_hash(v) for v in VARIANTS}) == 1
    assert text_hash(TEXT_A) != text_hash(TEXT_A.replace("Ankara", "Athens"))
    assert text_hash("e\u0301") == text_hash("\u00e9")  # one letter, however it is composed


def test_seven_copies_are_stored_once_and_the_others_name_it(store):
    copies = [article_a(id=f"copy-{i}", text=text) for i, text in enumerate(VARIANTS)]
    stats = store.write_batch(copies)
    assert (stats.new, stats.duplicates) == (1, 6)
    assert [a["id"] for a in store.articles()] == ["copy-0"]
    assert [(d["id"], d["duplicate_of"]) for d in store.duplicates()] == [(f"copy-{i}", "copy-0") for i in range(1, 7)]
    assert store.stats()["duplicates"] == 6
    assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == len(article_a().events)


def test_writing_them_again_adds_nothing(store):
    copies = [article_a(id=f"copy-{i}", text=text) for i, text in enumerate(VARIANTS)]
    store.write_batch(copies)
    stats = store.write_batch(copies)
    assert (stats.new, stats.duplicates, stats.unchanged) == (0, 0, 7)
    assert len(store.duplicates()) == 6


def test_a_duplicates_record_is_the_stored_one_under_its_own_id(store):
    store.write_batch([article_a(), article_a(id="again", text=TEXT_A + "\n")])
    record = store.get_article("again", include_text=True)
    assert record["id"] == "again" and record["duplicate_of"] == "art-a"
    assert {k: v for k, v in record.items() if k not in ("id", "duplicate_of", "text")} == \
        {k: v for k, v in article_a().to_dict().items() if k != "id"}
    assert record["text"] == TEXT_A
    assert store.get_article("art-a") == article_a().to_dict()  # the original has no duplicate_of
    assert store.get_article("nobody") is None


def test_an_id_seen_as_a_duplicate_that_comes_back_with_its_own_text_is_stored(store):
    store.write_batch([article_a(), article_a(id="later", text=TEXT_A + " ")])
    stats = store.write_batch([article_b(id="later")])
    assert stats.new == 1 and store.duplicates() == []
    assert store.get_article("later") == article_b(id="later").to_dict()


def test_the_same_id_with_other_spacing_is_still_one_article(store):
    store.write_batch([article_a()])
    stats = store.write_batch([article_a(text=TEXT_A.replace(". ", ".\n"))])
    assert (stats.replaced, stats.duplicates) == (1, 0)
    assert store.duplicates() == []


def test_articles_stored_before_the_migration_get_their_hash(db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=2)
    art = article_a()
    conn.execute("INSERT INTO articles (id, text, title, published, record, content_hash, ingested_at)"
                 " VALUES (?, ?, ?, ?, ?, 'x', '2020-01-01')",
                 (art.id, art.text, art.title, art.published, json.dumps(art.to_dict())))
    conn.close()
    with Store.open(db_path) as store:
        assert store.connection.execute("SELECT text_hash FROM articles").fetchone()[0] == text_hash(TEXT_A)
        assert store.write_batch([article_a(id="copy", text=TEXT_A + "\n")]).duplicates == 1


def test_a_store_opened_twice_keeps_them(db_path):
    with Store.open(db_path) as store:
        store.write_batch([article_a(), article_a(id="copy", text=" " + TEXT_A)])
    with Store.open(db_path) as store:
        assert [d["id"] for d in store.duplicates(of="art-a")] == ["copy"]
