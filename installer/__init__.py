"""The Windows installer: the PyInstaller spec's choices (``bundle``), the NSIS script's
filling (``nsis``), the icon. Not part of the app: nothing in db/, desktop/ or ui/ imports it.
See docs/installer.md."""
