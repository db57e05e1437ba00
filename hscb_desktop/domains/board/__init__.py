"""Strategic Board attendance (SPEC §4, §8.11, §8.12).

``service`` is the only writer; ``queries`` answers "3/4", by agency and "missed two in
a row"; ``returns`` computes tables B1-B3 as plain data; ``rules`` holds the validation
and ``quorum`` the configurable quorum rule. The tables live in the "board" store.
"""
