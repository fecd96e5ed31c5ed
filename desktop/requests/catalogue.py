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

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import requests as repo
from db.locks import LockKey, advisory_lock
from db.models import Category, Department, ResponseTemplate
from db.uow import Database
from desktop.common import audit
from desktop.common.clock import Clock, system_clock
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.labels import category_label
from desktop.common.permissions import Actor, Permission
from desktop.requests.vocabulary import LEVELS  # the handling levels and their labels

NAME_MAX = 32
TEMPLATE_TITLE_MAX = 32
TEMPLATE_BODY_MAX = 2000

__all__ = ["LEVELS", "CatalogueService", "CategoryNode", "DepartmentRow", "TemplateRow"]


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


# --- validation helpers ----------------------------------------------------------------------
def _clean_name(value: object, field: str, errors: dict[str, DomainError], *, max_len: int = NAME_MAX) -> str:
    name = value.strip() if isinstance(value, str) else ""
    if not name:
        errors[field] = DomainError(N_("Enter a name."))
    elif len(name) > max_len:
        errors[field] = DomainError(
            N_("The name has {count} characters; at most {n} are allowed."), count=len(name), n=max_len
        )
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
            CategoryNode(
                r.id, None, r.name, r.sort_order, r.is_active, r.is_active, tuple(kids.get(r.id, ()))
            )
            for r in tops
            if r.is_active or include_inactive
        ]

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
                DepartmentRow(d.id, d.name, d.level, d.is_active)
                for d in repo.departments(uow.session, active_only=not include_inactive)
            ]
        order = {level: i for i, level in enumerate(LEVELS)}
        rows.sort(key=lambda d: (order.get(d.level, 9), d.id))
        return rows

    def templates(self) -> list[TemplateRow]:
        with self._db.reading() as uow:
            names = category_labels(uow.session)
            return [
                TemplateRow(
                    t.id,
                    t.title,
                    t.body,
                    t.category_id,
                    names.get(t.category_id, "") if t.category_id is not None else "",
                )
                for t in repo.templates(uow.session)
            ]

    # --- categories ---------------------------------------------------------------------
    def add_category(self, actor: Actor, name: str, parent_id: int | None = None) -> int:
        """Add a top-level category (``parent_id`` None) or a sub-category; returns its id.

        It goes last among its siblings.
        """
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        name = _clean_name(name, "name", errors)
        if errors:
            raise FieldErrors(errors)
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
            self._flush_category(s, name, parent_id)
            self._audit(s, actor, "create", "category", row.id, None, _category_dict(row))
            uow.commit()
            return row.id

    def rename_category(self, actor: Actor, category_id: int, name: str) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        name = _clean_name(name, "name", errors)
        if errors:
            raise FieldErrors(errors)
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
            self._flush_category(s, name, row.parent_id)
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
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.writing() as uow:
            s = uow.session
            row = _get_category(s, category_id)
            if row.is_active == bool(active):
                return
            before = _category_dict(row)
            row.is_active = bool(active)
            s.flush()
            action = "enable" if active else "disable"
            self._audit(s, actor, action, "category", row.id, before, _category_dict(row))
            uow.commit()

    # --- departments --------------------------------------------------------------------
    def add_department(self, actor: Actor, name: str, level: str) -> int:
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        name = _clean_name(name, "name", errors)
        if level not in LEVELS:
            errors["level"] = DomainError(N_("Choose the handling level."))
        if errors:
            raise FieldErrors(errors)
        with self._db.writing() as uow:
            s = uow.session
            _lock(s)
            _check_department_name(s, name, None)
            row = Department(name=name, level=level, is_active=True)
            s.add(row)
            self._flush_department(s, name)
            self._audit(s, actor, "create", "department", row.id, None, _department_dict(row))
            uow.commit()
            return row.id

    def update_department(
        self, actor: Actor, department_id: int, *, name: str | None = None, level: str | None = None
    ) -> None:
        """Rename a department and/or change its handling level (None leaves it as is)."""
        actor.require(Permission.MANAGE_SETTINGS)
        errors: dict[str, DomainError] = {}
        if name is not None:
            name = _clean_name(name, "name", errors)
        if level is not None and level not in LEVELS:
            errors["level"] = DomainError(N_("Choose the handling level."))
        if errors:
            raise FieldErrors(errors)
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
            self._flush_department(s, row.name)
            self._audit(s, actor, "update", "department", row.id, before, after)
            uow.commit()

    def set_department_active(self, actor: Actor, department_id: int, active: bool) -> None:
        """Disable (or enable again) a department; new requests can no longer be routed to a
        disabled one, the requests it already has keep it."""
        actor.require(Permission.MANAGE_SETTINGS)
        with self._db.writing() as uow:
            s = uow.session
            row = _get_department(s, department_id)
            if row.is_active == bool(active):
                return
            before = _department_dict(row)
            row.is_active = bool(active)
            s.flush()
            action = "enable" if active else "disable"
            self._audit(s, actor, action, "department", row.id, before, _department_dict(row))
            uow.commit()

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
            row = s.get(ResponseTemplate, template_id)
            if row is None:
                raise NotFound(N_("This response template no longer exists."))
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
            row = s.get(ResponseTemplate, template_id)
            if row is None:
                raise NotFound(N_("This response template no longer exists."))
            before = _template_dict(row)
            s.delete(row)
            s.flush()
            self._audit(s, actor, "delete", "template", template_id, before, None)
            uow.commit()

    # --- internals ----------------------------------------------------------------------
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

    @staticmethod
    def _flush_category(session: Session, name: str, parent_id: int | None) -> None:
        # The unique constraint (parent_id, name) has the last word should the check above
        # ever be bypassed; the transaction is rolled back as the error leaves the unit of work.
        try:
            session.flush()
        except IntegrityError as exc:
            raise FieldErrors({"name": _duplicate_category_error(name, parent_id)}) from exc

    @staticmethod
    def _flush_department(session: Session, name: str) -> None:
        try:
            session.flush()
        except IntegrityError as exc:
            raise FieldErrors({"name": _duplicate_department_error(name)}) from exc


