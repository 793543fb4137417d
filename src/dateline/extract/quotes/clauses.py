"""Reported clauses the dependency parse misplaces, and attributions it misreads.

The parser often hangs a reported clause elsewhere ("said after the convention he would ...":
an adverbial clause), reads a speaker as a clause ("Salkin, a rabbi helping ..., said": "rabbi"
as a verb), coordinates the reporter's own next act inside what was reported ("said the warning
showed ..., and accused ...") or makes anything of an attribution set off by commas ("These
employees, Stumpf explained, were ..."). These helpers read such sentences the way they are meant.
"""

from __future__ import annotations

from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, sentence_of
from .common import is_cue_verb, lemmas, subject_of, trim_span
from ..syntax.labels import VERBAL_POS

__all__ = ["reported_clause", "phrasal_clause", "misread_subject", "conjoined_reporter", "cut_at_conjoined_act", "interrupting",
           "relative_gap", "controlling_object", "participle_holder", "unrealized_evidence"]

_CLAUSE_DEPS = ("ccomp",)


def _misattached_clause(verb, cues: QuoteCues):
    """A reported clause the parser hung elsewhere: an unintroduced clause with a subject of its
    own read as an adverbial one ("said after the convention he would not ..."), or a that-clause
    hung on the noun of a circumstance ("insisted in the same interview that ...")."""
    for c in verb.rights:
        if c.dep_ == "advcl" and c.tag_ not in ("VBG", "VBN") \
                and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children) \
                and not any(k.dep_ in ("mark", "advmod") and k.i < c.i and k.lower_ != "that" for k in c.children) \
                and not any(t.is_punct for t in verb.doc[verb.i + 1: c.left_edge.i]):
            return c
        if c.dep_ == "prep" and c.i < verb.i + 4:
            for pobj in c.children:
                if pobj.dep_ != "pobj" or lemmas(pobj) & (cues.nominal_cues | cues.frame_nouns | cues.stance_nouns):
                    continue
                for k in pobj.rights:
                    if k.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" and m.i == k.left_edge.i for m in k.children):
                        return k
    return None


def reported_clause(verb, cues: QuoteCues):
    """The clause a reporting verb reports: its clausal complement, or one the parser misplaced."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return after[0]  # "Salkin, a rabbi helping ..., said he ...": the parser may read the subject as a clause too
    return clauses[0] if clauses else _misattached_clause(verb, cues)


_PHRASAL_CLAUSE_DEPS = ("ccomp", "advcl")


def phrasal_clause(verb, cues: QuoteCues):
    """The clause a multi-word cue reports ("made it clear they did not agree", "made clear that
    ..."), which the parser hangs on the verb or on the phrase's last word ("clear" read as a
    clause of its own): a clause with a subject after the phrase; None without one or when the
    words after the verb are not one of its phrases (``phrasal`` in quote_cues.yaml)."""
    doc = verb.doc
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "were made clear as they celebrated ...": nobody made it so
    for words in cues.phrasal.get(verb.lemma_.lower(), ()):
        n = len(words)
        if tuple(t.lower_ for t in doc[verb.i + 1: verb.i + 1 + n]) != words:
            continue
        last = doc[verb.i + n]
        for head in (verb, last):
            for c in head.rights:
                if c.i > last.i and c.dep_ in _PHRASAL_CLAUSE_DEPS and c.pos_ in VERBAL_POS \
                        and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children) \
                        and not any(k.dep_ in ("mark", "advmod") and k.i < c.i and k.lower_ != "that"
                                    for k in c.children):  # "... clear when they ...": a circumstance
                    return c
        return None
    return None


def misread_subject(verb):
    """The subject of a reporting verb the parser read as a clause before it ("Jeffrey Salkin, a
    rabbi helping to organize the boycott, said he ...": "rabbi" as a verb), when the verb also
    has a clause after it and no subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = [c for c in verb.lefts if c.dep_ in _CLAUSE_DEPS]
    if not before or not any(c.dep_ in _CLAUSE_DEPS and c.i > verb.i for c in verb.rights):
        return None
    return next((c for c in before[-1].children if c.dep_ == "nsubj"), None)


_FINITE = ("VBD", "VBZ")  # not VBP, which the tagger also gives to base forms ("will help understand and agree")


def _conjoined_act(clause, cues: QuoteCues):
    """A speech act or attitude the parser coordinated inside a reported clause that is the
    reporter's own ("said the warning was telling, and accused No. 10 of ..."): a finite cue verb
    with no subject, coordinated with a clause whose verb is not a cue itself (None otherwise)."""
    words = cues.reporting_verbs | cues.object_verbs
    for c in clause.subtree:
        if c.i <= clause.i or c.dep_ != "conj" or c.tag_ not in _FINITE or not lemmas(c) & words \
                or any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children):
            continue
        head = c.head
        if head.pos_ not in VERBAL_POS or (lemmas(head) & words and head.tag_ == c.tag_):
            continue  # "said Trump called him a liar and threatened to sue": Trump's threat
        if head.i == clause.i or head.tag_ != c.tag_:
            return c  # "said the warning showed he did not know ..., and accused ..."
    return None


