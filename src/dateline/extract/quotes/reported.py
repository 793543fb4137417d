"""Reported speech: "X said (that) ...", "..., he said", "according to X, ...", "X believes ...".

Read off the dependency parse: a reporting verb (from the cue lexicon) with a clausal
complement reports that clause; its subject is the speaker. Parenthetical attributions
("the talks, he said, went well") report the clause they interrupt; "according to X" frames
report the clause they attach to; "expressed the hope that ..." reports the clause of the
frame noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, token_column
from .attributions import fronted, frame_inside
from .clauses import (conjoined_reporter, controlling_object, cut_at_conjoined_act, interrupting, misread_subject,
                      participle_holder, phrasal_clause, relative_gap, reported_clause,
                      unrealized_evidence)
from .common import (Found, according_frame, covers, cue_span, is_cue_verb, lemmas, speaker_of,
                           speaker_span, subject_of, trim_span)
from ..syntax.labels import OBJECTS, VERBAL_POS

__all__ = ["reported_speech", "colon_lines"]

_CLAUSE_DEPS = ("ccomp",)
_LEADING_DROP = {"that"}


def _subtree_span(token, exclude=None) -> tuple[int, int]:
    """Character extent of a token's subtree, leaving out an excluded subtree at either edge."""
    toks = [t for t in token.subtree if exclude is None or not (exclude.left_edge.i <= t.i <= exclude.right_edge.i)]
    if not toks:
        return token.idx, token.idx
    if exclude is not None:
        # keep the part on the longer side of the excluded stretch, contiguous
        left = [t for t in toks if t.i < exclude.left_edge.i]
        right = [t for t in toks if t.i > exclude.right_edge.i]
        if left and right:
            toks = left if len(left) > len(right) else right
        elif left:
            toks = left
        else:
            toks = right
    first, last = toks[0], toks[-1]
    return first.idx, last.idx + len(last.text)


def _content(doc, clause, cues: QuoteCues, *, exclude=None) -> tuple[int, int] | None:
    start, end = _subtree_span(clause, exclude)
    # drop a leading complementizer ("that")
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    k = 0
    while k < len(first) and (first[k].is_punct or first[k].is_space):
        k += 1
    if k < len(first) - 1 and first[k].lower_ in _LEADING_DROP and first[k].dep_ == "mark":
        k += 1
    if k >= len(first):
        return None
    start = first[k].idx
    start, end = trim_span(doc_text(doc), start, end)
    if end - start < 3:
        return None
    return start, end


_OBJECT_DEPS = ("dobj", "obj", "xcomp", "oprd", "prep", "dative", "ccomp", "acomp", "pcomp", "attr", "prt")


def _plain_prep(prep, cues: QuoteCues) -> bool:
    """A prepositional phrase that says where or to whom, not what ("in Iowa", "to reporters")."""
    if prep.lower_ not in _CONTENT_PREPS:
        return True
    if prep.lower_ in _ADDRESSEE_PREPS and lemmas(prep.head) & cues.addressee_verbs:
        return True  # "spoke to a gathering of miners"
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (_audience(pobj, cues) or pobj.ent_type_ in _WHEN_ENTS
                                 or (prep.lower_ in _ADDRESSEE_PREPS and lemmas(prep.head) & cues.speech_verbs
                                     and (pobj.pos_ in ("PROPN", "PRON") or pobj.ent_type_ in _WHO_ENTS)))


_ADDRESSEE_PREPS = ("to", "with")
_WHO_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def _audience(token, cues: QuoteCues) -> bool:
    """Whether a noun names an audience ("reporters", "a news conference")."""
    return bool(lemmas(token) & cues.audiences)


