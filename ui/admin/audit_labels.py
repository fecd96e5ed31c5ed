"""What 操作日志 calls things: every action, kind of object and field the log holds.

The audit log stores keys (``approve``, ``service_record``, ``activity_id``); these are
their names on screen. Every key any service writes has a label here (a test reads
the keys the services write and checks); a key without one would be shown as it is,
in English, which is what the page must never do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.common.permissions import ROLE_LABELS
from ui.widgets.i18n import Translator, desktop_text

_ = Translator("audit")


def action_labels() -> dict[str, str]:
    """action → label, in the order the action filter lists them."""
    return {
        # accounts and the database
        "setup": _("Setup"),
        "login": _("Logged in"),
        "login_failed": _("Wrong password"),
        "lock": _("Account locked"),
        "reset_password": _("Password reset"),
        "change_password": _("Password changed"),
        "demo": _("Demo data"),
        "seal": _("History sealed"),
        "rekey": _("Audit key replaced"),
        # any record
        "create": _("Created"),
        "update": _("Changed"),
        "delete": _("Deleted"),
        "move": _("Moved"),
        "enable": _("Enabled"),
        "disable": _("Disabled"),
        "archive": _("Archived"),
        "restore": _("Restored"),
        "reveal": _("Viewed ID/phone"),
        # requests
        "register": _("Request registered"),
        "assign": _("Request assigned"),
        "accept": _("Request accepted"),
        "return": _("Request returned"),
        "answer": _("Request answered"),
        "resolve": _("Request resolved"),
        "follow_up": _("Follow-up call"),
        "reopen": _("Request reopened"),
        "remind": _("Reminder sent"),
        "supervise": _("Supervision"),
        "merge": _("Requests merged"),
        "attach": _("Attachment added"),
        # points
        "approve": _("Hours approved"),
        "reject": _("Hours rejected"),
        "redeem": _("Points redeemed"),
        "cancel": _("Redemption cancelled"),
        "handover": _("Handed over"),
        "adjust": _("Points adjusted"),
        "reverse": _("Points reversed"),
        "reversal": _("Points reversed"),
        "expire": _("Points expired"),
        "earn": _("Points earned"),
        "freeze": _("Points frozen"),
        "release": _("Points released"),
        "opening": _("Opening balance"),
        # service orders and their providers
        "place": _("Order placed"),
        "take_in": _("Order taken in"),
        "draft": _("Work order drafted"),
        "return_draft": _("Draft sent back"),
        "object": _("Objection recorded"),
        "close_publicity": _("Publicity closed"),
        "revise": _("Work order redrafted"),
        "dispatch": _("Order dispatched"),
        "decline": _("Order declined"),
        "recall": _("Dispatch recalled"),
        "report_session": _("Service session recorded"),
        "finish": _("Service finished"),
        "rate": _("Order rated"),
        "redo": _("Service to be redone"),
        "check": _("Order checked"),
        "terminate": _("Order terminated"),
        "pay": _("Order paid"),
        "settle": _("Order settled"),
        "inspection": _("Annual inspection"),
        "discredit": _("Put on the discredit list"),
        "clear_discredit": _("Taken off the discredit list"),
        # Excel
        "import": _("Imported"),
        "export": _("Exported"),
    }


def entity_action_labels() -> dict[tuple[str, str], str]:
    """Where one action key means something else for one kind of object."""
    return {
        ("service_order", "approve"): _("Work order approved"),
        ("service_order", "accept"): _("Order accepted by the provider"),
        ("service_order", "reject"): _("Order rejected"),
        ("service_order", "expire"): _("Not accepted in time"),
        ("service_order", "cancel"): _("Order cancelled"),
        ("provider", "reveal"): _("Viewed phone"),
        ("resident", "merge"): _("Residents merged"),
        ("visit", "record"): _("Visit recorded"),
        ("visit", "correct"): _("Visit corrected"),
        ("visit", "withdraw"): _("Visit withdrawn"),
    }


def action_namer() -> Callable[[str, str], str]:
    """``name(action, entity)`` → the action's label (for that kind of object)."""
    general, special = action_labels(), entity_action_labels()

    def name(action: str, entity: str) -> str:
        return special.get((entity, action)) or general.get(action, action)

    return name


