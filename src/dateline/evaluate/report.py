"""Turning figures into text tables, Markdown tables and JSON, and listing the worst misses."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .io import EvaluationError
from .metrics import HEADLINES
from .misses import Miss, MissGroup

__all__ = ["text_report", "headline_line", "json_report", "misses_report", "markdown_table", "fmt",
           "replace_section", "write_section"]

Metrics = Mapping[str, Any]


def fmt(value: Any, digits: int = 3) -> str:
    """A figure for a table: floats to ``digits`` decimals, None as 'n/a'."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], first_width: int = 16) -> list[str]:
    cells = [[fmt(v) for v in row] for row in rows]
    widths = [max(first_width, *(len(r[0]) for r in cells), len(header[0])) if cells else first_width]
    widths += [max(len(h), *(len(r[k]) for r in cells)) + 1 if cells else len(h) + 1
               for k, h in enumerate(header[1:], 1)]
    out = [header[0].ljust(widths[0]) + "".join(h.rjust(w + 1) for h, w in zip(header[1:], widths[1:]))]
    for r in cells:
        out.append(r[0].ljust(widths[0]) + "".join(v.rjust(w + 1) for v, w in zip(r[1:], widths[1:])))
    return out


def _events(m: Metrics) -> list[str]:
    lines = [f"gold events {m['gold_events']}, predicted {m['pred_events']} "
             f"(+{m['pred_ignored_status']} negated/hypothetical ignored); "
             f"surplus predicted events per document {m['extra_per_doc']:.2f}", ""]
    lines += _table(["", "tp", "P", "R", "F1"],
                    [["type", m["type_tp"], m["type_p"], m["type_r"], m["type_f1"]],
                     ["dyad", m["dyad_tp"], m["dyad_p"], m["dyad_r"], m["dyad_f1"]]])
    lines.append("")
    lines += _table(["per type", "gold", "pred", "tp", "P", "R", "F1"],
                    [[t or "(none)", r["gold"], r["pred"], r["tp"], r["p"], r["r"], r["f1"]]
                     for t, r in m["per_type"].items()])
    return lines


def _quotes(m: Metrics) -> list[str]:
    blocks = [("all", m), *m.get("per_kind", {}).items()]
    lines = _table(["subset", "gold", "pred", "tp", "P", "R", "F1", "speaker", "(n)", "e2e", "name", "cue",
                    "kind"],
                   [[label, b["gold"], b["pred"], b["tp"], b["content_p"], b["content_r"], b["content_f1"],
                     b["speaker_acc"], b["speaker_n"], b["speaker_e2e"], b["speaker_name_acc"], b["cue_acc"],
                     b["kind_acc"]] for label, b in blocks])
    lines.append("P/R/F1 on content spans (overlap >= half the shorter span); speaker, name (resolved "
                 "name), cue and kind are accuracies on matched pairs; e2e = correct speakers over all gold "
                 "quotes with a speaker")
    return lines


def _times(m: Metrics) -> list[str]:
    lines = [f"gold timexes {m['gold']}, predicted {m['pred']}; on relaxed matches value accuracy "
             f"{m['value_acc']:.3f}, type accuracy {m['type_acc']:.3f}", ""]
    lines += _table(["", "tp", "P", "R", "F1"],
                    [[k, m[f"{k}_tp"], m[f"{k}_p"], m[f"{k}_r"], m[f"{k}_f1"]]
                     for k in ("strict", "relaxed", "value")])
    lines.append("")
    lines += _table(["per TIMEX type", "gold", "pred", "relaxed P", "R", "F1", "value P", "R", "F1"],
                    [[t, r["gold"], r["pred"], r["relaxed_p"], r["relaxed_r"], r["relaxed_f1"],
                      r["value_p"], r["value_r"], r["value_f1"]] for t, r in m["per_type"].items()])
    return lines


def _places(m: Metrics) -> list[str]:
    med = "n/a" if m["median_km"] is None else f"{m['median_km']:.1f}"
    mean = "n/a" if m["mean_km"] is None else f"{m['mean_km']:.1f}"
    lines = [f"gold toponyms {m['gold']}, predicted places {m['pred']}", ""]
    lines += _table(["", "P", "R", "F1"], [["spans", m["p"], m["r"], m["f1"]]])
    lines.append(f"geocoding on {m['geo_pairs']} matched pairs with coordinates: acc@161km {m['acc161']:.3f}, "
                 f"median {med} km, mean {mean} km; within 161 km over all gold toponyms {m['acc161_e2e']:.3f}")
    if m.get("per_gwn_type"):
        lines.append("")
        lines += _table(["per gwn_type", "gold", "found", "R", "geo pairs", "acc161"],
                        [[t, r["gold"], r["found"], r["r"], r["geo_pairs"], r["acc161"]]
                         for t, r in m["per_gwn_type"].items()])
    return lines


