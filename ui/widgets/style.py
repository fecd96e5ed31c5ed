"""The application's look: a readable CJK font and a calm style sheet.

Sizes are chosen for 1366×768 screens and readers over 45: 10.5 pt body text, tall
table rows, large buttons with their shortcut in the tooltip.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.common import resources

ICONS = resources.ICONS
FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "SimSun",
]

STYLE_SHEET = """
QWidget { color: #1f2933; }
QMainWindow, QDialog { background: #f5f7fa; }
#navigation { background: #243b53; color: white; border: none; font-size: 11pt; outline: 0; }
#navigation::item { padding: 10px 14px; border-left: 4px solid transparent; }
#navigation::item:selected { background: #334e68; border-left: 4px solid #f0b429; color: white; }
#navigation::item:hover { background: #2f4a66; }
#header { background: white; border-bottom: 1px solid #d9e2ec; }
#centreName { font-size: 13pt; font-weight: bold; color: #102a43; }
#pageTitle { font-size: 14pt; font-weight: bold; color: #102a43; }
#fieldError { color: #c62828; }
#fieldWarning { color: #b26a00; }
#hint { color: #52606d; }
#emptyState { color: #52606d; font-size: 12pt; }
QPushButton { padding: 5px 14px; min-height: 24px; border: 1px solid #bcccdc; border-radius: 4px;
              background: white; }
QPushButton:hover { background: #f0f4f8; }
QPushButton:default, QPushButton#primary { background: #2680c2; color: white; border-color: #186faf; }
QPushButton:disabled { color: #9aa5b1; background: #f5f7fa; }
QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QSpinBox { padding: 4px 6px; min-height: 22px;
              border: 1px solid #bcccdc; border-radius: 3px; background: white; }
QComboBox { padding-right: 24px; }
QComboBox::drop-down, QDateEdit::drop-down { subcontrol-origin: padding;
    subcontrol-position: center right; width: 22px; border: none; }
QComboBox::down-arrow, QDateEdit::down-arrow { image: url("@ICONS@/arrow-down.svg"); width: 12px;
    height: 8px; }
QSpinBox { padding-right: 20px; }
QSpinBox::up-button, QSpinBox::down-button { subcontrol-origin: border; width: 18px; border: none; }
QSpinBox::up-button { subcontrol-position: top right; }
QSpinBox::down-button { subcontrol-position: bottom right; }
QSpinBox::up-arrow { image: url("@ICONS@/arrow-up.svg"); width: 10px; height: 7px; }
QSpinBox::down-arrow { image: url("@ICONS@/arrow-down.svg"); width: 10px; height: 7px; }
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QPlainTextEdit:focus { border: 1px solid #2680c2; }
QLineEdit[invalid="true"] { border: 1px solid #c62828; background: #fff5f5; }
QTableView { background: white; alternate-background-color: #f8fafc; gridline-color: #e4e7eb;
             selection-background-color: #d1e7fa; selection-color: #102a43; }
QHeaderView::section { background: #eef2f7; padding: 5px; border: none;
                       border-right: 1px solid #d9e2ec; border-bottom: 1px solid #d9e2ec; }
QStatusBar { background: #eef2f7; }
"""


def apply_style(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET.replace("@ICONS@", ICONS.as_posix()))
