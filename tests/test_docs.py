"""The documentation's examples run, and its API page lists every public name.

How the examples are checked: every fenced block whose language is ``python``, in
every Markdown page under ``docs/``, is executed. The blocks of one page run in
order, in one namespace, so a page can build a plan in one block and evaluate it
in the next, the way a reader would type them. Each page starts from a fresh
namespace and a fresh temporary working directory, so files a page writes do not
litter the checkout. Pages are written as if typed at the root of a clone, so
the repository's ``examples/`` folder is made visible in that directory. What a
block should produce is checked by the ``assert`` statements written in the block
itself: the reader sees exactly what is checked.

Shell commands go in ``console`` or ``bash`` blocks, which are not run. A Python
block that cannot run in the test environment is preceded by the MyST comment
line ``% docs-test: skip <reason>``; such blocks are reported as warnings. Other
spellings of Python (``py``, ``pycon``, ``ipython``, …) are refused, so that an
example cannot escape the check by how its fence is written.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import frozen

import planmodel

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

#: Fence languages that are executed.
RUN = frozenset({"python"})
#: Fence languages that are Python under another name: refused, never silently skipped.
REFUSED = frozenset({"py", "python3", "pycon", "ipython", "ipython3"})
#: Directives whose body is code (their argument is the language).
CODE_DIRECTIVES = frozenset({"{code-block}", "{code}", "{sourcecode}", "{code-cell}"})
SKIP_MARK = re.compile(r"^\s*%\s*docs-test:\s*skip\b(?P<reason>.*)$")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")


@frozen
class Block:
    """One fenced code block of a page; ``line`` is the line of its opening fence."""

    page: str
    line: int
    language: str
    code: str
    #: Why the block is not run, when it is marked ``% docs-test: skip``.
    skip: str | None

    def __repr__(self) -> str:
        return f"<{self.language} block at {self.page}:{self.line}>"


def _language(info: str) -> tuple[str, bool]:
    """The language of a fence's info string, and whether the fence holds code."""
    words = info.split()
    if not words:
        return "", True
    if words[0] in CODE_DIRECTIVES:
        return (words[1] if len(words) > 1 else ""), True
    if words[0].startswith("{"):
        return words[0], False  # a directive such as {note}: its body is Markdown
    return words[0], True


def code_blocks(text: str, page: str = "<text>") -> Iterator[Block]:
    """Every fenced code block in MyST *text*, including those nested in directives."""
    lines = text.splitlines()
    open_directives: list[str] = []  # fences of directives whose body is being read
    index = 0
    while index < len(lines):
        found = FENCE.match(lines[index])
        if not found:
            index += 1
            continue
        fence, info = found["fence"], found["info"].strip()
        closes = bool(open_directives) and not info and _closes(fence, open_directives[-1])
        if closes:
            open_directives.pop()
            index += 1
            continue
        language, is_code = _language(info)
        if not is_code:
            open_directives.append(fence)
            index += 1
            continue
        start, indent = index, len(found["indent"])
        body: list[str] = []
        index += 1
        while index < len(lines):
            end = FENCE.match(lines[index])
            if end and not end["info"].strip() and _closes(end["fence"], fence):
                break
            body.append(lines[index][indent:] if lines[index][:indent].isspace() else lines[index])
            index += 1
        index += 1
        yield Block(page, start + 1, language, "\n".join(body) + "\n", _skip_reason(lines, start))


def _closes(candidate: str, opening: str) -> bool:
    return candidate[0] == opening[0] and len(candidate) >= len(opening)


def _skip_reason(lines: list[str], fence_index: int) -> str | None:
    for previous in reversed(lines[:fence_index]):
        if previous.strip():
            mark = SKIP_MARK.match(previous)
            return (mark["reason"].strip() or "marked skip") if mark else None
    return None


def pages() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)


def page_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


# -- the extractor itself ---------------------------------------------------------------