def kind_labels() -> dict[str, str]:
    """Kind of object (an entity, or several stored under one name) → label."""
    return {
        "resident": _("Resident"),
        "request": _("Request"),
        "volunteer": _("Volunteer"),
        "service_record": _("Service hours"),
        "points": _("Points"),
        "redemption": _("Redemption"),
        "reward_item": _("Supermarket item"),
        "activity": _("Activity"),
        "team": _("Volunteer team"),
        "user": _("User"),
        "category": _("Request category"),
        "department": _("Department"),
        "template": _("Answer template"),
        "clock_limit": _("Time limit"),
        "calendar_override": _("Working-day change"),
        "service_order": _("Service order"),
        "service_item": _("Service item"),
        "provider": _("Service provider"),
        "visit": _("Visit"),
        "visit_rule": _("Visit rule"),
        "grid_worker": _("Grid worker's grids"),
        "fund": _("Fund"),
        "order_settings": _("Order settings"),
        "report": _("Report"),
        "report_narrative": _("Report text"),
        "report_settings": _("Report settings"),
        "setting": _("Setting"),
        "database": _("Database"),
        "history": _("Request steps and points history"),
        "audit_key": _("Audit key"),
    }


KIND_ENTITIES: dict[str, frozenset[str]] = {
    "points": frozenset({"points", "ledger"}),
    "template": frozenset({"template", "response_template"}),
}
"""Kinds stored under more than one entity name (older rows used the other one)."""


def entities_of(kind: str) -> frozenset[str]:
    return KIND_ENTITIES.get(kind, frozenset({kind}))


def entity_label(entity: str) -> str:
    kinds = kind_labels()
    for kind, entities in KIND_ENTITIES.items():
        if entity in entities:
            return kinds[kind]
    return kinds.get(entity, entity)


def field_labels() -> dict[str, str]:
    return {
        "": _("Details"),
        # residents
        "name": _("Name"),
        "gender": _("Gender"),
        "birth_date": _("Birth date"),
        "id_number": _("ID number"),
        "phone": _("Phone"),
        "address": _("Address"),
        "grid_id": _("Grid"),
        "tags": _("Key groups"),
        "notes": _("Notes"),
        "note": _("Note"),
        "archived": _("Archived"),
        "fields": _("Viewed"),
        "resident": _("Resident"),
        "resident_id": _("Resident"),
        # accounts, settings, the database
        "username": _("User name"),
        "full_name": _("Name"),
        "role": _("Role"),
        "is_active": _("In use"),
        "user_id": _("User"),
        "centre_name": _("Centre name"),
        "scale": _("Scale"),
        "residents": _("Residents"),
        "grids": _("Grids"),
        "requests": _("Requests"),
        "points_per_hour": _("Points per hour"),
        "daily_cap_minutes": _("Daily limit (minutes)"),
        "reversal_threshold": _("Reversals above this need a director"),
        # requests and their settings
        "number": _("Request number"),
        "from": _("Status before"),
        "to": _("Status after"),
        "department": _("Department"),
        "request_id": _("Request"),
        "merged_into_id": _("Merged into"),
        "status": _("Status"),
        "channel": _("Channel"),
        "head_count": _("Visitors"),
        "description": _("Description"),
        "category_id": _("Category"),
        "parent_id": _("Parent category"),
        "department_id": _("Department"),
        "lead_department_id": _("Lead department"),
        "assist_department_ids": _("Assisting departments"),
        "urgency": _("Urgency"),
        "level": _("Handling level"),
        "sort_order": _("Position"),
        "title": _("Title"),
        "body": _("Text"),
        "reason": _("Reason"),
        "answer": _("Answer"),
        "satisfaction": _("Satisfaction"),
        "file_name": _("File"),
        "accept_minutes": _("Accept within (minutes)"),
        "answer_days": _("Answer within (working days)"),
        "resolve_days": _("Resolve within (working days)"),
        "follow_up_days": _("Follow up within (working days)"),
        "day": _("Day"),
        "is_workday": _("Working day"),
        # volunteers and points
        "volunteer_id": _("Volunteer"),
        "team_id": _("Team"),
        "leader": _("Team leader"),
        "activity_id": _("Activity"),
        "held_on": _("Date"),
        "multiplier_percent": _("Points multiplier (%)"),
        "served_on": _("Served on"),
        "count": _("Records"),
        "minutes": _("Minutes"),
        "hours": _("Hours"),
        "points": _("Points"),
        "delta": _("Points"),
        "earned_before": _("Earned before"),
        "item_id": _("Item"),
        "items": _("Items"),
        # visits
        "visit": _("Replaced visit"),
        "visited_on": _("Visit date"),
        "method": _("How"),
        "visitor_id": _("Visited by"),
        "photos": _("Photos"),
        "frequency": _("How often"),
        "phone_counts": _("A phone call counts"),
        "quantity": _("Quantity"),
        "price": _("Price (points)"),
        "stock": _("Stock"),
        "kind": _("Kind"),
        "redemption_id": _("Redemption"),
        "service_record_id": _("Service hours"),
        "volunteer": _("Volunteer"),
        "volunteers": _("Volunteers"),
        "redemption": _("Redemption"),
        "service_record": _("Service hours"),
        "entry": _("Ledger entry"),
        "event": _("Request step"),
        "clock": _("Time limit"),
        "on_time": _("On time"),
        "keyed_after": _("Entries before the key"),
        "old_key": _("Replaced key"),
        "new_key": _("New key"),
        "starts_at": _("Entries signed with the replaced key"),
        "replaced_at": _("Replaced at"),
        "replaced_by": _("Replaced by"),
        "reverses": _("Reverses entry"),
        "frozen_delta": _("Frozen points"),
        "cutoff": _("Cut-off"),
        # service orders, providers, funds
        "id": _("Number"),
        "category": _("Category"),
        "kinds": _("Kinds"),
        "guide_price": _("Guide price"),
        "year": _("Year"),
        "total": _("Total"),
        "order_cap": _("Limit per order"),
        "orders": _("Orders"),
        "result": _("Result"),
        "credit_code": _("Unified social credit code"),
        "discredited": _("On the discredit list"),
        "on": _("Since"),
        "rating": _("Rating"),
        "rated_on": _("Rated on"),
        "archive_id": _("Archive number"),
        # Excel import and export, merged residents
        "file": _("File"),
        "sheet": _("Sheet"),
        "rows": _("Rows"),
        "skipped_rows": _("Rows skipped"),
        "added": _("Added"),
        "updated": _("Updated"),
        "linked": _("Linked"),
        "new_ids": _("New records"),
        "filter": _("Filter"),
        "full_numbers": _("Full ID numbers and phones"),
        "sha256": _("Checksum"),
        "kept": _("Kept"),
        "merged_id": _("Merged record"),
        "taken_from_merged": _("Taken from the merged record"),
        "moved": _("Moved over"),
        "volunteer_moved": _("Volunteer moved"),
    }


