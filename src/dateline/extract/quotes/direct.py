"""Direct quotations: quoted stretches with the attribution beside them.

A quoted stretch is a quotation when a speech cue stands right after it ('"...," he said') or
right before it ('Peskov said: "..."'), or when it continues the quote before it (split by
"he said", or a new paragraph of the same speech). Short quoted phrases with no cue and quoted
words inside a sentence are scare quotes or partial quotes, not direct quotations.
"""

from __future__ import annotations

from dataclasses import replace

from ...knowledge.quote_cues import QuoteCues
from ...nlp import doc_text, token_column
from .common import Found, according_frame, cue_span, is_cue_verb, lemmas, speaker_of, speaker_span, subject_of
from .marks import QuotedStretch, find_quoted
from ..syntax.labels import VERBAL_POS

__all__ = ["direct_quotes"]

_SENTENCE_END = {".", "!", "?"}
_AFTER_OK = set(",!?—–-…:;")
_BEFORE_OK = {":", ",", "that", "—", "–", "-", "(", "["}
_WINDOW = 20
_ATTRIBUTION_START = {"PRON", "PROPN", "VERB", "AUX", "DET", "NOUN", "ADV"}


def _token_index(doc) -> list[int]:
    """Token index for every character offset (the token starting at or before it)."""
    out = [0] * (len(doc_text(doc)) + 1)
    starts = token_column(doc, "idx")
    # a token with its trailing whitespace ends where the next one starts (the last: at the text's end)
    for i, (a, b) in enumerate(zip(starts, [*starts[1:], len(out) - 1])):
        if b > a:
            out[a:b] = [i] * (b - a)
    if len(doc):
        for k in range(doc[-1].idx + len(doc[-1].text), len(out)):
            out[k] = len(doc) - 1
    return out


def _is_mark(token, cues: QuoteCues) -> bool:
    return token.text in cues.open_marks or token.text in cues.close_marks or token.text in cues.both_marks


def _after_window(doc, q: QuotedStretch, index: list[int], cues: QuoteCues) -> list:
    """Tokens after the closing mark up to the end of the sentence (or a new quote)."""
    if q.close_mark is None:
        return []
    i = index[q.close_mark]
    if doc[i].idx <= q.close_mark:
        i += 1
    out = []
    while i < len(doc) and len(out) < _WINDOW:
        t = doc[i]
        if "\n" in t.text or _is_mark(t, cues) or t.text in _SENTENCE_END:
            break
        if not t.is_space:
            out.append(t)
        i += 1
    return out


def _window_end(doc, window: list, fallback: int) -> int:
    """Where an attribution window ends, including its full stop."""
    if not window:
        return fallback
    last = window[-1]
    end = last.idx + len(last.text)
    nxt = last.i + 1
    if nxt < len(doc) and doc[nxt].text in _SENTENCE_END:
        end = doc[nxt].idx + 1
    return end


def _abbreviation(text: str, dot: int, cues: QuoteCues) -> bool:
    """Whether the full stop at ``dot`` ends an initial or a title ("B.", "Mr.", "St.", "U.S.")."""
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot].lstrip("(\"“'‘")
    return bool(word) and ((len(word) == 1 and word.isupper()) or "." in word
                           or word.lower() in cues.abbreviations)


def _sentence_tail(text: str, pos: int, cues: QuoteCues) -> int:
    """The end of the sentence running at ``pos`` (after its full stop and closing marks)."""
    limit = min(len(text), pos + 400)
    closers = {m[0] for m in cues.close_marks | cues.both_marks | cues.single_close}
    i = pos
    while i < limit:
        ch = text[i]
        if ch == "\n":
            return i
        if ch in "!?" or (ch == "." and (i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in closers)
                          and not _abbreviation(text, i, cues)):
            i += 1
            while i < len(text) and text[i] in closers:
                i += 1
            return i
        i += 1
    return pos


def _before_window(doc, q: QuotedStretch, index: list[int], cues: QuoteCues, lower: int) -> list:
    """Tokens before the opening mark back to the start of the sentence."""
    i = index[q.open_mark] - 1
    out = []
    while i >= 0 and len(out) < _WINDOW + 10:
        t = doc[i]
        if t.idx < lower or "\n" in t.text or _is_mark(t, cues) or t.text in _SENTENCE_END:
            break
        if not t.is_space:
            out.append(t)
        i -= 1
    out.reverse()
    return out


