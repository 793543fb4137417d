"""The shape of the code, read from the source with ``ast`` (nothing is imported): no module imports
another module's underscore names, no module grows past 450 lines, the extractors and the knowledge
loaders import each other without circles (issue 13), and neither do the pipeline, its stages, the
ways of running it and the ingest service, counting imports inside functions too."""

from __future__ import annotations

import ast
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


def _import_graph(prefixes: tuple[str, ...], *, deep: bool = False) -> dict[str, set[str]]:
    """Import edges among the modules whose names start with one of ``prefixes``: module-level
    imports, or with ``deep`` every import, those inside functions too."""
    modules = _modules()
    inside = {m for m in modules if m.startswith(prefixes)}
    graph: dict[str, set[str]] = {m: set() for m in inside}
    find = _all_imports if deep else _top_level_imports
    for module in inside:
        path = modules[module]
        for node in find(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                source = _absolute(module, path, node)
                # "from .pkg import name": the package, and the submodule when ``name`` is one
                targets = [source, *(f"{source}.{a.name}" for a in node.names)]
            graph[module] |= {t for t in targets if t in inside and t != module}
    return graph


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
