"""The centre's own settings kept in the database (its name appears on every printout)."""

from __future__ import annotations

from db import settings as settings_repo
from db.uow import Database
from desktop.common import audit
from desktop.common.errors import DomainError, FieldErrors
from desktop.common.i18n import N_
from desktop.common.permissions import Actor, Permission
from desktop.common.validation import check_text

CENTRE_NAME_MAX = 60


class CentreService:
    """The centre's name: read by every page that prints, changed by an administrator."""

    def __init__(self, db: Database):
        self._db = db

    def name(self) -> str:
        with self._db.reading() as uow:
            return settings_repo.get(uow.session, settings_repo.CENTRE_NAME)

    def rename(self, actor: Actor, name: str) -> None:
        actor.require(Permission.MANAGE_SETTINGS)
        name = check_text(name, None, field="centre_name")
        if not name:
            raise FieldErrors({"centre_name": DomainError(N_("Enter the centre's name."))})
        if len(name) > CENTRE_NAME_MAX:
            raise FieldErrors(
                {
                    "centre_name": DomainError(
                        N_("The centre's name has at most {n} characters."), n=CENTRE_NAME_MAX
                    )
                }
            )
        with self._db.writing() as uow:
            before = settings_repo.get(uow.session, settings_repo.CENTRE_NAME)
            if before == name:
                return
            settings_repo.put(uow.session, settings_repo.CENTRE_NAME, name)
            audit.record(
                uow.session,
                actor,
                "update",
                "setting",
                settings_repo.CENTRE_NAME,
                before={"centre_name": before},
                after={"centre_name": name},
            )
            uow.commit()
