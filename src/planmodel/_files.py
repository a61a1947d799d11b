"""The command's files: reports written whole or not at all, and inputs kept safe.

A report is written to a temporary file in the same folder and then renamed over
the target, so that a reader (or a second run writing the same file) sees either
the old report or the new one, never an empty, partial or interleaved one, and a
write that fails leaves nothing behind. A report is never written over one of the
files it was made from.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class FileError(Exception):
    """A file cannot be read or written; the message names it and says why."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through links too); ``False`` when either is
    missing."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def check_not_an_input(output: Path, inputs: Iterable[tuple[str, Path]]) -> None:
    """Refuse *output* if it is one of the *inputs* (each a description and a path):
    the report would destroy what it was made from."""
    for what, path in inputs:
        if same_file(output, path):
            raise FileError(
                f"--output {str(output)!r} is the {what} file; refusing to write the report "
                "over an input"
            )


def _new_file_mode() -> int:
    # What open() would give a new file: 0o666 less the umask. The umask can only be
    # read by setting it, so it is set back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* whole or not at all; raise ``FileError`` saying why not.

    A path that is not a regular file (``/dev/null``, a pipe) is written directly:
    it cannot be renamed over, and holds no report to keep.
    """
    target = Path(os.path.realpath(path))
    try:
        if target.exists() and not target.is_file():
            with target.open("wb") as stream:
                stream.write(data)
            return
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise FileError(f"cannot write the report to {str(path)!r}: {_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        raise FileError(f"cannot write the report to {str(path)!r}: {_reason(exc)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
