"""Which statement is the quote: attributions after the whole statement, relative clauses with
nothing to report (short texts written for these tests)."""

from __future__ import annotations

import pytest

from helpers import quote_triples as triples, quotes_of as run


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor had promised the workers a raise in the spring, but the council rejected the plan, an aide added.",
     "The mayor had promised the workers a raise in the spring, but the council rejected the plan", "an aide"),
    ("The convoy was meant to leave at dawn, but the drivers refused to move until noon, one official said.",
     "The convoy was meant to leave at dawn, but the drivers refused to move until noon", "one official"),
])
def test_a_final_attribution_reports_all_the_clauses_before_it(nlp, text, content, speaker):
    assert ("indirect", content, speaker) in triples(run(nlp, text))


def test_a_relative_subject_leaves_no_gap_to_report(nlp):
    found = triples(run(nlp, "Ms. Berg, who spoke at the rally on Friday, said the tax would be repealed."))
    assert found == [("indirect", "the tax would be repealed", "Ms. Berg")]
