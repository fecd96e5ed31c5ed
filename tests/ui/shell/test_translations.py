"""Every user-visible text has a Chinese translation, and the shipped .qm is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.widgets.i18n import TRANSLATIONS_DIR, Translator, install_translator

ROOT = Path(__file__).resolve().parents[3]


def test_translation_source_is_complete_and_current():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_ts.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_compiled_translation_matches_the_source(tmp_path):
    from tools.update_ts import lrelease_to

    built = tmp_path / "zh_CN.qm"
    lrelease_to(built)
    assert built.read_bytes() == (TRANSLATIONS_DIR / "zh_CN.qm").read_bytes()


def test_chinese_is_the_default_and_english_switches_back(qapp):
    _ = Translator("main")
    assert install_translator(qapp, "zh_CN")
    assert _("Residents") == "居民档案"
    assert install_translator(qapp, "en")
    assert _("Residents") == "Residents"
    install_translator(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("desktop", "Wrong user name or password.") == "用户名或密码错误。"
    finally:
        install_translator(qapp, "en")  # the tests after this one read English
