"""CDOP: child death reviews (SPEC §3).

``service`` is the only writer; ``queries`` feeds the lists (cases, open cases,
deaths awaiting reports, deaths ready for panel); ``returns`` computes tables
C1-C8 as plain data; ``rules`` holds the validation, the NHS number check and
the category / SUDI suggestions; ``service.panel_pack`` gives one meeting's
cases without identity, for the GUI to print.
"""
