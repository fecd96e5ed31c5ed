"""The administrator's catalogue: request categories, departments and response templates.

Categories (诉求分类) form a tree of exactly two levels; their order among siblings is
``sort_order``. Categories and departments are never deleted, because requests refer to
them: they are disabled instead (registration refuses a disabled one) and can be
enabled again. Response templates are free text and may be deleted.

Reading needs no permission; every change requires ``Permission.MANAGE_SETTINGS`` and
writes one audit row (entity ``category``, ``department`` or ``template``, with the row
before and after) in the same transaction as the change. The SQL is in ``db.requests``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import requests as repo
from db.locks import LockKey, advisory_lock
from db.models import Category, Department, ResponseTemplate
from db.requests import CategoryRecord
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, NotFound, found
from desktop.common.i18n import N_
from desktop.common.labels import category_label
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import text_problem
from desktop.requests.vocabulary import LEVELS  # the handling levels and their labels

NAME_MAX = 32
TEMPLATE_TITLE_MAX = 32
TEMPLATE_BODY_MAX = 2000

__all__ = [
    "LEVELS",
    "CatalogueService",
    "CategoryNode",
    "DepartmentRow",
    "RequiredText",
    "TemplateRow",
    "category_tree",
    "department_row",
    "template_row",
]


# --- what the screens get ------------------------------------------------------------------
@dataclass(frozen=True)
class CategoryNode:
    """One category with its sub-categories (always empty on the second level).

    ``available`` is False when the category or its parent is disabled: registration
    cannot choose it then.
    """

    id: int
    parent_id: int | None
    name: str
    sort_order: int
    is_active: bool
    available: bool
    children: tuple[CategoryNode, ...] = ()

    @property
    def is_top(self) -> bool:
        return self.parent_id is None


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    level: str  # community | town | district
    is_active: bool


@dataclass(frozen=True)
class TemplateRow:
    id: int
    title: str
    body: str
    category_id: int | None
    category_name: str  # "Parent / Child", or "" for any category


def category_tree(rows: Sequence[CategoryRecord], *, include_inactive: bool) -> list[CategoryNode]:
    """The top-level categories of ``rows`` in their order, each with its sub-categories.

    Without ``include_inactive`` only what registration may choose is kept (a disabled
    category hides its sub-categories too).
    """
    kids: dict[int, list[CategoryNode]] = {}
    tops = [r for r in rows if r.parent_id is None]
    active_top = {r.id: r.is_active for r in tops}
    for r in rows:
        if r.parent_id is None or r.parent_id not in active_top:
            continue
        available = r.is_active and active_top[r.parent_id]
        if available or include_inactive:
            node = CategoryNode(r.id, r.parent_id, r.name, r.sort_order, r.is_active, available)
            kids.setdefault(r.parent_id, []).append(node)
    return [
        CategoryNode(r.id, None, r.name, r.sort_order, r.is_active, r.is_active, tuple(kids.get(r.id, ())))
        for r in tops
        if r.is_active or include_inactive
    ]


def department_row(d: Department) -> DepartmentRow:
    return DepartmentRow(d.id, d.name, d.level, d.is_active)


def template_row(t: ResponseTemplate, labels: Mapping[int, str]) -> TemplateRow:
    """A template, its category named by ``labels`` (see :func:`category_labels`)."""
    category = labels.get(t.category_id, "") if t.category_id is not None else ""
    return TemplateRow(t.id, t.title, t.body, t.category_id, category)


# --- validation helpers ----------------------------------------------------------------------
@dataclass(frozen=True)
class RequiredText:
    """A text that must be given, of at most ``max_len`` characters, and what is said
    when it is missing (``empty``) or too long (``too_long``, with ``{count}`` and ``{n}``)."""

    max_len: int
    empty: str
    too_long: str

    def clean(self, value: object, field: str, errors: dict[str, DomainError]) -> str:
        """``value`` stripped; when it breaks the rule, why is noted in ``errors[field]``."""
        text = value.strip() if isinstance(value, str) else ""
        if (problem := text_problem(text, None)) is not None:  # a NUL character
            errors[field] = problem
        elif not text:
            errors[field] = DomainError(self.empty)
        elif len(text) > self.max_len:
            errors[field] = DomainError(self.too_long, count=len(text), n=self.max_len)
        return text


NAME = RequiredText(
    NAME_MAX, N_("Enter a name."), N_("The name has {count} characters; at most {n} are allowed.")
)
TEMPLATE_TITLE = RequiredText(
    TEMPLATE_TITLE_MAX, N_("Enter a title."), N_("The title has {count} characters; at most {n} are allowed.")
)
TEMPLATE_BODY = RequiredText(
    TEMPLATE_BODY_MAX,
    N_("Enter the text of the answer."),
    N_("The text has {count} characters; at most {n} are allowed."),
)


def _clean_name(value: object, field: str, errors: dict[str, DomainError]) -> str:
    return NAME.clean(value, field, errors)


@overload
def _checked_department(name: str, level: str | None) -> str: ...
@overload
def _checked_department(name: None, level: str | None) -> None: ...
def _checked_department(name: str | None, level: str | None) -> str | None:
    """A department's name and handling level (None: not given), or ``FieldErrors`` naming
    the wrong ones; returns the name."""
    errors: dict[str, DomainError] = {}
    if name is not None:
        name = _clean_name(name, "name", errors)
    if level is not None and level not in LEVELS:
        errors["level"] = DomainError(N_("Choose the handling level."))
    if errors:
        raise FieldErrors(errors)
    return name


def _checked_name(value: object) -> str:
    """A category's or department's name, or ``FieldErrors`` for the ``name`` field."""
    errors: dict[str, DomainError] = {}
    name = _clean_name(value, "name", errors)
    if errors:
        raise FieldErrors(errors)
    return name


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _lock(session: Session) -> None:
    # One writer of the catalogue at a time, so that two desks cannot both add the same
    # top-level name (a unique constraint cannot see NULL parents).
    advisory_lock(session, LockKey.CATALOGUE)


def _category_dict(c: Category) -> dict[str, object]:
    return {"name": c.name, "parent_id": c.parent_id, "sort_order": c.sort_order, "is_active": c.is_active}


def _department_dict(d: Department) -> dict[str, object]:
    return {"name": d.name, "level": d.level, "is_active": d.is_active}


def _template_dict(t: ResponseTemplate) -> dict[str, object]:
    return {"title": t.title, "body": t.body, "category_id": t.category_id}


def _duplicate_category(session: Session, parent_id: int | None, name: str, exclude: int | None) -> bool:
    return any(_same(c.name, name) and c.id != exclude for c in repo.sibling_categories(session, parent_id))


def category_labels(session: Session) -> dict[int, str]:
    """Category id → its label, "Parent / Child" (just the name at the top level)."""
    return {i: category_label(n.name, n.parent) for i, n in repo.category_names(session).items()}


class CatalogueService:
    def __init__(self, db: Database, now: Clock = system_clock):
        self._db = db
        self._now = now

    # --- reading ------------------------------------------------------------------------
    def tree(self, include_inactive: bool = True) -> list[CategoryNode]:
        """The top-level categories in their order, each with its sub-categories.

        Without ``include_inactive`` only what registration may choose is returned
        (a disabled category hides its sub-categories too).
        """
        with self._db.reading() as uow:
            rows = repo.categories(uow.session)
        return category_tree(rows, include_inactive=include_inactive)

    def category(self, category_id: int) -> CategoryNode:
        for top in self.tree():
            if top.id == category_id:
                return top
            for child in top.children:
                if child.id == category_id:
                    return child
        raise NotFound(N_("This category no longer exists."))

    def departments(self, include_inactive: bool = True) -> list[DepartmentRow]:
        """Departments by handling level (community, town, district), then in order of entry."""
        with self._db.reading() as uow:
            rows = [
                department_row(d) for d in repo.departments(uow.session, active_only=not include_inactive)
            ]
        order = {level: i for i, level in enumerate(LEVELS)}
        rows.sort(key=lambda d: (order.get(d.level, 9), d.id))
        return rows

    def templates(self) -> list[TemplateRow]:
        with self._db.reading() as uow:
            labels = category_labels(uow.session)
            return [template_row(t, labels) for t in repo.templates(uow.session)]

    # --- categories ---------------------------------------------------------------------
    def add_category(self, actor: Actor, name: str, parent_id: int | None = None) -> int:
        """Add a top-level category (``parent_id`` None) or a sub-category; returns its id.

        It goes last among its siblings.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        name = _checked_name(name)
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            if parent_id is not None:
                parent = s.get(Category, parent_id)
                if parent is None:
                    raise FieldErrors({"parent_id": DomainError(N_("This category no longer exists."))})
                if parent.parent_id is not None:
                    raise FieldErrors(
                        {
                            "parent_id": DomainError(
                                N_(
                                    "Categories have two levels only: a sub-category cannot "
                                    "have sub-categories of its own."
                                )
                            )
                        }
                    )
            if _duplicate_category(s, parent_id, name, None):
                raise FieldErrors({"name": _duplicate_category_error(name, parent_id)})
            last = repo.last_sort_order(s, parent_id)
            row = Category(
                name=name,
                parent_id=parent_id,
                sort_order=(last + 1) if last is not None else 0,
                is_active=True,
            )
            s.add(row)
            _flush(s, _duplicate_category_error(name, parent_id))
            self._audit(s, actor, "create", "category", row.id, None, _category_dict(row))
            uow.commit()
            return row.id

    def rename_category(self, actor: Actor, category_id: int, name: str) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        name = _checked_name(name)
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            row = _get_category(s, category_id)
            if row.name == name:
                return
            if _duplicate_category(s, row.parent_id, name, row.id):
                raise FieldErrors({"name": _duplicate_category_error(name, row.parent_id)})
            before = _category_dict(row)
            row.name = name
            _flush(s, _duplicate_category_error(name, row.parent_id))
            self._audit(s, actor, "update", "category", row.id, before, _category_dict(row))
            uow.commit()

    def move_category(self, actor: Actor, category_id: int, step: int) -> bool:
        """Move a category up (``step`` -1) or down (+1) among its siblings.

        Returns False (and writes nothing) when it is already first or last.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        if step not in (-1, 1):
            raise ValueError("step must be -1 or 1")
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            row = _get_category(s, category_id)
            siblings = repo.sibling_categories(s, row.parent_id)
            index = next(i for i, c in enumerate(siblings) if c.id == row.id)
            target = index + step
            if not 0 <= target < len(siblings):
                return False
            before = _category_dict(row)
            siblings[index], siblings[target] = siblings[target], siblings[index]
            # Renumber the whole level, so equal or sparse sort orders cannot make a move
            # a no-op.
            for order, c in enumerate(siblings):
                if c.sort_order != order:
                    c.sort_order = order
            s.flush()
            self._audit(s, actor, "move", "category", row.id, before, _category_dict(row))
            uow.commit()
            return True

    def set_category_active(self, actor: Actor, category_id: int, active: bool) -> None:
        """Disable (or enable again) a category. The row stays: requests refer to it.

        Disabling a top-level category makes its sub-categories unavailable as well,
        without changing them, so enabling it again restores the level as it was.
        """
        self._set_active(actor, "category", lambda s: _get_category(s, category_id), _category_dict, active)

    # --- departments --------------------------------------------------------------------
    def add_department(self, actor: Actor, name: str, level: str) -> int:
        actor.require(Permission.MANAGE_SETTINGS)
        name = _checked_department(name or "", level or "")
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            _check_department_name(s, name, None)
            row = Department(name=name, level=level, is_active=True)
            s.add(row)
            _flush(s, _duplicate_department_error(name))
            self._audit(s, actor, "create", "department", row.id, None, _department_dict(row))
            uow.commit()
            return row.id

    def update_department(
        self, actor: Actor, department_id: int, *, name: str | None = None, level: str | None = None
    ) -> None:
        """Rename a department and/or change its handling level (None leaves it as is)."""
        actor.require(Permission.MANAGE_SETTINGS)
        name = _checked_department(name, level)
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            row = _get_department(s, department_id)
            before = _department_dict(row)
            if name is not None and name != row.name:
                _check_department_name(s, name, row.id)
                row.name = name
            if level is not None:
                row.level = level
            after = _department_dict(row)
            if after == before:
                return
            _flush(s, _duplicate_department_error(row.name))
            self._audit(s, actor, "update", "department", row.id, before, after)
            uow.commit()

    def set_department_active(self, actor: Actor, department_id: int, active: bool) -> None:
        """Disable (or enable again) a department; new requests can no longer be routed to a
        disabled one, the requests it already has keep it."""
        self._set_active(
            actor, "department", lambda s: _get_department(s, department_id), _department_dict, active
        )

    # --- response templates -------------------------------------------------------------
    def add_template(self, actor: Actor, title: str, body: str, category_id: int | None = None) -> int:
        actor.require(Permission.MANAGE_SETTINGS)
        title, body = _check_template(title, body)
        with self._db.writing() as uow:
            s = uow.session
            _check_template_category(s, category_id, None)
            row = ResponseTemplate(title=title, body=body, category_id=category_id)
            s.add(row)
            s.flush()
            self._audit(s, actor, "create", "template", row.id, None, _template_dict(row))
            uow.commit()
            return row.id

    def update_template(
        self, actor: Actor, template_id: int, title: str, body: str, category_id: int | None = None
    ) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        title, body = _check_template(title, body)
        with self._db.writing() as uow:
            s = uow.session
            row = _get_template(s, template_id)
            _check_template_category(s, category_id, row.category_id)
            before = _template_dict(row)
            row.title, row.body, row.category_id = title, body, category_id
            after = _template_dict(row)
            if after == before:
                return
            s.flush()
            self._audit(s, actor, "update", "template", row.id, before, after)
            uow.commit()

    def delete_template(self, actor: Actor, template_id: int) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.writing() as uow:
            s = uow.session
            row = _get_template(s, template_id)
            before = _template_dict(row)
            s.delete(row)
            s.flush()
            self._audit(s, actor, "delete", "template", template_id, before, None)
            uow.commit()

    # --- internals ----------------------------------------------------------------------
    def _set_active(
        self,
        actor: Actor,
        entity: str,
        get: Callable[[Session], Category | Department],
        as_dict: Callable[..., dict[str, object]],
        active: bool,
    ) -> None:
        """Disable (or enable again) the category or department ``get`` finds."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.writing() as uow:
            s = uow.session
            row = get(s)
            if row.is_active == bool(active):
                return
            before = as_dict(row)
            row.is_active = bool(active)
            s.flush()
            self._audit(s, actor, "enable" if active else "disable", entity, row.id, before, as_dict(row))
            uow.commit()

    def _audit(
        self,
        session: Session,
        actor: Actor,
        action: str,
        entity: str,
        entity_id: int,
        before: dict[str, object] | None,
        after: dict[str, object] | None,
    ) -> None:
        audit.record(session, actor, action, entity, entity_id, before=before, after=after, at=self._now())


