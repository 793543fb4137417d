"""Issue 12, item 6: a decoding guess is recorded and reported; damaged UTF-8 is an error.

Invalid UTF-8 used to be decoded silently as whatever charset-normalizer guessed (cp1252,
mac_iceland ...), so a UTF-8 story with one bad byte was stored garbled as if it were fine.
"""

from __future__ import annotations

import pytest

from dateline.ingest.encoding import decode_bytes
from dateline.ingest.readers import read_inputs
from dateline.records import Article, Failure, SourceDocument

STORY = "MOSCOW, March 4. /TASS/. Russia\u2019s foreign minister met his Turkish counterpart \u2014 talks on Syria."
LEGACY = "Caf\u00e9 owners in Z\u00fcrich protested \u2014 \u201cwe will not pay\u201d, they said."


def damaged(text: str, at: int = 40) -> bytes:
    data = text.encode("utf-8")
    return data[:at] + b"\xff" + data[at:]


@pytest.mark.parametrize("data, encoding, guessed", [
    (STORY.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8-sig", False),
    ("\ufeff".encode("utf-16-le") + STORY.encode("utf-16-le"), "utf-16", False),  # declared by its BOM
    (LEGACY.encode("cp1252"), "cp1252", True),
    ("Das Gespr\u00e4ch war gro\u00df\u201c, sagte er. \u00d6l und Gas.".encode("cp1252"), "cp1252", True),
])
def test_what_was_declared_is_read_and_what_was_guessed_says_so(data, encoding, guessed):
    decoded = decode_bytes(data)
    assert decoded.text is not None and (decoded.encoding, decoded.guessed) == (encoding, guessed)


@pytest.mark.parametrize("data", [
    damaged(STORY),                                             # one bad byte in UTF-8
    damaged(STORY, 5) + damaged(STORY, 60),                     # two
    STORY.encode("utf-8") + LEGACY.encode("cp1252"),            # UTF-8 and cp1252 in one file
])
def test_damaged_or_mixed_utf8_is_an_error_not_a_guess(data):
    decoded = decode_bytes(data)
    assert decoded.text is None and decoded.reason == "undecodable"
    assert "invalid byte" in decoded.detail and "iconv" in decoded.detail


def test_readers_put_the_guess_on_the_document(tmp_path):
    (tmp_path / "a-utf8.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b-legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    (tmp_path / "c-damaged.txt").write_bytes(damaged(STORY))
    (tmp_path / "d-page.html").write_bytes(("<html><body><article><p>" + LEGACY * 4
                                            + "</p></article></body></html>").encode("cp1252"))
    results = list(read_inputs([tmp_path]))
    assert isinstance(results[0], SourceDocument) and results[0].encoding is None
    assert isinstance(results[1], SourceDocument) and results[1].encoding == "cp1252" and results[1].text == LEGACY
    assert isinstance(results[2], Failure) and results[2].reason == "undecodable"
    assert "byte 40" in results[2].detail


def test_the_record_names_a_guessed_encoding_and_only_then():
    assert "encoding" not in Article(id="a", text="x").to_dict()
    assert Article(id="a", text="x", encoding="cp1252").to_dict()["encoding"] == "cp1252"
