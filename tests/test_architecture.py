"""The package map holds: imports only point down the pipeline, and the runtime never imports evaluation code.

ARCHITECTURE.md draws the same map. A package may import the base modules and any package
listed before it; only the assembly modules (the library API, the CLIs, the one pipeline
declaration, source building, the cluster runner) may import across the whole tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

#: Packages in pipeline order; the first entry is the base every package may use.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"newsfuse", "model", "config", "errors", "ids", "pipeline", "progress", "words", "unionfind", "vectors"}),
    frozenset({"ingest"}),
    frozenset({"clean"}),
    frozenset({"nlp"}),
    frozenset({"dates", "sources"}),  # sources: a RawDocument cleaned and dated into a Source
    frozenset({"wire"}),
    frozenset({"entities"}),
    frozenset({"timeline"}),
    frozenset({"figures"}),
    frozenset({"summary"}),
    frozenset({"render"}),
    frozenset({"cluster"}),
    frozenset({"store"}),
    frozenset({"serve"}),
    frozenset({"api", "cli", "cli_options", "stages", "__main__"}),
)
#: Modules that assemble the packages and so may import any of them.
ASSEMBLY = frozenset({
    "newsfuse.api", "newsfuse.cli", "newsfuse.cli_options", "newsfuse.stages", "newsfuse.sources",
    "newsfuse.cluster.api", "newsfuse.cluster.cli", "newsfuse.cluster.output", "newsfuse.__main__",
    "newsfuse.serve.jobs",  # briefs a story into a new version, as cluster.output does
})


def _module(path: Path, root: Path = SRC) -> tuple[str, str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    package = ".".join(parts[:-1])
    if parts[-1] == "__init__":
        parts = parts[:-1]
        package = ".".join(parts)
    return ".".join(parts), package


def imports(path: Path, root: Path = SRC) -> set[str]:
    """Every module ``path`` imports, top-level or inside a function, made absolute."""
    _, package = _module(path, root)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def layer(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "newsfuse"
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS and ARCHITECTURE.md")


def violations(root: Path = SRC) -> list[str]:
    out = []
    for path in sorted((root / "newsfuse").rglob("*.py")):
        module, _ = _module(path, root)
        for target in imports(path, root):
            if target.startswith("newsfuse_eval"):
                out.append(f"{module} imports evaluation code {target}")
            elif target.startswith("newsfuse.") and module not in ASSEMBLY:
                mine, theirs = layer(module), layer(target)
                if theirs > mine:
                    out.append(f"{module} (layer {mine}) imports {target} (layer {theirs}), which comes later")
    return out


def test_imports_point_down_the_pipeline() -> None:
    assert violations() == []


def test_the_check_catches_upward_and_evaluation_imports(tmp_path: Path) -> None:
    wire = tmp_path / "newsfuse" / "wire"
    wire.mkdir(parents=True)
    (wire / "copy.py").write_text("def f():\n    from ..summary.stage import summarize\n", encoding="utf-8")
    (wire / "score.py").write_text("from newsfuse_eval.figures import score\nfrom ..model import Span\n", encoding="utf-8")
    found = violations(tmp_path)
    assert len(found) == 2, found
    assert "newsfuse.summary.stage" in found[0] and "evaluation code" in found[1]


def test_every_package_is_placed() -> None:
    for path in (SRC / "newsfuse").iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            layer(f"newsfuse.{path.name}.x")