def _addressee(verb, obj, cues: QuoteCues) -> bool:
    """Whether a verb's object is who was spoken to: an audience word, or the object of "tell"
    (the object of "urged supporters to vote" is part of what was urged)."""
    if obj.dep_ not in ("dobj", "dative", "obj"):
        return False
    if obj.lemma_.lower() in cues.audiences:
        return True  # "a news conference"
    if not lemmas(verb) & cues.addressee_verbs:
        return False
    # "told reporters to ...", "told him", "briefed the committee"; not "telling their stories"
    return obj.dep_ == "dative" or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) \
        or obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in _WHO_ENTS \
        or bool(lemmas(obj) & (cues.audiences | cues.person_roles | cues.organisation_nouns))


_WHEN_ENTS = ("DATE", "TIME")


def _circumstance(token, cues: QuoteCues) -> bool:
    """A complement that says when or where, not what: "on Monday", "at the rally", "yesterday"."""
    if token.dep_ in ("npadvmod", "tmod") or (token.ent_type_ in _WHEN_ENTS and token.dep_ != "dobj"):
        return True
    return token.dep_ == "prep" and token.lower_ != "as" and _plain_prep(token, cues)


def _object_content(doc, verb, cues: QuoteCues) -> tuple[int, int] | None:
    """What an act or attitude verb reports: its complements after it ("X of Y", "to Y")."""
    comps = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS and c.dep_ != "prt"
             and not _addressee(verb, c, cues)]
    if not comps or not any(c.dep_ in ("dobj", "obj", "xcomp", "oprd", "ccomp", "prep") for c in comps):
        return None
    if all(c.dep_ == "prep" for c in comps) and all(_plain_prep(c, cues) for c in comps):
        return None
    while len(comps) > 1 and _circumstance(comps[-1], cues):
        comps = comps[:-1]  # "called the plan a disaster on Monday": the day is not what was said
    while len(comps) > 1 and _circumstance(comps[0], cues):
        comps = comps[1:]  # "spoke with Teachout about the plan", "told X at a rally to vote"
    first = min(c.left_edge.i for c in comps)
    last = max(c.right_edge.i for c in comps)
    lead = doc[first]
    if lead.dep_ == "prep" and lead.head.i == verb.i and lead.i < last and lead.lower_ in _CONTENT_PREPS:
        first += 1  # "pushed back on those claims": the claims, not "on those claims"
    start, end = trim_span(doc_text(doc), doc[first].idx, doc[last].idx + len(doc[last].text))
    return (start, end) if end - start >= 2 else None


_CONTENT_PREPS = {"of", "on", "for", "about", "to", "against"}
_NOMINAL_PREPS = {"of", "on", "for", "about", "to", "against", "that"}


def _nominal(doc, noun, cues: QuoteCues) -> Found | None:
    """"Trump's claim that ...", "her call for ...": a possessor states the noun's complement."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.tag_ == "WP$":
        return None
    comps = [c for c in noun.rights
             if (c.dep_ == "prep" and c.lower_ in _NOMINAL_PREPS)
             or (c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children))
             or (c.dep_ == "acl" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children))]
    if not comps:
        return None
    comp = comps[0]
    first = comp.left_edge
    if comp.dep_ == "prep" and comp.lower_ in ("of", "on", "for", "about", "against"):
        first = doc[comp.i + 1] if comp.i + 1 <= comp.right_edge.i else comp
    start, end = trim_span(doc_text(doc), first.idx, comp.right_edge.idx + len(comp.right_edge.text))
    if first.lower_ == "that" and first.dep_ == "mark":
        start = doc[first.i + 1].idx
    if end - start < 3:
        return None
    return Found("indirect", start, end, speaker_span(doc, owner), (noun.idx, noun.idx + len(noun.text)),
                 end, cue_token=noun.i, via="object")


def _passive_with_agent(doc, verb, cues: QuoteCues) -> Found | None:
    """"X was endorsed by the Post": the agent states something about the passive subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subj is None or agent is None or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None or subj.lower_ in ("it", "there"):
        return None
    start, end = trim_span(doc_text(doc), subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
    if end - start < 2:
        return None
    cue = cue_span(verb, cues)
    return Found("indirect", start, end, speaker_span(doc, pobj), cue, max(end, cue[1]), cue_token=verb.i,
                 via="object")


def _frame_clause(verb, cues: QuoteCues):
    """For "expressed the hope that ...": the clause of the frame noun, and the noun."""
    if verb.lemma_.lower() not in cues.frame_verbs:
        return None
    for obj in verb.children:
        if obj.dep_ in OBJECTS and obj.lemma_.lower() in cues.frame_nouns \
                and not any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in obj.children):
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
                        m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
                    return c, obj
                if c.dep_ == "acl" and c.lemma_.lower() in cues.speech_verbs:
                    return None
    return None


