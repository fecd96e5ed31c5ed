"""The layout's contracts are not decoration: breaking a line of the layout breaks the tests.

Each case copies the code to a temporary folder, adds one import that the layout forbids
and expects import-linter to report the contract it breaks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

VIOLATIONS = [
    pytest.param(
        "ui/requests/today_page.py",
        "import ui.love_bank.volunteers_page",
        "ui: shell above independent jobs above widgets",
        id="a page imports another job's page",
    ),
    pytest.param(
        "desktop/love_bank/ledger.py",
        "import desktop.requests.clocks",
        "desktop: composition above independent jobs above the register and the kernel",
        id="a job's core imports another job's core",
    ),
    pytest.param(
        "ui/widgets/forms.py",
        "import ui.requests.detail",
        "ui: shell above independent jobs above widgets",
        id="a shared widget imports a job",
    ),
    pytest.param(
        "desktop/common/masking.py",
        "import PySide6.QtCore",
        "Qt lives only in ui",
        id="the core imports Qt",
    ),
    pytest.param(
        "ui/residents/page.py",
        "import sqlalchemy",
        "No SQL in ui",
        id="a page imports SQLAlchemy",
    ),
    pytest.param(
        "desktop/requests/clocks.py",
        "import desktop.requests.service",
        "No import cycles inside a package",
        id="an import cycle inside a job",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("module", "line", "contract"), VIOLATIONS)
def test_breaking_the_layout_breaks_a_contract(tmp_path: Path, module: str, line: str, contract: str):
    for name in ("db", "desktop", "ui"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")

    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0, result.stdout
    assert f"{contract} BROKEN" in result.stdout
    # The report names the very import that was added, not some other breach.
    dotted = module.removesuffix(".py").replace("/", ".")
    assert dotted in result.stdout or "." + dotted.rsplit(".", 1)[1] in result.stdout, result.stdout
