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
#navigation::item { padding: 6px 14px; border-left: 4px solid transparent; }
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
#matchPopup { background: white; border: 1px solid #2680c2; }
#matchPopup QTreeWidget { border: none; }
#matchPopup QTreeWidget::item { padding: 3px 2px; }
#sectionTitle { font-size: 11pt; font-weight: bold; color: #102a43; }
#savedBar { background: #e3f9e5; border: 1px solid #57ae5b; border-radius: 4px; }
/* Love bank: a disabled primary button must look disabled; the saved message is a padded label. */
#volunteersPage QPushButton#primary:disabled, #serviceHoursPage QPushButton#primary:disabled,
#supermarketPage QPushButton#primary:disabled, #redemptionDialog QPushButton#primary:disabled,
#importWizard QPushButton#primary:disabled, #mergeDialog QPushButton#primary:disabled {
    background: #f5f7fa; color: #9aa5b1; border-color: #d9e2ec; }
QLabel#savedBar { padding: 6px 10px; }
#volunteerName { font-size: 15pt; font-weight: bold; color: #102a43; }
#figure { background: white; border: 1px solid #d9e2ec; border-radius: 6px; }
#figureValue { font-size: 15pt; font-weight: bold; color: #102a43; }
#figureStars { font-size: 15pt; color: #d69e00; }
#figureTitle { color: #52606d; }
#inactiveBadge { color: white; background: #7b8794; border-radius: 9px; padding: 1px 10px; }
QProgressBar#starProgress { border: 1px solid #d9e2ec; border-radius: 4px; background: #f0f4f8;
    max-height: 10px; }
QProgressBar#starProgress::chunk { background: #f0b429; border-radius: 4px; }
#redeemTotal { font-size: 12pt; font-weight: bold; color: #102a43; }
#redeemAfter[over="true"] { color: #a61b1b; font-weight: bold; }
/* Requests, reception (接待登记): the resident card, duplicates, what was registered. */
#residentCard, #duplicatesPanel { background: white; border: 1px solid #d9e2ec; border-radius: 6px; }
#residentName { font-size: 14pt; font-weight: bold; color: #102a43; }
#cardLabel { color: #52606d; }
#keyGroups, #groupVisit { color: #b26a00; font-weight: bold; }
#savedBar[tone="warning"] { background: #fffbea; border: 1px solid #f0b429; }
#savedBar[tone="error"] { background: #fff5f5; border: 1px solid #c62828; }
#savedText { font-size: 11pt; }
#receptionPage QPlainTextEdit[invalid="true"] { border: 1px solid #c62828; background: #fff5f5; }
/* The reception's number of visitors: the text centred beside whole ↑/↓ buttons (issue 8, #15). */
#receptionPage QSpinBox { padding-top: 0px; padding-bottom: 0px; min-height: 30px; }
QToolButton#assistButton { padding: 4px 26px 4px 8px; border: 1px solid #bcccdc; border-radius: 3px;
    background: white; text-align: left; }
QToolButton#assistButton:focus { border: 1px solid #2680c2; }
QToolButton#assistButton::menu-indicator { image: url("@ICONS@/arrow-down.svg"); width: 12px; height: 8px;
    subcontrol-origin: padding; subcontrol-position: center right; right: 8px; }
/* Requests: the start page (今日待办), the list, the detail, the settings pages. */
#todayCard { background: white; border: 1px solid #d9e2ec; border-radius: 6px; }
#todayNumber { font-size: 26pt; font-weight: bold; }
#todayCaption { font-size: 12pt; color: #334e68; }
#todaySection { font-size: 12pt; font-weight: bold; }
#todayNone { color: #52606d; padding: 2px 4px 8px 4px; }
#todayDone { color: #2f6d3a; font-size: 16pt; }
#requestsPage QDateEdit:disabled { color: #9aa5b1; background: #f5f7fa; }
#requestsPage QPushButton#filterChip { background: #e3f0fb; border: 1px solid #2680c2; border-radius: 14px;
    color: #102a43; padding: 4px 12px; }
#requestDetail #detailNumber { font-size: 15pt; font-weight: bold; color: #102a43; }
#requestDetail #statusBadge { border-radius: 10px; padding: 2px 12px; color: white; font-weight: bold; }
#requestDetail #fieldName { color: #52606d; }
#requestDetail #description, #requestDetail #descriptionText { background: white; }
#requestDetail #description { border: 1px solid #d9e2ec; border-radius: 4px; }
#requestDetail #clockState { border-radius: 9px; padding: 1px 10px; }
#categoryTree::item, #templateList::item { padding: 4px 2px; }
/* Service orders (点单服务): the board's stage list and resident chip, an order's page. */
#stageList { background: white; border: 1px solid #d9e2ec; border-radius: 4px; }
#stageList::item { padding: 5px 8px; }
#stageList::item:selected { background: #d1e7fa; color: #102a43; }
#ordersBoard QPushButton#filterChip { background: #e3f0fb; border: 1px solid #2680c2; border-radius: 14px;
    color: #102a43; padding: 4px 12px; }
#orderDetail #detailNumber { font-size: 15pt; font-weight: bold; color: #102a43; }
#orderDetail #statusBadge { border-radius: 10px; padding: 2px 12px; color: white; font-weight: bold; }
#orderDetail #fieldName { color: #52606d; }
/* Reports: the dashboard's cards that open a list, its chart switch; the report page. */
#figure[clickable="true"]:hover, #figure[clickable="true"]:focus { border: 1px solid #2680c2; }
#figureChange { font-size: 9.5pt; }
QPushButton#segment { padding: 3px 12px; }
QPushButton#segment:checked { background: #d1e7fa; border-color: #2680c2; color: #102a43; font-weight: bold; }
#archiveState { color: #52606d; }
#archiveState[archived="true"] { color: #2e7d32; font-weight: bold; }
"""


def apply_style(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())


def style_sheet() -> str:
    """The style sheet with its icon paths filled in (from source or from the installer)."""
    return STYLE_SHEET.replace("@ICONS@", resources.icons().as_posix())
