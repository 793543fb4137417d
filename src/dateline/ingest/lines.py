"""The lines of a story with their offsets: what the wire layout (:mod:`.wire`) classifies and
where the publication date (:mod:`.published`) looks for a stamp line."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line", "split_lines"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text without its surrounding whitespace; ``blank_after`` if a blank line follows."""

    start: int
    end: int
    text: str
    blank_after: bool


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their offsets."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for piece in text.split("\n"):
        start, end = pos, pos + len(piece)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        raw.append((start, end))
    lines: list[Line] = []
    for i, (start, end) in enumerate(raw):
        if start == end:
            continue
        blank_after = i + 1 < len(raw) and raw[i + 1][0] == raw[i + 1][1]
        lines.append(Line(start, end, text[start:end], blank_after))
    return lines
