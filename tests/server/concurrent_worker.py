"""One of the concurrency test's processes (test_concurrent_saves.py): signs in to the
server as a LADO officer, waits for the common start, then until the deadline creates
records and updates the shared ones (read the version, pause, save against it), printing
one JSON line per acknowledged save or refusal. Run as a script:

    python concurrent_worker.py URL USERNAME SEED START_AT SECONDS SHARED_IDS
    (the password in HSCB_PASSWORD)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time


def contact(marker: str) -> dict:
    return {
        "date_received": dt.date(2017, 2, 1),
        "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School",
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": True,
        "subject_named": True,
        "subject_name": "Sam Taylor",
        "subject_dob": dt.date(1980, 5, 17),
        "subject_role": "Class teacher",
        "abuse_category": ["physical"],
        "harm_criteria": ["harmed_or_may_have_harmed"],
        "date_allegation_known": dt.date(2017, 1, 31),
        "allegation_details": marker,
    }


def main(url: str, username: str, seed: str, start_at: str, seconds: str, shared: str) -> int:
    from hscb_desktop.core.clock import FakeClock
    from hscb_desktop.core.validation import StaleVersion
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.security import auth
    from hscb_desktop.storage.server import ServerAddress
    from hscb_desktop.storage.server_workspace import ServerWorkspace

    rng = random.Random(int(seed))
    ids = [int(x) for x in shared.split(",")]
    ws = ServerWorkspace(ServerAddress.parse(url), FakeClock())
    session = auth.sign_in(ws, username, os.environ["HSCB_PASSWORD"])

    def say(**line) -> None:
        print(json.dumps(line), flush=True)

    time.sleep(max(0.0, float(start_at) - time.time()))
    deadline = float(start_at) + float(seconds)
    n = 0
    while time.time() < deadline:
        n += 1
        marker = f"{username}-{n}"
        try:
            if rng.random() < 0.3:
                record_id = lado.create_contact(session, contact(marker))
                say(op="create", id=record_id, marker=marker)
            else:
                record_id = rng.choice(ids)
                version = lado.get_contact(session, record_id)["version"]
                time.sleep(rng.uniform(0, 0.02))  # the user typing: others may save meanwhile
                new = lado.update_contact(
                    session, record_id, {"allegation_details": marker}, version
                )
                say(op="update", id=record_id, marker=marker, version=new)
        except StaleVersion as exc:
            say(op="refused", id=record_id, marker=marker, error=type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 - reported; the test fails on any of these
            say(op="error", marker=marker, error=f"{type(exc).__name__}: {exc}")
    auth.sign_out(session)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