def conjoined_reporter(verb, cues: QuoteCues):
    """The reporting verb whose subject does ``verb``, a conjoined act of its own (see
    ``_conjoined_act``), or None."""
    if verb.dep_ != "conj":
        return None
    cur = verb.head
    for _ in range(6):
        clause = reported_clause(cur.head, cues) if is_cue_verb(cur.head, cues.reporting_verbs) else None
        if clause is not None and clause.i == cur.i:
            act = _conjoined_act(cur, cues)
            return cur.head if act is not None and act.i == verb.i else None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def cut_at_conjoined_act(doc, clause, span: tuple[int, int] | None,
                         cues: QuoteCues) -> tuple[int, int] | None:
    """What a reported clause says (``span``, its whole extent), up to a conjoined act of the
    reporter's own (see ``_conjoined_act``)."""
    act = _conjoined_act(clause, cues)
    if span is None or act is None:
        return span
    cut = max([k.i for k in act.head.children if k.dep_ == "cc" and act.head.i < k.i < act.i], default=act.i)
    while cut > clause.i and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
        cut -= 1
    start, end = trim_span(doc_text(doc), span[0], doc[cut - 1].idx + len(doc[cut - 1].text))
    return (start, end) if end - start >= 3 else span


_ASIDE_DEPS = ("npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod", "poss", "case")
# The most words between an interrupting attribution's verb and the comma that closes it
# ("he observed this week,", "Stumpf explained earlier in the committee hearing,").
_ASIDE_WORDS = 8


def interrupting(doc, verb, cues: QuoteCues) -> tuple[int, int] | None:
    """The sentence an attribution set off by commas interrupts, whatever the parser made of it:
    "These employees, Stumpf explained earlier in the hearing, were well paid", "If China can
    build a wall, he observed this week, then he can build one" (the covering sentence)."""
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    sent = sentence_of(verb)
    if subj is None or subj.left_edge.i - 1 <= sent.start or doc[subj.left_edge.i - 1].text != ",":
        return None
    if subj.right_edge.i != verb.i - 1 or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.rights):
        return None
    k = verb.i + 1
    while k < sent.end and doc[k].text != "," and k - verb.i <= _ASIDE_WORDS:
        if doc[k].dep_ not in _ASIDE_DEPS:
            return None
        k += 1
    if k >= sent.end or doc[k].text != "," or sum(1 for t in doc[k + 1: sent.end] if t.is_alpha) < 2:
        return None
    first = sent[0]
    while first.i < verb.i and (first.is_punct or first.is_space or first.dep_ == "cc"):
        first = doc[first.i + 1]  # "But with each contest, these supporters acknowledge, it ..."
    last = sent[-1]
    start, end = trim_span(doc_text(doc), first.idx, last.idx + len(last.text))
    return (start, end) if end - start >= 3 else None


