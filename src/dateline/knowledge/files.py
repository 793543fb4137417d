"""Reading knowledge files: one YAML mapping per file, with errors that name the file and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeFileError

__all__ = ["read_yaml_mapping", "DuplicateKeyError"]


# libyaml's parser when PyYAML was built with it (several times faster on the pattern files), the
# pure-Python one otherwise; both construct with the safe constructor
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.YAMLError):
    """A mapping of a YAML file names the same key twice (YAML itself keeps the last silently)."""


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe loader that refuses a mapping with the same key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            try:
                if key in first:
                    raise DuplicateKeyError(f"the key {key!r} appears twice (lines {first[key]} and {line}): "
                                            "keep one")
            except TypeError:  # an unhashable key: the base loader reports it
                break
            first[key] = line
        return super().construct_mapping(node, deep=deep)


def read_yaml_mapping(path: Path, *, what: str, keys: str = "", unique_keys: bool = False) -> dict[str, Any]:
    """The mapping at the top of the YAML file ``path`` (empty for an empty file).

    ``what`` names the kind of file in messages ("wire knowledge file"); ``keys`` lists some
    expected keys to show when the file holds something else. With ``unique_keys`` a mapping
    that names a key twice is an error (YAML would keep the last one silently).
    """
    try:
        with open(path, encoding="utf-8") as handle:
            if unique_keys:
                data = yaml.load(handle, Loader=_UniqueKeyLoader) or {}  # noqa: S506 - a SafeLoader
            else:
                data = yaml.load(handle, Loader=_SafeLoader) or {}  # noqa: S506 - a SafeLoader
    except DuplicateKeyError as exc:
        raise KnowledgeFileError(f"{what} {path}: {exc}") from exc
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