_BODIES = {"events": _events, "quotes": _quotes, "times": _times, "places": _places}


def headline_line(m: Metrics) -> str:
    """``TASK: key=value ...`` with the task's headline figures (the referee's last line)."""
    task = m["task"]
    return f"{task}: " + " ".join(f"{k}={m[k]:.4f}" for k in HEADLINES[task])


def text_report(m: Metrics) -> str:
    """A task's figures as a small text report whose last line is :func:`headline_line`."""
    task = m["task"]
    first = f"{task}: {m.get('docs', 0)} gold documents, {m.get('docs_without_prediction', 0)} without a prediction"
    if m.get("pred_lines_unreadable"):
        first += f", {m['pred_lines_unreadable']} unreadable prediction lines"
    if m.get("pred_failures"):
        first += f", {m['pred_failures']} failed in the pipeline"
    if m.get("pred_duplicate_ids"):
        first += f", {m['pred_duplicate_ids']} duplicate prediction ids (first kept)"
    return "\n".join([first, *_BODIES[task](m), headline_line(m)]) + "\n"


def json_report(results: Mapping[str, Metrics], misses: Mapping[str, Sequence[MissGroup]] | None = None, *,
                task: str | None = None, extra: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """``{task: figures}`` as indented JSON, each with its ``worst_misses`` when given.

    With ``task``, only that task's figures, unwrapped (the shape of the referee's ``--json``).
    ``extra`` adds fields per task (for example a baseline comparison).
    """
    out: dict[str, Any] = {}
    for name, figures in results.items():
        out[name] = dict(figures)
        if misses is not None:
            out[name]["worst_misses"] = [g.to_dict() for g in misses.get(name, ())]
        out[name].update((extra or {}).get(name, {}))
    return json.dumps(out[task] if task else out, indent=2, ensure_ascii=False) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _around(m: Miss, width: int) -> str:
    """The miss's sentence on one line, cut to ``width`` characters around the missed item."""
    sentence = m.sentence or ""
    if len(sentence) <= width or m.start is None or m.sentence_start is None:
        return _clip(sentence, width)
    rel_start, rel_end = m.start - m.sentence_start, m.end - m.sentence_start
    left = max(0, min(rel_start - (width - (rel_end - rel_start)) // 2, len(sentence) - width))
    window = " ".join(sentence[left:left + width].split())
    return ("…" if left > 0 else "") + window + ("…" if left + width < len(sentence) else "")


def misses_report(task: str, groups: Sequence[MissGroup], *, width: int = 160, title: str = "worst misses") -> str:
    """The worst misses of a task, one block per error with its sentence and offsets."""
    if not groups:
        return f"{task}: no {title} to show\n"
    lines = [f"{task}: the {len(groups)} {title} (most frequent surface forms first)"]
    for n, g in enumerate(groups, 1):
        m = g.example
        where = f"[{m.start}:{m.end}]" if m.start is not None else "[no offsets]"
        label = f" {m.label}" if m.label else ""
        more = f" ×{g.count} in {len(g.doc_ids)} docs" if g.count > 1 else ""
        lines.append(f"{n:3d}. {m.kind}{label}{more}: {_clip(m.text, 80)!r} {where} in {m.doc_id}")
        if m.detail:
            lines.append(f"     {_clip(m.detail, width)}")
        if m.sentence is not None:
            lines.append(f"     sentence [{m.sentence_start}:{m.sentence_end}]: {_around(m, width)}")
    return "\n".join(lines) + "\n"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub Markdown table; floats to three decimals."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}: begin -->", f"<!-- {name}: end -->"


def replace_section(document: str, name: str, body: str) -> str:
    """``document`` with the section between ``name``'s marker comments replaced by ``body``.

    A document without the markers gets the section appended, so reruns replace only their part.
    """
    begin, end = _markers(name)
    block = f"{begin}\n{body.rstrip()}\n{end}"
    head, sep, rest = document.partition(begin)
    if sep and end in rest:
        return head + block + rest.split(end, 1)[1]
    return (document.rstrip() + "\n\n" if document.strip() else "") + block + "\n"


def write_section(path: str | Path, name: str, body: str, *, title: str = "# Benchmarks") -> Path:
    """Write ``body`` into ``name``'s marked section of a Markdown file (created when missing)."""
    path = Path(path)
    try:
        document = path.read_text(encoding="utf-8") if path.exists() else f"{title}\n"
        path.write_text(replace_section(document, name, body), encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot update {path}: {exc.strerror or exc}; check the path is writable") from exc
    return path
