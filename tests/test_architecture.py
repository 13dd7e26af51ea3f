"""The house rules that import-linter cannot see: no reaching up through the ORM or the
app registry, no private Django API, no module too long to read."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["filmmaker", "awards", "films", "people", "editorial", "core"]
# Lower layers first: a package may name models of its own layer and the ones after it.
LAYERS = list(reversed(PACKAGES))


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_the_import_contract_holds():
    # The same contract `make test` checks first, so running pytest alone also enforces it.
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([linter, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_reaches_up_or_into_private_api(path):
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "model" and isinstance(node.value, ast.Attribute) and node.value.attr == "field":
            found.append(f"line {node.lineno}: reaches a model through .field.model")
        if isinstance(node, ast.Attribute) and node.attr == "get_model":
            found.append(f"line {node.lineno}: looks a model up by name (get_model)")
        if isinstance(node, ast.ImportFrom) and any(alias.name.startswith("_") for alias in node.names):
            found.append(f"line {node.lineno}: imports a private name from {node.module}")
        # A string model reference ("films.Film") may name only its own layer or a lower one.
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.count(".") == 1:
            app, _dot, name = node.value.partition(".")
            here = path.relative_to(ROOT).parts[0]
            if app in LAYERS and name[:1].isalpha() and LAYERS.index(app) > LAYERS.index(here):
                found.append(f"line {node.lineno}: names {node.value!r}, a layer above {here}")
    assert not found, f"{path.relative_to(ROOT)}: " + "; ".join(found)


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small_enough_to_read(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= 300, f"{path.relative_to(ROOT)} has {lines} lines: split it by what it does"
