"""The visits job (网格走访): the "五必访、七必报" visit plan, visit records, the printable
monthly 走访台账 and the figures for the monthly report. Start at :mod:`desktop.visits.service`."""