def _flush(session: Session, duplicate: DomainError) -> None:
    """Flush a new or renamed category or department; a unique name constraint that still
    fails (should the check before ever be bypassed) is reported as ``duplicate`` on the
    name, and the transaction is rolled back as the error leaves the unit of work."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise FieldErrors({"name": duplicate}) from exc


def _duplicate_category_error(name: str, parent_id: int | None) -> DomainError:
    if parent_id is None:
        return DomainError(N_("There is already a category named {name}."), name=name)
    return DomainError(N_("This category already has a sub-category named {name}."), name=name)


def _duplicate_department_error(name: str) -> DomainError:
    return DomainError(N_("There is already a department named {name}."), name=name)


def _get_category(session: Session, category_id: int) -> Category:
    return found(session.get(Category, category_id), N_("This category no longer exists."))


def _get_department(session: Session, department_id: int) -> Department:
    return found(session.get(Department, department_id), N_("This department no longer exists."))


def _get_template(session: Session, template_id: int) -> ResponseTemplate:
    return found(session.get(ResponseTemplate, template_id), N_("This response template no longer exists."))


def _check_department_name(session: Session, name: str, exclude: int | None) -> None:
    for other_id, other in repo.department_names(session).items():
        if other_id != exclude and _same(other, name):
            raise FieldErrors({"name": _duplicate_department_error(other)})


def _check_template(title: object, body: object) -> tuple[str, str]:
    errors: dict[str, DomainError] = {}
    title = TEMPLATE_TITLE.clean(title, "title", errors)
    body = TEMPLATE_BODY.clean(body, "body", errors)
    if errors:
        raise FieldErrors(errors)
    return title, body


def _check_template_category(session: Session, category_id: int | None, current: int | None) -> None:
    if category_id is None:
        return
    row = session.get(Category, category_id)
    if row is None:
        raise FieldErrors({"category_id": DomainError(N_("This category no longer exists."))})
    if not row.is_active and category_id != current:
        raise FieldErrors({"category_id": DomainError(N_("This category is disabled; choose another."))})
