"""Functions made on first use: complete before any other thread calls them."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from planmodel._made_once import MadeOnce


def test_another_thread_waits_for_a_function_being_made() -> None:
    functions: MadeOnce[Callable[[], str]] = MadeOnce()
    begun = threading.Event()
    parts: dict[str, str] = {}

    def make() -> Callable[[], str]:
        def function() -> str:
            return parts["word"]  # a KeyError while it is half made

        functions.begin("greeting", function)
        begun.set()
        time.sleep(0.2)  # what it calls is still being made
        parts["word"] = "xin chào"
        return function

    maker = threading.Thread(target=functions.get, args=("greeting", make))
    maker.start()
    assert begun.wait(5)
    found = functions.get("greeting", lambda: pytest.fail("made twice"))
    assert found() == "xin chào"
    maker.join()


def test_a_function_being_made_is_given_to_those_it_calls() -> None:
    functions: MadeOnce[Callable[[int], int]] = MadeOnce()

    def make() -> Callable[[int], int]:
        def countdown(n: int) -> int:
            return 0 if n == 0 else 1 + inner(n - 1)

        functions.begin("countdown", countdown)
        inner = functions.get("countdown", lambda: pytest.fail("made twice"))
        return countdown

    assert functions.get("countdown", make)(3) == 3


def test_functions_half_made_when_making_failed_are_not_kept() -> None:
    functions: MadeOnce[Callable[[], str]] = MadeOnce()

    def failing() -> Callable[[], str]:
        functions.begin("word", lambda: "half made")
        raise RuntimeError("no hook for this type")

    with pytest.raises(RuntimeError):
        functions.get("word", failing)
    assert functions.get("word", lambda: lambda: "made again")() == "made again"
