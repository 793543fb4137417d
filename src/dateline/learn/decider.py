"""The learned event decider: for each proposal of the rules, a trained model says whether it is
an event the article reports and of which type, a second one its status; the rules keep the
roles, mode, date and place they found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelNotFoundError
from .features import ArticleContext, event_features, proposal_features
from .linear import LinearModel, Scores
from .roles import RoleRanker

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..extract.events import Proposal
    from ..knowledge.plover import PloverTable
    from ..records import Actor, Event, Quote

__all__ = ["EventDecider", "OpenWords", "choose_type", "load_event_decider", "SHIPPED_MODEL", "NONE"]

NONE = "NONE"
SHIPPED_MODEL = "event_model.npz"
_STATUSES = ("asserted", "reported", "planned", "hypothetical", "negated")


@dataclass(frozen=True)
class OpenWords:
    """What the rules propose beyond their patterns for the decider (see ``extract.events.open_triggers``):
    every verb, and these nouns; ``types`` guesses a type per lemma."""

    nouns: frozenset[str] = frozenset()
    types: dict[str, str] = field(default_factory=dict)


def choose_type(probs: dict[str, float], rule_type: str, kept: bool, threshold: float,
                drop_threshold: float) -> str | None:
    """The type of a proposal's event, or None when it is none.

    An event the rules kept stays unless the model gives NONE at least ``drop_threshold``; it keeps
    the rules' type unless the model finds that type less than half as likely as its best one. Any
    other proposal becomes an event when the model gives it at least ``threshold`` (1 - NONE), of
    the model's most probable type."""
    best = max((c for c in probs if c != NONE), key=probs.__getitem__)
    p_none = probs.get(NONE, 0.0)
    if kept:
        if p_none >= drop_threshold:
            return None
        return rule_type if probs.get(rule_type, 0.0) >= 0.5 * probs[best] else best
    return best if 1.0 - p_none >= threshold else None


@dataclass(frozen=True)
class EventDecider:
    """Decides an article's events from the rules' proposals (see :func:`choose_type`).

    ``types`` scores NONE and the 16 PLOVER types; ``statuses`` (optional) the five statuses of
    the events the rules did not keep (those the rules kept keep the rules' status)."""

    types: LinearModel
    statuses: LinearModel | None
    table: "PloverTable"
    threshold: float = 0.5
    name: str = "event-model"
    open_words: OpenWords | None = None
    drop_threshold: float = 0.9
    calibration: dict[str, dict[str, Any]] = field(default_factory=dict)
    open_gate: float = 0.0
    roles: RoleRanker | None = None

    def confidence(self, p_event: float, kept: bool) -> float:
        """How often, on the dev split, a decision with this p(event) had the right type (the
        calibration map fitted at training; p(event) itself when the model has none)."""
        curve = self.calibration.get("kept" if kept else "added")
        if not curve:
            return p_event
        return float(np.interp(p_event, curve["x"], curve["y"]))

    def decide(self, doc: "Doc", proposals: Sequence["Proposal"], quotes: Sequence["Quote"] = (),
               actors: Sequence["Actor"] = ()) -> list["Event"]:
        """The events among ``proposals`` (in text order), each with its evidence and confidence."""
        context = ArticleContext(quotes=quotes, sentence_index={s.start: i for i, s in enumerate(doc.sents)})
        # a proposal's features without its event know of the earlier proposals only their
        # lemmas: they are built first, and the open proposals gated in one scoring
        bases = []
        for proposal in proposals:
            bases.append(proposal_features(proposal, context, with_event=False))
            context.count_lemma(proposal)
        open_ones = [k for k, proposal in enumerate(proposals) if proposal.pending is not None]
        base_scores = dict(zip(open_ones, self.types.scores_many([bases[k] for k in open_ones])))
        hopeless = {k for k, gone in zip(open_ones, self.hopeless_many([base_scores[k] for k in open_ones])) if gone}
        decided = []
        for k, proposal in enumerate(proposals):
            if k in hopeless:
                continue
            base, scores = bases[k], base_scores.get(k)
            if scores is not None:
                proposal = proposal.realized()
            extra = event_features(proposal, context)
            context.count_event(proposal)
            event = self.event_of(proposal, base + extra, self.types.scores(extra, after=scores)
                                  if scores is not None and proposal.event is not None else None)
            if event is not None and self.roles is not None:
                event = self.with_ranked_roles(doc, event, proposal, actors)
            if event is not None:
                decided.append((event, proposal.step == "kept"))
        return _one_per_act(decided)

    def hopeless(self, base_features: list[str], scores: Scores | None = None) -> bool:
        """Whether an open proposal is no event whatever the rules would build from it: p(event) from
        its features without the event's (``base_features``) is below ``open_gate`` (on the dev split
        no proposal below a fifth of the threshold came above the threshold once its event's
        features were added); ``scores``: the model's rows of ``base_features`` summed, when
        already known."""
        probs = self.types.probabilities_of(scores if scores is not None else self.types.scores(base_features))
        return 1.0 - probs.get(NONE, 0.0) < self.open_gate

    def hopeless_many(self, scores: Sequence[Scores]) -> list[bool]:
        """:meth:`hopeless` of several open proposals, from their base features' summed rows,
        scored in one go (the same floats)."""
        if not scores:
            return []
        if NONE not in self.types.classes:
            return [1.0 < self.open_gate] * len(scores)
        column = self.types.classes.index(NONE)
        return [1.0 - p_none < self.open_gate
                for p_none in self.types.probabilities_of_many(scores)[:, column].tolist()]

    def with_ranked_roles(self, doc: "Doc", event: "Event", proposal: "Proposal",
                          actors: Sequence["Actor"]) -> "Event":
        """The event with the role ranker's source and target where it overrules the rules
        (never one actor in both roles); the ranker's scores go into the evidence."""
        assert self.roles is not None
        changes, scores = self.roles.choose(doc, event, proposal.match.token, actors)
        source, target = changes.get("source", event.source), changes.get("target", event.target)
        evidence = {**(event.evidence or {}), "roles_p": scores}
        if source and source == target:
            return replace(event, evidence=evidence)
        if changes:
            evidence["roles_by"] = "ranker:" + ",".join(sorted(changes))
        return replace(event, source=tuple(source), target=tuple(target), evidence=evidence)

    def event_of(self, proposal: "Proposal", features: list[str], scores: Scores | None = None) -> "Event | None":
        """The event one proposal makes, or None when the model says it is none (``scores``: the
        type model's rows of ``features`` summed, when already known)."""
        if proposal.event is None:
            return None
        probs = self.types.probabilities_of(scores if scores is not None else self.types.scores(features))
        rule = proposal.event
        kept = proposal.step == "kept"
        best = choose_type(probs, rule.type, kept, self.threshold, self.drop_threshold)
        if best is None:
            return None
        mode = rule.mode if best == rule.type else None
        status, p_status = rule.status, None
        if self.statuses is not None and not kept:
            sprobs = self.statuses.probabilities(features + [f"decided_type={best}"])
            status = max(sprobs, key=sprobs.__getitem__)
            p_status = sprobs[status]
        code = self.table.lookup(best, mode) if best != rule.type else None
        evidence: dict[str, Any] = {
            **(rule.evidence or {}),
            "decided_by": self.name, "p_type": round(probs[best], 3), "p_none": round(probs.get(NONE, 0.0), 3),
            "p_event": round(1.0 - probs.get(NONE, 0.0), 3),
            "rules": {"step": proposal.step, "type": rule.type, "status": rule.status},
        }
        if p_status is not None:
            evidence["p_status"] = round(p_status, 3)
        changes: dict[str, Any] = {"type": best, "mode": mode, "status": status,
                                   "attributed_to": rule.attributed_to if status == "reported" else None,
                                   "confidence": round(self.confidence(1.0 - probs.get(NONE, 0.0), kept), 3),
                                   "evidence": evidence}
        if best != rule.type:
            changes.update(cameo=code.cameo if code else None, quad=code.quad if code else None,
                           goldstein=code.goldstein if code else None)
        return replace(rule, **changes)


