"""Trigger matching: which tokens of a parsed sentence fit an event pattern, and in which frame."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from ...knowledge.event_patterns import EventPattern, EventPatterns, ObjectTerm
from ..syntax.labels import COMPLEMENTS, PREP_OBJECTS, VERBAL_POS
from ...nlp import sentence_of, token_columns

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["TriggerMatch", "match_sentence", "is_passive", "object_of"]

# Dependency labels, a property of the parser's annotation scheme (ClearNLP / OntoNotes).
_OBJECT_DEPS = ("dobj", "obj")
_QUANTITY_HEADS = {"day", "week", "month", "hour", "series", "wave", "round", "number", "set",
                   "string", "spate", "barrage", "volley", "kind", "type", "couple", "part", "portion",
                   "some", "all", "most", "much", "lot", "dozen", "hundred", "thousand", "ton", "tonne",
                   "kilogram", "kg", "barrel", "shipment", "consignment", "package", "worth",
                   "amount", "quantity", "load", "batch", "million", "billion", "state", "$", "dollar",
                   "euro", "pound", "yen", "yuan", "rupee", "franc", "shilling", "ruble", "rouble"}


@dataclass(frozen=True)
class TriggerMatch:
    """A token that fits a pattern; ``obj`` is the object noun that belongs to the trigger."""

    token: "Token"
    pattern: EventPattern
    obj: "Token | None" = None

    @property
    def tokens(self) -> list["Token"]:
        """The trigger's tokens: the word, its particle and the object noun when the pattern names one."""
        return list(self._tokens)

    @cached_property
    def _tokens(self) -> tuple["Token", ...]:
        """:attr:`tokens`, found once (the parse does not change; many steps ask for the start)."""
        out = [self.token]
        out.extend(c for c in self.token.children if c.dep_ == "prt")
        if self.obj is not None and not any(o.lemma == "*" for o in self.pattern.objects):
            out.append(self.obj)
            out.extend(c for c in self.obj.children
                       if c.dep_ == "compound" and c.i < self.obj.i and c.i > self.token.i)
            # "declared a state of emergency": the of-complement the object term names
            out.extend(p for o in self.pattern.objects if o.of and o.lemma == _lemma(self.obj)
                       for p in [_of_complement(self.obj, o.of)] if p is not None)
        return tuple(sorted(out, key=lambda t: t.i))

    @cached_property
    def start(self) -> int:
        return min(t.idx for t in self._tokens)

    @cached_property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self._tokens)


def is_passive(token: "Token") -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


def object_of(token: "Token") -> "Token | None":
    """The direct object of a verb (the passive subject for a passive verb)."""
    for c in token.children:
        if c.dep_ in _OBJECT_DEPS:
            return c
    if is_passive(token):
        for c in token.children:
            if c.dep_ == "nsubjpass":
                return c
    return None


def _lemma(token: "Token") -> str:
    return token.lemma_.lower()


def _verb_like(token: "Token") -> bool:
    """A word the tagger called a noun or adjective that the parse uses as a verb: it heads a
    clause with a subject ("Rebels shell(NOUN) the town"), or is tagged as a verb form."""
    if token.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    if token.tag_.startswith("VB"):
        return True
    clause = token.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl")
    return clause and any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)


_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
             ("s", ""), ("d", ""))


def verb_lemmas(token: "Token") -> list[str]:
    """Candidate verb lemmas of a mis-tagged verb: its lemma, then its form with an inflection
    removed ("shelled" -> shell, "denied" -> deny, "stopped" -> stop)."""
    word = token.lower_
    out = [token.lemma_.lower()]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if not repl and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # a doubled consonant: "stopped"
    return list(dict.fromkeys(out))


_CLAUSE_OPENERS = frozenset({"-", "--", "\u2014", "\u2013", ":", '"', "\u201c"})


def clause_initial_propn(token: "Token") -> bool:
    """A common noun the tagger took for a name because it is capitalized at the start of the
    text proper ("KHARTOUM (Reuters) - Protests erupted ..."): a title-case PROPN that begins its
    sentence or follows a dateline dash, outside any named entity."""
    if token.pos_ != "PROPN" or not token.is_title or token.ent_type_:
        return False
    first = token.i == sentence_of(token).start
    return first or token.doc[token.i - 1].text in _CLAUSE_OPENERS


def noun_lemmas(token: "Token") -> list[str]:
    """Candidate singular lemmas of a capitalized plural taken for a name ("Protests" -> protest)."""
    word = token.lower_
    out = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(out))


