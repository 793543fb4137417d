"""Issue 12, item 8: gzipped inputs are read, other files are reported, ids are strings.

Files of other extensions in an input folder used to be skipped without a word, ``.gz`` files
among them (real corpora ship gzipped JSON Lines); a non-string ``id`` was stored as its Python
repr ("{'a': 1}", "True").
"""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.ingest.readers import ReadReport, read_inputs
from dateline.pipeline import as_source
from dateline.records import Failure, SourceDocument


def _lines(*records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def test_gzipped_inputs_are_read_as_what_they_hold(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(_lines({"id": "g1", "text": "One."}, {"id": "g2", "text": "Two."})))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress("A plain story.".encode("utf-8")))
    (tmp_path / "c.gz").write_bytes(gzip.compress(_lines({"id": "g3", "text": "Sniffed."})))
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(
        b"<html><body><article><p>A page that was gzipped, with enough words in it to be an article "
        b"about the talks in Geneva on Monday between the two foreign ministers.</p></article></body></html>"))
    results = list(read_inputs([tmp_path]))
    assert all(isinstance(r, SourceDocument) for r in results), results
    assert [r.id for r in results[:2]] == ["g1", "g2"] and results[0].origin == f"{tmp_path / 'a.jsonl.gz'}:1"
    assert results[2].text == "A plain story." and results[3].id == "g3"
    assert "Geneva" in results[4].text


def test_a_damaged_gzip_is_an_error_and_what_came_before_is_kept(tmp_path):
    whole = gzip.compress(_lines(*({"id": f"r{i}", "text": f"Story number {i}. " * 50} for i in range(200))))
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "junk.txt.gz").write_bytes(b"not gzip at all")
    results = list(read_inputs([tmp_path]))
    *read, cut, junk = results
    assert read and all(isinstance(r, SourceDocument) for r in read)
    assert cut.reason == "unreadable" and "damaged or truncated after" in cut.detail
    assert junk.reason == "unreadable" and "gzip" in junk.detail


def test_a_gzip_bomb_is_too_large_before_it_is_all_read(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 200_000))
    (failure,) = read_inputs([tmp_path], max_chars=1_000)
    assert failure.reason == "too-large" and "decompressed" in failure.detail


def test_other_files_in_a_folder_are_reported(tmp_path):
    (tmp_path / "story.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.docx").write_bytes(b"PK")
    (tmp_path / "sub" / "old.zip").write_bytes(b"PK")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF")
    report = ReadReport()
    results = list(read_inputs([tmp_path], report=report))
    assert [r.text for r in results] == ["A story."]
    assert report.skipped == [str(tmp_path / "scan.pdf"), str(tmp_path / "sub" / "notes.docx"),
                              str(tmp_path / "sub" / "old.zip")]


@pytest.mark.parametrize("given, expected", [
    ("tass-1", "tass-1"), (" spaced ", "spaced"), (12, "12"), (0, "0"), ("", None), (None, None),
])
def test_ids_are_strings_and_integers_their_json_text(tmp_path, given, expected):
    path = tmp_path / "ids.jsonl"
    path.write_bytes(_lines({"id": given, "text": "A story."}))
    (doc,) = read_inputs([path])
    assert isinstance(doc, SourceDocument) and doc.id == expected
    assert as_source({"id": given, "text": "A story."}, 1).id == expected


@pytest.mark.parametrize("given, kind", [
    (True, "a boolean"), (1.5, "a number with a fraction"), ([1, 2], "a list"), ({"a": 1}, "an object"),
])
def test_other_ids_are_refused_not_stored_as_python_text(tmp_path, given, kind):
    path = tmp_path / "ids.jsonl"
    path.write_bytes(_lines({"id": given, "text": "A story."}, {"id": "ok", "text": "Fine."}))
    failure, fine = read_inputs([path])
    assert isinstance(failure, Failure) and failure.reason == "bad-id" and kind in failure.detail
    assert fine.id == "ok"
    refused = as_source({"id": given, "text": "A story."}, 3)
    assert isinstance(refused, Failure) and refused.reason == "bad-id" and refused.origin == "<input 3>"
