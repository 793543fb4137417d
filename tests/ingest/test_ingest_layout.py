"""Wire layout: navigation, headline, standfirst, captions, credits, dateline and body."""

from __future__ import annotations

import pytest

from dateline.ingest.wire import analyse_layout, split_lines

TASS_LIKE = (
    "All news\n\n"
    "Lavrov says Moscow open to new round of Vienna talks\n\n"
    "The foreign minister said the delegations would meet again soon\n"
    "Russian Foreign Minister Sergei Lavrov Valery Sharifulin/TASS\n"
    "Russian Foreign Minister Sergei Lavrov\n"
    "© Valery Sharifulin/TASS\n\n"
    "VIENNA, November 3. /TASS/. Russia is ready for a new round of talks, Foreign Minister "
    "Sergei Lavrov said on Tuesday.\n\n"
    "\"We have not closed any door,\" he told reporters.\n\n"
    "Share\n"
    "Read more\n"
)


def _kinds(layout, text):
    return [(z.kind, text[z.start:z.end]) for z in layout.zones]


def test_tass_like_story():
    layout = analyse_layout(TASS_LIKE, published="2020-11-03", source="TASS")
    kinds = _kinds(layout, TASS_LIKE)
    assert ("navigation", "All news") in kinds
    assert ("caption", "Russian Foreign Minister Sergei Lavrov") in kinds
    assert ("credit", "Valery Sharifulin/TASS") in kinds
    assert ("credit", "© Valery Sharifulin/TASS") in kinds
    assert ("navigation", "Share") in kinds and ("navigation", "Read more") in kinds
    assert layout.title is not None
    assert layout.title.text == "Lavrov says Moscow open to new round of Vienna talks"
    assert [s.text for s in layout.standfirst] == [
        "The foreign minister said the delegations would meet again soon"]
    dl = layout.dateline
    assert dl is not None
    assert (dl.text, dl.place, dl.date, dl.agency) == ("VIENNA, November 3. /TASS/.", "Vienna", "2020-11-03", "TASS")
    assert layout.body is not None
    assert layout.body.start == dl.start
    assert layout.body.text.endswith("he told reporters.")
    excluded = "".join(TASS_LIKE[z.start:z.end] for z in layout.excluded)
    assert "Russia is ready" not in excluded and "told reporters" not in excluded


def test_glued_trailing_navigation():
    text = "MOSCOW, May 5. /TASS/. The talks ended.\n\nBoth sides condemned the attack.All news"
    layout = analyse_layout(text, published="2021-05-05")
    assert ("navigation", "All news") in _kinds(layout, text)
    assert layout.body is not None and layout.body.text.endswith("condemned the attack.")


@pytest.mark.parametrize("text", [
    "The president met the prime minister on Monday. They discussed trade.",
    "Talks resumed on Monday.\n\nThe delegations met in Geneva.\n\nNo date was set for a new round.",
    "The share of voters rose.\n\nMore people voted than in 2016, officials said.",
])
def test_plain_text_is_all_body(text):
    layout = analyse_layout(text)
    assert layout.dateline is None and layout.excluded == ()
    assert layout.body is not None
    assert (layout.body.start, layout.body.end) == (0, len(text.rstrip()))


def test_headline_without_dateline():
    text = "Ministers agree on grain corridor\n\nThe ministers agreed on Friday to reopen the corridor."
    layout = analyse_layout(text)
    assert layout.title is not None and layout.title.text == "Ministers agree on grain corridor"
    assert layout.body is not None and layout.body.text.startswith("The ministers agreed")


def test_given_title_is_located():
    text = "Menu\n\nSanctions extended for six months\n\nBRUSSELS (AFP) - The EU extended its sanctions."
    layout = analyse_layout(text, title="Sanctions  extended for six months")
    assert layout.title is not None
    assert text[layout.title.start:layout.title.end] == "Sanctions extended for six months"
    assert layout.dateline is not None and layout.dateline.agency == "AFP"


