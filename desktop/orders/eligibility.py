"""Who may be given an order, and who may sign for it and be paid.

A provider offered an order must be registered, active, not listed as 失信/活动异常, and
of a kind the menu item allows. A provider that signs a contract or receives money must
be a legal person: a 备案 community organisation and a volunteer team are not.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from db.models_orders import Provider, ServiceItem, ServiceOrder
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.orders.menu import parse_kinds
from desktop.orders.vocabulary import NO_LEGAL_PERSONALITY, PROVIDER_KIND_LABELS, ProviderKind


def eligible_providers(
    s: Session, order: ServiceOrder, provider_ids: Sequence[int], *, field: str = "providers"
) -> list[Provider]:
    """The providers of ``provider_ids``, or ``FieldErrors`` naming the first that may not
    be given this order."""
    item = s.get(ServiceItem, order.item_id) if order.item_id is not None else None
    allowed = parse_kinds(item.provider_kinds) if item is not None else ()
    out = []
    for pid in dict.fromkeys(provider_ids):
        p = s.get(Provider, pid)
        if p is None:
            raise FieldErrors({field: DomainError(N_("This provider no longer exists."))})
        if not p.is_active:
            raise FieldErrors(
                {
                    field: DomainError(
                        N_("The provider “{name}” is inactive and cannot take orders."), name=p.name
                    )
                }
            )
        if p.discredited:
            raise FieldErrors(
                {
                    field: DomainError(
                        N_(
                            "The provider “{name}” is listed as discredited / abnormal "
                            "and cannot take orders."
                        ),
                        name=p.name,
                    )
                }
            )
        if allowed and ProviderKind(p.kind) not in allowed:
            raise FieldErrors(
                {
                    field: DomainError(
                        N_("“{item}” may be delivered only by: {kinds}; “{name}” is a {kind}."),
                        item=item.name if item else "",
                        kinds="、".join(PROVIDER_KIND_LABELS[k] for k in allowed),
                        name=p.name,
                        kind=PROVIDER_KIND_LABELS[p.kind],
                    )
                }
            )
        out.append(p)
    return out


def require_legal_person(provider: Provider) -> None:
    """``DomainError`` unless ``provider`` may sign a contract and be paid in its own name."""
    kind = ProviderKind(provider.kind)
    if not kind.has_legal_personality:
        raise DomainError(NO_LEGAL_PERSONALITY[kind])
