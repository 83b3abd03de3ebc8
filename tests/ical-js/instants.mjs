// Reads an iCalendar file with Mozilla's ical.js and prints one JSON object per VEVENT: its UID,
// SEQUENCE, STATUS, SUMMARY, DESCRIPTION and its start and end as UTC instants (timed events) or dates
// (all-day events). Times with a TZID are converted using only the file's own VTIMEZONE
// components, registered with ICAL.TimezoneService; ical.js has no zone database of its own, and
// a TZID without a VTIMEZONE is an error here rather than a floating time.
// Usage: node instants.mjs FILE.ics
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node instants.mjs FILE.ics');
  process.exit(2);
}
const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
  const timezone = new ICAL.Timezone(vtimezone);
  ICAL.TimezoneService.register(timezone.tzid, timezone);
}

function describe(property, time) {
  if (time.isDate) {
    return time.toString();
  }
  const tzid = property.getParameter('tzid');
  if (tzid) {
    if (!ICAL.TimezoneService.has(tzid)) {
      throw new Error(`${property.name.toUpperCase()} has TZID=${tzid} but the file has no VTIMEZONE for it`);
    }
    time.zone = ICAL.TimezoneService.get(tzid);
  } else if (!time.zone || time.zone.tzid !== 'UTC') {
    throw new Error(`${property.name.toUpperCase()} ${time} is a floating time (no TZID, not UTC)`);
  }
  return new Date(time.toUnixTime() * 1000).toISOString();
}

for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const start = vevent.getFirstProperty('dtstart');
  const endProperty = vevent.getFirstProperty('dtend');
  const end = endProperty ? describe(endProperty, endProperty.getFirstValue()) : null;
  const duration = vevent.getFirstPropertyValue('duration');
  const startText = describe(start, start.getFirstValue());
  console.log(JSON.stringify({
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    summary: event.summary,
    description: event.description,
    allDay: start.getFirstValue().isDate,
    start: startText,
    end: end ?? (duration && !start.getFirstValue().isDate
      ? new Date((event.startDate.toUnixTime() + duration.toSeconds()) * 1000).toISOString()
      : null),
  }));
}