def test_caption_with_sentence_and_credit_in_body():
    text = ("KABUL (Reuters) - Aid trucks crossed the border on Sunday, officials said.\n\n"
            "Trucks wait at the border crossing. REUTERS/Jane Doe\n\n"
            "The United Nations said more convoys would follow.")
    layout = analyse_layout(text)
    kinds = _kinds(layout, text)
    assert ("credit", "REUTERS/Jane Doe") in kinds
    assert ("caption", "Trucks wait at the border crossing.") in kinds
    assert layout.body is not None and layout.body.text.endswith("more convoys would follow.")


@pytest.mark.parametrize("credit", ["AP Photo/Evan Doe", "Photo: AFP", "Getty Images", "© Ivan Petrov/TASS",
                                    "Reuters/John Smith", "(Reporting by Jo Roe in Paris; Editing by Al Doe)",
                                    "Bloomberg via Getty Images", "Sputnik/Ivan Sidorov/Kremlin via REUTERS"])
def test_credit_lines(credit):
    text = f"PARIS (AFP) - Protesters marched on Saturday.\n\n{credit}\n\nPolice used tear gas."
    layout = analyse_layout(text)
    assert ("credit", credit) in _kinds(layout, text)


def test_file_photo_caption():
    text = ("KYIV (Reuters) - Talks resumed on Monday.\n\n"
            "FILE PHOTO: Delegates arrive for talks in Istanbul, March 29, 2022. REUTERS/Jo Roe\n\n"
            "The delegations met for three hours.")
    layout = analyse_layout(text)
    excluded = [text[z.start:z.end] for z in layout.excluded]
    assert "REUTERS/Jo Roe" in excluded
    assert any(e.startswith("FILE PHOTO:") for e in excluded)
    assert "The delegations met for three hours." not in " ".join(excluded)


@pytest.mark.parametrize("line", ["Moscow/Kyiv talks resume", "Putin/Erdogan meeting set for Friday",
                                  "Either/Or"])
def test_slashes_without_agency_are_not_credits(line):
    text = f"{line}\n\nThe talks resumed on Monday."
    assert analyse_layout(text).excluded == ()


def test_body_sentences_never_taken_as_navigation_or_credit():
    text = ("WASHINGTON (AP) - The senator said the share of aid had risen.\n\n"
            "Read more about it in the report, she said.\n\n"
            "Reuters reported the vote on Monday.")
    layout = analyse_layout(text)
    assert layout.excluded == ()


def test_split_lines_offsets():
    text = "  one \r\n\ntwo\n   \nthree"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["one", "two", "three"]
    assert all(text[line.start:line.end] == line.text for line in lines)
    assert [line.blank_after for line in lines] == [True, True, False]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Share\n\nAll news"])
def test_nothing_to_read(text):
    layout = analyse_layout(text)
    assert layout.body is None and layout.dateline is None


def test_byline_is_not_the_headline():
    text = "By Jane Roe and John Doe\n\nMOSCOW (Reuters) - The talks ended on Friday."
    layout = analyse_layout(text)
    assert layout.title is None
    assert [s.text for s in layout.standfirst] == ["By Jane Roe and John Doe"]
    assert layout.dateline is not None and layout.dateline.agency == "Reuters"


def test_given_title_inside_a_paragraph_is_not_taken():
    text = "The minister said sanctions extended for six months would hurt trade.\n\nNo vote was held."
    layout = analyse_layout(text, title="Sanctions extended for six months")
    assert layout.title is None
    assert layout.body is not None and layout.body.start == 0


def test_given_title_with_added_full_stop():
    text = "Ministers meet in Geneva.\n\nThe ministers met on Monday."
    layout = analyse_layout(text, title="Ministers meet in Geneva")
    assert layout.title is not None and layout.title.text == "Ministers meet in Geneva."
    assert layout.body is not None and layout.body.text == "The ministers met on Monday."
