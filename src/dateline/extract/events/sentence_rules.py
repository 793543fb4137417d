"""Which of a sentence's matched triggers are its own acts: the rules of the sentence pass that drop
the content of another trigger ("demanded that X withdraw"), repeats of one act ("killed and
wounded"), background ("a letter handed over to X", "after talks with X"), what is said or
thought ("..., saying X attacked Y"), elaborations of another act, and a warning of another
actor's act; and whether a trigger's roles meet what its pattern needs.
"""

from __future__ import annotations

from ...knowledge.event_patterns import EventLexicon
from .actor_coder import ActorCoder
from .match import TriggerMatch
from .roles import Roles, occurrence_head
from .sources import verbless_main
from ..syntax.labels import COMPLEMENTS, OBJECTS, PREP_OBJECTS, VERBAL_POS

__all__ = ["absorb", "fold_same_type", "background_participle", "needs_met", "stands_alone", "drop_elaborations",
           "in_background_clause", "in_said_complement", "attribution_aside", "warns_of_anothers_act"]


def absorb(matches: list[TriggerMatch],
            lexicon: EventLexicon) -> tuple[list[TriggerMatch], dict[int, list[TriggerMatch]]]:
    """Drop triggers that are the content of a governing control or verbal trigger.

    Returns the remaining matches and, per governing trigger, the triggers of its complement.
    """
    absorbed: set[int] = set()
    contents: dict[int, list[TriggerMatch]] = {}
    by_index = {m.token.i: m for m in matches}
    for m in matches:
        # "meet the demands to release prisoners", "rejected a plan to withdraw": an infinitive
        # hanging on the trigger's object noun is what that noun asks or proposes, not an act
        for noun in ([m.obj] if m.obj is not None else []) + ([m.token] if m.pattern.pos == "NOUN" else []):
            for child in noun.children:
                if child.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    absorbed.update(t.i for t in child.subtree)
    # types whose trigger governs the content of what is said (``governing_types``): events inside
    # their complement are that content, not events of their own ("accused X of attacking")
    governors = [m for m in matches if m.pattern.control or lexicon.has("governing_types", m.pattern.type)]
    if not governors:
        return [m for m in matches if m.token.i not in absorbed], {}
    for g in governors:
        for child in g.token.children:
            # "vowed to fight" (an infinitive without an object is the content; "offered troops to
            # help" is a purpose, unless the pattern names a complement: "pushed X to accept")
            infinitive = (child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                          and (bool(g.pattern.xcomp) or not any(c.dep_ in OBJECTS for c in g.token.children)))
            if child.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "dative", "attr", "oprd") or infinitive:
                inner = {t.i for t in child.subtree}
                absorbed.update(inner)
                if child.dep_ in COMPLEMENTS or infinitive:
                    contents.setdefault(g.token.i, []).extend(by_index[i] for i in sorted(inner) if i in by_index)
    kept = [m for m in matches if m.token.i not in absorbed or m.token.i == m.token.head.i]
    return kept, contents


