// Reads Spectral's JSON report on spectral-fixtures/ and checks the house ruleset itself: conforming.yaml has no
// error, and violating.yaml breaks every house rule (ent-*) that .spectral.yaml defines. Usage: node spectral-selftest.cjs <report.json>
const fs = require('fs');
const path = require('path');
const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ruleset = fs.readFileSync(path.join(__dirname, '..', '.spectral.yaml'), 'utf8');
const houseRules = [...ruleset.matchAll(/^ {2}(ent-[a-z0-9-]+):/gm)].map((m) => m[1]);
const errorsOf = (file) => report.filter((r) => r.source && r.source.endsWith(file) && r.severity === 0);
let ok = true;
const conforming = errorsOf('conforming.yaml');
if (conforming.length > 0) {
  ok = false;
  console.error('spectral-fixtures/conforming.yaml should pass the house ruleset but has errors:');
  conforming.forEach((r) => console.error(`  ${r.code}: ${r.message} (${r.path.join('.')})`));
}
// a rule set to warn while its documents are being completed is still checked: it must report violating.yaml
const reported = report.filter((r) => r.source && r.source.endsWith('violating.yaml') && r.severity <= 1);
const seen = new Set(reported.map((r) => r.code));
const missed = houseRules.filter((rule) => !seen.has(rule));
if (missed.length > 0) {
  ok = false;
  console.error(`spectral-fixtures/violating.yaml should break these house rules but does not: ${missed.join(', ')}`);
}
if (ok) {
  console.log(`contracts: the house ruleset passes conforming.yaml and catches all ${houseRules.length} house rules in violating.yaml`);
}
process.exit(ok ? 0 : 1);
