"""The labelled choices a request is described with: channel, urgency, handling level,
and the resident's satisfaction at the follow-up call.

Codes are stored in the database; the labels are marked for translation and shown by
the screens. Reception, the lists, the detail page, the catalogue (levels) and the
deadline settings (urgencies) all read them from here.
"""

from __future__ import annotations

from desktop.common.i18n import N_

CHANNELS: dict[str, str] = {
    "walk_in": N_("Walk-in"),
    "phone": N_("Phone"),
    "hotline": N_("12345 hotline"),
    "mini_program": N_("Mini-program"),
    "grid": N_("Grid report"),
}
URGENCIES: dict[str, str] = {"red": N_("Red"), "yellow": N_("Yellow"), "green": N_("Green")}
LEVELS: dict[str, str] = {
    "community": N_("Village/community"),
    "town": N_("Town/street"),
    "district": N_("District"),
}
SATISFACTION: dict[str, str] = {
    "satisfied": N_("Satisfied"),
    "basically": N_("Basically satisfied"),
    "unsatisfied": N_("Unsatisfied"),
}
