"""Readers: text, HTML, JSON Lines, folders, stdin, and every kind of bad input."""

from __future__ import annotations

import io
import json
import os

import pytest

from dateline.ingest.readers import normalise_published, read_inputs
from dateline.records import Failure, SourceDocument

PAGE = """<html><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2021-05-03T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/geneva-talks"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>GENEVA, May 3 (Reuters) - Foreign ministers met in Geneva on Monday to discuss the ceasefire,
officials said, and agreed to meet again within a month.</p>
<p>"We made progress," the Swiss foreign minister told reporters after the talks, which lasted
six hours and ended late in the evening.</p></article>
<footer>Share this article</footer></body></html>"""


def _read(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def _only(results):
    assert len(results) == 1
    return results[0]


def test_text_file_kept_exactly(tmp_path):
    text = "\ufeffnot a BOM inside: caf\u00e9 \u2014 \u201cquoted\u201d\r\nsecond line\n"
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc = _only(_read(path))
    assert isinstance(doc, SourceDocument)
    assert doc.text == text  # only the encoding's byte-order mark is dropped, nothing else
    assert doc.origin == str(path) and doc.id is None and doc.published is None


def test_legacy_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait d\u00e9j\u00e0 pr\u00e9vue.".encode("cp1252"))
    doc = _only(_read(path))
    assert isinstance(doc, SourceDocument)
    assert "d\u00e9j\u00e0 pr\u00e9vue" in doc.text


def test_published_fills_only_missing(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "a1", "text": "One.", "published": "2019-10-14T08:00:00+03:00"}) + "\n"
        + json.dumps({"id": "a2", "text": "Two."}) + "\n", encoding="utf-8")
    docs = _read(tmp_path / "a.jsonl", published="2020-01-31")
    assert [(d.id, d.published) for d in docs] == [("a1", "2019-10-14"), ("a2", "2020-01-31")]


def test_jsonl_fields_and_origins(tmp_path):
    lines = [
        {"id": 7, "text": "Talks resumed.", "published": "2020-03-04", "source": "TASS", "title": "T",
         "url": "https://x.example/1", "extra": [1, 2]},
        {"text": "No id here.", "published": "March 4, 2020"},
        {"text": "Bad date.", "published": "sometime soon"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    docs = _read(path)
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert (docs[0].id, docs[0].source, docs[0].title, docs[0].url) == ("7", "TASS", "T", "https://x.example/1")
    assert docs[1].id is None and docs[1].published == "2020-03-04"
    assert docs[2].published is None


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = _only(_read(path))
    assert isinstance(doc, SourceDocument)
    assert "Foreign ministers met in Geneva" in doc.text
    assert "Share this article" not in doc.text
    assert doc.title == "Ministers meet in Geneva"
    assert doc.published == "2021-05-03"
    assert doc.url == "https://news.example.org/geneva-talks"
    assert doc.source == "Example News"


def test_folder_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an input.", encoding="utf-8")
    docs = _read(tmp_path)
    assert [d.text for d in docs] == ["One.", "Two."]


@pytest.mark.parametrize("data, expected", [
    (b'{"id": "s1", "text": "From stdin."}\n\n{"text": "Second."}\n', ["From stdin.", "Second."]),
    (b"\n\nPlain text from stdin.\n{not json}\n", ["\n\nPlain text from stdin.\n{not json}\n"]),
])
def test_stdin(data, expected):
    results = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [r.text for r in results] == expected


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("controls.txt", bytes(range(1, 9)) * 50, "binary"),
    ("undecodable.txt", bytes((i * 151 + 7) % 256 for i in range(4000)).replace(b"\x00", b"\x81"), "undecodable"),
    ("empty.jsonl", b"\n\n", "empty"),
])
def test_bad_files(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    failure = _only(_read(path))
    assert isinstance(failure, Failure)
    assert (failure.reason, failure.stage, failure.origin) == (reason, "read", str(path))
    assert failure.detail


def test_large_file_rejected_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    failure = _only(_read(path))
    assert isinstance(failure, Failure) and failure.reason == "too-large"


def test_too_many_characters(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    failure = _only(_read(path, max_chars=50))
    assert failure.reason == "too-large"


def test_jsonl_bad_lines_do_not_stop_the_run(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok1", "text": "Fine."}\n'
                    '{"id": "bad", "text": \n'
                    '{"id": "nt", "body": "no text field"}\n'
                    '["a list"]\n'
                    '{"id": "big", "text": "' + "x" * 200 + '"}\n'
                    '{"id": "ok2", "text": "Also fine."}\n', encoding="utf-8")
    results = _read(path, max_chars=100)
    summary = [(r.origin, getattr(r, "reason", None), r.id) for r in results]
    assert summary == [
        (f"{path}:1", None, "ok1"),
        (f"{path}:2", "malformed-json", None),
        (f"{path}:3", "no-text", "nt"),
        (f"{path}:4", "malformed-json", None),
        (f"{path}:5", "too-large", "big"),
        (f"{path}:6", None, "ok2"),
    ]


def test_missing_file_says_what_to_do(tmp_path):
    failure = _only(_read(tmp_path / "nope.txt"))
    assert isinstance(failure, Failure) and failure.reason == "unreadable"
    assert "no such file" in failure.detail and "folder" in failure.detail


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Secret.", encoding="utf-8")
    path.chmod(0)
    try:
        failure = _only(_read(path))
    finally:
        path.chmod(0o644)
    assert failure.reason == "unreadable"


def test_os_error_while_reading(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Locked.", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    failure = _only(_read(path))
    assert isinstance(failure, Failure) and failure.reason == "unreadable"
    assert "Permission denied" in failure.detail


def test_run_goes_on_after_failures(tmp_path):
    (tmp_path / "good.txt").write_text("Good.", encoding="utf-8")
    results = _read(tmp_path / "missing.txt", tmp_path / "good.txt")
    assert [type(r).__name__ for r in results] == ["Failure", "SourceDocument"]


@pytest.mark.parametrize("value, expected", [
    ("2019-10-14", "2019-10-14"), ("2019-10-14T23:59:00Z", "2019-10-14"), ("2019/10/14", "2019-10-14"),
    ("14 October 2019", "2019-10-14"), ("Oct 14, 2019", "2019-10-14"), ("19981025", "1998-10-25"),
    ("Mon, 14 Oct 2019 10:00:00 +0000", "2019-10-14"), ("soon", None), ("", None), (None, None),
    ("2019-13-45", None),
])
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


def test_lone_surrogates_are_refused_line_by_line(tmp_path):
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "ok1", "text": "Fine."}\n'
                    '{"id": "s1", "text": "Bad \\ud800 text."}\n'
                    '{"id": "s2", "text": "Fine text.", "title": "\\udfff"}\n'
                    '{"id": "\\ud83d", "text": "Fine text."}\n'
                    '{"id": "pair", "text": "A proper pair \\ud83d\\ude00 is fine."}\n', encoding="utf-8")
    results = _read(path)
    assert [getattr(r, "reason", None) for r in results] == [None, "invalid-unicode", "invalid-unicode",
                                                           "invalid-unicode", None]
    assert results[1].id == "s1" and "'text'" in results[1].detail and "character 4" in results[1].detail
    assert "'title'" in results[2].detail
    assert results[3].id == "\\ud83d" and "'id'" in results[3].detail  # escaped, printable
    assert results[4].text == "A proper pair \U0001F600 is fine."
    for failure in results[1:4]:
        (failure.origin + failure.detail).encode("utf-8")