def _pos_ok(token: "Token", pos: str) -> bool:
    if pos == "VERB":  # a participle used as an adjective ("the Israeli-occupied West Bank") is no act
        return (token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")) \
            and token.dep_ not in ("amod", "compound")
    if pos == "NOUN":  # "bombing victims", "protest movement": a modifier is not an event
        return ((token.pos_ == "NOUN" or clause_initial_propn(token)) and token.dep_ not in ("compound", "amod", "nmod", "npadvmod")
                and token.ent_type_ not in ("DATE", "TIME", "EVENT", "LAW", "WORK_OF_ART"))
    return token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ in ("acomp", "amod"))


def _has_modifier(token: "Token", lemmas: Iterable[str]) -> bool:
    wanted = set(lemmas)
    # "dep": the tagger's unlabelled attachment of a split compound ("test(dep) - fired")
    return any(c.dep_ in ("compound", "amod", "nmod", "npadvmod", "dep") and _lemma(c) in wanted
               for c in token.children)


def _term_fits(noun: "Token", term: ObjectTerm) -> bool:
    if term.lemma == "*":  # any object: the verb is an event only when used transitively
        return noun.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    if term.lemma.startswith("ent:"):  # a named entity of a type: "ent:org" (the Commonwealth)
        return noun.ent_type_.lower() == term.lemma[4:]
    return (_lemma(noun) == term.lemma and (not term.modifiers or _has_modifier(noun, term.modifiers))
            and (term.of is None or _of_complement(noun, term.of) is not None))


def _fits_a_term(noun: "Token", terms: tuple[ObjectTerm, ...]) -> bool:
    """``any(_term_fits(noun, term) for term in terms)``, with the noun's lemma read once."""
    lemma = None
    for term in terms:
        wanted = term.lemma
        if wanted == "*" or wanted.startswith("ent:"):
            if _term_fits(noun, term):
                return True
            continue
        if lemma is None:
            lemma = _lemma(noun)
        if wanted == lemma and (not term.modifiers or _has_modifier(noun, term.modifiers)) \
                and (term.of is None or _of_complement(noun, term.of) is not None):
            return True
    return False


def _of_complement(noun: "Token", word: str) -> "Token | None":
    """The noun of ``noun``'s "of" phrase when it is ``word`` ("state of emergency")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj" and word in (_lemma(p), p.lower_):
                    return p
    return None


_RECIPIENT_ENTS = ("GPE", "ORG", "NORP", "PERSON")


def _object_candidates(token: "Token", preps: tuple[str, ...] = ()) -> list["Token"]:
    """The object noun, its conjuncts, nouns behind a quantity ("10 days of war games"), and,
    when the pattern names prepositions, their objects ("went on strike", "spoke by telephone")."""
    obj = object_of(token)
    # the object of a named preposition, of a gerund after it ("arrested for spying"), and of a
    # preposition it governs ("pulled out of the talks")
    prep_objs = [p for c in token.children if c.dep_ == "prep" and _lemma(c) in preps
                 for p in [*c.children, *(g for n in c.children if n.dep_ == "prep" for g in n.children)]
                 if p.dep_ in PREP_OBJECTS]
    if obj is None:
        return prep_objs
    # further objects: conjuncts, and the pieces of a hyphenated noun the parser split into
    # several objects ("launched a counter(dobj) -(dobj) offensive(dobj)")
    more = [c for c in token.children if c.dep_ in _OBJECT_DEPS and c.i != obj.i]
    # "gave the junta one week to ...": a span of time the parser hung on the verb as npadvmod
    more += [c for c in token.children if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
             and c.pos_ == "NOUN" and c.i > token.i]
    out = [obj, *[c for c in obj.children if c.dep_ == "conj"], *more, *prep_objs]
    if obj.pos_ == "PROPN" or obj.ent_type_ in _RECIPIENT_ENTS:
        # "provided Sri Lanka with aid": a named recipient as object, the thing given after "with"
        out += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"]
    for noun in list(out):
        if _lemma(noun) in _QUANTITY_HEADS or noun.pos_ in ("NUM", "SYM") or noun.tag_ == "$":
            for c in noun.children:
                if c.dep_ == "prep" and _lemma(c) in ("of", "in"):
                    out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _object_verb_patterns(patterns: EventPatterns, noun_lemma: str) -> list[EventPattern]:
    """The verb patterns an event noun stands for that need only an object ("closure" → close
    + consulate), most specific first."""
    verb = patterns.nominalizations.get(noun_lemma.lower())
    if verb is None:
        return []
    return [p for p in patterns.for_lemma(verb) if p.pos == "VERB" and p.objects and not p.particles
            and not p.preps and not p.modifiers and not p.xcomp and not p.aux]


def _of_objects(noun: "Token") -> list["Token"]:
    """The nouns of an event noun's "of" phrase and their conjuncts ("closure of X and Y")."""
    objs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
    return [*objs, *(c for o in objs for c in o.children if c.dep_ == "conj")]