def _cue_in(window: list, cues: QuoteCues, *, last: bool):
    """The speech verb (or "according to" frame) of an attribution window."""
    seq = reversed(window) if last else window
    for t in seq:
        if is_cue_verb(t, cues.speech_verbs) or (t.lemma_.lower() in cues.speech_verbs and t.pos_ == "NOUN"
                                                  and t.lower_ in ("says", "said")):
            return t, None
        frame = according_frame(t, cues)
        if frame is not None:
            return t, frame
    return None


_NOT_SPEAKER_DEPS = {"pobj", "npadvmod", "tmod", "poss", "nummod"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _could_speak(token, cues: QuoteCues) -> bool:
    """Whether a noun in an attribution window can head the speaker (not "Monday", "a statement")."""
    return (token.pos_ in ("PROPN", "NOUN", "PRON") and token.dep_ not in _NOT_SPEAKER_DEPS
            and token.ent_type_ not in _NOT_SPEAKER_ENTS and token.lower_ not in cues.audiences)


def _attribution(doc, window: list, cues: QuoteCues, *, last: bool):
    """(speaker span, cue span, cue token) from an attribution window, or None."""
    found = _cue_in(window, cues, last=last)
    if found is None:
        return None
    verb, frame = found
    if frame is not None:
        last_tok, head = frame
        return speaker_span(doc, head), (verb.idx, last_tok.idx + len(last_tok.text)), verb.i
    speaker = speaker_of(verb)
    lo, hi = window[0].idx, window[-1].idx + len(window[-1].text)
    if speaker is not None and not (lo <= speaker[0] < hi) and not last:
        speaker = None
    if speaker is None:
        # inverted order ("said Peskov") or a parse that missed the subject ("X said Monday")
        nouns = [t for t in window if _could_speak(t, cues)]
        before = [t for t in nouns if t.i < verb.i]
        after = [t for t in nouns if t.i > verb.i]
        head = before[-1] if before and (not last or not after) else (after[0] if after else None)
        if head is not None:
            while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.i in {t.i for t in window}:
                head = head.head
            speaker = speaker_span(doc, head)
    return speaker, cue_span(verb, cues), verb.i


def _colon_attribution(doc, window: list, cues: QuoteCues):
    """'X commented: "..."': any clause ending in a colon introduces the quote its subject says."""
    colon = window[-1]
    signed = _dash_signature(doc, window, cues)
    if signed is not None:
        return signed  # "ECONOMY FAVORS TRUMP - David Wasserman: '...'"
    verb = next((t for t in reversed(window) if t.pos_ in VERBAL_POS and subject_of(t) is not None), None)
    if verb is None:
        # a bare name line: "Ana Ruiz, 26, student:"
        names = [t for t in window if t.pos_ == "PROPN" and _could_speak(t, cues)]
        if not names or names[0].i - window[0].i > 2:
            return None
        head = names[0]
        while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN":
            head = head.head
        return speaker_span(doc, head), (colon.idx, colon.idx + 1), colon.i
    return speaker_of(verb), cue_span(verb, cues) if verb.i == colon.i - 1 else (colon.idx, colon.idx + 1), verb.i


# The longest name a dash signs before a colon ("- Frank Newport and Jim Harter:").
_SIGNATURE_WORDS = 6


def _dash_signature(doc, window: list, cues: QuoteCues):
    """A name between a dash and the colon that introduces a quotation ("The interplay has been
    important - Philip Bump: '...'"): that name is the speaker, whatever the clause before says."""
    dash = next((t for t in reversed(window[:-1]) if t.text in _DASHES), None)
    if dash is None:
        return None
    name = [t for t in window if dash.i < t.i < window[-1].i]
    if not name or len(name) > _SIGNATURE_WORDS or not name[0].text[:1].isupper() \
            or not all(t.pos_ == "PROPN" or t.lower_ in ("and", "&", ",") for t in name):
        return None
    head = next((t for t in name if t.dep_ not in ("compound", "flat", "cc", "punct") and t.pos_ == "PROPN"), name[-1])
    if not _could_speak(head, cues) and not head.ent_type_:
        return None
    colon = window[-1]
    return (name[0].idx, name[-1].idx + len(name[-1].text)), (colon.idx, colon.idx + 1), colon.i


_SMALL_WORDS = {"a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with"}


def _is_title(content: str) -> bool:
    """A short stretch in title case ("An American Son", "Meet the Press")."""
    words = [w for w in content.strip(" ,.;:!?").split() if w]
    if not words or len(words) > 5:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words) and words[0][:1].isupper() \
        and not any(w in ("I", "We", "You") for w in words[:1]) and not content.rstrip().endswith(("?", "!"))


_DASHES = {"―", "—", "–", "-", "--"}


