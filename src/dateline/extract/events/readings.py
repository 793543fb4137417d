"""Readings of a coded trigger that depend on who acts, on whom and with what.

The same words are different events in different hands: an obstruction by the state is coercion,
by protesters a protest; a missile fired into the sea is a show of force, at a town an attack; an
"attack" by one politician on another is criticism; a candidate's rally is campaigning. Each rule
is a small predicate over the trigger and its roles; ``reread`` applies them in order.
"""

from __future__ import annotations

from collections.abc import Callable

from ...knowledge.event_patterns import EventLexicon
from ...records import Actor
from .match import TriggerMatch, object_of
from .roles import Roles

__all__ = ["reread"]


def reread(m: TriggerMatch, roles: Roles, type_: str, mode: str | None,
           lexicon: EventLexicon) -> tuple[str | None, str | None]:
    """The type and mode a trigger takes given its roles; type None when it is no event."""
    if _exercises_alone(m, roles, type_, lexicon):
        return "MOBILIZE", None
    if type_ == "COERCE" and mode == "ban" and _bans_foreign_goods(m, roles):
        return "SANCTION", "embargo"
    if type_ == "ASSAULT" and _fired_into_water(m, lexicon):
        return "MOBILIZE", "weapons"
    if type_ == "PROTEST" and mode == "obstruct" and _by_authority(roles, lexicon):
        return "COERCE", "block"
    if type_ == "CONSULT" and mode == "visit" and _forces_arriving(roles, lexicon):
        # "Nigerian peacekeepers arrived in Monrovia": a deployment, not a diplomatic visit
        return ("AID", "peacekeeping") if _peacekeepers(roles, lexicon) else ("MOBILIZE", "troops")
    if type_ in ("COERCE", "ASSAULT") and _crowd(roles, lexicon) and not lexicon.has("killing_verbs", m.token.lemma_):
        # "rioters set fire to shops", "protesters stormed parliament": a riot
        return "PROTEST", "riot"
    if type_ == "ASSAULT" and lexicon.has("incursion_verbs", m.token.lemma_) and not _armed(roles.source, lexicon):
        return None, None  # "aid trucks crossed into Turkey": no incursion without armed forces
    if type_ == "ASSAULT" and _between_politicians(m, roles, lexicon):
        # "Clinton attacked Trump", "Trump shot back": words, not force
        return ("ACCUSE", "disapprove") if roles.target else (None, None)
    if type_ == "CONSULT" and _all(roles.target, lambda a: _in_sectors(a, "press_sectors", lexicon)):
        return None, None  # "spoke to reporters": talking to the press is no consultation
    if type_ == "PROTEST" and mode in (None, "demo") and _campaigning(roles, lexicon):
        return None, None
    return type_, mode


def _in_sectors(actor: Actor, name: str, lexicon: EventLexicon) -> bool:
    """Whether the actor's sector is in the lexicon list ``name``."""
    return bool(actor.sector) and lexicon.has(name, actor.sector)


def _called(actor: Actor, name: str, lexicon: EventLexicon) -> bool:
    """Whether a word of the actor's mention is in the lexicon list ``name`` ("rioters")."""
    return any(lexicon.has(name, w) for w in (actor.text or "").lower().split())


def _all(actors: tuple[Actor, ...], test: Callable[[Actor], bool]) -> bool:
    """Whether there are actors and every one passes ``test``."""
    return bool(actors) and all(test(a) for a in actors)


def _armed(actors: tuple[Actor, ...], lexicon: EventLexicon) -> bool:
    """Whether some actor is an armed force (army, rebels, militias, gunmen)."""
    return any(_in_sectors(a, "armed_sectors", lexicon) for a in actors)


