"""Resource paths: found in the checkout from source, in the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.common import resources

ROOT = Path(__file__).resolve().parents[3]


def test_from_source_the_checkout_holds_the_resources(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert not resources.is_frozen()
    assert resources.root() == ROOT
    assert (resources.translations() / "zh_CN.qm").is_file()
    assert (resources.icons() / "arrow-down.svg").is_file()
    assert resources.resource("translations", "zh_CN.qm") == ROOT / "resources" / "translations" / "zh_CN.qm"
    assert resources.TRANSLATIONS == resources.translations()


def test_frozen_by_pyinstaller_the_bundle_holds_the_resources(monkeypatch, tmp_path):
    bundle = tmp_path / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.is_frozen()
    assert resources.root() == bundle
    assert resources.translations() == bundle / "resources" / "translations"
    assert resources.icons() == bundle / "resources" / "icons"
    assert resources.fonts() == bundle / "resources" / "fonts"
    assert resources.resource("icons", "arrow-up.svg") == bundle / "resources" / "icons" / "arrow-up.svg"


def test_frozen_without_meipass_the_resources_are_beside_the_program(monkeypatch, tmp_path):
    program = tmp_path / "ShequDesktop" / "shequ.exe"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert resources.root() == program.parent
    assert resources.translations() == program.parent / "resources" / "translations"


def test_a_meipass_without_frozen_is_ignored(monkeypatch, tmp_path):
    """Only a frozen program reads ``_MEIPASS`` (a stray attribute must not move the files)."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.root() == ROOT