def _value_labels() -> dict[str, dict[str, str]]:
    """Fields whose values are keys, with the keys' labels."""
    # A request's states, as the requests job names them (the same texts, not its module).
    statuses = {
        "registered": desktop_text("Registered"),
        "assigned": desktop_text("Assigned"),
        "accepted": desktop_text("Accepted"),
        "answered": desktop_text("Answered"),
        "resolved": desktop_text("Resolved"),
        "closed": desktop_text("Closed"),
        "returned": desktop_text("Returned"),
        "reopened": desktop_text("Reopened"),
        "merged": desktop_text("Merged"),
    }
    return {
        "role": {role: desktop_text(label) for role, label in ROLE_LABELS.items()},
        "urgency": {"red": _("red"), "yellow": _("yellow"), "green": _("green")},
        "level": {"community": _("community"), "town": _("town"), "district": _("district")},
        "kind": {"goods": _("goods"), "service": _("service")},
        "scale": {"centre": _("centre"), "district": _("district")},
        "fields": {key: label for key, label in field_labels().items() if key},
        "from": statuses,
        "to": statuses,
        "status": statuses,
    }


def setting_labels() -> dict[str, str]:
    """Settings (the object of a ``setting`` entry) by key."""
    return {"centre_name": _("Centre name"), "love_bank_rules": _("Points rules")}


def value_text(field: str, value: Any, values: dict[str, dict[str, str]] | None = None) -> str:
    """A value as the page shows it: yes/no, a key's label, a list joined with 、."""
    known = (values if values is not None else _value_labels()).get(field, {})
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "、".join(value_text(field, v, values) for v in value)
    if value is None:
        return _("(none)")
    text = str(value)
    return known.get(text, text)


def describer() -> Callable[[str, Any], str]:
    """``describe(field, value)`` → "标签：值", with the labels read once."""
    labels, values = field_labels(), _value_labels()

    def describe(field: str, value: Any) -> str:
        text = value_text(field, value, values)
        label = labels.get(field, field)
        return f"{label}：{text}" if field else text

    return describe