def _forces_arriving(roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether the visitors are armed forces (troops, peacekeepers), not envoys."""
    return _all(roles.source, lambda a: _in_sectors(a, "armed_sectors", lexicon) and a.kind != "person")


def _peacekeepers(roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether the forces are peacekeepers."""
    return any(_called(a, "peacekeeper_words", lexicon) for a in roles.source)


def _crowd(roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether every source is a crowd of protesters or rioters."""
    return _all(roles.source, lambda a: _called(a, "crowd_words", lexicon))


def _politicians(actors: tuple[Actor, ...], lexicon: EventLexicon) -> bool:
    """Whether every actor is a person or party of civilian politics (no armed or state force)."""
    return _all(actors, lambda a: (a.kind == "person" or (a.kind in ("organization", "group")
                                                          and _in_sectors(a, "political_sectors", lexicon)))
                and not _in_sectors(a, "armed_sectors", lexicon))


def _between_politicians(m: TriggerMatch, roles: Roles, lexicon: EventLexicon) -> bool:
    """An attack word between politicians, with no weapon or military frame ("Clinton attacked
    Trump's record", "launched a new round of attacks against Clinton")."""
    if m.pattern.mode not in (None, "beat"):  # a weapon named ("shelled", "bombed") is force
        return False
    if not _politicians(roles.source, lexicon):
        return False
    return not roles.target or _politicians(roles.target, lexicon)


def _campaigning(roles: Roles, lexicon: EventLexicon) -> bool:
    """A rally held by office holders or candidates of the government side is campaigning, not a
    protest; the opposition's street protests stay protests."""
    return _all(roles.source, lambda a: a.kind == "person" and _in_sectors(a, "campaign_sectors", lexicon))


def _exercises_alone(m: TriggerMatch, roles: Roles, type_: str, lexicon: EventLexicon) -> bool:
    """A military exercise held by one party, with no partner and nothing joint about it, is a
    show of force ("Iran held military exercises in the Gulf"), not cooperation."""
    if type_ != "COOPERATE" or not m.pattern.symmetric or "military" not in m.pattern.context:
        return False
    if len({a.country or a.name for a in roles.source}) != 1:
        return False
    # the words that could name a partner: the exercise's own phrase and the verb's own modifiers
    # ("held joint drills", "drills with X", "exercised together"), not the rest of the sentence
    words = [t for c in m.token.children if c.dep_ in ("prep", "advmod", "dobj", "obj") for t in c.subtree]
    if m.obj is not None:
        words += list(m.obj.subtree)
    words.append(m.token)
    return not any(lexicon.has("partner_words", t.lower_) for t in words)


def _bans_foreign_goods(m: TriggerMatch, roles: Roles) -> bool:
    """A bare ban by one state on things another state's adjective names is an embargo ("banned
    Chinese apps", "announced a ban on Japanese seafood"); a ban on a named kind of body (party,
    newspaper) stays a ban."""
    if any(o.lemma not in (m.pattern.lemma, _noun_lemma(m)) for o in m.pattern.objects):
        return False
    src = {a.country for a in roles.source if a.country}
    tgt = {a.country for a in roles.target if a.country}
    if not src or not tgt or src & tgt:
        return False
    thing = m.obj if m.obj is not None else object_of(m.token)
    if thing is not None and thing.pos_ == "NOUN" and thing.lemma_ == _noun_lemma(m):
        thing = next((p for c in thing.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                      for p in c.children if p.dep_ == "pobj"), None)
    return thing is not None and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                                     for c in thing.children)


def _fired_into_water(m: TriggerMatch, lexicon: EventLexicon) -> bool:
    """"launched two missiles into the sea": a weapon fired into open water is a test or a show
    of force (MOBILIZE), not an attack."""
    heads = [m.token] + ([m.obj] if m.obj is not None else [])
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("into", "off", "over"):
                for noun in prep.children:
                    if noun.dep_ == "pobj" and lexicon.has("water_bodies", noun.lemma_):
                        return True
    return False


def _by_authority(roles: Roles, lexicon: EventLexicon) -> bool:
    """Whether the source is all state authority (government, forces, police, courts)."""
    return _all(roles.source, lambda a: _in_sectors(a, "authority_sectors", lexicon))


def _noun_lemma(m: TriggerMatch) -> str:
    return m.obj.lemma_.lower() if m.obj is not None else ""
