"""Actor coverage/country/sector accuracy against gold actors with offsets (events + quote speakers).

Usage: .venv/bin/python benchmarks/actors_dev.py GOLD.jsonl [--show even|odd|all] [--errors]
Halves: documents by 0-based index in file order; even = development, odd = held out.
"""
import json, sys
from collections import defaultdict
from dateline.nlp import load_pipeline, masked_text
from dateline.ingest.wire import analyse_layout
from dateline.extract.actors import actors, load_knowledge
from dateline.settings import Settings

IGO = {"UNO", "EUR", "IGO"}
gold_path = sys.argv[1]
show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
nlp = load_pipeline()
kb = load_knowledge(Settings())
stats = {h: defaultdict(int) for h in ("even", "odd")}
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
for i, line in enumerate(open(gold_path)):
    if limit is not None and i >= limit:
        break
    d = json.loads(line)
    text = d["text"]
    half = "even" if i % 2 == 0 else "odd"
    try:
        layout = analyse_layout(text, published=d.get("published"), source=d.get("source"))
    except Exception:
        layout = None
    doc = nlp(masked_text(text, layout))
    pred = actors(doc, layout=layout, knowledge=kb, date=d.get("published"))
    golds = []
    for e in d.get("events", []):
        golds += e.get("source", []) + e.get("target", [])
    for q in d.get("quotes", []):
        if q.get("speaker"):
            golds.append(q["speaker"])
    seen = set()
    for g in golds:
        if "start" not in g or (g["start"], g["end"]) in seen:
            continue
        if g["text"].lower() in ("he", "she", "it", "they", "them", "we", "i", "him", "her", "you",
                                 "his", "its", "their", "us", "me", "our", "my", "who", "which", "that"):
            continue  # pronouns are the quote resolver's job
        seen.add((g["start"], g["end"]))
        s = stats[half]
        s["gold"] += 1
        hits = [p for p in pred if p.start < g["end"] and g["start"] < p.end]
        p = max(hits, key=lambda p: min(p.end, g["end"]) - max(p.start, g["start"])) if hits else None
        ok_c = ok_s = None
        if p is not None:
            s["covered"] += 1
            if g.get("country"):
                s["c_n"] += 1
                ok_c = p.country == g["country"] or (p.country in IGO and g["country"] in IGO)
                s["c_ok"] += ok_c
            if g.get("sector"):
                s["s_n"] += 1
                ok_s = p.sector == g["sector"]
                s["s_ok"] += ok_s
        if show in (half, "all") and (p is None or ok_c is False or ok_s is False):
            if p is None or "country" in g:
                print(f"[{i}] gold {g['text']!r} {g.get('country')} {g.get('sector')} | pred "
                  + (f"{p.text!r} {p.country} {p.sector}" if p else "MISSED") + f" || {text[:0]}")
for half, s in stats.items():
    cov = s["covered"] / max(1, s["gold"])
    print(f"{gold_path.split('/')[-1]} {half:4}: gold={s['gold']} coverage={cov:.3f} "
          f"country_acc={s['c_ok'] / max(1, s['c_n']):.3f} (n={s['c_n']}) "
          f"sector_acc={s['s_ok'] / max(1, s['s_n']):.3f} (n={s['s_n']})")
