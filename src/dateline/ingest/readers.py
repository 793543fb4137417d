"""Readers: plain text, HTML and JSON Lines files, folders of them, and standard input.

``read_inputs`` yields one :class:`SourceDocument` per article, or a :class:`Failure` saying
where a bad input came from and why it was skipped; it never raises on bad input. Texts are
kept exactly as decoded, so every offset computed later points into the text as read.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..records import Failure, SourceDocument
from .encoding import decode_bytes, looks_binary
from .fields import check_unicode, id_text, normalise_published, printable
from .html import extract_html

__all__ = ["read_inputs", "ReadReport", "normalise_published", "READERS", "BYTES_PER_CHAR", "HTML_BYTES_PER_CHAR"]

log = logging.getLogger(__name__)

READERS: dict[str, str] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
                           ".jsonl": "jsonl", ".ndjson": "jsonl"}
BYTES_PER_CHAR = 4        # a text file larger than max_chars * 4 bytes is too large for sure
HTML_BYTES_PER_CHAR = 10  # pages carry markup: allow more bytes per character of text
_TEXT_FIELDS = ("text", "published", "source", "title", "url")


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _failure(origin: str, reason: str, detail: str, id: str | None = None) -> Failure:
    return Failure(origin=printable(origin), stage="read", reason=reason,
                   id=None if id is None else printable(id), detail=printable(detail))


def _too_large(origin: str, size: int, limit: int, unit: str, id: str | None = None) -> Failure:
    return _failure(origin, "too-large",
                    f"the input has {size:,} {unit}, more than the limit of {limit:,}: "
                    f"split it, or raise the limit with --max-chars", id)


# -- single articles -------------------------------------------------------------------------

def _text_document(data: bytes, origin: str, published: str | None, max_chars: int) -> SourceDocument | Failure:
    decoded = decode_bytes(data)
    if decoded.text is None:
        return _failure(origin, decoded.reason or "undecodable", decoded.detail or "cannot decode the input")
    if len(decoded.text) > max_chars:
        return _too_large(origin, len(decoded.text), max_chars, "characters")
    return SourceDocument(text=decoded.text, published=published, origin=origin,
                          encoding=decoded.encoding if decoded.guessed else None)


def _html_document(data: bytes, origin: str, published: str | None, max_chars: int) -> SourceDocument | Failure:
    decoded = decode_bytes(data)
    if decoded.text is None:
        return _failure(origin, decoded.reason or "undecodable", decoded.detail or "cannot decode the page")
    page = extract_html(decoded.text)
    if page.text is None:
        return _failure(origin, "no-text", "no main text found in the page (is it an article page?)")
    if len(page.text) > max_chars:
        return _too_large(origin, len(page.text), max_chars, "characters")
    date = normalise_published(page.date, origin=origin) or published
    return SourceDocument(text=page.text, published=date, source=page.sitename, title=page.title,
                          url=page.url, origin=origin, encoding=decoded.encoding if decoded.guessed else None)


def _json_record(line: bytes, origin: str, published: str | None, max_chars: int) -> SourceDocument | Failure:
    try:
        raw = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _failure(origin, "undecodable", f"the line is not UTF-8 ({exc}): JSON Lines must be UTF-8")
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _failure(origin, "malformed-json", f"not valid JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(record, dict):
        return _failure(origin, "malformed-json",
                        f"each line must be a JSON object with a 'text' field, got {type(record).__name__}")
    try:
        id_ = id_text(record.get("id"))
        check_unicode(id_, "id")
        for name in _TEXT_FIELDS:
            value = record.get(name)
            if isinstance(value, str):
                check_unicode(value, name)
    except InputError as exc:
        shown = record.get("id") if isinstance(record.get("id"), str) else None
        return _failure(origin, exc.reason, str(exc), shown)
    text = record.get("text")
    if not isinstance(text, str):
        return _failure(origin, "no-text", "the record has no string field 'text'", id_)
    if not text.strip():
        return _failure(origin, "empty", "the record's 'text' is empty", id_)
    if len(text) > max_chars:
        return _too_large(origin, len(text), max_chars, "characters", id_)
    if looks_binary(text):
        return _failure(origin, "binary", "the record's 'text' is mostly control characters", id_)
    date = normalise_published(record.get("published"), origin=origin) or published
    return SourceDocument(text=text, id=id_, published=date, source=_opt_str(record.get("source")),
                          title=_opt_str(record.get("title")), url=_opt_str(record.get("url")), origin=origin)


# -- streams ---------------------------------------------------------------------------------

def _read_line(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """One line of at most ``limit`` bytes, and whether it was longer (the rest is skipped)."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:
        rest = stream.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return line, True


def _jsonl_stream(stream: BinaryIO, name: str, published: str | None, max_chars: int,
                  first: tuple[int, bytes] | None = None) -> Iterator[SourceDocument | Failure]:
    limit = max_chars * BYTES_PER_CHAR + 64
    number = first[0] if first else 0
    records = 0
    if first is not None:
        records += 1
        yield _json_record(first[1], f"{name}:{number}", published, max_chars)
    while True:
        line, oversize = _read_line(stream, limit)
        if not line:
            break
        number += 1
        origin = f"{name}:{number}"
        if oversize:
            records += 1
            yield _too_large(origin, len(line), limit, "bytes on one line")
        elif line.strip():
            records += 1
            yield _json_record(line, origin, published, max_chars)
    if not records:
        yield _failure(name, "empty", "the JSON Lines input has no records")


