"""Every command refuses a mistyped ``--db`` with a message and exit code 2 — before it
opens, creates or upgrades anything (issue: a malformed URL ended in a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

import main

BAD = [
    "postgresql+psycopg://shequ@:notaport/shequ",
    "postgresql+psycopg://shequ@server:99999/shequ",
    "mysql://shequ@server/shequ",
    "://nothing",
]


@pytest.mark.parametrize("url", BAD)
@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export", "residents", "{tmp}/out.xlsx"],
        ["import", "residents", "{tmp}/in.csv"],
        ["report", "--month", "2026-10", "--out", "{tmp}/r.pdf"],
        ["backup", "--to", "{tmp}/b"],
        ["demo"],
    ],
)
def test_a_bad_database_url_is_a_message_not_a_traceback(url, command, tmp_path: Path, capsys):
    argv = [part.format(tmp=tmp_path) for part in command] + ["--db", url]
    assert main.main(argv) == 2
    err = capsys.readouterr().err
    assert "数据库地址无效" in err and url in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written