def fold_same_type(matches: list[TriggerMatch]) -> tuple[list[TriggerMatch], dict[int, str]]:
    """One trigger per act: "killed and wounded", "a bombing killed", "arrived on a visit".

    A trigger is dropped when it is a noun hanging (within two steps) on another trigger of the
    same type, or when it is coordinated with one and either is a casualty verb (``outcome``);
    a dropped noun lends its mode to the verb.
    """
    by_index = {m.token.i: m for m in matches}
    dropped: set[int] = set()
    modes: dict[int, str] = {}
    for m in matches:
        t = m.token
        other = None
        if t.dep_ == "conj" and t.head.i in by_index and (m.pattern.outcome or by_index[t.head.i].pattern.outcome):
            other = by_index[t.head.i]
        elif t.dep_ == "advcl" and m.pattern.outcome and t.head.i in by_index:
            other = by_index[t.head.i]  # "opened fire on X, killing five"
        elif m.pattern.pos == "NOUN":
            h = t.head
            for _ in range(2):
                if h.i in by_index and h.i != t.i:
                    other = by_index[h.i]
                    break
                if h.head.i == h.i:
                    break
                h = h.head
        # a casualty participle reports the outcome of the act it hangs on, whatever its type
        # ("protesters rioted, killing two": one riot)
        outcome_of = t.dep_ == "advcl" and m.pattern.outcome and t.tag_ == "VBG"
        if other is not None and (other.pattern.type == m.pattern.type or outcome_of) \
                and other.token.i not in dropped:
            dropped.add(t.i)
            if m.pattern.mode and not other.pattern.mode:
                modes[other.token.i] = m.pattern.mode
    # "retaliated by carrying out attacks": the means names the act; the general verb goes
    for m in matches:
        t = m.token
        if t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.head.i in by_index:
            head = by_index[t.head.head.i]
            if head.pattern.type == m.pattern.type and head.pattern.weight <= m.pattern.weight:
                dropped.add(head.token.i)
    # "donated and delivered goods to X": coordinated verbs of one type, one without an object of
    # its own, share that object: one act (the one with the object is kept)
    for m in matches:
        t = m.token
        head = by_index.get(t.head.i)
        if (t.dep_ != "conj" or head is None or head.pattern.type != m.pattern.type or t.i in dropped
                or head.token.i in dropped or m.pattern.pos != "VERB" or head.pattern.pos != "VERB"):
            continue
        has_obj = [any(c.dep_ in OBJECTS for c in x.token.children) for x in (head, m)]
        if has_obj[0] != has_obj[1]:
            dropped.add(head.token.i if has_obj[1] else t.i)
    return [m for m in matches if m.token.i not in dropped], modes


def background_participle(m: TriggerMatch) -> bool:
    """A reduced relative ("a letter handed over to X") without a "by" agent: background, no event."""
    t = m.token
    return (t.dep_ == "acl" and t.tag_ == "VBN"
            and not any(c.dep_ == "agent" for c in t.children) and not verbless_main(t))


