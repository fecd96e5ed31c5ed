"""Persistence: typed SQLAlchemy models, engines, migrations and query functions.

Nothing here imports Qt, ReportLab or pandas; the desktop core and the command line
use it, the screens never do.
"""
