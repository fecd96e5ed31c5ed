"""The translator and the style sheet take their files from the frozen bundle when frozen."""

from __future__ import annotations

import shutil
import sys

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.common import resources
from ui.widgets.i18n import Translator, install_translator
from ui.widgets.style import style_sheet


def _freeze(monkeypatch, bundle) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)


def test_the_translation_is_loaded_from_the_bundle(qapp, monkeypatch, tmp_path):
    source_qm = resources.translations() / "zh_CN.qm"
    locale = QLocale()
    _freeze(monkeypatch, tmp_path)
    try:
        # An empty bundle: no translation to load, so none is installed.
        assert not install_translator(qapp, "zh_CN")
        (tmp_path / "resources" / "translations").mkdir(parents=True)
        shutil.copy(source_qm, tmp_path / "resources" / "translations" / "zh_CN.qm")
        assert install_translator(qapp, "zh_CN")
        assert Translator("main")("Residents") == "居民档案"
    finally:
        install_translator(qapp, "en")  # the tests run in English
        QLocale.setDefault(locale)
    assert QCoreApplication.translate("main", "Residents") == "Residents"


def test_the_style_sheet_draws_the_bundles_icons(monkeypatch, tmp_path):
    _freeze(monkeypatch, tmp_path)
    sheet = style_sheet()
    assert f'url("{(tmp_path / "resources" / "icons").as_posix()}/arrow-down.svg")' in sheet
    assert "@ICONS@" not in sheet
