"""Reading knowledge files: one YAML mapping per file, with errors that name the file and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeFileError

__all__ = ["read_yaml_mapping"]


def read_yaml_mapping(path: Path, *, what: str, keys: str = "") -> dict[str, Any]:
    """The mapping at the top of the YAML file ``path`` (empty for an empty file).

    ``what`` names the kind of file in messages ("wire knowledge file"); ``keys`` lists some
    expected keys to show when the file holds something else.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except FileNotFoundError as exc:
        raise KnowledgeFileError(f"cannot read {what} {path}: it does not exist; check the path") from exc
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read {what} {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(f"{what} {path} is not valid YAML ({exc}): fix the file or leave it out") from exc
    if not isinstance(data, dict):
        expected = f" ({keys}, ...)" if keys else ""
        raise KnowledgeFileError(f"{what} {path} must hold a mapping{expected} at the top level, "
                                 f"not a {type(data).__name__}")
    return data
