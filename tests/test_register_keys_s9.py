"""A status key printed on one line with its pairs apart by commas ("Key: C = complete, O =
open, CF = carried forward."), its letters given the states their meanings name, and a
meaning that is itself a status word ("O = open"). Session 9 (issue 10): an invented action
log, read as an ingest reads it."""

from __future__ import annotations

from pathlib import Path

from conftest import read_registers

LOG = """Holmwick Community Safety Partnership
Partnership Board - action log - 4 November 2026

Ref\tAction\tOwner\tDue\tStatus
HB-101\tAgree the ASB hotspot patrol rota with the neighbourhood team\tASB Lead\t30/11/2026\tC
HB-102\tReport on repeat victims of shed burglary to the next Board\tAnalyst\tNext Board\tO
HB-103\tRefresh the shoplifting partnership offer for the market traders\tBID Manager\tJan 2027\tCF
HB-104\tWrite to the bus operator about CCTV on the night routes\tChair\tDec 2026\tWithdrawn

Key: C = complete, O = open, CF = carried forward. Other status cells are as entered.
"""


def test_a_comma_separated_key_gives_each_letter_its_state(tmp_path: Path) -> None:
    reg = read_registers(tmp_path, "holmwick-csp-action-log-2026-11-04.txt", LOG)
    got = {a.reference: (a.status, a.state) for a in reg.actions}
    assert got == {
        "HB-101": ("C", "done"),
        "HB-102": ("O", "open"),
        "HB-103": ("CF", "carried forward"),
        "HB-104": ("Withdrawn", "dropped"),
    }