_WHEN_WORDS = ("when", "after", "before", "once", "if", "as", "while")


def _question(clause, verb, cues: QuoteCues) -> bool:
    """Whether a reported clause is a question put to the verb's subject ("he was asked whether
    ..."): that subject answered, it did not say the clause. A question the subject asked ("X
    asked whether ...") stays, as the asker's words."""
    if not lemmas(verb) & cues.question_verbs:
        return False
    kids = list(verb.children)
    put_to = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or (
        not any(c.dep_ == "nsubj" for c in kids)
        and (verb.tag_ == "VBN" or any(c.lower_ in _WHEN_WORDS for c in kids)))  # "said when asked whether"
    if not put_to:
        return False
    first = clause.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB") or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _withheld(verb, cues: QuoteCues) -> bool:
    """Whether a speech act is one not performed: "refrained from commenting", "declined to
    specify", "avoided saying", "without saying" (and "declining to comment" itself)."""
    if lemmas(verb) & cues.withholding_verbs and any(
            c.dep_ == "xcomp" and lemmas(c) & (cues.speech_verbs | {"comment", "elaborate", "discuss"})
            for c in verb.children):
        return True
    cur = verb
    for _ in range(3):
        head = cur.head
        if head is cur:
            return False
        if cur.dep_ == "pcomp" and head.lower_ in ("from", "without"):
            cur = head
            continue
        if cur.dep_ in ("xcomp", "prep") and lemmas(head) & cues.withholding_verbs:
            return True
        return cur.lower_ == "without"
    return False


