"""Named sets of dependency labels (the parser's ClearNLP / OntoNotes scheme), so that rules say
what they look for ("a subject", "an object") instead of repeating string literals.

Each set is a frozenset for membership tests (``tok.dep_ in SUBJECTS``); a rule that needs an
order keeps its own tuple.
"""

from __future__ import annotations

__all__ = ["SUBJECTS", "ACTIVE_SUBJECTS", "OBJECTS", "PREP_OBJECTS", "PREP_LIKE", "CLAUSES", "NOUN_MODIFIERS",
           "COMPLEMENTS", "VERBAL_POS", "NOMINAL_POS"]

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
"""A clause's subject, active or passive."""

ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
"""An active clause's subject (nominal or clausal)."""

OBJECTS = frozenset({"dobj", "obj"})
"""A verb's direct object (ClearNLP and UD spellings)."""

PREP_OBJECTS = frozenset({"pobj", "pcomp"})
"""What a preposition governs: a noun or a clause."""

PREP_LIKE = frozenset({"prep", "dative", "agent"})
"""Relations that hang a preposition-like word on its head (``to X``, the ``by`` agent)."""

CLAUSES = frozenset({"advcl", "acl", "relcl", "ccomp"})
"""Subordinate clauses hung on a head."""

COMPLEMENTS = frozenset({"xcomp", "ccomp"})
"""Clausal complements: controlled (``agreed to talk``) or with a subject of their own."""

NOUN_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})
"""Words before a noun that may name its owner or nationality."""

VERBAL_POS = frozenset({"VERB", "AUX"})
"""Parts of speech of verbs, auxiliaries included."""

NOMINAL_POS = frozenset({"NOUN", "PROPN"})
"""Parts of speech of nouns, proper nouns included."""