def _dash_attribution(doc, window: list, cues: QuoteCues):
    """A quote signed with a dash and a name: '"..." ― Ana Ruiz'."""
    if window[0].text not in _DASHES or len(window) < 2:
        return None
    head = window[1]
    if head.pos_ != "PROPN" or not _could_speak(head, cues):
        return None
    while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN":
        head = head.head
    dash = window[0]
    return speaker_span(doc, head), (dash.idx, dash.idx + len(dash.text)), dash.i


def _colon_before(doc, q: QuotedStretch, index: list[int], cues: QuoteCues):
    """The attribution of a quote that opens a line after a line ending in a colon."""
    colon_tail = doc_text(doc)[:q.open_mark].rstrip()
    if not colon_tail.endswith(":"):
        return None
    back = index[len(colon_tail) - 1]
    window = []
    i = back - 1
    while i >= 0 and doc[i].text not in _SENTENCE_END and "\n" not in doc[i].text and len(window) < 30:
        if not doc[i].is_space:
            window.append(doc[i])
        i -= 1
    window.reverse()
    if not window:
        return None
    return _attribution(doc, window, cues, last=True) or _colon_attribution(doc, window + [doc[back]], cues)


def _continues(text: str, previous: Found, q: QuotedStretch, attribution, cues: QuoteCues) -> bool:
    """Whether a quoted stretch goes on with the previous quote: split by the same attribution
    ('"A," he said, "B."'), or following it with nothing between ('"A," he said. "B."', or a new
    paragraph of the same speech)."""
    if attribution is not None:
        return previous.cue_token is not None and attribution[2] == previous.cue_token
    between = text[previous.tail:q.open_mark] if q.open_mark >= previous.tail else "x"
    return not between.strip(" \t\r\n\u00a0.,;—–-" + "".join(cues.close_marks | cues.both_marks))


def _mixed_start(before: list, attribution, cues: QuoteCues) -> int | None:
    """Where a mixed quote's statement starts, or None for a direct quotation: the quoted words
    follow a comma after the sentence's own opening words ("With thousands of systems, 'there is
    no ...,' he said") and the attribution comes after the quote. (A quotation after "said that"
    stays direct, as the seed stories annotate it.)"""
    if not before or before[-1].text != "," or attribution is None or len(before) < 3:
        return None
    if any(t.lower_ == "that" for t in before[-2:]) or _cue_in(before, cues, last=True) is not None \
            or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "AUX") for t in before[:-1]):
        return None
    return before[0].idx


def _new_statement(doc, content: str, after: list, attribution, cues: QuoteCues) -> bool:
    """Whether the words after a finished quoted sentence open a statement of their own rather
    than attribute the quote: '"She should be ashamed." Reid said both men are ...', '"... like
    you folks." He has reiterated his comments in speeches' (the verb reports a clause or takes
    an object of its own after it; an audience is no such object: '"..." he told reporters')."""
    if content.rstrip("”\"'’ ")[-1:] not in (".", "!", "?") or not after[0].text[:1].isupper():
        return False
    verb = doc[attribution[2]]
    return any(c.dep_ == "ccomp" or (c.dep_ == "dobj" and not lemmas(c) & cues.audiences and c.pos_ != "PRON"
                                     and not (lemmas(verb) & cues.addressee_verbs))
               for c in verb.rights)


def _after_that(doc, before: list, cues: QuoteCues) -> bool:
    """Whether a quotation follows "that" after words of a sentence of its own, not within a run
    of quotations ('"...," he stressed, adding that "..."')."""
    words = [t for t in before if t.text != ","]
    if len(words) < 3 or words[-1].lower_ != "that":
        return False
    first = before[0]
    return not (first.i > 0 and _is_mark(doc[first.i - 1], cues))  # the window stops at an earlier quotation


def _reported_quotation(doc, q: QuotedStretch, before: list, cues: QuoteCues) -> Found | None:
    """A quotation that is the whole clause a statement reports ('Cruz said Tuesday that "the
    only way ..."'): reported speech in the speaker's words, so indirect. Within a run of
    quotations ('"...," he stressed, adding that "..."') it stays direct, as the seed stories
    annotate it; None then, and for any quotation not introduced by "that"."""
    if not _after_that(doc, before, cues):
        return None
    words = [t for t in before if t.text != ","]
    attribution = _attribution(doc, before, cues, last=True)
    if attribution is None or attribution[0] is None:
        return None
    speaker, cue, cue_tok = attribution
    if cue_tok != words[-1].head.head.i and cue_tok != words[-1].head.i:
        return None  # "that" is not what the cue reports ("a claim that ...", "the fact that")
    return Found("indirect", q.open_mark, q.outer_end, speaker, cue, q.outer_end, cue_token=cue_tok)


