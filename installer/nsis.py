"""Fills the installer script template (``installer/shequ.nsi.in``) for makensis.

    uv run python installer/nsis.py --dist out/installer/dist/shequ \\
        --setup out/installer/shequ-setup-0.1.0.exe --out out/installer/shequ.nsi

The version comes from pyproject.toml (the one version number of the app), the names
from :mod:`installer.bundle`, so the installer, the version information of ``shequ.exe``
and the app's data folder cannot drift apart. The result is written as UTF-8 with a
byte-order mark: makensis reads a file without one in the system's ANSI code page, which
would garble the Chinese texts. A placeholder the template uses but nobody fills is an
error, not an empty string.

Used by ``installer/build.ps1`` (Windows) and ``installer/linux_check.sh`` (CI).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping
from pathlib import Path, PureWindowsPath

if __package__ in (None, ""):  # run as a script: make ``installer`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from installer import bundle

TEMPLATE = bundle.ROOT / "installer" / "shequ.nsi.in"
PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")
BOM = "\ufeff"


def data_dir() -> str:
    """The app's data folder as NSIS writes it: platformdirs' ``user_data_dir`` on
    Windows, ``%LOCALAPPDATA%\\<author>\\<app>`` (desktop.common.config)."""
    return str(PureWindowsPath("$LOCALAPPDATA", bundle.PUBLISHER, bundle.APP_ID))


def setup_name(version: str | None = None) -> str:
    """The installer's file name: ``shequ-setup-0.1.0.exe``."""
    return f"{bundle.NAME}-setup-{version or bundle.project_version()}.exe"


def values(dist: Path, setup: Path) -> dict[str, str]:
    """What the placeholders of the template stand for."""
    version = bundle.project_version()
    return {
        "VERSION": version,
        "VERSION4": ".".join(str(n) for n in bundle.windows_version(version)),
        "PRODUCT": bundle.PRODUCT,
        "SHORTCUT": bundle.SHORTCUT,
        "APP_ID": bundle.APP_ID,
        "PUBLISHER": bundle.PUBLISHER,
        "EXE": f"{bundle.NAME}.exe",
        "CLI_EXE": f"{bundle.CLI_NAME}.exe",
        "DATA_DIR": data_dir(),
        "ICON": str((bundle.ROOT / bundle.ICON).resolve()),
        "DIST": str(dist.resolve()),
        "OUTFILE": str(setup.resolve()),
    }


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(text: str, filled: Mapping[str, str]) -> str:
    """``text`` with every ``@NAME@`` replaced; KeyError names one nobody filled."""
    missing = placeholders(text) - filled.keys()
    if missing:
        raise KeyError(f"no value for {', '.join(sorted(missing))}")
    for name, value in filled.items():
        if '"' in value:
            raise ValueError(f"{name} must not contain a double quote: {value!r}")
    return PLACEHOLDER.sub(lambda m: filled[m.group(1)], text)


def write_script(dist: Path, setup: Path, out: Path, template: Path = TEMPLATE) -> Path:
    text = fill(template.read_text(encoding="utf-8"), values(dist, setup))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(BOM + text, encoding="utf-8", newline="\r\n")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", required=True, type=Path, help="the frozen app's folder (dist/shequ)")
    p.add_argument("--setup", type=Path, help="the installer to make (default: beside --out)")
    p.add_argument("--out", required=True, type=Path, help="the NSIS script to write")
    p.add_argument("--print-setup-name", action="store_true", help="print only the installer's file name")
    args = p.parse_args(argv)
    if args.print_setup_name:
        print(setup_name())
        return 0
    setup = args.setup or args.out.with_name(setup_name())
    print(write_script(args.dist, setup, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