def _duplicate_category_error(name: str, parent_id: int | None) -> DomainError:
    if parent_id is None:
        return DomainError(N_("There is already a category named {name}."), name=name)
    return DomainError(N_("This category already has a sub-category named {name}."), name=name)


def _duplicate_department_error(name: str) -> DomainError:
    return DomainError(N_("There is already a department named {name}."), name=name)


def _get_category(session: Session, category_id: int) -> Category:
    row = session.get(Category, category_id)
    if row is None:
        raise NotFound(N_("This category no longer exists."))
    return row


def _get_department(session: Session, department_id: int) -> Department:
    row = session.get(Department, department_id)
    if row is None:
        raise NotFound(N_("This department no longer exists."))
    return row


def _check_department_name(session: Session, name: str, exclude: int | None) -> None:
    for other_id, other in repo.department_names(session).items():
        if other_id != exclude and _same(other, name):
            raise FieldErrors({"name": _duplicate_department_error(other)})


def _check_template(title: object, body: object) -> tuple[str, str]:
    errors: dict[str, DomainError] = {}
    title = title.strip() if isinstance(title, str) else ""
    body = body.strip() if isinstance(body, str) else ""
    if not title:
        errors["title"] = DomainError(N_("Enter a title."))
    elif len(title) > TEMPLATE_TITLE_MAX:
        errors["title"] = DomainError(
            N_("The title has {count} characters; at most {n} are allowed."),
            count=len(title),
            n=TEMPLATE_TITLE_MAX,
        )
    if not body:
        errors["body"] = DomainError(N_("Enter the text of the answer."))
    elif len(body) > TEMPLATE_BODY_MAX:
        errors["body"] = DomainError(
            N_("The text has {count} characters; at most {n} are allowed."),
            count=len(body),
            n=TEMPLATE_BODY_MAX,
        )
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