_RELATIVE_TAGS = ("WP", "WDT")


def relative_gap(doc, verb) -> tuple[int, int] | None:
    """What a cue verb in a relative clause reports when its object is the clause's gap: the noun
    the clause modifies ("a deal she once supported", "a fact he often mentions") or the fronted
    relative word ("what Clinton is promising"); None when the verb has an object of its own or
    the relative word is its subject ("Mr. Khan, who spoke on Thursday": no gap to report)."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.rights):
        return None
    if verb.dep_ == "relcl" and all(c.tag_ in _RELATIVE_TAGS for c in subjects):
        return None
    fronted = next((c for c in verb.lefts if c.dep_ == "dobj" and c.tag_ in _RELATIVE_TAGS), None)
    if fronted is not None and verb.dep_ != "relcl":
        return fronted.idx, fronted.idx + len(fronted.text)
    head = verb.head
    if verb.dep_ != "relcl" or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    last = verb.left_edge.i - 1
    while last > head.i and (doc[last].is_punct or doc[last].tag_ in _RELATIVE_TAGS):
        last -= 1
    start, end = trim_span(doc_text(doc), head.left_edge.idx, doc[last].idx + len(doc[last].text))
    return (start, end) if end - start >= 2 else None


_CONTROLLED_DEPS = ("xcomp", "advcl")


def controlling_object(verb, cues: QuoteCues):
    """Who holds the view of a verb of thinking or feeling that completes another verb's object
    ("the report led many economists to suspect that ...", "the crisis left farmers feeling that
    ..."): that object, when the verb has no subject of its own and the verb above it is no cue
    itself ("urged X to consider Y" is the urging's statement); None otherwise. (Acts and speech
    under such a verb stand for it more often than not: "obligates countries to offer ...".)"""
    head = verb.head
    if not lemmas(verb) & cues.cognition_verbs or verb.dep_ not in _CONTROLLED_DEPS or head.i == verb.i or head.i > verb.i \
            or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    if verb.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if lemmas(head) & (cues.reporting_verbs | cues.object_verbs | cues.frame_verbs):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.right_edge.i < verb.left_edge.i - 1:
        return None
    return obj


# How far a participle's noun may sit below the verb whose subject speaks through it ("said at a
# news conference announcing ...": conference, at, said).
_HOLDER_CLIMB = 3
# The roles of a noun that speaks through the participle modifying it.
_HOLDER_DEPS = ("nsubj", "nsubjpass", "attr", "appos", "ROOT")


def participle_holder(verb, cues: QuoteCues):
    """Who speaks through a present participle with no subject that modifies a noun: the noun
    itself when it is what a clause is about ("anyone expecting ...", "there is evidence
    suggesting that ..."), or, for a noun something was done with ("at a news conference
    announcing ...", "released an ad saying ..."), the subject of the verb the noun hangs from;
    None for any other verb."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.i == verb.i or head.pos_ not in ("NOUN", "PROPN", "PRON") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if head.dep_ in _HOLDER_DEPS and not lemmas(head) & (cues.audiences | cues.frame_nouns | cues.nominal_cues):
        return head
    cur = head
    for _ in range(_HOLDER_CLIMB):
        if cur.dep_ not in ("pobj", "prep", "dobj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        subject = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if cur.pos_ in VERBAL_POS else None
        if subject is not None:
            return subject
    return None


_GENERIC_SUBJECTS = ("you", "one")


def unrealized_evidence(verb, cues: QuoteCues) -> bool:
    """Whether an evidence verb's object is only what may be found or shown ("you can find more
    details in ...", "could still find a way", "helps brands find suppliers"): under a modal, in
    an infinitive or bare complement, or with a generic subject. Nothing was reported yet."""
    if not lemmas(verb) & cues.evidence_verbs:
        return False
    if any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in verb.children):
        return True
    if verb.tag_ == "VB" and verb.dep_ in ("ccomp", "xcomp"):
        return True
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in _GENERIC_SUBJECTS
