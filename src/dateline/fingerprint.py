"""What an article record depends on, as hashes: the input, and the code, model, knowledge and settings
that analyse it. Equal hashes mean a new parse would give the same record, so ``ingest`` compares
them before parsing and skips an article it already holds.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path

from .knowledge.cache import SHARED
from .version import __version__
from .records import SourceDocument
from .settings import Settings

__all__ = ["settings_fingerprint", "input_hash"]

_PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".csv", ".txt", ".json", ".jsonl", ".npz"}


def _package_digest() -> str:
    """A hash of dateline's own code, packaged knowledge files and the shipped event model (about
    8 MB: tens of milliseconds; kept in :data:`~dateline.knowledge.cache.SHARED`)."""
    return SHARED.get("package digest", (), _digest_package)


def _digest_package() -> str:
    """Compute :func:`_package_digest`."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _model_identity(model: str | None) -> str:
    """The pipeline that will be loaded, with its installed version."""
    from .nlp import resolve_model

    name = resolve_model(model)
    if "/" in name:
        meta = Path(name) / "meta.json"
        return name + "@" + (hashlib.sha256(meta.read_bytes()).hexdigest() if meta.is_file() else "?")
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}@{importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return name


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


def _coder_identity(coder: str) -> str:
    """``model`` or ``rules``, or a trained model file with a hash of its contents."""
    return coder if coder in ("model", "rules") else f"{coder}@{_file_digest(Path(coder))}"


def settings_fingerprint(settings: Settings) -> str:
    """A hash of everything besides the input that a record depends on: dateline's code and data,
    the spaCy pipeline and its version, the user's knowledge files and the settings that change output."""
    extra = {kind: [_file_digest(p) for p in getattr(settings, kind)]
             for kind in ("actor_files", "wire_files", "time_files", "event_files", "quote_files",
                          "event_word_files", "plover_files", "geo_word_files")}
    payload = {"code": _package_digest(), "model": _model_identity(settings.model),
               "date_order": settings.date_order, "places": settings.places,
               "place_embedded": settings.place_embedded, "place_demonyms": settings.place_demonyms,
               "gazetteer": str(settings.gazetteer) if settings.gazetteer else None, "files": extra,
               "segment_chars": settings.segment_chars, "event_coder": _coder_identity(settings.event_coder),
               "min_confidence": settings.min_confidence, "scene_actors": settings.scene_actors}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def input_hash(source: SourceDocument, fingerprint: str) -> str:
    """A hash of one input as read (text and given metadata) and the run's fingerprint."""
    payload = json.dumps([source.text, source.id, source.published, source.source, source.title, source.url,
                          fingerprint], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
