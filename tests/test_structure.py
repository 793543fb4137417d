"""The shape of the code, read from the source with ``ast`` (nothing is imported): no module imports
another module's underscore names, no module grows past 450 lines, and no module of the package is
part of an import circle, counting imports inside functions but not those under ``if TYPE_CHECKING:``.
Among the extractors and the knowledge loaders (issue 13), and among the pipeline, its stages, the
ways of running it and the ingest service, not even type-only imports make a circle."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dateline"
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules(under: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(under.rglob("*.py")) if "__pycache__" not in p.parts}


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute name of the module an ``ImportFrom`` reads from."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if _is_package(path) else module.split(".")[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module is imported: top-level statements and those in top-level
    ``if``/``try`` blocks (``if TYPE_CHECKING:`` included), never those inside functions."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If):
            todo += [*node.body, *node.orelse]
        elif isinstance(node, ast.Try):
            todo += [*node.body, *node.orelse, *node.finalbody, *(s for h in node.handlers for s in h.body)]
    return found


def _private_imports() -> list[str]:
    """``module: from X import _name`` for every import of another module's underscore name."""
    found = []
    for module, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{module}: from {_absolute(module, path, node)} import {alias.name}")
    return found


def _all_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import of a module, those inside functions included."""
    return [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"
            or isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import that can run: those inside functions included, those under ``if TYPE_CHECKING:``
    (type hints only) left out, its ``else:`` kept."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            todo += node.orelse
        else:
            todo += ast.iter_child_nodes(node)
    return found


def _targets(module: str, path: Path, node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    """The modules of ``known`` an import reads: ``from pkg import name`` reads the submodule
    ``pkg.name`` when there is one (loading ``pkg`` first, as every submodule import does, which is
    not counted), else ``pkg`` itself."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names} & known
    source = _absolute(module, path, node)
    return {f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names} & known


Finder = Callable[[ast.Module], list[ast.Import | ast.ImportFrom]]


def _import_edges(prefixes: tuple[str, ...], *, find: Finder = _top_level_imports) -> dict[str, dict[str, int]]:
    """Import edges among the modules whose names start with one of ``prefixes``, with the line of
    the first import of each: the imports ``find`` gives (module-level ones unless told)."""
    modules = _modules()
    inside = {m for m in modules if m.startswith(prefixes)}
    edges: dict[str, dict[str, int]] = {m: {} for m in inside}
    for module in inside:
        path = modules[module]
        for node in sorted(find(ast.parse(path.read_text(encoding="utf-8"))), key=lambda n: n.lineno):
            for target in _targets(module, path, node, inside) - {module}:
                edges[module].setdefault(target, node.lineno)
    return edges


def _import_graph(prefixes: tuple[str, ...], *, deep: bool = False) -> dict[str, set[str]]:
    """Import edges among the modules whose names start with one of ``prefixes``: module-level
    imports, or with ``deep`` every import, those inside functions and under ``TYPE_CHECKING`` too."""
    edges = _import_edges(prefixes, find=_all_imports if deep else _top_level_imports)
    return {module: set(targets) for module, targets in edges.items()}


def _describe(component: list[str], edges: dict[str, dict[str, int]]) -> str:
    """One circle through a strongly connected component, each step with its import's line, and
    the component's other modules."""
    inside = set(component)
    start = component[0]
    came_from: dict[str, str] = {}
    frontier = [start]
    while start not in came_from:  # breadth first, back to the start
        following = []
        for module in frontier:
            for target in sorted(set(edges[module]) & inside):
                if target not in came_from:
                    came_from[target] = module
                    following.append(target)
        frontier = following
    path = [start]
    while len(path) == 1 or path[-1] != start:
        path.append(came_from[path[-1]])
    path.reverse()
    steps = " -> ".join(f"{b} (line {edges[a][b]} of {a})" for a, b in zip(path, path[1:]))
    others = sorted(inside - set(path))
    return f"{start} -> {steps}" + (f"; the circle also holds {', '.join(others)}" if others else "")


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.mark.slow  # reads every module of src
def test_no_module_imports_another_modules_private_names():
    assert _private_imports() == []


@pytest.mark.parametrize("module", sorted(_modules(PACKAGE / "extract")))
def test_extract_modules_stay_small(module):
    lines = _modules(PACKAGE / "extract")[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by concern"


@pytest.mark.parametrize("module", sorted(_modules()))
def test_no_module_grows_past_the_limit(module):
    lines = _modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it by concern"


def test_no_import_cycles_anywhere_in_the_package():
    """Every module under src/dateline; an import inside a function counts (it runs, and hides a
    circle rather than breaking it), one under ``if TYPE_CHECKING:`` does not (it never runs)."""
    edges = _import_edges(("dateline",), find=_runtime_imports)
    assert len(edges) > 100  # the walk found the modules
    circles = [_describe(component, edges) for component in _cycles({m: set(t) for m, t in edges.items()})]
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_no_import_cycles_among_the_pipeline_its_stages_and_the_ways_of_running_it():
    graph = _import_graph(("dateline.pipeline", "dateline.parallel", "dateline.distributed", "dateline.stages",
                           "dateline.store.ingest", "dateline.knowledge", "dateline.fingerprint",
                           "dateline.cli.run", "dateline.api.deps"), deep=True)
    assert "dateline.pipeline" not in graph["dateline.parallel"]  # a worker builds its caller's class
    assert _cycles(graph) == []


def test_no_import_cycles_among_extractors_and_knowledge():
    graph = _import_graph(("dateline.extract", "dateline.knowledge"))
    assert len(graph) > 40  # the walk found the modules
    assert _cycles(graph) == []


def test_the_checks_see_a_cycle_and_a_private_import(tmp_path):
    """The helpers themselves: a two-module circle is found, and so is a private import."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    tree = ast.parse("from .x import _hidden\nif True:\n    import os\ndef f():\n    import sys\n")
    assert [type(n).__name__ for n in _top_level_imports(tree)] == ["Import", "ImportFrom"]
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import json\nelse:\n    import os\n"
                     "def f():\n    import sys\n")
    assert sorted(a.name for n in _runtime_imports(tree) for a in n.names) == ["TYPE_CHECKING", "os", "sys"]
    package = tmp_path / "pkg" / "__init__.py"
    known = {"pkg", "pkg.sub", "pkg.mod"}
    submodule = ast.parse("from . import sub, VERSION").body[0]
    assert _targets("pkg.mod", package.with_name("mod.py"), submodule, known) == {"pkg.sub", "pkg"}
    edges = {"a": {"b": 3}, "b": {"c": 5, "a": 9}, "c": {"a": 1}}
    assert _describe(["a", "b", "c"], edges) == "a -> b (line 3 of a) -> a (line 9 of b); the circle also holds c"
