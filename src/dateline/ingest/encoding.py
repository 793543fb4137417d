"""Turning the bytes of an input into text without changing a character of what was written.

UTF-8 (with or without a byte-order mark) is tried first. Bytes that are not UTF-8 but hold no
UTF-8 sequence either are in a legacy encoding: the one charset-normalizer finds is used, and
``Decoded.guessed`` says so (the article records it, the run summary reports it). Bytes that are
mostly UTF-8 with some invalid bytes among them are damaged or mixed, not another encoding: they
are an error, as are binary data and bytes no encoding fits.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

__all__ = ["Decoded", "decode_bytes", "looks_binary", "CONTROL_SHARE"]

log = logging.getLogger(__name__)

CONTROL_SHARE = 0.1  # text with more control characters than this share is binary
_SNIFF_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_LATIN_FAMILY = ("cp1250", "cp1252", "cp1254", "cp1257", "iso8859_1", "iso8859_2", "iso8859_4", "iso8859_9",
                 "iso8859_10", "iso8859_13", "iso8859_15", "iso8859_16", "latin", "mac_latin2", "mac_roman",
                 "cp775", "cp850", "cp852", "cp437")
# A well-formed UTF-8 sequence of two to four bytes (RFC 3629).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                            rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_WESTERN = frozenset("àáâãäåçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ’‘“”–—€£")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of some bytes, or why there is none (``reason``: empty, binary, undecodable)."""

    text: str | None
    encoding: str | None = None
    reason: str | None = None
    detail: str | None = None
    guessed: bool = False  # the encoding was guessed from the bytes, not declared or UTF-8


def looks_binary(text: str) -> bool:
    """True when a decoded text has NUL characters or is mostly control characters."""
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample:
        return True
    visible = [c for c in sample if not c.isspace() or c in _ALLOWED_CONTROLS]
    if not visible:
        return False
    controls = sum(1 for c in visible if (ord(c) < 32 or 127 <= ord(c) < 160) and c not in _ALLOWED_CONTROLS)
    return controls / len(visible) > CONTROL_SHARE


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of one article (a whole text file, an HTML page or a stdin text)."""
    if not data.strip():
        return Decoded(None, reason="empty", detail="the input has no text (0 bytes or only white space)")
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return Decoded(None, reason="undecodable",
                           detail=f"the input starts with a {encoding} byte-order mark but is not {encoding}: {exc}")
        return _checked(text, encoding)
    if b"\x00" in data[:_SNIFF_BYTES]:
        return Decoded(None, reason="binary", detail="the input contains NUL bytes: it is not a text file")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    pairs, longer, invalid = _utf8_census(data)
    if longer or pairs >= invalid:
        return Decoded(None, reason="undecodable",
                       detail=f"the input is UTF-8 with {invalid:,} invalid byte(s) among {pairs + longer:,} UTF-8 "
                              f"sequences (the first at byte {first_bad:,}): it is damaged or mixes encodings, "
                              f"and reading it as another encoding would garble it; repair it, or drop the "
                              f"bad bytes (iconv -f utf-8 -t utf-8 -c)")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return Decoded(None, reason="undecodable",
                       detail="the bytes are not UTF-8 and no other text encoding fits: "
                              "convert the file to UTF-8 (for example with iconv)")
    text, encoding = _prefer_western(data, str(best), best.encoding)
    log.info("decoded input as %s (not UTF-8): a guess", encoding)
    decoded = _checked(text, encoding)
    return Decoded(decoded.text, decoded.encoding, decoded.reason, decoded.detail, guessed=decoded.text is not None)


def _utf8_census(data: bytes) -> tuple[int, int, int]:
    """Well-formed UTF-8 sequences of two bytes and of three or four, and the non-ASCII bytes outside them.

    A two-byte sequence also occurs in legacy text by chance ("groß“" in cp1252); a longer one
    (UTF-8's dashes and quotation marks) hardly ever does.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    pairs = sum(1 for s in sequences if len(s) == 2)
    in_sequences = sum(len(s) for s in sequences)
    non_ascii = sum(1 for b in data if b >= 0x80)
    return pairs, len(sequences) - pairs, non_ascii - in_sequences


def _prefer_western(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """cp1252 instead of another Latin code page when it reads at least as many common letters.

    On short texts charset-normalizer often picks a Baltic or Central European code page for
    Western European text ("déją vu"); cp1252 is by far the commoner encoding of news text.
    """
    if encoding == "cp1252" or not encoding.startswith(_LATIN_FAMILY):
        return text, encoding
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return text, encoding
    if sum(c in _WESTERN for c in western) >= sum(c in _WESTERN for c in text):
        return western, "cp1252"
    return text, encoding


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, reason="empty", detail="the input has only white space")
    if looks_binary(text):
        return Decoded(None, encoding, reason="binary",
                       detail="the input is mostly control characters: it is not a text file")
    return Decoded(text, encoding)
