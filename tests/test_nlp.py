"""The NLP backbone: model resolution, masking and zone-aware tokenization."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import ModelNotFoundError
from dateline.nlp import COLUMNS, masked_text, resolve_model, token_column, token_columns, tokenize
from dateline.records import Layout, Zone


def test_unknown_model_names_the_pip_command():
    with pytest.raises(ModelNotFoundError, match="pip install"):
        resolve_model("en_core_web_nonexistent")


def test_default_model_is_installed():
    assert resolve_model(None)


def _layout(zones):
    return Layout(zones=tuple(zones), title=None, standfirst=(), dateline=None, body=None)


def test_masking_blanks_excluded_zones_and_keeps_length():
    text = "Title\n© Photo/TASS\nBody text here."
    layout = _layout([Zone("title", 0, 5), Zone("credit", 6, 18), Zone("body", 19, len(text))])
    masked = masked_text(text, layout)
    assert len(masked) == len(text)
    assert masked[6:18].strip() == "" and masked[19:] == text[19:] and masked[:6] == text[:6]


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_masking_never_changes_length(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert len(masked_text(text, _layout([Zone("caption", start, end)]))) == len(text)


def test_line_breaks_and_zone_breaks_start_sentences(nlp):
    text = "Kremlin says talks go on\n\nMOSCOW, March 4. /TASS/. Russia and Turkey held talks."
    doc = nlp(tokenize(nlp, text, [text.index("Russia")]))
    starts = [s.start_char for s in doc.sents]
    assert text.index("MOSCOW") in starts
    assert text.index("Russia") in starts


def test_lowercase_continuation_line_does_not_break(nlp):
    text = "The minister said the talks would\ncontinue next week in Geneva."
    doc = nlp(text)
    assert len([s for s in doc.sents if s.text.strip()]) == 1


def test_token_columns_read_what_the_tokens_say(nlp):
    doc = nlp("Dr. Åsa Lind met NATO's envoy in São Paulo on Monday.\n\nTHE TALKS (2020) -- went on, said \u201cLind\u201d.")
    for name in COLUMNS:
        assert token_column(doc, name) == [getattr(t, name) for t in doc], name
    assert token_column(doc, "lower_") is token_column(doc, "lower_")  # read once per document
    assert token_column(nlp(""), "text") == []
    assert token_columns(nlp("Two words."), ("text", "idx")) == (["Two", "words", "."], [0, 4, 9])
