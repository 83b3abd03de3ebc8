#!/usr/bin/env python3
"""Independent oracle for patients.csv (Python zoneinfo, not the code under test).

Writes expected-schedules.csv: one row per dose of the rows that can be planned, by the rules in
README.md: cycle c starts at the first dose's local time + 14 (c - 1) days, mapped leniently
(a skipped time moves forward by the gap: zoneinfo's fold=0 reading, normalised; a repeated one
takes the earlier instant: fold=0); elapsed timing adds 8 h of elapsed time, wall-clock timing
adds 8 h of clock time mapped the same way; infusions last 15 minutes. Run from this folder:
python3 expected.py > expected-schedules.csv
"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

# (patientId, course number = data row, first dose, zone, doses per cycle, wall clock)
PLANNED = [
    ("P001", 1, "2027-03-10T08:00", "America/New_York", 14, False),
    ("P003", 3, "2027-10-28T09:30", "Europe/London", 15, True),
    ("P007", 7, "2026-04-01T22:00", "Australia/Lord_Howe", 14, False),
]


def lenient(local, zone):
    return local.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)


def rfc3339(instant, zone):
    text = instant.astimezone(zone).isoformat()
    return text


print("patientId,course,cycle,dose,start,end")
for patient, course, first, zone_id, per_cycle, wall_clock in PLANNED:
    zone = ZoneInfo(zone_id)
    first_local = datetime.fromisoformat(first)
    number = 0
    for cycle in range(2):
        nominal = first_local + timedelta(days=14 * cycle)
        cycle_start = lenient(nominal, zone)
        for k in range(per_cycle):
            start = lenient(nominal + timedelta(hours=8 * k), zone) if wall_clock else cycle_start + timedelta(hours=8 * k)
            end = start + timedelta(minutes=15)
            number += 1
            print(f"{patient},{course},{cycle + 1},{number},{rfc3339(start, zone)},{rfc3339(end, zone)}")
