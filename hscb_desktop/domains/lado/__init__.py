"""LADO: allegations against people who work with children (SPEC §1).

``service`` is the only writer; ``queries`` feeds the list; ``returns`` computes
tables L1-L8 as plain data; ``rules`` holds the validation.
"""
