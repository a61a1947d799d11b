"""Optional dependencies, imported only by the features that need them.

planmodel itself needs attrs and cattrs alone. Excel workbooks need openpyxl (the
extra ``excel``) and DataFrames pandas (the extra ``pandas``); each is imported when
a feature first uses it, and its absence is said with the extra that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MissingExtra", "require"]


class MissingExtra(ModuleNotFoundError):
    """A feature needs a package of an optional extra that is not installed."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """The module *module*, or a :class:`MissingExtra` naming the *extra* that
    installs it and the *feature* that needs it.

    >>> require("json", "none", "a test").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        raise MissingExtra(
            f"{feature} needs {module.split('.', maxsplit=1)[0]}, which is not installed: "
            f'pip install "planmodel[{extra}]"',
            name=exc.name,
        ) from None
