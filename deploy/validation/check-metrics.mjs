// Checks the metric names of the dashboards and alerts:
//  - every name used in dashboards/*.json (targets[].expr) and prometheus-rules.yaml (expr) is listed in
//    observability/dashboard-metrics.txt, and every listed name is used somewhere;
//  - every name tagged `service` there appears in observability/scraped-metric-names.txt (a real
//    GET /q/metrics of a running service).
// Usage: node check-metrics.mjs   (paths relative to deploy/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const deploy = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const obs = path.join(deploy, 'observability');
const readList = (f) => fs.readFileSync(f, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'inf', 'nan', 'atan2']);
// Metric names of a PromQL expression: drop strings, label matchers, ranges, grouping clauses, Grafana
// variables and numbers; what remains is identifiers; an identifier followed by '(' is a function.
export function metricNames(expr) {
  let e = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\$\{[^}]*\}|\$\w+/g, '')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  const names = new Set();
  const re = /([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?/g;
  let m;
  while ((m = re.exec(e))) {
    const [, id, call] = m;
    if (call || KEYWORDS.has(id.toLowerCase())) continue;
    if (/^[0-9]/.test(id)) continue;
    names.add(id);
  }
  return names;
}

const used = new Map(); // name -> where
const note = (names, where) => { for (const n of names) { if (!used.has(n)) used.set(n, new Set()); used.get(n).add(where); } };
for (const f of fs.readdirSync(path.join(obs, 'dashboards')).filter((f) => f.endsWith('.json'))) {
  const d = JSON.parse(fs.readFileSync(path.join(obs, 'dashboards', f), 'utf8'));
  const walk = (panels) => { for (const p of panels || []) { for (const t of p.targets || []) if (t.expr) note(metricNames(t.expr), `${f}: ${p.title}`); walk(p.panels); } };
  walk(d.panels);
  for (const v of d.templating?.list || []) if (v.type === 'query' && typeof v.query === 'string') note(metricNames(v.query.replace(/label_values\(([^,]*),[^)]*\)/, '$1')), `${f}: variable ${v.name}`);
}
const rules = YAML.parse(fs.readFileSync(path.join(obs, 'prometheus-rules.yaml'), 'utf8'));
for (const g of rules.spec.groups) for (const r of g.rules) note(metricNames(r.expr), `alert ${r.alert || r.record}`);

const listed = new Map(readList(path.join(obs, 'dashboard-metrics.txt')).map((l) => { const [n, origin] = l.split(/\s+/); return [n, origin]; }));
const scraped = new Set(readList(path.join(obs, 'scraped-metric-names.txt')));
const errors = [];
for (const [n, where] of used) if (!listed.has(n)) errors.push(`${n} is used (${[...where][0]}) but not listed in dashboard-metrics.txt`);
for (const [n, origin] of listed) {
  if (!['service', 'cluster'].includes(origin)) errors.push(`${n}: origin must be service or cluster, not '${origin}'`);
  if (!used.has(n)) errors.push(`${n} is listed in dashboard-metrics.txt but used by no dashboard or alert`);
  if (origin === 'service' && !scraped.has(n)) errors.push(`${n} (service) is not in scraped-metric-names.txt: no running service exposes it`);
}
const svc = [...listed].filter(([, o]) => o === 'service').length;
console.log(`  ${used.size} metric names used by the dashboards and alerts: ${svc} service (all in /q/metrics), ${listed.size - svc} cluster`);
if (errors.length) { for (const e of errors) console.log(`  ERROR: ${e}`); process.exit(1); }
console.log('  OK: metric names');
