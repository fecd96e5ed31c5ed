"""The service menu (服务清单): what residents may order, by category.

Each item has a description, a unit, a guide price, the provider kinds that may deliver
it and the key groups (重点人群) it is meant for. Items are never deleted — orders refer to
them — but disabled. Reading needs no permission; changes need ``MANAGE_SERVICE_MENU``
(the administrator's) and are audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db import orders_registry as registry
from db.models_orders import ServiceItem
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors, NotFound
from desktop.common.i18n import N_
from desktop.common.labels import category_label
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import form_text
from desktop.orders.base import OrdersBase
from desktop.orders.vocabulary import ProviderKind

CATEGORY_MAX = 32
NAME_MAX = 64
UNIT_MAX = 16
DESCRIPTION_MAX = 2_000


@dataclass(frozen=True)
class MenuItemRow:
    id: int
    category: str
    name: str
    label: str  # "category / name"
    description: str
    unit: str
    guide_price: int  # fen per unit
    provider_kinds: tuple[ProviderKind, ...]  # empty: any kind may deliver it
    tag_ids: tuple[int, ...]
    tags: tuple[str, ...]
    is_active: bool


@dataclass(frozen=True)
class MenuItemForm:
    category: str
    name: str
    description: str = ""
    unit: str = "次"
    guide_price: int = 0  # fen
    provider_kinds: Sequence[str] = ()
    tag_ids: Sequence[int] = field(default_factory=tuple)


def parse_kinds(text: str) -> tuple[ProviderKind, ...]:
    return tuple(ProviderKind(k) for k in text.split(",") if k)


def item_row(item: ServiceItem, tag_ids: Sequence[int], tags: dict[int, str]) -> MenuItemRow:
    return MenuItemRow(
        id=item.id,
        category=item.category,
        name=item.name,
        label=category_label(item.name, item.category),
        description=item.description,
        unit=item.unit,
        guide_price=item.guide_price,
        provider_kinds=parse_kinds(item.provider_kinds),
        tag_ids=tuple(tag_ids),
        tags=tuple(tags.get(t, "") for t in tag_ids),
        is_active=item.is_active,
    )


class MenuPart(OrdersBase):
    def menu(self, *, include_inactive: bool = False) -> list[MenuItemRow]:
        """The menu by category, then in the order the items were entered."""
        with self._db.reading() as uow:
            s = uow.session
            items = registry.menu_items(s, active_only=not include_inactive)
            tag_ids = registry.item_tag_ids(s)
            tags = registry.tag_names(s)
            return [item_row(i, tag_ids.get(i.id, []), tags) for i in items]

    def menu_categories(self) -> list[str]:
        """The categories of the active menu (for the board's filter and free orders)."""
        with self._db.reading() as uow:
            return registry.menu_categories(uow.session)

    def save_menu_item(self, actor: Actor, form: MenuItemForm, item_id: int | None = None) -> int:
        """Add an item (``item_id`` None) or change one; returns its id."""
        actor.require(Permission.MANAGE_SERVICE_MENU)
        errors: dict[str, DomainError] = {}
        category = (form.category or "").strip()
        name = (form.name or "").strip()
        unit = (form.unit or "").strip()
        if not category:
            errors["category"] = DomainError(N_("Enter the category."))
        elif len(category) > CATEGORY_MAX:
            errors["category"] = DomainError(N_("At most {n} characters."), n=CATEGORY_MAX)
        if not name:
            errors["name"] = DomainError(N_("Enter a name."))
        elif len(name) > NAME_MAX:
            errors["name"] = DomainError(N_("At most {n} characters."), n=NAME_MAX)
        if len(unit) > UNIT_MAX:
            errors["unit"] = DomainError(N_("At most {n} characters."), n=UNIT_MAX)
        if len(form.description or "") > DESCRIPTION_MAX:
            errors["description"] = DomainError(N_("At most {n} characters."), n=DESCRIPTION_MAX)
        # A NUL character in any text (the lengths are checked above).
        for key in ("category", "name", "unit", "description"):
            form_text(errors, key, getattr(form, key), None)
        if form.guide_price < 0:
            errors["guide_price"] = DomainError(N_("The amount cannot be negative."))
        try:
            kinds = [ProviderKind(k) for k in dict.fromkeys(form.provider_kinds)]
        except ValueError:
            errors["provider_kinds"] = DomainError(N_("Unknown provider kind."))
            kinds = []
        if errors:
            raise FieldErrors(errors)
        now = self._now()
        with self._db.writing() as uow:
            s = uow.session
            other = registry.item_named(s, category, name)
            if other is not None and other != item_id:
                raise FieldErrors(
                    {"name": DomainError(N_("This category already has an item of that name."))}
                )
            tags = registry.tag_names(s)
            if any(t not in tags for t in form.tag_ids):
                raise FieldErrors({"tags": DomainError(N_("A key group no longer exists."))})
            if item_id is None:
                item = ServiceItem(sort_order=registry.last_item_sort(s, category) + 1, is_active=True)
                s.add(item)
                before = None
            else:
                found = s.get(ServiceItem, item_id)
                if found is None:
                    raise NotFound(N_("This menu item no longer exists."))
                item = found
                before = {"category": item.category, "name": item.name, "guide_price": item.guide_price}
            item.category, item.name, item.unit = category, name, unit
            item.description = (form.description or "").strip()
            item.guide_price = form.guide_price
            item.provider_kinds = ",".join(kinds)
            s.flush()
            registry.replace_item_tags(s, item.id, list(form.tag_ids))
            audit.record(
                s,
                actor,
                "create" if before is None else "update",
                "service_item",
                item.id,
                before=before,
                after={"category": category, "name": name, "guide_price": form.guide_price, "kinds": kinds},
                at=now,
            )
            uow.commit()
            return item.id

    def set_menu_item_active(self, actor: Actor, item_id: int, active: bool) -> None:
        actor.require(Permission.MANAGE_SERVICE_MENU)
        with self._db.writing() as uow:
            s = uow.session
            item = s.get(ServiceItem, item_id)
            if item is None:
                raise NotFound(N_("This menu item no longer exists."))
            if item.is_active != active:
                item.is_active = active
                audit.record(
                    s, actor, "enable" if active else "disable", "service_item", item.id, at=self._now()
                )
            uow.commit()