def _participle_agent(verb):
    """The noun a present participle modifies, which does what it says: "groups supporting X",
    "a tweet attacking X", "voters telling their stories" (None for any other verb)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.i == verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head


def _as_attribution(verb, cues: QuoteCues) -> bool:
    """Whether a reporting verb attributes the sentence around it through "as": "As the paper
    noted, it is surprising ...", "... the policy works, as many researchers believe." (nothing
    of its own is reported: no object but an audience)."""
    if verb.dep_ != "advcl" or verb.head is verb:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") and not _addressee(verb, c, cues)
                   and c.pos_ not in ("PROPN", "PRON") for c in verb.children)


def reported_speech(doc, cues: QuoteCues, *, start: int = 0, end: int | None = None,
                    skip: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Indirect statements between ``start`` and ``end``; tokens inside ``skip`` spans
    (direct quotations) are not read as cues."""
    end = len(doc_text(doc)) if end is None else end
    verbs = cues.reporting_verbs
    objects = cues.object_verbs
    cue_words = verbs | objects
    out: list[Found] = []
    skipped = covers(skip)
    for i, idx in enumerate(token_column(doc, "idx")):
        if idx < start or idx >= end or skipped(idx):
            continue
        token = doc[i]
        frame = according_frame(token, cues)
        if frame is not None:
            last, head = frame
            top = token  # the frame word that heads the frame ("reported" in "as reported by X")
            while token.i <= top.head.i <= last.i and top.head.i != top.i:
                top = top.head
            clause = top.head
            while clause.pos_ not in VERBAL_POS and clause.head.i != clause.i:
                clause = clause.head
            span = _content(doc, clause, cues, exclude=top)
            if span is not None and (around := frame_inside(doc, clause, top, last, cues)) is not None:
                span = around  # "X leads in the north, according to the poll, and has a lead in the south"
            elif span is not None and span[0] <= token.idx < span[1]:
                span = None
            if span is not None:
                out.append(Found("indirect", span[0], span[1], speaker_span(doc, head),
                                 (token.idx, last.idx + len(last.text)), max(span[1], last.idx), cue_token=token.i,
                                 via="according"))
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in cues.nominal_cues:
            found = _nominal(doc, token, cues)
            if found is not None:
                out.append(found)
            continue
        phrase = phrasal_clause(token, cues) if token.pos_ in VERBAL_POS else None
        if phrase is not None:  # "made it clear they did not agree"
            span = cut_at_conjoined_act(doc, phrase, _content(doc, phrase, cues), cues)
            if span is not None and not (skipped(span[0]) and skipped(span[1] - 1)):
                cue = cue_span(token, cues)
                out.append(Found("indirect", span[0], span[1], speaker_of(token), cue, max(span[1], cue[1]),
                                 cue_token=token.i))
            continue
        if not is_cue_verb(token, cue_words) and not (token.lemma_.lower() in cues.frame_verbs
                                                            and token.pos_ in VERBAL_POS):
            continue
        if token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
                and token.dep_ in ("advcl", "acl", "amod"):
            continue  # a reduced passive: "asked whether ...", "quoted as saying"
        passive = _passive_with_agent(doc, token, cues)
        if passive is not None:
            out.append(passive)
            continue
        reporting = is_cue_verb(token, verbs)
        via, agent = "clause", None
        clause = reported_clause(token, cues) if reporting else None
        cue = cue_span(token, cues)
        if clause is None:
            fr = _frame_clause(token, cues)
            if fr is not None:
                clause, noun = fr
                cue = (cue[0], noun.idx + len(noun.text))
            elif not reporting and not lemmas(token) & objects:
                continue  # a frame verb ("express") reports only through its frame noun
        if clause is not None and _question(clause, token, cues):
            continue  # "asked whether ...": a question, not a statement
        if _withheld(token, cues):
            continue  # "refrained from commenting", "declined to specify": nothing was said
        if clause is not None and clause.i < token.i and (fragment := fronted(doc, token, cues)) is not None:
            span = fragment  # "A, but B, a source said.": all of what comes before the attribution
        elif clause is not None:
            span = cut_at_conjoined_act(doc, clause, _content(doc, clause, cues), cues)
        elif reporting and _as_attribution(token, cues):
            span = _content(doc, token.head, cues, exclude=token)  # "as the paper noted, it is ..."
            via = "parenthetical"
        elif token.dep_ == "parataxis" and lemmas(token) & cues.speech_verbs:
            # a parenthetical attribution: "the talks, he said, went well" (the covering span)
            span = _content(doc, token.head, cues)
            via = "parenthetical"
        elif reporting and (aside := interrupting(doc, token, cues)) is not None:
            span, via = aside, "parenthetical"  # "These employees, Stumpf explained, were ..."
        elif (fragment := fronted(doc, token, cues)) is not None:
            span, via = fragment, "parenthetical"  # "Better late than never, she said."
        elif lemmas(token) & objects and subject_of(token) is not None:
            if unrealized_evidence(token, cues):
                continue  # "you'll find a collection of papers", "could still find a way": nothing found
            span = _object_content(doc, token, cues) or relative_gap(doc, token)
            via = "object"
        elif (gap := relative_gap(doc, token)) is not None:
            span, via = gap, "object"  # "a fact he often mentions"
        elif lemmas(token) & objects and (agent := _participle_agent(token)) is not None:
            span = _object_content(doc, token, cues)  # "groups supporting Mr. Kasich"
            via, speaker = "object", speaker_span(doc, agent)
        else:
            continue
        if span is None:
            continue
        if skipped(span[0]) and skipped(span[1] - 1):
            continue
        if via != "object" or agent is None:
            reporter = conjoined_reporter(token, cues)
            # "led economists to suspect that ...", "anyone expecting ...", "a briefing announcing ..."
            controller = controlling_object(token, cues) or participle_holder(token, cues)
            speaker = speaker_span(doc, controller) if controller is not None \
                else speaker_of(reporter if reporter is not None else token)
            if speaker is None and (misread := misread_subject(token)) is not None:
                speaker = speaker_span(doc, misread)
        out.append(Found("indirect", span[0], span[1], speaker, cue, max(span[1], cue[1]),
                         cue_token=token.i, via=via))
    return out