def _words(text: str) -> int:
    return len(text.split())


def direct_quotes(doc, cues: QuoteCues, *, start: int = 0, end: int | None = None) -> list[Found]:
    """Direct quotations between ``start`` and ``end`` with their attributions, in text order."""
    text = doc_text(doc)
    end = len(text) if end is None else end
    stretches = find_quoted(text, cues, start=start, end=end)
    if not stretches:
        return []
    index = _token_index(doc)
    found: list[Found] = []
    for q in stretches:
        content = text[q.start:q.end].rstrip()
        before = _before_window(doc, q, index, cues, start)
        if before and not (before[-1].text in _BEFORE_OK or is_cue_verb(before[-1], cues.speech_verbs)):
            continue  # quoted words inside a sentence: a partial or scare quote
        utterance = content.rstrip("”\"'’ ")[-1:] in ("!", "?", ".")
        if _is_title(content) or (before and before[-1].text not in _BEFORE_OK and _words(content) < 4
                                  and not (utterance and is_cue_verb(before[-1], cues.speech_verbs))):
            continue  # a title ("A Time for Truth") or a quoted phrase ("a self-described 'geeky kid'")
        after = _after_window(doc, q, index, cues)
        # a quotation ending in a quotation of its own ('... the term 'outreach,' "') ends as that one does
        last_char = content.rstrip(" '’\"”")[-1:] if content.rstrip(" '’\"”") else content[-1:]
        attribution = None
        tail = q.outer_end
        if after:
            if (last_char in _AFTER_OK or after[0].text in _AFTER_OK
                    or (len(after) <= 8 and after[0].pos_ in _ATTRIBUTION_START)):
                attribution = _attribution(doc, after, cues, last=False) or _dash_attribution(doc, after, cues)
                if attribution is not None and _new_statement(doc, content, after, attribution, cues):
                    attribution = None
                if attribution is not None:
                    tail = _sentence_tail(text, after[-1].idx + len(after[-1].text), cues)
                elif before and last_char not in _SENTENCE_END | _AFTER_OK and after[0].text not in _AFTER_OK:
                    continue  # 'saying "on her worst day" she would be ...': the sentence runs on
            elif last_char not in _SENTENCE_END:
                continue  # the sentence runs on after the closing mark: a partial quote
        standalone = not before or before[-1].text in (":", ",") and not any(
            t.pos_ in ("NOUN", "PROPN", "VERB") for t in before[:-1])
        if attribution is None and (reported := _reported_quotation(doc, q, before, cues)) is not None:
            found.append(reported)  # 'Cruz said Tuesday that "the only way ..."'
            continue
        mixed = _mixed_start(before, attribution, cues)
        if mixed is not None:
            # "said that ''the damage is done.''", "With thousands of systems, 'there is no ...,' he
            # said": the quoted words finish a reported sentence, which is the statement
            speaker, cue, cue_tok = attribution if attribution is not None else _attribution(doc, before, cues, last=True)
            found.append(Found("indirect", mixed, q.outer_end, speaker, cue, max(tail, q.outer_end), cue_token=cue_tok))
            continue
        if attribution is None and before:
            attribution = _attribution(doc, before, cues, last=True)
            if attribution is not None and content[:1].islower() and attribution[0] is not None \
                    and before[-1].text == "," and any(t.pos_ in VERBAL_POS and t.idx < attribution[0][0]
                                                       for t in before):
                continue  # "the streets were empty, he added, 'but ...'": one reported sentence
            if attribution is None and before[-1].text == ":":
                attribution = _colon_attribution(doc, before, cues)
        if attribution is None and not before:
            attribution = _colon_before(doc, q, index, cues)
        if found and _continues(text, found[-1], q, attribution, cues):
            found[-1] = replace(found[-1], end=q.end, tail=max(tail, q.outer_end),
                                gaps=found[-1].gaps + ((found[-1].end, q.start),))
            continue
        if attribution is None:
            if not standalone or _words(content) < cues.min_unattributed_words or q.close_mark is None and _words(content) < 12:
                continue
            found.append(Found("direct", q.start, q.end, None, None, q.outer_end, inherit=True))
        else:
            speaker, cue, cue_tok = attribution
            if _words(content) < 2 and not standalone:
                continue
            # after "that" the quotation is part of a reported clause, whichever the parser found
            # ('told them on a regular basis that "..."'): "that" marks it for the stage
            via = "that" if cue is not None and cue[1] <= q.open_mark and _after_that(doc, before, cues) else "clause"
            found.append(Found("direct", q.start, q.end, speaker, cue, tail, cue_token=cue_tok, via=via))
    return found
