"""Multi-agency training attendance (SPEC §5, Appendix 3 of the annual report).

``service`` is the only writer; ``queries`` gives attendance by course and by agency
with attendance rates; ``returns`` computes tables T1-T3 as plain data; ``rules`` holds
the validation. The tables live in the "board" store (store "board" holds packages
"board" and "training").
"""
