"""Everything Qt: start-up, translation, windows, pages, dialogs and table models.

Screens ask the services in ``desktop`` and show what they return; nothing here talks
to the database directly.
"""
