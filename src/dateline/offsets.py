"""Offsets of records: moving them (a segment's records into the whole text) and checking them.

Records carry ``start``/``end`` offsets into the input text, and most carry the ``text`` between
them. These helpers walk any record (frozen dataclasses, tuples, lists and dicts nested in each
other) without knowing its type, so a field added to a record is covered too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, TypeVar

__all__ = ["shift_offsets", "resliced", "spans_in"]

T = TypeVar("T")


def _has_offsets(fields: dict[str, Any]) -> bool:
    return isinstance(fields.get("start"), int) and isinstance(fields.get("end"), int)


def _map(value: Any, fix: Any) -> Any:
    """``value`` with ``fix`` applied to every record and dict in it, bottom-up; unchanged parts kept."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _map(old, fix)
            if new is not old:
                changes[f.name] = new
        current = dataclasses.replace(value, **changes) if changes else value
        fields = {f.name: getattr(current, f.name) for f in dataclasses.fields(current)}
        updates = fix(fields)
        return dataclasses.replace(current, **updates) if updates else current
    if isinstance(value, (tuple, list)):
        items = [_map(item, fix) for item in value]
        if all(a is b for a, b in zip(items, value)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        mapped = {key: _map(item, fix) for key, item in value.items()}
        changed = any(mapped[key] is not value[key] for key in value)
        current = mapped if changed else value
        updates = fix(current)
        if updates:
            return {**current, **updates}
        return current
    return value


def shift_offsets(value: T, delta: int) -> T:
    """``value`` with every ``start``/``end`` pair moved by ``delta`` characters."""
    if delta == 0:
        return value

    def fix(fields: dict[str, Any]) -> dict[str, Any]:
        if not _has_offsets(fields):
            return {}
        return {"start": fields["start"] + delta, "end": fields["end"] + delta}

    return _map(value, fix)


def resliced(value: T, text: str) -> T:
    """``value`` with the ``text`` of every span set to ``text[start:end]``.

    Extractors read a parse of the text in which captions and credits are blanked; a span that
    crosses one would otherwise carry blanks where the input has the caption.
    """

    def fix(fields: dict[str, Any]) -> dict[str, Any]:
        if not _has_offsets(fields) or not isinstance(fields.get("text"), str):
            return {}
        exact = text[fields["start"]:fields["end"]]
        return {} if fields["text"] == exact else {"text": exact}

    return _map(value, fix)


def spans_in(value: Any, path: str = "") -> Iterator[tuple[str, int, int, str | None]]:
    """``(path, start, end, text)`` of every stretch with offsets inside ``value`` (for checks and tests)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    elif isinstance(value, dict):
        fields = value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from spans_in(item, f"{path}[{i}]")
        return
    else:
        return
    if _has_offsets(fields):
        text = fields.get("text")
        yield path or ".", fields["start"], fields["end"], text if isinstance(text, str) else None
    for name, item in fields.items():
        if name != "text":
            yield from spans_in(item, f"{path}.{name}")
