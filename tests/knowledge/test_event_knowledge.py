"""The event pattern, word-list and PLOVER code tables: they load, cover PLOVER, and can be extended."""

from __future__ import annotations

import pytest

from dateline.errors import KnowledgeFileError
from dateline.knowledge.cache import SHARED
from dateline.knowledge.event_patterns import load_event_lexicon, load_event_patterns
from dateline.knowledge.plover import PLOVER_TYPES, load_plover_table


def test_every_plover_type_has_patterns_and_a_default_code():
    patterns = SHARED.event_patterns()
    table = SHARED.plover()
    covered = {p.type for p in patterns.patterns}
    assert covered == set(PLOVER_TYPES)
    for type_ in PLOVER_TYPES:
        assert table.lookup(type_) is not None, type_


@pytest.mark.parametrize("type_, quad", [
    ("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("COOPERATE", 2), ("AID", 2), ("RETREAT", 2),
    ("CONCEDE", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4),
    ("MOBILIZE", 4), ("SANCTION", 4), ("COERCE", 4), ("ASSAULT", 4),
])
def test_default_quad_class_by_type(type_, quad):
    assert SHARED.plover().lookup(type_).quad == quad


def test_mode_row_and_fallback_to_type_default():
    table = SHARED.plover()
    assert table.lookup("ASSAULT", "aerial").cameo == "195"
    assert table.lookup("ASSAULT", "no-such-mode") == table.lookup("ASSAULT")
    assert -10.0 <= table.lookup("ASSAULT").goldstein < 0 < table.lookup("AID").goldstein


def test_goldstein_sign_follows_cooperation_or_conflict():
    table = SHARED.plover()
    for (type_, mode), row in table._rows.items():  # noqa: SLF001 - checking the whole data file
        if row.quad in (1, 2):
            assert row.goldstein >= 0, (type_, mode)
        else:
            assert row.goldstein <= 0, (type_, mode)


@pytest.mark.parametrize("lemma, type_", [
    ("attack", "ASSAULT"), ("condemn", "ACCUSE"), ("demand", "REQUEST"), ("refuse", "REJECT"),
    ("threaten", "THREATEN"), ("arrest", "COERCE"), ("expel", "SANCTION"), ("demonstrate", "PROTEST"),
])
def test_patterns_by_lemma(lemma, type_):
    assert type_ in {p.type for p in SHARED.event_patterns().for_lemma(lemma)}


def test_most_specific_pattern_comes_first():
    first = SHARED.event_patterns().for_lemma("hold")[0]
    assert first.objects  # an object-constrained pattern before any bare one


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_user_pattern_file_is_layered(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("patterns:\n  - {lemma: snub, type: REJECT, weight: 0.7}\n", encoding="utf-8")
    patterns = load_event_patterns([extra])
    assert [p.type for p in patterns.for_lemma("snub")] == ["REJECT"]
    assert patterns.for_lemma("attack")  # the packaged ones are still there


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
@pytest.mark.parametrize("body, message", [
    ("patterns:\n  - {lemma: snub, type: SNUB}\n", "not one of the 16 PLOVER types"),
    ("patterns:\n  - {type: REJECT}\n", "lacks the field"),
    ("patterns: [\n", "not valid YAML"),
    ("patterns:\n  - {lemma: snub, type: REJECT, pos: ADV}\n", "pos"),
])
def test_malformed_pattern_file_says_what_is_wrong(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=message):
        load_event_patterns([bad])


def test_user_code_table_overrides_a_row(tmp_path):
    extra = tmp_path / "codes.tsv"
    extra.write_text("type\tmode\tcameo\tquad\tgoldstein\nASSAULT\taerial\t195\t4\t-9.9\n", encoding="utf-8")
    assert load_plover_table((extra,)).lookup("ASSAULT", "aerial").goldstein == -9.9


def test_bad_code_table_row(tmp_path):
    bad = tmp_path / "codes.tsv"
    bad.write_text("type\tmode\tcameo\tquad\tgoldstein\nASSAULT\t\t190\t7\t-10\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="out of range"):
        load_plover_table((bad,))


def test_lexicon_lists_and_user_additions(tmp_path):
    lex = SHARED.event_lexicon()
    assert lex.has("hypothetical_marks", "Whether")
    assert lex.has("speech_verbs", "say")
    extra = tmp_path / "words.yaml"
    extra.write_text("speech_verbs: [opine]\n", encoding="utf-8")
    assert load_event_lexicon([extra]).has("speech_verbs", "opine")


def test_a_word_list_the_coder_does_not_know_is_an_error(tmp_path):
    extra = tmp_path / "words.yaml"
    extra.write_text("speach_verbs: [opine]\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="'speach_verbs' is not one of the event coder's word lists"):
        load_event_lexicon([extra])


def test_asking_for_a_list_no_file_defines_is_an_error():
    with pytest.raises(KeyError, match="no event word list is named 'speach_verbs'"):
        SHARED.event_lexicon().has("speach_verbs", "say")


def test_a_word_list_named_twice_is_an_error(tmp_path):
    extra = tmp_path / "words.yaml"
    extra.write_text("speech_verbs: [opine]\nnegations: [nay]\nspeech_verbs: [muse]\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=r"'speech_verbs' appears twice \(lines 1 and 3\)"):
        load_event_lexicon([extra])


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_a_duplicate_key_in_a_pattern_is_an_error(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("patterns:\n  - {lemma: pounce, type: ASSAULT, object: town, object: city}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="mine.yaml: the key 'object' appears twice"):
        load_event_patterns([extra])


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_a_duplicate_default_in_a_pattern_file_is_an_error(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("defaults:\n  types:\n    strike: ASSAULT\n    strike: PROTEST\npatterns: []\n",
                     encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="'strike' appears twice"):
        load_event_patterns([extra])


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_unquoted_yaml_on_is_the_word_on(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("patterns:\n  - {lemma: pounce, type: ASSAULT, targets: [on, off]}\n", encoding="utf-8")
    (pattern,) = load_event_patterns([extra]).for_lemma("pounce")
    assert pattern.targets == ("on", "off")


def test_nominalizations_point_at_plain_verb_patterns():
    patterns = SHARED.event_patterns()
    assert {p.type for p in patterns.plain_verb_patterns("withdrawal")} == {"RETREAT"}
    assert patterns.plain_verb_patterns("weather") == []


def test_broad_vocabulary_covers_every_type():
    lemmas: dict[str, set[str]] = {}
    for p in SHARED.event_patterns().patterns:
        lemmas.setdefault(p.type, set()).add(p.lemma)
    assert set(lemmas) == set(PLOVER_TYPES)
    for type_ in ("ASSAULT", "COERCE", "ACCUSE", "RETREAT"):  # the frequent types of wire copy
        assert len(lemmas[type_]) >= 90, type_
    for type_ in PLOVER_TYPES:
        assert len(lemmas[type_]) >= 20, type_


@pytest.mark.parametrize("lemma, type_", [
    ("bombard", "ASSAULT"), ("apprehend", "COERCE"), ("excoriate", "ACCUSE"), ("repudiate", "REJECT"),
    ("redeploy", "MOBILIZE"), ("blacklist", "SANCTION"), ("acclaim", "SUPPORT"), ("concur", "AGREE"),
    ("parley", "CONSULT"), ("bankroll", "AID"), ("acquiesce", "CONCEDE"), ("abdicate", "RETREAT"),
    ("entreat", "REQUEST"), ("menace", "THREATEN"), ("vandalize", "PROTEST"), ("recognise", "SUPPORT"),
])
def test_vocabulary_by_lemma(lemma, type_):
    assert type_ in {p.type for p in SHARED.event_patterns().for_lemma(lemma)}


def test_generic_verbs_always_carry_a_constraint():
    for p in SHARED.event_patterns().patterns:
        if p.lemma in ("make", "take", "give", "hold", "put", "set", "have", "get") and p.pos == "VERB":
            assert p.objects or p.particles or p.preps or p.xcomp or p.aux, p


def test_any_object_is_weaker_than_a_named_object():
    hits = SHARED.event_patterns().for_lemma("hold")
    named = next(p for p in hits if p.objects and p.objects[0].lemma != "*")
    assert hits[0].objects and hits[0].objects[0].lemma != "*"
    assert named.specificity >= 2


def test_hand_tuned_file_wins_a_tie_with_the_vocabulary():
    # "deny entry" is SANCTION in event_patterns.yaml; the vocabulary has no entry to outrank it
    first = next(p for p in SHARED.event_patterns().for_lemma("deny") if p.objects)
    assert first.type == "SANCTION"


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_complement_modal_field(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("patterns:\n  - {lemma: reckon, aux: [should], type: REQUEST, control: true}\n",
                     encoding="utf-8")
    pattern = load_event_patterns([extra]).for_lemma("reckon")[0]
    assert pattern.aux == ("should",) and pattern.specificity == 1


def test_object_classes_are_expanded_where_a_pattern_names_them():
    impose = [p for p in SHARED.event_patterns().for_lemma("impose") if p.type == "SANCTION" and not p.loose]
    objects = {o.lemma for p in impose for o in p.objects}
    assert {"sanction", "embargo", "tariff"} <= objects


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_unknown_object_class_says_what_is_wrong(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("patterns:\n  - {lemma: snub, type: REJECT, object: ['@NO_SUCH_CLASS']}\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="object class"):
        load_event_patterns([bad])


def test_a_type_specific_verb_gets_a_loose_object_pattern_last():
    hits = SHARED.event_patterns().for_lemma("sever")
    loose = [p for p in hits if p.loose]
    assert loose and hits[-1].loose and loose[0].type == "SANCTION"
    assert loose[0].objects[0].lemma == "*"
    assert loose[0].weight < max(p.weight for p in hits if not p.loose)
    assert "price" in loose[0].exclude  # an object that contradicts the reading


@pytest.mark.parametrize("lemma", ["make", "take", "hold", "cut", "release"])
def test_generic_or_unconstrained_verbs_get_no_loose_pattern(lemma):
    # generic verbs (strict_verbs) take their meaning from the object; "release" has a bare pattern
    assert not [p for p in SHARED.event_patterns().for_lemma(lemma) if p.loose]


def test_loose_type_settles_a_verb_whose_patterns_disagree():
    patterns = SHARED.event_patterns()
    assert {p.type for p in patterns.for_lemma("impose") if not p.loose} >= {"SANCTION", "COERCE"}
    assert [p.type for p in patterns.for_lemma("impose") if p.loose] == ["SANCTION"]


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_user_file_adds_classes_and_loose_types(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("classes:\n  FORTS: [fort, bastion]\nloose_types: {besiege: COERCE}\n"
                     "patterns:\n  - {lemma: storm, type: ASSAULT, object: ['@FORTS']}\n", encoding="utf-8")
    patterns = load_event_patterns([extra])
    storm = [p for p in patterns.for_lemma("storm") if p.objects and p.objects[0].lemma == "fort"]
    assert storm and {o.lemma for o in storm[0].objects} == {"fort", "bastion"}


def test_object_lists_broaden_to_the_classes_they_share():
    patterns = SHARED.event_patterns()
    cut = [p for p in patterns.for_lemma("cut") if p.type == "SANCTION" and not p.loose]
    assert any("link" in {o.lemma for o in p.objects} for p in cut)  # TIES: tie, relation, ... link
    # a noun another reading of the verb lists stays with that reading: "lift a blockade" retreats
    lift = [p for p in patterns.for_lemma("lift") if p.type == "CONCEDE" and not p.loose]
    assert lift and not any("blockade" in {o.lemma for o in p.objects} for p in lift)
    assert any("blockade" in {o.lemma for o in p.objects} for p in patterns.for_lemma("lift") if p.type == "RETREAT")


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
@pytest.mark.parametrize("body, message", [
    ("loose_types: {snub: SNUB}\n", "not a PLOVER type"),
    ("broaden: {classes: [NO_SUCH_CLASS]}\n", "not defined"),
    ("exclusions: {'*': ['@NO_SUCH_CLASS']}\n", "object class"),
])
def test_malformed_object_policy_says_what_is_wrong(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match=message):
        load_event_patterns([bad])


def test_default_type_settles_a_tie_between_readings():
    patterns = SHARED.event_patterns()
    assert patterns.default_types["protest"] == "PROTEST"
    tied = [p for p in patterns.for_lemma("protest") if p.pos == "VERB" and "against" in p.preps]
    assert [p.type for p in tied][:1] == ["PROTEST"]


def test_an_object_constraint_wins_a_tie_in_specificity():
    strike = [p for p in SHARED.event_patterns().for_lemma("strike") if p.pos == "VERB" and p.specificity == 1]
    assert strike[0].objects and strike[0].type == "ASSAULT"


def test_a_loose_object_pattern_comes_before_a_bare_one():
    hits = SHARED.event_patterns().for_lemma("withdraw")
    kinds = ["bare" if not p.specificity and not p.loose else "loose" if p.loose else "constrained" for p in hits]
    assert kinds == sorted(kinds, key=["constrained", "loose", "bare"].index)


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_user_file_sets_a_default_type(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("defaults:\n  types: {protest: accuse}\n", encoding="utf-8")
    assert load_event_patterns([extra]).default_types["protest"] == "ACCUSE"


def test_governing_types_and_complement_labels_are_listed():
    lexicon = SHARED.event_lexicon()
    assert {"request", "threaten", "accuse", "reject"} <= lexicon.governing_types
    assert lexicon.has("complement_deps", "ccomp") and lexicon.has("cognition_verbs", "believe")


def test_family_vocabulary_files_are_read_after_the_broad_one_and_before_the_hand_tuned():
    from dateline.knowledge.event_patterns import DEFAULT_FILE, VOCABULARY_FILE, VOCABULARY_FILES

    assert VOCABULARY_FILES[0] == VOCABULARY_FILE
    assert all(p.name.startswith("event_vocabulary_") for p in VOCABULARY_FILES[1:])
    assert DEFAULT_FILE not in VOCABULARY_FILES


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_user_file_adds_verb_forms_reversed_patterns_and_of_objects(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("verb_forms: {overran: overrun}\n"
                    "patterns:\n"
                    "  - {lemma: come, prep: [under], object: [siege], type: ASSAULT, reverse: true}\n"
                    "  - {lemma: lift, object: ['state of siege'], type: CONCEDE}\n")
    patterns = load_event_patterns([path])
    assert patterns.verb_lemma("Overran") == "overrun"
    assert patterns.verb_lemma("staged") == "stage"  # a packaged correction
    assert any(p.reverse and p.type == "ASSAULT" for p in patterns.for_lemma("come"))
    terms = [o for p in patterns.for_lemma("lift") if p.type == "CONCEDE" for o in p.objects]
    assert any(o.lemma == "state" and o.of == "siege" and o.text == "state of siege" for o in terms)


@pytest.mark.slow  # compiles a user pattern file with the whole vocabulary
def test_verb_forms_must_be_a_mapping(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("verb_forms: [staged]\npatterns: []\n")
    with pytest.raises(KnowledgeFileError, match="verb_forms"):
        load_event_patterns([path])


# ---- narrowed patterns: what still codes, and the everyday sense that no longer does -----------

def _types_of(nlp, text: str, trigger: str) -> set[str]:
    """The PLOVER types the patterns give the token ``trigger`` in ``text``."""
    from dateline.extract.events.match import match_sentence

    patterns, lexicon = SHARED.event_patterns(), SHARED.event_lexicon()
    doc = nlp(text)
    return {m.pattern.type for sent in doc.sents for m in match_sentence(sent, patterns, lexicon.light_verbs)
            if m.token.text == trigger}


@pytest.mark.parametrize("text, trigger, type_, expected", [
    # releasing people is a RETREAT; releasing a tape, a poll or figures is publishing
    ("The militia released twelve hostages on Sunday.", "released", "RETREAT", True),
    ("The agency released the audio tapes on Friday.", "released", "RETREAT", False),
    ("The campaign released a new poll on Monday.", "released", "RETREAT", False),
    # declining is refusing only with what is declined
    ("The minister declined to meet the envoy.", "declined", "REJECT", True),
    ("Exports declined sharply last year.", "declined", "REJECT", False),
    # a campaign rally is no protest
    ("A rally against the new law drew thousands of students.", "rally", "PROTEST", True),
    ("The senator spoke at a campaign rally in Ohio.", "rally", "PROTEST", False),
    # ordering troops somewhere is deploying them; ordering civilians out is coercion
    ("The president ordered troops to the border.", "ordered", "MOBILIZE", True),
    ("The army ordered the villagers to leave their homes.", "ordered", "COERCE", True),
    ("The judge ordered the company to pay a fine.", "ordered", "MOBILIZE", False),
    # hitting and targeting are force against places, military targets or victims
    ("Rockets hit the town overnight.", "hit", "ASSAULT", True),
    ("The senator hit her rival hard on his record.", "hit", "ASSAULT", False),
    ("Jets targeted an air base near the capital.", "targeted", "ASSAULT", True),
    # pounding a position is shelling; pounding a politician is words
    ("Artillery pounded rebel positions for hours.", "pounded", "ASSAULT", True),
    ("Senator Reid kept pounding Donald Trump as a fraud.", "pounding", "ASSAULT", False),
    # attacks in words
    ("The attack on the embassy killed four guards.", "attack", "ASSAULT", True),
    ("She answered the political attacks on her record.", "attacks", "ASSAULT", False),
    # planning, deciding, being ready: an event only when what is intended is a political act
    ("The two leaders plan to meet in Geneva next week.", "plan", "AGREE", True),
    ("He plans to spend the summer writing a book.", "plans", "AGREE", False),
    ("The rebels said they were ready to negotiate.", "ready", "AGREE", True),
    ("The team was ready to leave for the airport.", "ready", "AGREE", False),
    ("Iran proposed talks with the European Union.", "proposed", "AGREE", True),
    ("The mayor proposed to rename the old park.", "proposed", "AGREE", False),
    # freezing assets is a sanction
    ("The government froze the assets of the former minister.", "froze", "SANCTION", True),
])
def test_narrowed_patterns(nlp, text, trigger, type_, expected):
    assert (type_ in _types_of(nlp, text, trigger)) is expected


def test_threat_noun_needs_whom_it_threatens():
    nouns = [p for p in SHARED.event_patterns().for_lemma("threat") if p.pos == "NOUN" and not p.objects]
    assert nouns and all(p.needs == "target" for p in nouns)


def test_ratifying_a_treaty_is_signing_as_the_code_table_says():
    ratify = [p for p in SHARED.event_patterns().for_lemma("ratify") if not p.objects]
    assert ratify and all((p.type, p.mode) == ("SUPPORT", "sign") for p in ratify)
    assert SHARED.plover().lookup("SUPPORT", "sign").cameo == "057"
