"""norm_key's ASCII fast path gives the key the full Unicode path gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.knowledge.actor_codes import norm_key


def _unicode_path(text: str) -> str:
    """The key read the long way for every text (NFKD, combining marks dropped, casefolded)."""
    text = unicodedata.normalize("NFKD", text.translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'",
                                                                       "‐": "-", "‑": "-", "–": "-"})))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"(?<![\w.])(?:\w\.){2,}", lambda m: m.group().replace(".", ""), text)
    text = text.replace(".", " ").replace("-", " ")
    return " ".join(text.split())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ.-' `´’‐–éÉßİǰ \t\nU.S.Ö"), max_size=20))
def test_fast_path_is_the_unicode_path(text):
    assert norm_key(text) == _unicode_path(text)


def test_ascii_keys():
    assert norm_key("U.S.-led") == "us led"
    assert norm_key("The `Kremlin`") == "the 'kremlin'"
    assert norm_key("Côte d’Ivoire") == "cote d'ivoire"
