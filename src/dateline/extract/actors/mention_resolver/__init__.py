"""The mention resolver: what a pronoun, title, short name or counted group stands for, across the
article. One resolver for quotes, actors and events, its strategies named and tried in order:

- names (:mod:`.names`, :data:`NAME_STRATEGIES`): on the actor stage's mentions, a short name or
  title takes the person named in full ("Peskov", "the Kremlin spokesman" -> Dmitry Peskov), a
  body's short name the one body it is a word of, a name the title set in apposition beside it;
- article (:mod:`.article`, :func:`resolve_mention`): a mention takes the coded actor over its
  words, a surname the full name given earlier, a pronoun an earlier compatible speaker or person
  (gender, number, person vs. organisation), a definite description the earlier actor introduced
  with the same role noun; anonymous mentions ("a source") stay unresolved;
- parse (:mod:`.parse`): a pronoun's antecedent up its clause chain and in the sentences before,
  "the two countries" the pair coordinated before;
- references (:data:`REFERENCE_STRATEGIES`): what the event coder tries on a role noun, in order.

A resolved mention keeps both spans: its own (``start``/``end``/``text``) and the antecedent's
(``Actor.antecedent``), with ``kind`` "resolved" on output (:func:`resolved`, :func:`marked`).
"""

from .article import resolve_mention
from .names import NAME_STRATEGIES, link_names
from .resolver import REFERENCE_STRATEGIES, MentionResolver
from .spans import gender_of, marked, mention_span, refers_to, resolved

__all__ = ["MentionResolver", "REFERENCE_STRATEGIES", "NAME_STRATEGIES", "link_names", "resolve_mention",
           "resolved", "marked", "refers_to", "mention_span", "gender_of"]