def needs_met(m: TriggerMatch, roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether the roles the pattern asks for were found; an act the sentence says happened
    ("protests erupted in X") needs no named doer."""
    if m.pattern.pos == "NOUN" and occurrence_head(m.token, lexicon) is not None:
        return True
    coded_src = any(a.country or a.sector or a.name for a in roles.source)
    coded_tgt = any(a.country or a.sector or a.name for a in roles.target)
    needs = m.pattern.needs
    if needs == "none":
        return True
    if needs == "source":
        return coded_src
    if needs == "target":
        return coded_tgt
    return coded_src or coded_tgt


def stands_alone(m: TriggerMatch, roles: Roles, lexicon: EventLexicon) -> bool:
    """A trigger of the main clause (the root, a verb joined to it, or an event noun that is its
    subject or object) with a coded source or target (a coded source when its pattern ``needs``
    one: "rising prices put pressure on X" is no act; a pattern that needs a target may stand on
    its source), from a pattern specific enough to stand alone (weight 0.5 or more, not a verb of
    speech: not "spoke to reporters", "said it must act")."""
    t = m.token
    if m.pattern.needs == "none" or m.pattern.weight < 0.5 or lexicon.has("speech_verbs", m.pattern.lemma):
        return False
    main = t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")
    if not main and not (m.pattern.pos == "NOUN" and t.head.dep_ == "ROOT" and t.dep_ in ("dobj", "nsubj")):
        return False
    if m.pattern.needs == "source":  # a doer the pattern asks for is never made up by a target
        return any(a.country for a in roles.source)
    return any(a.country for a in (*roles.source, *roles.target))


def drop_elaborations(coded: list[tuple[TriggerMatch, Roles]],
                       lexicon: EventLexicon) -> list[tuple[TriggerMatch, Roles]]:
    """Drop a participle clause that restates the act it hangs on: one of the same type ("lifted
    the lockdown, allowing residents to leave"), or a speech act that names no target of its own
    ("X criticised Y, calling for an end to ...", "X warned Y, urging restraint"; "sent a letter
    to Y asking for ..." has its target, and stays)."""
    heads = {m.token.i: m.pattern.type for m, _ in coded}
    verbal_types = {m.pattern.type for m, _ in coded if m.pattern.pos == "VERB"}
    return [(m, roles) for m, roles in coded
            if not (m.token.dep_ == "advcl" and m.token.tag_ == "VBG" and m.token.head.i in heads
                    and (heads[m.token.head.i] == m.pattern.type  # "lifted the lockdown, allowing X to leave"
                         or (lexicon.has("governing_types", m.pattern.type)
                             and not any(a.country or a.sector for a in roles.target))))
            and not _setting(m, verbal_types) and not _means_of(m, heads)]


def _means_of(m: TriggerMatch, heads: dict[int, str]) -> bool:
    """"breached the ceasefire by shelling government positions": the act that is the means of
    another coded act of the same type is that act, not a second one."""
    prep = m.token.head
    if m.token.dep_ not in PREP_OBJECTS or prep.lower_ != "by" or prep.head.i == prep.i:
        return False
    return heads.get(prep.head.i) == m.pattern.type


def _setting(m: TriggerMatch, verbal_types: set[str]) -> bool:
    """An event noun in a prepositional phrase of a sentence whose verb makes an event of the same
    type is the setting of that act ("met Y on the sidelines of the G20 summit", "signed the
    deal at talks in Doha"), not a second event."""
    if m.pattern.pos != "NOUN" or m.pattern.type not in verbal_types:
        return False
    t = m.token
    while t.dep_ in ("pobj", "compound", "amod", "conj") or (t.dep_ == "prep" and t.head.i != t.i):
        if t.dep_ == "pobj":
            return True
        t = t.head
    return False


def in_background_clause(m: TriggerMatch, triggers: set[int], event_nouns: frozenset[str],
                          lexicon: EventLexicon) -> bool:
    """Whether the trigger sits in a clause that describes a noun ("refugees, whom authorities
    blame for ...", "a team trying to broker a deal") or sets the scene in time ("condemned X
    after Y attacked Z"): background to the sentence's main act. A clause on an event noun or
    another trigger ("the strike, which killed ...") is that event."""
    t = m.token
    if m.pattern.pos == "NOUN" and t.dep_ == "pobj" and lexicon.has("background_preps", t.head.lemma_):
        return True  # "after talks with X", "during the visit": the time of the main act
    for _ in range(6):
        if t.dep_ in ("relcl", "acl"):
            head = t.head
            return not (head.i in triggers or head.lemma_.lower() in event_nouns or verbless_main(t))
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lexicon.has("background_marks", c.lemma_)
                                     for c in t.children):
            return True
        if t.head.i == t.i or (t.dep_ in ("ccomp", "xcomp", "advcl", "conj") and t.head.pos_ in VERBAL_POS):
            return False  # the main clause, or a clause of a verb: not a noun's description
        t = t.head
    return False


def in_said_complement(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """Whether the trigger sits in the clausal complement (``complement_deps``) of a verb of
    speech or thought ("said that X attacked Y", "believes X will withdraw"), or in the controlled
    complement (``controlled_deps``) of any verb ("police were forced to use tear gas")."""
    t = m.token
    while t.head.i != t.i:
        if lexicon.has("controlled_deps", t.dep_) or (lexicon.has("complement_deps", t.dep_) and (
                lexicon.has("speech_verbs", t.head.lemma_) or lexicon.has("cognition_verbs", t.head.lemma_))):
            return True
        t = t.head
    return False


def attribution_aside(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """A participle on the verb of attribution ("X is expelling Y, the prime minister said,
    blaming Z"): the speaker's aside, which leaves what is said the sentence's news."""
    head = m.token.head
    return m.token.dep_ in ("advcl", "conj") and head.i != m.token.i and head.dep_ == "ROOT" \
        and lexicon.has("speech_verbs", head.lemma_)


def warns_of_anothers_act(m: TriggerMatch, roles: Roles, coder: ActorCoder, lexicon: EventLexicon,
                           hostile: set[int]) -> bool:
    """"NATO warned that Moscow could launch an attack": a warning that another actor may commit a
    hostile act (``hostile``: token indices of such triggers) is no threat by the one who warns;
    "warned that Taiwan would pay a heavy price" still is."""
    if m.pattern.type != "THREATEN" or not lexicon.has("warning_verbs", m.token.lemma_):
        return False
    own = {a.country for a in roles.source if a.country}
    for comp in m.token.children:
        if comp.dep_ != "ccomp" or comp.pos_ not in VERBAL_POS or not any(t.i in hostile for t in comp.subtree):
            continue
        for subj in comp.children:
            if subj.dep_ == "nsubj":
                others = {a.country for a in coder.code_noun(subj) if a.country}
                return bool(own) and bool(others) and not others & own
    return False