def _one_per_act(decided: list[tuple["Event", bool]]) -> list["Event"]:
    """Drop an event the model added (the rules did not keep it) when its sentence already has an
    event of that type: one the rules kept, or an added one the model is surer of ("said" and
    "threatened to boycott" in one sentence are one threat)."""
    kept_types = {(e.sentence.start, e.type) for e, kept in decided if kept}
    best: dict[tuple[int, str], float] = {}
    for e, kept in decided:
        key = (e.sentence.start, e.type)
        if not kept and key not in kept_types:
            best[key] = max(best.get(key, 0.0), _p_event(e))
    out, taken = [], set()
    for e, kept in decided:
        key = (e.sentence.start, e.type)
        if kept:
            out.append(e)
        elif key not in kept_types and key not in taken and _p_event(e) >= best[key]:
            taken.add(key)
            out.append(e)
    return out


def _p_event(event: "Event") -> float:
    """The model's raw p(event) (before calibration), by which added events compete."""
    return float((event.evidence or {}).get("p_event", event.confidence or 0.0))


def load_event_decider(path: Path | None = None, *, table: "PloverTable | None" = None,
                       threshold: float | None = None) -> EventDecider:
    """The shipped decider (``knowledge/data/event_model.npz``), or one trained by ``dateline train
    events`` at ``path``."""
    from ..knowledge.plover import load_plover_table

    if path is None:
        with resources.as_file(resources.files("dateline.knowledge") / "data" / SHIPPED_MODEL) as p:
            return load_event_decider(Path(p), table=table, threshold=threshold)
    if not path.is_file():
        raise ModelNotFoundError(f"the event model {path} does not exist: train one with `dateline train events`, "
                                 "or use the shipped one (--event-coder model) or the rules (--event-coder rules)")
    try:
        types = LinearModel.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelNotFoundError(f"{path} is not an event model written by `dateline train events` ({exc})") from exc
    status_path = path.with_name(path.stem + "_status.npz")
    statuses = LinearModel.load(status_path) if status_path.exists() else None
    roles_path = path.with_name(path.stem + "_roles.npz")
    roles = None
    if roles_path.exists():
        ranker = LinearModel.load(roles_path)
        roles = RoleRanker(ranker, margin=float(ranker.meta.get("margin", 0.2)),
                           keep_uncoded=bool(ranker.meta.get("keep_uncoded", False)))
    open_words = None
    if "open_nouns" in types.meta:
        open_words = OpenWords(frozenset(types.meta["open_nouns"]), dict(types.meta.get("open_types", {})))
    return EventDecider(types=types, statuses=statuses, table=table or load_plover_table(),
                        threshold=threshold if threshold is not None else float(types.meta.get("threshold", 0.5)),
                        name=str(types.meta.get("name", "event-model")), open_words=open_words,
                        drop_threshold=float(types.meta.get("drop_threshold", 0.9)),
                        calibration=dict(types.meta.get("calibration") or {}),
                        open_gate=float(types.meta.get("open_gate", 0.0)), roles=roles)