def _complements(token: "Token") -> list["Token"]:
    """A controlled verb, or a predicate of the object ("held X responsible", "called it illegal"),
    which the parser may also attach as an adjectival clause or as an adjective after the object."""
    out = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "oprd")
           or (c.dep_ in ("advcl", "acomp") and c.pos_ == "ADJ")]
    # "urged X to V" with the infinitive parsed as an adverbial clause after the object
    if any(c.dep_ == "dobj" for c in token.children):
        out += [c for c in token.children if c.dep_ == "advcl" and c.pos_ in VERBAL_POS
                and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i for a in c.children)]
    for obj in token.children:
        if obj.dep_ in _OBJECT_DEPS:
            out += [a for a in obj.children if a.dep_ == "amod" and a.i > obj.i and a.pos_ == "ADJ"]
    return out


def _fits(token: "Token", pattern: EventPattern, *, as_verb: bool = False,
          objects: dict[tuple[str, ...], list["Token"]] | None = None) -> tuple[bool, "Token | None"]:
    """Whether ``token`` fits ``pattern``, and the object that made it fit; ``objects`` keeps the
    token's object candidates by prepositions (the same for every pattern tried on it)."""
    if not (as_verb and pattern.pos == "VERB") and not _pos_ok(token, pattern.pos):
        return False, None
    obj: Token | None = None
    if pattern.objects:
        # a particle the parser took for a preposition ("called off(prep) the strike(pobj)")
        preps = pattern.preps + pattern.particles
        candidates = objects.get(preps) if objects is not None else None
        if candidates is None:
            candidates = _object_candidates(token, preps)
            if objects is not None:
                objects[preps] = candidates
        for cand in candidates:
            if _excluded_noun(cand, pattern.exclude):  # "cut prices": an object that contradicts the reading
                continue
            if _fits_a_term(cand, pattern.objects):
                obj = cand
                break
        if obj is None:
            return False, None
        # an excluded word behind the pattern's preposition vetoes it ("put soldiers on trial")
        if pattern.exclude and any(c.dep_ == "prep" and _lemma(c) in pattern.preps and _excluded_noun(p, pattern.exclude)
                                   for c in token.children for p in c.children if p.dep_ == "pobj"):
            return False, None
    elif pattern.exclude and _excluded(token, pattern):
        return False, None
    # a particle the parser took for a preposition counts only where the object list checks what
    # follows ("called off(prep) the strike"; "let in(prep) two goals" is no "let in")
    loose = ("advmod", "prep") if pattern.objects else ("advmod",)
    if pattern.particles and not any((c.dep_ == "prt" or (c.dep_ in loose and c.i == token.i + 1))
                                     and _lemma(c) in pattern.particles for c in token.children):
        return False, None
    # the preposition may hang on the object noun instead ("expressed regret to X")
    # or open a clause the parser attached as an adverbial ("called for(mark) X to resign")
    if pattern.preps and not any(c.dep_ in ("prep", "agent", "dative") and _lemma(c) in pattern.preps
                                 for c in [*token.children, *(obj.children if obj is not None else ())]) \
            and not any(m.dep_ == "mark" and _lemma(m) in pattern.preps and m.i == token.i + 1
                        for c in token.children if c.dep_ in ("advcl", "ccomp") for m in c.children):
        return False, None
    if pattern.modifiers and not _has_modifier(token, pattern.modifiers):
        return False, None
    if pattern.xcomp:
        comps = _complements(token)
        if not comps or ("*" not in pattern.xcomp and not any(_lemma(c) in pattern.xcomp for c in comps)):
            return False, None
    if pattern.aux and not any(a.dep_ in ("aux", "auxpass") and a.lower_ in pattern.aux
                               for c in token.children if c.dep_ in COMPLEMENTS for a in c.children):
        return False, None
    return True, obj


def _excluded(token: "Token", pattern: EventPattern) -> bool:
    """Whether a pattern without an object list meets a word it excludes: the verb's direct
    object ("fought a legal battle", "fought the charges") or the noun trigger's modifier
    ("a legal battle", "a custody fight")."""
    if pattern.pos == "NOUN":
        return any(c.dep_ in ("amod", "compound") and _lemma(c) in pattern.exclude for c in token.children)
    obj = object_of(token)
    return obj is not None and _excluded_noun(obj, pattern.exclude)


def _excluded_noun(noun: "Token", exclude: frozenset[str]) -> bool:
    """Whether a noun is among the excluded lemmas, or a named entity of an excluded type ("ent:gpe")."""
    # the noun, its named-entity type, or a word that qualifies it ("an advertising campaign")
    return _lemma(noun) in exclude or (bool(noun.ent_type_) and f"ent:{noun.ent_type_.lower()}" in exclude) \
        or any(c.dep_ in ("compound", "amod") and _lemma(c) in exclude for c in noun.children)


