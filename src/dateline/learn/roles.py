"""Learned role choice: for an event the decider keeps, which of the sentence's actors is its
source and which its target.

The rules pick a source and a target from the parse; the article's actor mentions in the same
sentence (and nobody) are the other candidates. A trained binary model scores each candidate for
each role from its relation to the trigger (dependency path, side, distance), its kind and
sector, and whether the rules picked it; the candidate with the highest score fills the role when
it beats the rules' pick by the model's margin (see :class:`RoleRanker`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .linear import LinearModel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..records import Actor, Event

__all__ = ["Candidate", "role_candidates", "candidate_features", "RoleRanker", "ROLES", "pick", "rules_choice"]

ROLES = ("source", "target")
YES = "yes"


@dataclass(frozen=True)
class Candidate:
    """Who may fill a role: the rules' pick for a role (``picked`` names it), another actor of the
    sentence, or nobody (``actors`` empty)."""

    actors: tuple["Actor", ...]
    picked: str | None = None  # "source" or "target" when the rules gave the actors that role

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(a.country for a in self.actors if a.country)


def _head(doc: "Doc", actor: "Actor") -> "Token | None":
    if actor.start is None or actor.end is None:
        return None
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def role_candidates(event: "Event", actors: Sequence["Actor"]) -> list[Candidate]:
    """Nobody, the rules' source and target, and every other coded actor of the event's sentence
    (one candidate per country not already offered)."""
    out = [Candidate(())]
    offered: set[frozenset[str]] = set()
    for role in ROLES:
        picked = tuple(getattr(event, role))
        if picked:
            cand = Candidate(picked, role)
            out.append(cand)
            offered.add(cand.countries)
    s = event.sentence
    for a in actors:
        if a.start is None or not a.country or not (s.start <= a.start < s.end):
            continue
        cand = Candidate((a,))
        if cand.countries in offered:
            continue
        offered.add(cand.countries)
        out.append(cand)
    return out


def _path(a: "Token", b: "Token", limit: int = 4) -> str:
    """The dependency labels from ``b`` up to the lowest common ancestor of ``a`` and ``b``, then
    down to ``a`` (``^`` up, ``v`` down), at most ``limit`` steps each way."""
    up_a = [a]
    while up_a[-1].head.i != up_a[-1].i:
        up_a.append(up_a[-1].head)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = [b]
    while up_b[-1].i not in index and up_b[-1].head.i != up_b[-1].i:
        up_b.append(up_b[-1].head)
    if up_b[-1].i not in index:
        return "none"
    down = up_a[:index[up_b[-1].i]]
    ups = "^".join(t.dep_ for t in up_b[:-1][:limit])
    downs = "v".join(t.dep_ for t in reversed(down[-limit:]))
    return f"{ups}|{downs}"


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def candidate_features(doc: "Doc", event: "Event", trigger: "Token", cand: Candidate, role: str) -> list[str]:
    """The binary features of one candidate for one role (names prefixed by the role)."""
    if not cand.actors:
        return _nobody_features(event, role)
    return [f"{role}:{x}" for x in _actor_features(doc, event, trigger, cand)]


def _nobody_features(event: "Event", role: str) -> list[str]:
    """:func:`candidate_features` of the candidate nobody."""
    t = event.type
    f = ["bias", f"type={t}", "nobody", f"nobody+type={t}", f"nobody+rule_empty={not getattr(event, role)}",
         f"nobody+rule_empty+type={not getattr(event, role)}+{t}",
         f"nobody+other_empty={not getattr(event, 'target' if role == 'source' else 'source')}"]
    return [f"{role}:{x}" for x in f]


def _actor_features(doc: "Doc", event: "Event", trigger: "Token", cand: Candidate) -> list[str]:
    """The features of a candidate with actors, the same for either role (not yet prefixed)."""
    t = event.type
    f = ["bias", f"type={t}"]
    a = cand.actors[0]
    f += [f"picked={cand.picked}", f"picked+type={cand.picked}+{t}", f"kind={a.kind}", f"sector={a.sector}",
          f"sector+type={a.sector}+{t}", f"has_country={bool(cand.countries)}", f"n={min(len(cand.actors), 3)}"]
    head = _head(doc, a)
    if head is None:
        f.append("no_head")
        return f
    path = _path(head, trigger)
    side = "before" if head.i < trigger.i else "after"
    f += [f"path={path}", f"path+type={path}+{t}", f"side={side}", f"side+type={side}+{t}",
          f"dist={_bucket(abs(head.i - trigger.i))}", f"dep={head.dep_}", f"dep+type={head.dep_}+{t}",
          f"dep+side={head.dep_}+{side}", f"head_lemma={head.head.lemma_.lower()}",
          f"pos={head.pos_}", f"ent={head.ent_type_}"]
    if head.head.pos_ == "ADP":
        f += [f"prep={head.head.lower_}", f"prep+type={head.head.lower_}+{t}"]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == trigger.i:
        f.append("subject_of_trigger")
    if trigger.i in {x.i for x in head.ancestors}:
        f.append("under_trigger")
    if event.attributed_to and any(event.attributed_to in (x.name, x.text) for x in cand.actors):
        f.append("claimant")
    return f


@dataclass(frozen=True)
class RoleRanker:
    """Scores role candidates; a candidate replaces the rules' choice for a role when its
    p(right) beats the rules' by ``margin``."""

    model: LinearModel
    margin: float = 0.2
    keep_uncoded: bool = False

    def p_right(self, features: list[str]) -> float:
        return self.model.probabilities(features).get(YES, 0.0)

    def choose(self, doc: "Doc", event: "Event", trigger: "Token",
               actors: Sequence["Actor"]) -> tuple[dict[str, tuple["Actor", ...]], dict[str, float]]:
        """The actors for each role whose choice changes, and the ranker's p(right) per role."""
        cands = role_candidates(event, actors)
        changes: dict[str, tuple["Actor", ...]] = {}
        scores: dict[str, float] = {}
        # a candidate with actors has the same features for either role but their prefix
        shared: dict[int, list[str]] = {}
        asked: list[tuple[str, list[list[str]]]] = []
        for role in ROLES:
            if self.keep_uncoded and any(c.picked == role and c.actors and not c.countries for c in cands):
                continue  # the rules' pick has no country yet: the article's scene may give it one later
            items = []
            for k, c in enumerate(cands):
                if not c.actors:
                    items.append(_nobody_features(event, role))
                    continue
                if k not in shared:
                    shared[k] = _actor_features(doc, event, trigger, c)
                items.append([f"{role}:{x}" for x in shared[k]])
            asked.append((role, items))
        p_yes = self.p_right_many([f for _, items in asked for f in items])
        for n, (role, _) in enumerate(asked):
            ps = p_yes[n * len(cands):(n + 1) * len(cands)]
            rule = rules_choice(role, [(c.picked, bool(c.actors)) for c in cands])
            chosen = pick(ps, rule, self.margin)
            scores[role] = round(ps[chosen], 3)
            if chosen != rule:
                changes[role] = cands[chosen].actors
        return changes, scores

    def p_right_many(self, items: list[list[str]]) -> list[float]:
        """:meth:`p_right` of several candidates' features, scored in one go (the same floats)."""
        if not items or YES not in self.model.classes:
            return [0.0] * len(items)
        column = self.model.classes.index(YES)
        return self.model.probabilities_many(items)[:, column].tolist()


def rules_choice(role: str, candidates: Sequence[tuple[str | None, bool]]) -> int:
    """The index of the rules' pick for ``role`` among candidates given as (picked, has actors):
    the one they gave the role, else nobody."""
    picked = next((i for i, (by, _) in enumerate(candidates) if by == role), None)
    return picked if picked is not None else next(i for i, (_, has) in enumerate(candidates) if not has)


def pick(p_right: Sequence[float], rule: int, margin: float) -> int:
    """The candidate that fills a role: the best scored when it beats the rules' pick (index
    ``rule``) by ``margin``, else the rules' pick."""
    best = max(range(len(p_right)), key=p_right.__getitem__)
    return best if p_right[best] >= p_right[rule] + margin else rule
