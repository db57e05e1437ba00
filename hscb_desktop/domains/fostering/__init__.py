"""Private fostering: enquiries, notifications, arrangements, statutory visits (SPEC §2).

``service`` is the only writer; ``due`` computes what is due and overdue (SPEC §2.6,
§8.7); ``queries`` feeds the lists; ``returns`` computes tables P1-P5 as plain data;
``rules`` holds the validation and the due-date arithmetic.
"""
