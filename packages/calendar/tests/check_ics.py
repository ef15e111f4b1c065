"""Parses .ics files with python3-icalendar (an independent parser) and prints a JSON report:
parse errors per component, and every event's UID, DTSTART and TZID."""
import json
import sys

from icalendar import Calendar

report = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        cal = Calendar.from_ical(f.read())
    errors = [str(e) for c in cal.walk() for e in getattr(c, 'errors', [])]
    events = []
    for ev in cal.walk('VEVENT'):
        start = ev.get('DTSTART')
        events.append({'uid': str(ev.get('UID')), 'start': start.dt.isoformat() if start else None, 'tzid': start.params.get('TZID') if start else None})
    report.append({'path': path, 'errors': errors, 'timezones': [str(tz.get('TZID')) for tz in cal.walk('VTIMEZONE')], 'events': events})
print(json.dumps(report, ensure_ascii=False))
