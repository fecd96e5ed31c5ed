"""Printing: one place for what every PDF shares (see ``docs/printing.md``).

``fonts`` finds the TrueType fonts of this PC and picks a font per character. The
documents themselves (the 回执 slip, the 小票 receipt, the 积分明细 statement, the monthly
report) live in their job packages and build on what is here. Nothing here imports
ReportLab at module level, so ``import desktop.printing`` stays cheap.
"""
