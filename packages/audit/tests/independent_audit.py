"""
An audit built from docs/catalog.md alone (issue 17: the docs are the contract). It reads each
requirement's "Applies to", cadence, "Due", "Evidence" and "Met when" lines and the section "How a
requirement is judged", and nothing of liujin's code. Input (JSON on stdin): units, activities,
year, asOf, and the year's working days (the official calendar, data rather than rules).
Output: {"unitId|requirementId": status}.
"""
import json
import re
import sys

doc = open(sys.argv[1], encoding='utf-8').read()
data = json.load(sys.stdin)
year, as_of = data['year'], data['asOf']
workdays = sorted(data['workdays'])

reqs = []
for block in re.split(r'^### ', doc, flags=re.M)[1:]:
    rid = block.split('\n', 1)[0].strip()
    line = lambda name: re.search(r'^- ' + name + r': (.*)$', block, re.M).group(1)
    cadence = re.search(r'cadence: ([a-z-]+)', block).group(1)
    applies = json.loads(re.search(r'`kind` in (\[.*\])', line('Applies to')).group(1))
    evidence = line('Evidence')
    kinds = re.findall(r'`([a-z-]+)` [^\s,;`]', evidence.split(', one per activity')[0]) if not evidence.startswith('every activity') else []
    reportable = re.findall(r'`([a-z-]+)`', evidence.split('one per activity of the kinds')[1]) if 'one per activity' in evidence else None
    conds = [(m.group(1), m.group(2), json.loads(m.group(3))) for m in re.finditer(r'`([^`]+)` (\w+) ("[^"]*"|[\d.]+)', line('Met when'))]
    params = dict((m.group(1), json.loads(m.group(2))) for m in re.finditer(r'`(\w+)` = ("[^"]*"|[\d.]+)', line('Parameters'))) if '- Parameters:' in block else {}
    due = line('Due')
    news_days = int(re.search(r'within (\d+) working days', due).group(1)) if 'working days' in due else None
    reqs.append(dict(id=rid, cadence=cadence, applies=applies, kinds=kinds, reportable=reportable, conds=conds, params=params, plan_deadline='annual-plan-deadline' in due, news_days=news_days))

def last_feb(y):
    return f'{y}-02-29' if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else f'{y}-02-28'

def add_workdays(date, n):
    later = [d for d in workdays if d > date]
    return later[n - 1] if n > 0 else date

start, end = f'{year}-01-01', f'{year}-12-31'
last = min(as_of, end)
by_unit = {}
for a in data['activities']:
    by_unit.setdefault(a['unitId'], []).append(a)

out = {}
for u in data['units']:
    acts = sorted(by_unit.get(u['id'], []), key=lambda a: a['date'])
    in_year = [a for a in acts if start <= a['date'] <= last]
    for r in reqs:
        key = f"{u['id']}|{r['id']}"
        if u['kind'] not in r['applies']:
            continue
        once = r['cadence'] in ('once', 'continuous')
        counting = [a for a in acts if a['kind'] in r['kinds'] and a['date'] <= last and (once or a['date'] >= start)]
        due_date = last_feb(year) if r['plan_deadline'] else end
        facts = {
            'evidenceCount': len(counting),
            'evidenceInWindowCount': len([a for a in counting if a['date'] <= due_date]),
            'activityCount': len(in_year),
            'activitiesWithoutReference': len([a for a in in_year if not a.get('reference')]),
        }
        for k in r['kinds']:
            facts[f'inYear:{k}'] = len([a for a in counting if a['kind'] == k])
        topics = {t for a in counting for t in a.get('topics', [])}
        wanted = [t.strip() for t in str(r['params'].get('topics', '')).split(';') if t.strip()]
        facts['requiredTopicsCovered'] = len([t for t in wanted if t in topics])
        if r['reportable'] is not None:
            reports = sorted(a['date'] for a in acts if a['kind'] == 'activity-news-reported' and a['date'] <= last)
            late = due_n = open_n = 0
            for a in [a for a in in_year if a['kind'] in r['reportable']]:
                deadline = add_workdays(a['date'], r['news_days'])
                hit = next((d for d in reports if a['date'] <= d <= deadline), None)
                if hit is not None:
                    reports.remove(hit)
                    due_n += 1
                elif deadline < as_of:
                    late += 1
                    due_n += 1
                else:
                    open_n += 1
            facts['newsLateCount'] = late
            if due_n == 0:
                out[key] = 'pending' if open_n > 0 else 'not-assessed'
                continue
        ops = {'greaterThanInclusive': lambda a, b: a >= b, 'equal': lambda a, b: a == b}
        value = lambda v: r['params'][v[2:-2]] if isinstance(v, str) and v.startswith('{{') else v
        ok = all(ops[op](facts.get(f, 0), value(v)) for f, op, v in r['conds'])
        # News: a late report is not met at once (docs: "a late report cannot be made on time later").
        out[key] = 'met' if ok else ('pending' if due_date > as_of and r['reportable'] is None else 'not-met')

print(json.dumps(out))
