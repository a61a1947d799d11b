"""Functions made on first use and shared by threads: the fast structuring and
unstructuring functions (:mod:`planmodel._fast_structure`,
:mod:`planmodel._fast_unstructure`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["MadeOnce"]

F = TypeVar("F")


class MadeOnce(Generic[F]):
    """Functions made on first use, one per key, and shared by every thread.

    A function may call others made with it, itself among them (a measure holds
    measures): it is registered before it is complete (:meth:`begin`), so that the
    functions made for it can call it back. Other threads see a function only once it
    and every function made with it are complete (:attr:`ready`); until then they wait
    for the thread making them, rather than call a function half made.
    """

    def __init__(self) -> None:
        #: The complete functions, by key: read without the lock.
        self.ready: dict[Any, F] = {}
        self._begun: dict[Any, F] = {}
        self._lock = threading.RLock()
        self._depth = 0

    def get(self, key: Any, make: Callable[[], F]) -> F:
        """The function of *key*, made by ``make()`` the first time it is asked for."""
        try:
            return self.ready[key]
        except KeyError:
            pass
        with self._lock:
            if key in self.ready:
                return self.ready[key]
            if key in self._begun:
                return self._begun[key]  # asked for by a function being made
            self._depth += 1
            try:
                found = self._begun.setdefault(key, make())
            except BaseException:
                if self._depth == 1:
                    self._begun.clear()  # half made: none of them is kept
                raise
            finally:
                self._depth -= 1
            if not self._depth:
                self.ready.update(self._begun)
                self._begun.clear()
            return found

    def begin(self, key: Any, function: F) -> None:
        """Register *function* under *key* before it is complete, for those it calls."""
        self._begun[key] = function

    def write(
        self, key: Any, source: str, names: dict[str, Any], makers: Sequence[Callable[[], Any]]
    ) -> F:
        """The function *source* defines as ``function``, with *names*: registered under
        *key* before the functions it calls as ``make0``, ``make1``, … are made, each by
        its maker, since one of them may lead back to it."""
        exec(source, names)  # source written by the caller, from attrs fields' names
        function: F = names["function"]
        self.begin(key, function)
        for index, make in enumerate(makers):
            names[f"make{index}"] = make()
        return function