_COLON_LINE = re.compile(r"(?m)^[ \t\u00a0]*([\"“]?)[ \t]*((?:[A-Z][\w.’'\-]*)(?:[ \t]+[A-Z][\w.’'\-]*)*)[ \t]*:[ \t]+(\S[^\n]*)")
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n?[ \t\u00a0]*([^\n]*)")


def _turn_end(text: str, end: int, limit: int, cues: QuoteCues) -> int:
    """Where a transcript turn ('"PENCE: Well, ...') ends: later paragraphs that open with a
    quotation mark and name no new speaker ('"But the truth is ...') go on with it; a stage
    direction ('"(CROSSTALK.)'), a new "NAME:" turn or an unquoted paragraph ends it."""
    opening = cues.open_marks | cues.both_marks
    while True:
        m = _PARAGRAPH.match(text, end)
        if m is None or m.start(1) >= limit:
            return end
        line = m.group(1)
        if not line or line[:1] not in opening or line[1:].lstrip()[:1] in ("(", "[") \
                or _COLON_LINE.match(line) is not None:
            return end
        end = min(m.end(1), limit)


def _spoken_about(name: list[str], content: str) -> bool:
    """Whether a "Name: ..." line talks about that name rather than in its voice ("Bernie Sanders:
    Credit scores. On his website, Senator Bernie Sanders calls for ..."): a section heading."""
    last = name[-1].strip(".,’'").lower()
    return len(last) > 2 and re.search(r"\b" + re.escape(last) + r"\b", content.lower()) is not None


def colon_lines(doc, cues: QuoteCues, *, start: int = 0, end: int | None = None) -> list[Found]:
    """Lines that open with a name and a colon: "Sanders: Clinton needs ...", "PENCE: Well, ...";
    a transcript turn that opens with a quotation mark ('"PENCE: ...') runs on over the quoted
    paragraphs after it (``via`` "transcript")."""
    text = doc_text(doc)
    end = len(text) if end is None else end
    out: list[Found] = []
    for m in _COLON_LINE.finditer(text, start, end):
        name = m.group(2)
        words = name.split()
        if len(words) > cues.colon_max_words or name.lower() in cues.colon_labels \
                or words[0].lower().strip(".") in cues.colon_labels:
            continue
        turn = bool(m.group(1))
        line_end = min(m.end(3), end)
        if turn:
            line_end = _turn_end(text, line_end, end, cues)
        c_start, c_end = trim_span(text, m.start(3), line_end)
        kind = "indirect"
        opening, closing = text[c_start:c_start + 1], text[c_end - 1:c_end] if c_end > c_start else ""
        marks = cues.open_marks | cues.both_marks | cues.single_open
        if not turn and opening in marks and closing in (cues.close_marks | cues.both_marks | cues.single_close):
            c_start, c_end = c_start + 1, c_end - 1
            kind = "direct"
        elif turn:
            c_start, c_end = trim_span(text, c_start, c_end, strip_marks=True)
        if c_end - c_start < 3 or (not turn and _spoken_about(words, text[c_start:c_end])):
            continue
        colon = m.end(2) + text[m.end(2):m.start(3)].index(":")
        out.append(Found(kind, c_start, c_end, (m.start(2), m.end(2)), (colon, colon + 1), c_end,
                         via="transcript" if turn else "colon"))
    return out
