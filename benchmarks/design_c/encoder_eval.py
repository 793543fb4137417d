"""Design (c): logistic regression over sparse features, MiniLM sentence embeddings, or both.

Usage: python /tmp/encoder_eval.py [onnx|static ...]   (default: onnx static)
Embeddings are cached in /tmp/enc_emb_<backend>.npz.
"""
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, "/work/main/src")
from dateline.learn.encoder import SentenceEncoder  # noqa: E402

NONE = "NONE"
train, dev = pickle.load(open("/tmp/examples.pkl", "rb"))
texts = {}
for split in ("train", "dev"):
    for line in open(f"/tmp/nc/{split}.jsonl"):
        d = json.loads(line)
        texts[d["id"]] = d["text"]


def marked(e) -> str:
    """The sentence with the trigger between « and »; just the lemma if the rules built no event."""
    if e.event is None or not e.event.get("sentence"):
        lemma = next((f[6:] for f in e.features if f.startswith("lemma=")), "")
        return f"«{lemma}»"
    text = texts[e.doc_id]
    s, t = e.event["sentence"], e.event["trigger"]
    return text[s["start"]:t["start"]] + "«" + text[t["start"]:t["end"]] + "»" + text[t["end"]:s["end"]]


def trigger(e) -> str:
    if e.event is None:
        return next((f[6:] for f in e.features if f.startswith("lemma=")), "")
    return e.event["trigger"]["text"]


def embeddings(backend: str):
    cache = Path(f"/tmp/enc_emb_{backend}.npz")
    if cache.exists():
        z = np.load(cache)
        return z["tr"], z["dv"], z["trt"], z["dvt"], float(z["speed"])
    enc = SentenceEncoder(backend).load()
    t0 = time.time()
    tr = enc.encode([marked(e) for e in train])
    dv = enc.encode([marked(e) for e in dev])
    speed = (len(train) + len(dev)) / (time.time() - t0)
    trt = enc.encode([trigger(e) for e in train])
    dvt = enc.encode([trigger(e) for e in dev])
    np.savez(cache, tr=tr, dv=dv, trt=trt, dvt=dvt, speed=speed)
    return tr, dv, trt, dvt, speed


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(gold, pred, has_event):
    gold, pred = np.asarray(gold), np.asarray(pred)
    acc = float((gold == pred).mean())
    ge, pe = gold != NONE, pred != NONE
    ev = prf(int((ge & pe).sum()), int(pe.sum()), int(ge.sum()))
    m = np.asarray(has_event)
    g, p = gold[m], pred[m]
    ty = prf(int(((g == p) & (g != NONE)).sum()), int((p != NONE).sum()), int((g != NONE).sum()))
    return acc, ev, ty


def row(name, c, s):
    acc, ev, ty = s
    return (f"{name:<22} {c:>6} {acc:6.3f}   {ev[0]:.3f} {ev[1]:.3f} {ev[2]:.3f}   "
            f"{ty[0]:.3f} {ty[1]:.3f} {ty[2]:.3f}")


def main(backends):
    y_tr = [e.label for e in train]
    y_dv = [e.label for e in dev]
    has_event = [e.event is not None for e in dev]
    print(f"train {len(train)}  dev {len(dev)}  dev events (gold) {sum(y != NONE for y in y_dv)}")
    header = f"{'model':<22} {'C':>6} {'acc':>6}   {'event P  R     F1':<19}   type P  R     F1"
    print(header)
    rules = [e.event["type"] if e.event else NONE for e in dev]
    print(row("rules (event.type)", "-", scores(y_dv, rules, has_event)))

    dvec = DictVectorizer()
    xs_tr = dvec.fit_transform([{f: 1 for f in e.features} for e in train]).tocsr()
    xs_dv = dvec.transform([{f: 1 for f in e.features} for e in dev]).tocsr()

    def fit(name, x_tr, x_dv, grid):
        best = None
        for c in grid:
            t0 = time.time()
            clf = LogisticRegression(C=c, max_iter=3000, random_state=13).fit(x_tr, y_tr)
            s = scores(y_dv, clf.predict(x_dv), has_event)
            print(row(name, c, s) + f"   ({time.time() - t0:.0f}s)", flush=True)
            best = max(best or (s, c), (s, c), key=lambda t: t[0][2][2])
        return best

    summary = [("(a) sparse", *fit("(a) sparse", xs_tr, xs_dv, (0.1, 0.5, 2.0)))]
    for b in backends:
        e_tr, e_dv, t_tr, t_dv, speed = embeddings(b)
        print(f"-- {b}: {e_tr.shape[1]}-d, encoded {speed:.0f} sentences/s")
        summary.append((f"(b) {b}", *fit(f"(b) {b}", e_tr, e_dv, (1.0, 10.0, 100.0))))
        both_tr = sp.hstack([xs_tr, sp.csr_matrix(e_tr)]).tocsr()
        both_dv = sp.hstack([xs_dv, sp.csr_matrix(e_dv)]).tocsr()
        summary.append((f"(c) sparse+{b}", *fit(f"(c) sparse+{b}", both_tr, both_dv, (0.1, 0.5, 2.0))))
        # extra: the trigger word's own embedding alongside the marked sentence
        bt_tr = np.hstack([e_tr, t_tr])
        bt_dv = np.hstack([e_dv, t_dv])
        summary.append((f"(b') {b}+trig", *fit(f"(b') {b}+trig", bt_tr, bt_dv, (1.0, 10.0, 100.0))))
        ct_tr = sp.hstack([xs_tr, sp.csr_matrix(bt_tr)]).tocsr()
        ct_dv = sp.hstack([xs_dv, sp.csr_matrix(bt_dv)]).tocsr()
        summary.append((f"(c') sparse+{b}+trig", *fit(f"(c') sparse+{b}+trig", ct_tr, ct_dv, (0.1, 0.5, 2.0))))
    print("\nbest C per model (by type F1 on dev):")
    print(header)
    for name, s, c in summary:
        print(row(name, c, s))


if __name__ == "__main__":
    main(sys.argv[1:] or ["onnx", "static"])
