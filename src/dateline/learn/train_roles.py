"""Training the role ranker (:mod:`.roles`): label each role candidate of the proposals that
match a gold event by whether its countries are the gold role's (as score.py compares them), fit
a binary logistic regression, choose the margin on dev, and write it beside the event model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .linear import LinearModel, fit_linear
from .roles import ROLES, YES, pick, rules_choice

if TYPE_CHECKING:
    from .train import Example

__all__ = ["role_rows", "fit_roles", "role_accuracy", "write_role_ranker", "ROLE_MARGINS", "KEEP_UNCODED"]

# margins by which the ranker's candidate must beat the rules' pick, chosen on dev
ROLE_MARGINS = (0.0, 0.1, 0.2, 0.3, 0.5)
# the ranker leaves a role alone when the rules' pick has no country yet: the article's scene,
# applied after the decider, may give it one (corpus dev dyad F1 0.333 -> 0.335)
KEEP_UNCODED = True

_ALIASES = {"UNO": "IGO", "EUR": "IGO"}  # as score.py compares countries


def _same_countries(gold: Sequence[str], candidate: Sequence[str]) -> bool:
    """score.py's test for a role: both empty, or a country in common."""
    g, c = {_ALIASES.get(x, x) for x in gold}, {_ALIASES.get(x, x) for x in candidate}
    return (not g and not c) or bool(g & c)


def role_rows(examples: Sequence["Example"]) -> tuple[list[list[str]], list[str]]:
    """The role candidates of the proposals that match a gold event, each labelled yes when its
    countries are the gold role's (as score.py compares them)."""
    feats, labels = [], []
    for e in examples:
        if e.gold_roles is None or e.event is None:
            continue
        for role, features, countries in e.roles:
            feats.append(features)
            labels.append(YES if _same_countries(e.gold_roles[role], countries) else "no")
    return feats, labels


def fit_roles(examples: Sequence["Example"], c: float = 1.0, *, seed: int = 13) -> LinearModel | None:
    """The role ranker's binary model (see :mod:`.roles`), or None without both labels."""
    feats, labels = role_rows(examples)
    return fit_linear(feats, labels, c, seed=seed)


def role_accuracy(model: LinearModel | None, examples: Sequence["Example"], margin: float) -> float:
    """The share of proposals matching a gold event whose source and target countries are both
    the gold's (as score.py compares them) when the ranker (None: the rules) fills the roles."""
    n = right = 0
    for e in examples:
        if e.gold_roles is None or e.event is None:
            continue
        ok = True
        for role in ROLES:
            rows = [(f, c) for r, f, c in e.roles if r == role]
            if not rows:
                continue
            rule = rules_choice(role, [(role if f"{role}:picked={role}" in f else None, f"{role}:nobody" not in f)
                                       for f, _ in rows])
            chosen = rule if model is None else pick([model.probabilities(f).get(YES, 0.0) for f, _ in rows],
                                                      rule, margin)
            ok = ok and _same_countries(e.gold_roles[role], rows[chosen][1])
        n += 1
        right += ok
    return right / n if n else 0.0


def write_role_ranker(train: Sequence["Example"], dev: Sequence["Example"], out: Path, *, seed: int = 13,
                      tolerance: float = 0.02, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fit the role ranker on train, choose its margin on dev, and write it when it beats the
    rules there (else remove a stale one). Returns what was measured."""
    rules = role_accuracy(None, dev, 0.0)
    model = fit_roles(train, seed=seed)
    if model is None:
        return {"written": False, "dev_rules": round(rules, 4)}
    scores = {m: role_accuracy(model, dev, m) for m in ROLE_MARGINS}
    # the rules first: the largest margin within ``tolerance`` of the best dev accuracy
    best = max(scores.values())
    margin = max(m for m, v in scores.items() if v >= best - tolerance)
    meta = {"name": "event-role-ranker", "seed": seed, "margin": margin, "keep_uncoded": KEEP_UNCODED,
            "dev_rules": round(rules, 4),
            "dev_ranker": round(scores[margin], 4), "dev_by_margin": {str(k): round(v, 4) for k, v in scores.items()}}
    log(f"role ranker: dev dyad accuracy on matched proposals {rules:.3f} (rules) -> {scores[margin]:.3f} "
        f"(margin {margin})")
    if scores[margin] > rules:
        LinearModel(model.classes, model.vocabulary, model.weights, model.bias, meta).save(out)
        meta["written"] = True
    else:
        if out.exists():
            out.unlink()
        meta["written"] = False
    return meta