def test_code_blocks_finds_nested_and_marked_blocks() -> None:
    text = "\n".join(
        [
            "# Title",
            "```python",
            "x = 1",
            "```",
            "````{note}",
            "Inside a note:",
            "```python",
            "y = x + 1",
            "```",
            "````",
            "- a list item",
            "  ```console",
            "  $ planmodel --help",
            "  ```",
            "% docs-test: skip needs a module",
            "",
            "```{code-block} python",
            "import not_there",
            "```",
        ]
    )
    blocks = list(code_blocks(text))
    assert [(b.language, b.line, b.skip) for b in blocks] == [
        ("python", 2, None),
        ("python", 7, None),
        ("console", 12, None),
        ("python", 17, "needs a module"),
    ]
    assert blocks[1].code == "y = x + 1\n"
    assert blocks[2].code == "$ planmodel --help\n"


def test_the_documentation_has_executed_examples() -> None:
    # Guards against a page (or the extractor) quietly losing its examples.
    runnable = {
        page_id(path): sum(
            1 for b in code_blocks(path.read_text("utf-8")) if b.language in RUN and not b.skip
        )
        for path in pages()
    }
    expected = ["index.md", "tutorial.md", "concepts.md"]
    expected += [page_id(p) for p in sorted((DOCS / "howto").glob("*.md")) if p.stem != "index"]
    empty = [name for name in expected if not runnable.get(name)]
    assert not empty, f"pages without a runnable python example: {empty}"


#: reStructuredText code directives (inside an eval-rst block), which the extractor does not run.
RST_PYTHON = re.compile(
    r"^\s*\.\. (?:code-block|code|sourcecode)::\s*(?:python|py|pycon)\b|^\s*>>> ", re.MULTILINE
)


@pytest.mark.parametrize("path", pages(), ids=page_id)
def test_no_python_block_escapes_under_another_name(path: Path) -> None:
    text = path.read_text("utf-8")
    refused = [b for b in code_blocks(text, page_id(path)) if b.language in REFUSED]
    assert not refused, f"write these as ```python blocks with asserts: {refused}"
    hidden = [text.count("\n", 0, m.start()) + 1 for m in RST_PYTHON.finditer(text)]
    assert not hidden, f"Python in reStructuredText or >>> prompts at lines {hidden}"


# -- running the examples ---------------------------------------------------------------


@pytest.mark.parametrize("path", pages(), ids=page_id)
def test_page_examples_run(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = page_id(path)
    blocks = [b for b in code_blocks(path.read_text("utf-8"), name) if b.language in RUN]
    if not blocks:
        pytest.skip("no python blocks on this page")
    if (ROOT / "examples").is_dir():
        (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs.{path.stem}"}
    for block in blocks:
        if block.skip is not None:
            warnings.warn(f"not run: {block!r}: {block.skip}", UserWarning, stacklevel=1)
            continue
        # Blank lines before the code keep line numbers in tracebacks those of the page.
        code = compile("\n" * block.line + block.code, str(DOCS / name), "exec", dont_inherit=True)
        exec(code, namespace)


# -- the API page -----------------------------------------------------------------------

# autodoc writes reStructuredText, so the API page holds its directives in eval-rst blocks.
AUTODOC = re.compile(
    r"^\s*\.\. auto(?:class|function|data|exception|module)::\s+(?P<name>[\w.]+)\s*$",
    re.MULTILINE,
)


def documented_names() -> list[str]:
    return AUTODOC.findall((DOCS / "api.md").read_text("utf-8"))


def test_api_page_documents_every_public_name() -> None:
    documented = {name.removeprefix("planmodel.") for name in documented_names()}
    missing = sorted(set(planmodel.__all__) - documented)
    assert not missing, f"add these to docs/api.md: {missing}"


def test_api_page_names_exist() -> None:
    import importlib

    stale = []
    for dotted in documented_names():
        module_name, _, attribute = dotted.rpartition(".")
        try:
            module = importlib.import_module(module_name)
            if attribute:
                getattr(module, attribute)
        except (ImportError, AttributeError):
            try:
                importlib.import_module(dotted)
            except ImportError:
                stale.append(dotted)
    assert not stale, f"docs/api.md documents names that do not exist: {stale}"
