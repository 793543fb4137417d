"""No module keeps a hidden cache (read from the source with ``ast``; nothing is imported).

What a process loads once lives in one explicit object, :class:`dateline.knowledge.cache.KnowledgeCache`
(the pipeline's, or the process's ``SHARED``), or with the object it was built from. So no module
of src/dateline may hold a cache of its own: no ``functools.lru_cache`` / ``functools.cache``
decorator (or call) at module or class level, no module-level container created empty to be
filled at run time (``{}``, ``dict()``, ``set()``, ``[]``, ``OrderedDict()``, weak dictionaries),
and no ``global`` statement that rebinds module state from a function. ``ALLOWED`` names the few
that must stay, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"

CACHE_DECORATORS = frozenset({"lru_cache", "cache"})
EMPTY_CONTAINERS = frozenset({"dict", "set", "list", "OrderedDict", "defaultdict", "WeakKeyDictionary",
                              "WeakValueDictionary", "WeakSet", "deque", "Counter"})

ALLOWED = {
    # Pure memoisation of string functions: the key of a name (norm_key, acronym_key) depends on
    # the name alone (no knowledge, no settings), so the memo can never be stale, and it is bounded
    # (NORM_KEY_MEMO, NORMALIZE_MEMO). The actor coder and the gazetteer ask for the same words
    # many times.
    "dateline.knowledge.actor_codes: lru_cache on norm_key",
    "dateline.knowledge.actor_codes: lru_cache on acronym_key",
    "dateline.knowledge.gazetteer_names: lru_cache on normalize",
    # Answers counted from a database file, kept across the read-only connections a server opens per
    # request (so no connection object can own them), bounded (MAX_KEPT) and keyed by the file's
    # generation, so any commit makes them unreachable. Database answers, not knowledge.
    "dateline.store.generation: module-level empty container _kept",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _name(node: ast.expr) -> str | None:
    """The last name of ``f``, ``functools.f`` or ``f(...)``."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _is_empty_container(value: ast.expr | None) -> bool:
    if isinstance(value, ast.Dict):
        return not value.keys
    if isinstance(value, (ast.List, ast.Set)):
        return not value.elts
    if isinstance(value, ast.Call) and _name(value) in EMPTY_CONTAINERS:
        return not value.args or (_name(value) == "defaultdict" and len(value.args) == 1 and not value.keywords)
    return False


def _module_statements(tree: ast.Module) -> list[ast.stmt]:
    """Statements run when the module is imported, top-level ``if``/``try``/``with`` blocks included."""
    found: list[ast.stmt] = []
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop(0)
        found.append(node)
        if isinstance(node, ast.If):
            todo += [*node.body, *node.orelse]
        elif isinstance(node, ast.Try):
            todo += [*node.body, *node.orelse, *node.finalbody, *(s for h in node.handlers for s in h.body)]
        elif isinstance(node, ast.With):
            todo += node.body
    return found


def module_caches(module: str, source: str) -> list[str]:
    """``module: what`` for every module-lifetime cache in ``source`` (see the module docstring)."""
    found: list[str] = []
    tree = ast.parse(source)
    statements = _module_statements(tree)
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for node in statements:
        if isinstance(node, ast.ClassDef):
            functions += [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = ", ".join(t.id for t in targets if isinstance(t, ast.Name)) or "?"
            if _is_empty_container(node.value):
                found.append(f"{module}: module-level empty container {names}")
            if node.value is not None and any(isinstance(n, ast.Call) and _name(n) in CACHE_DECORATORS
                                              for n in ast.walk(node.value)):
                found.append(f"{module}: lru_cache call for {names}")
    for function in functions:
        if any(_name(d) in CACHE_DECORATORS for d in function.decorator_list):
            found.append(f"{module}: lru_cache on {function.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{module}: global {', '.join(node.names)}")
    return found


def _all_caches() -> list[str]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" not in path.parts:
            found += module_caches(_module_name(path), path.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def caches() -> list[str]:
    """Every module-lifetime cache of src/dateline (parsed once for this file's tests)."""
    return _all_caches()


def test_no_module_keeps_a_cache_of_its_own(caches):
    unexpected = [c for c in caches if c not in ALLOWED]
    assert not unexpected, ("module-level caches (keep them in a KnowledgeCache or on the object they "
                            "derive from):\n" + "\n".join(unexpected))


def test_every_allowed_cache_still_exists(caches):
    """An entry of ALLOWED whose cache is gone is dropped from the list, so the list stays short."""
    assert sorted(ALLOWED - set(caches)) == []


@pytest.mark.parametrize("source, expected", [
    ("from functools import lru_cache\n@lru_cache(maxsize=8)\ndef load(): ...\n", ["m: lru_cache on load"]),
    ("import functools\n@functools.cache\ndef load(): ...\n", ["m: lru_cache on load"]),
    ("import functools\nclass K:\n    @functools.lru_cache\n    def get(self): ...\n", ["m: lru_cache on get"]),
    ("import functools\nlookup = functools.lru_cache(maxsize=4)(len)\n", ["m: lru_cache call for lookup"]),
    ("_PIPELINES: dict[str, int] = {}\n", ["m: module-level empty container _PIPELINES"]),
    ("import collections\nif True:\n    _kept = collections.OrderedDict()\n",
     ["m: module-level empty container _kept"]),
    ("_last = []\n", ["m: module-level empty container _last"]),
    ("_x = None\ndef start():\n    global _x\n    _x = 1\n", ["m: global _x"]),
    # constant tables, caches inside functions and per-instance caches are fine
    ("CODES = {'a': 1}\nWORDS = frozenset()\ndef f():\n    seen = {}\n    return seen\n", []),
    ("import functools\nclass G:\n    def __init__(self):\n        self.lookup = functools.lru_cache(8)(self._lookup)\n",
     []),
    ("from functools import cached_property\nclass K:\n    @cached_property\n    def x(self): ...\n", []),
])
def test_the_check_sees_each_kind_of_cache(source, expected):
    assert module_caches("m", source) == expected
