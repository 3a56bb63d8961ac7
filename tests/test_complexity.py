"""The project rule: no function or method above cyclomatic complexity 25 in the shipped code.

Measured with radon (the same numbers as ``radon cc -s newsarchive spiders pipelines``).  A function
that grows past the limit is split by what its steps do, not into arbitrary chunks.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsarchive", "spiders", "pipelines")
MAX_COMPLEXITY = 25


def _walk(blocks: Iterable[Function | Class]) -> Iterator[Function]:
    """Every function in ``blocks``: methods (of nested classes too) and closures included; a
    class's own complexity is not a function's."""
    for block in blocks:
        if isinstance(block, Class):
            yield from _walk([*block.methods, *block.inner_classes])
        else:
            yield block
            yield from _walk(block.closures)


def _functions(source: str) -> Iterator[Function]:
    """Every function in a module.  ``cc_visit`` lists each method both in its class and on its own,
    so the walk starts from the module-level functions and classes only."""
    blocks = cc_visit(source)
    return _walk(b for b in blocks if isinstance(b, Class) or not b.is_method)


def _offenders() -> list[str]:
    """``path:function (N)`` for each function over the limit."""
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for fn in _functions(path.read_text(encoding="utf-8")):
                if fn.complexity > MAX_COMPLEXITY:
                    out.append(f"{rel}:{fn.fullname} ({fn.complexity})")
    return out


def test_packages_are_present() -> None:
    assert all((ROOT / package).is_dir() for package in PACKAGES)


def test_no_function_above_the_complexity_limit() -> None:
    offenders = _offenders()
    assert not offenders, f"cyclomatic complexity above {MAX_COMPLEXITY}:\n" + "\n".join(offenders)
