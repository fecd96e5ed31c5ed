"""The response templates (答复模板) tab of 分类与单位: the list on the left, the editor
on the right, edited in place (Ctrl+N new, Ctrl+S save).

A tab of its own because the editor holds what the administrator types: a refresh of
the page (a change elsewhere) reads the list again but leaves a template being edited
as it is (:meth:`TemplatesTab.refresh_templates` with ``keep_editor``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.errors import DomainError, FieldErrors
from desktop.common.labels import category_label
from desktop.common.permissions import Actor
from desktop.requests.catalogue import CatalogueService, TemplateRow
from ui.requests.admin_dialogs import node_label
from ui.widgets.forms import FieldBox, error_line
from ui.widgets.i18n import Translator, error_text
from ui.widgets.keys import shortcut
from ui.widgets.messages import ask_yes, show_error

_ = Translator("admin")


class TemplatesTab(QWidget):
    """The templates: listed, shown in the editor, added, changed and deleted.

    Args:
        catalogue: the catalogue service.
        actor: the logged-in user.
        editable: whether the user may change templates (else the editor is read-only).
    """

    def __init__(self, catalogue: CatalogueService, actor: Actor, editable: bool):
        super().__init__()
        self._catalogue, self._actor, self.editable = catalogue, actor, editable
        self._templates: list[TemplateRow] = []
        self._editing: int | None = None  # the template in the editor; None for a new one
        self._build()

    def _build(self) -> None:
        tab = self
        self.template_list = QListWidget()
        self.template_list.setObjectName("templateList")
        self.template_list.currentRowChanged.connect(self._show_template)
        self.new_template_button = QPushButton(_("New template"))
        self.new_template_button.setToolTip("Ctrl+N")
        self.new_template_button.clicked.connect(self.new_template)
        self.delete_template_button = QPushButton(_("Delete"))
        self.delete_template_button.clicked.connect(self.delete_template)

        self.template_title = QLineEdit()
        self.template_title.setMaxLength(64)
        self.template_category = QComboBox()
        self.template_body = QPlainTextEdit()
        self.template_boxes = {
            "title": FieldBox(self.template_title),
            "category_id": FieldBox(self.template_category),
            "body": FieldBox(self.template_body),
        }
        self.template_message = error_line()
        self.save_template_button = QPushButton(_("Save template"))
        self.save_template_button.setObjectName("primary")
        self.save_template_button.setToolTip("Ctrl+S")
        self.save_template_button.clicked.connect(self.save_template)
        if self.editable:
            shortcut("Ctrl+N", tab, self.new_template)
            shortcut("Ctrl+S", tab, self.save_template)
        else:
            self.template_title.setReadOnly(True)
            self.template_body.setReadOnly(True)
            self.template_category.setEnabled(False)

        self.template_heading = QLabel()
        font = self.template_heading.font()
        font.setBold(True)
        self.template_heading.setFont(font)
        form = QFormLayout()
        form.addRow(_("Title"), self.template_boxes["title"])
        form.addRow(_("For category"), self.template_boxes["category_id"])
        form.addRow(_("Answer text"), self.template_boxes["body"])
        editor = QVBoxLayout()
        editor.addWidget(self.template_heading)
        editor.addLayout(form, 1)
        editor.addWidget(self.template_message)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        if self.editable:
            save_row.addWidget(self.save_template_button)
        editor.addLayout(save_row)

        left = QVBoxLayout()
        left.addWidget(self.template_list, 1)
        if self.editable:
            buttons = QHBoxLayout()
            buttons.addWidget(self.new_template_button)
            buttons.addWidget(self.delete_template_button)
            buttons.addStretch(1)
            left.addLayout(buttons)
        row = QHBoxLayout(tab)
        row.addLayout(left, 2)
        row.addLayout(editor, 3)

    def fill_template_categories(self) -> None:
        """The category choice of the template editor, keeping what is chosen."""
        combo = self.template_category
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("Any category"), None)
        for top in self._catalogue.tree():
            combo.addItem(node_label(top), top.id)
            for child in top.children:
                combo.addItem(category_label(node_label(child), top.name), child.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def refresh_templates(self, select_id: int | None = None, *, keep_editor: bool = False) -> None:
        """Read the templates again and show the selected one in the editor; with
        ``keep_editor``, text the user has changed there stays as it is."""
        current = self.selected_template()
        if select_id is None and current is not None:
            select_id = current.id
        edited = keep_editor and self.template_edited()
        if edited:
            select_id = self._editing
        self.fill_template_categories()
        self._templates = self._catalogue.templates()
        scroll = self.template_list.verticalScrollBar().value()
        self.template_list.blockSignals(True)
        self.template_list.clear()
        selected_row = 0
        for r, t in enumerate(self._templates):
            item = QListWidgetItem(f"{t.title}　（{t.category_name}）" if t.category_name else t.title)
            item.setToolTip(t.category_name or _("Any category"))
            self.template_list.addItem(item)
            if t.id == select_id:
                selected_row = r
        self.template_list.blockSignals(False)
        if edited:
            if any(t.id == select_id for t in self._templates):
                self.template_list.blockSignals(True)
                self.template_list.setCurrentRow(selected_row)
                self.template_list.blockSignals(False)
        elif self._templates:
            self.template_list.setCurrentRow(selected_row)
            self._show_template(selected_row)
        else:
            self.new_template()
        self.template_list.verticalScrollBar().setValue(scroll)

    def template_edited(self) -> bool:
        """Whether the editor holds something the user typed that is not saved."""
        shown = next((t for t in self._templates if t.id == self._editing), None)
        title, body = self.template_title.text(), self.template_body.toPlainText()
        category_id = self.template_category.currentData()
        if shown is None:
            return bool(title.strip() or body.strip())
        return (title, body, category_id) != (shown.title, shown.body, shown.category_id)

    def selected_template(self) -> TemplateRow | None:
        row = self.template_list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def _clear_template_errors(self) -> None:
        for box in self.template_boxes.values():
            box.set_error(None)
        self.template_message.hide()

    def _show_template(self, row: int) -> None:
        self._clear_template_errors()
        t = self._templates[row] if 0 <= row < len(self._templates) else None
        if t is None:
            return
        self._editing = t.id
        self.template_heading.setText(_("Edit template"))
        self.template_title.setText(t.title)
        self.template_body.setPlainText(t.body)
        index = self.template_category.findData(t.category_id)
        self.template_category.setCurrentIndex(max(0, index))
        self.delete_template_button.setEnabled(True)

    def new_template(self) -> None:
        """Clear the editor for a new template (saved with Save template)."""
        self._editing = None
        self._clear_template_errors()
        self.template_list.blockSignals(True)
        self.template_list.setCurrentRow(-1)
        self.template_list.clearSelection()
        self.template_list.blockSignals(False)
        self.template_heading.setText(_("New template"))
        self.template_title.clear()
        self.template_body.clear()
        self.template_category.setCurrentIndex(0)
        self.delete_template_button.setEnabled(False)
        if self.editable:
            self.template_title.setFocus()

    def save_template(self) -> bool:
        if not self.editable:
            return False
        self._clear_template_errors()
        title, body = self.template_title.text(), self.template_body.toPlainText()
        category_id = self.template_category.currentData()
        try:
            if self._editing is None:
                saved = self._catalogue.add_template(self._actor, title, body, category_id)
            else:
                saved = self._editing
                self._catalogue.update_template(self._actor, saved, title, body, category_id)
        except FieldErrors as exc:
            for name, err in exc.errors.items():
                if name in self.template_boxes:
                    self.template_boxes[name].set_error(error_text(err))
                else:
                    self.template_message.setText(error_text(err))
                    self.template_message.show()
            return False
        except DomainError as exc:
            self.template_message.setText(error_text(exc))
            self.template_message.show()
            return False
        self.refresh_templates(saved)
        self.template_boxes["body"].set_warning(_("Saved."))
        return True

    def delete_template(self) -> None:
        t = self.selected_template()
        if not self.editable or t is None or self._editing is None:
            return
        if not ask_yes(
            self, _("Delete template"), _("Delete the response template “{title}”?", title=t.title)
        ):
            return
        try:
            self._catalogue.delete_template(self._actor, t.id)
        except DomainError as exc:
            show_error(self, _("Not saved"), exc)
            return
        self.refresh_templates()
