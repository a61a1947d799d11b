"""The README's Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_python_examples() -> None:
    assert _blocks(), "the README should show the library in use"


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_readme_example_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples name files as a reader in the checkout would.
    monkeypatch.chdir(README.parent)
    exec(compile(_blocks()[index], f"README.md block {index}", "exec"), {})