def _read_stdin(stream: BinaryIO, published: str | None, max_chars: int) -> Iterator[SourceDocument | Failure]:
    """Standard input: JSON Lines when the first non-empty line starts with ``{``, else one text."""
    limit = max_chars * BYTES_PER_CHAR
    head = b""
    number = 0
    while True:
        line, oversize = _read_line(stream, limit)
        if not line:
            break
        number += 1
        if oversize:
            yield _too_large(f"<stdin>:{number}", len(line), limit, "bytes on one line")
            return
        if line.strip():
            if line.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                yield from _jsonl_stream(stream, "<stdin>", published, max_chars, first=(number, line))
                return
            head += line
            break
        head += line
    rest = stream.read(max(0, limit + 1 - len(head)))
    data = head + rest
    if len(data) > limit or stream.read(1):
        yield _too_large("<stdin>", len(data), limit, "bytes")
        return
    yield _text_document(data, "<stdin>", published, max_chars)


# -- files and folders -----------------------------------------------------------------------

@dataclass
class ReadReport:
    """What :func:`read_inputs` passed over, for the run summary: files in folders that are not
    articles (their extension is none of READERS, nor one of them with ``.gz``)."""

    skipped: list[str] = field(default_factory=list)


_GZIP_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError


def _kind_of(path: Path) -> tuple[str | None, bool]:
    """The reader for a file by its name, and whether it is gzipped (``x.jsonl.gz``; ``x.gz`` is sniffed)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return READERS.get(Path(name[:-3]).suffix, "sniff"), True
    return READERS.get(path.suffix.lower()), False


def _open(path: Path, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else path.open("rb")  # type: ignore[return-value]


def _sniff_kind(path: Path, compressed: bool = False) -> str:
    try:
        with _open(path, compressed) as handle:
            for line in handle:
                if line.strip():
                    return "jsonl" if line.lstrip(b"\xef\xbb\xbf \t").startswith(b"{") else "text"
    except _GZIP_ERRORS:
        pass
    return "text"


def _read_file(path: Path, kind: str, published: str | None, max_chars: int,
               compressed: bool = False) -> Iterator[SourceDocument | Failure]:
    origin = str(path)
    if kind == "sniff":
        kind = _sniff_kind(path, compressed)
    records = 0
    try:
        if kind == "jsonl":
            with _open(path, compressed) as handle:
                for record in _jsonl_stream(handle, origin, published, max_chars):
                    records += 1
                    yield record
            return
        limit = max_chars * (HTML_BYTES_PER_CHAR if kind == "html" else BYTES_PER_CHAR)
        if compressed:
            with _open(path, compressed) as handle:
                data = handle.read(limit + 1)
            if len(data) > limit:
                yield _too_large(origin, len(data), limit, "bytes once decompressed")
                return
        else:
            size = path.stat().st_size
            if size > limit:
                yield _too_large(origin, size, limit, "bytes")
                return
            data = path.read_bytes()
    except OSError as exc:
        if compressed and not isinstance(exc, (FileNotFoundError, PermissionError)):
            yield _damaged_gzip(origin, exc, records)
            return
        yield _failure(origin, "unreadable", f"cannot read the file ({exc.strerror or exc}): "
                                             f"check that it exists and that you may read it")
        return
    except (EOFError, zlib.error) as exc:
        yield _damaged_gzip(origin, exc, records)
        return
    if kind == "html":
        yield _html_document(data, origin, published, max_chars)
    else:
        yield _text_document(data, origin, published, max_chars)


def _damaged_gzip(origin: str, exc: BaseException, records: int) -> Failure:
    after = f" after {records:,} record(s)" if records else ""
    return _failure(origin, "unreadable", f"the gzip file is damaged or truncated{after} ({type(exc).__name__}: "
                                          f"{exc}): the rest of it cannot be read; check the download")


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, hidden files and folders left out."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def read_inputs(paths: Sequence[str | Path], *, published: str | None = None, max_chars: int = 1_000_000,
                stdin: BinaryIO | None = None, report: ReadReport | None = None) -> Iterator[SourceDocument | Failure]:
    """Articles from files, folders (recursive, sorted) and ``-`` (standard input), in order.

    ``published`` fills in the publication date of articles that have none. ``stdin`` replaces
    ``sys.stdin`` (for tests and embedding). Gzipped files (``x.jsonl.gz``, ``x.txt.gz``, ``x.gz``)
    are read as what they hold. Files in folders whose extension is none of READERS (with or
    without ``.gz``) are passed over and listed in ``report.skipped``.
    """
    fallback = normalise_published(published, origin="--published") if published else None
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                yield _failure("<stdin>", "unreadable", "there is no standard input to read: give a file instead")
                continue
            yield from _read_stdin(stream if hasattr(stream, "readline") else io.BufferedReader(stream),
                                   fallback, max_chars)
            continue
        path = Path(given)
        if path.is_dir():
            found = 0
            for file in _walk(path):
                kind, compressed = _kind_of(file)
                if kind is None:
                    log.info("skipping %s: not a .txt, .html or .jsonl file (nor one of them gzipped)", file)
                    if report is not None:
                        report.skipped.append(str(file))
                    continue
                found += 1
                yield from _read_file(file, kind, fallback, max_chars, compressed)
            if not found:
                log.warning("no .txt, .html or .jsonl file in folder %s", path)
        elif path.exists():
            kind, compressed = _kind_of(path)
            if kind is None:
                kind = _sniff_kind(path)
                log.info("%s: unknown extension, reading it as %s", path, "JSON Lines" if kind == "jsonl" else "text")
            yield from _read_file(path, kind, fallback, max_chars, compressed)
        else:
            yield _failure(str(path), "unreadable",
                           f"no such file or folder: {path}; check the path (give a file, a folder "
                           f"to read recursively, or '-' for standard input)")