def _matched_specificity(pattern: EventPattern, obj: "Token | None") -> int:
    """The pattern's specificity counted with the object term that matched: a list that holds
    "military aid" among bare nouns is no more specific than a bare noun when "weapons" matched."""
    n = pattern.specificity
    if obj is not None and pattern.objects and not all(o.lemma == "*" for o in pattern.objects):
        widest = max(o.size for o in pattern.objects)
        matched = max((o.size for o in pattern.objects if _term_fits(obj, o)), default=widest)
        n -= widest - matched
    return n


def _tier(pattern: EventPattern) -> int:
    return 0 if not pattern.loose and pattern.specificity else (1 if pattern.loose else 2)


def match_token(token: "Token", patterns: EventPatterns) -> TriggerMatch | None:
    """The most specific pattern ``token`` fits, or None (specificity counted with the object
    term that matched; among equals, the loader's order)."""
    best: tuple[tuple[int, int], TriggerMatch] | None = None
    objects: dict[tuple[str, ...], list[Token]] = {}
    verbal = token.tag_.startswith("VB") and token.pos_ != "AUX"
    lemma = (patterns.verb_lemma(token.lower_) if verbal else None) or _lemma(token)
    for pattern in patterns.for_lemma(lemma):
        if best is not None and _tier(pattern) > best[0][0]:
            break
        ok, obj = _fits(token, pattern, objects=objects)
        if ok:
            key = (_tier(pattern), -_matched_specificity(pattern, obj))
            if best is None or key < best[0]:
                best = (key, TriggerMatch(token, pattern, obj))
    if best is None and clause_initial_propn(token):
        for noun in noun_lemmas(token)[1:]:
            for pattern in patterns.for_lemma(noun):
                ok, obj = _fits(token, pattern, objects=objects)
                if ok and pattern.pos == "NOUN":
                    return TriggerMatch(token, pattern, obj)
    if best is not None:
        return best[1]
    # the tagger's noun or adjective used as a verb, or a verb whose lemma the lemmatizer got
    # wrong ("retaking" -> retake): its form with an inflection removed
    if _verb_like(token) or (verbal and token.pos_ == "VERB" and not patterns.for_lemma(lemma)):
        for lemma in verb_lemmas(token):
            for pattern in patterns.for_lemma(lemma):
                if pattern.pos != "VERB":
                    continue
                ok, obj = _fits(token, pattern, as_verb=True, objects=objects)
                if ok:
                    return TriggerMatch(token, pattern, obj)
    return None


def match_light_verb(token: "Token", patterns: EventPatterns, light_verbs: frozenset[str]) -> TriggerMatch | None:
    """``announced the withdrawal of its troops``: a light verb over an event noun, coded as the
    verb the noun stands for (with the noun as the trigger's object)."""
    if _lemma(token) not in light_verbs or not _pos_ok(token, "VERB"):
        return None
    for noun in _object_candidates(token):
        # "ordered the closure of the consulate": the noun's "of" phrase as the verb's object
        of_objs = _of_objects(noun)
        for pattern in _object_verb_patterns(patterns, _lemma(noun)):
            if any(any(_term_fits(o, term) for term in pattern.objects)
                   and not _excluded_noun(o, pattern.exclude) for o in of_objs):
                return TriggerMatch(token, pattern, noun)
        for pattern in patterns.plain_verb_patterns(_lemma(noun)):
            return TriggerMatch(token, pattern, noun)
    for noun in _object_candidates(token):
        if noun.pos_ != "NOUN":
            continue
        # "gave its backing to X", "issued a condemnation": the event noun's own pattern, read
        # as the verb's event (its subject is the doer, its object noun part of the trigger)
        for pattern in patterns.for_lemma(_lemma(noun)):
            if pattern.pos == "NOUN" and not pattern.objects and (
                    not pattern.modifiers or _has_modifier(noun, pattern.modifiers)):
                verbal = replace(pattern, pos="VERB", objects=(ObjectTerm(pattern.lemma, pattern.modifiers),),
                                 modifiers=(), needs="actor" if pattern.needs == "source" else pattern.needs)
                return TriggerMatch(token, verbal, noun)
    return None


def match_sentence(sent: "SpacySpan", patterns: EventPatterns,
                   light_verbs: frozenset[str] = frozenset()) -> list[TriggerMatch]:
    """Every trigger in one sentence, in text order; an object noun never triggers on its own."""
    found: list[TriggerMatch] = []
    doc = sent.doc
    space, punct = token_columns(doc, ("is_space", "is_punct"))
    for i in range(sent.start, sent.end):
        if space[i] or punct[i]:
            continue
        token = doc[i]
        m = match_token(token, patterns) or match_light_verb(token, patterns, light_verbs)
        if m is not None:
            found.append(m)
    claimed = {m.obj.i for m in found if m.obj is not None}
    return [m for m in found if m.token.i not in claimed]
