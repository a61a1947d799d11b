"""The command's files: reports written whole or not at all, never over an input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planmodel._files import FileError, check_not_an_input, same_file, write_atomically


def test_a_new_report_gets_the_mode_a_new_file_would(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_atomically(tmp_path / "report.html", b"<!DOCTYPE html>\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "report.html").read_bytes() == b"<!DOCTYPE html>\n"
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["report.html"]


def test_a_link_to_a_report_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_bytes(b"old\n")
    (tmp_path / "link.md").symlink_to("real.md")
    write_atomically(tmp_path / "link.md", b"new\n")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_bytes() == b"new\n"


def test_a_device_is_written_directly() -> None:
    # /dev/null cannot be renamed over, and there is no report in it to keep.
    write_atomically(Path(os.devnull), b"discarded\n")
    assert Path(os.devnull).exists()


def test_a_report_cannot_be_written_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "report.md"
    with pytest.raises(
        FileError, match=r"cannot write the report to .*: No such file or directory"
    ):
        write_atomically(target, b"x")
    assert not (tmp_path / "no").exists()


def test_same_file_follows_links_and_tolerates_missing_files(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{}")
    (tmp_path / "alias.json").symlink_to(plan)
    assert same_file(plan, tmp_path / "alias.json")
    assert same_file(tmp_path / "." / "plan.json", plan)
    assert not same_file(plan, tmp_path / "missing.json")


def test_an_output_over_an_input_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{}")
    check_not_an_input(tmp_path / "report.md", [("plan", plan)])
    with pytest.raises(FileError, match="is the plan file; refusing to write the report"):
        check_not_an_input(plan, [("plan", plan)])
