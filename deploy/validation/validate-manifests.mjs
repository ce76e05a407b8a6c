// Validates a rendered overlay (output of `kubectl kustomize`) offline:
//  1. every object against its schema: Kubernetes built-in kinds with the `kubernetes-models` package,
//     ServiceMonitor/PodMonitor/PrometheusRule with `@kubernetes-models/prometheus-operator`, the
//     Strimzi / CloudNativePG / Keycloak kinds with the hand-written schemas of crd-schemas.mjs.
//     An object of any other kind FAILS (nothing is skipped silently);
//  2. the suite's own rules: no Secret committed, labels, probes, requests/limits, a NetworkPolicy and a
//     ServiceMonitor per service, default deny, topics/users consistent; for production: >= 2 replicas,
//     a PodDisruptionBudget and a CPU HorizontalPodAutoscaler per service, topology spread, RF 3.
// Usage: node validate-manifests.mjs <rendered.yaml> <overlay-name> [--production]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import Ajv from 'ajv';
import { crdSchemas } from './crd-schemas.mjs';

const require = createRequire(import.meta.url);
const [file, overlay] = process.argv.slice(2);
const production = process.argv.includes('--production');
const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
const errors = [];
const err = (o, msg) => errors.push(`${o ? `${o.kind}/${o.metadata?.name}` : overlay}: ${msg}`);

const ajv = new Ajv({ allErrors: true, strict: false });
const crdValidators = Object.fromEntries(Object.entries(crdSchemas).map(([k, s]) => [k, ajv.compile(s)]));
const MODEL_PACKAGES = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const pkg = MODEL_PACKAGES[group] || 'kubernetes-models';
  const modPath = group ? `${pkg}/${group}/${version}/${kind}` : `${pkg}/${version}/${kind}`;
  try { return require(modPath)[kind]; } catch { return null; }
}

const objects = [];
for (const d of docs) {
  if (d.errors.length) { err(null, `YAML error: ${d.errors[0].message}`); continue; }
  const o = d.toJS();
  if (o) objects.push(o);
}
const counts = {};
const how = {};
for (const o of objects) {
  const key = `${o.apiVersion}/${o.kind}`;
  counts[key] = (counts[key] || 0) + 1;
  if (!o.metadata?.name) { err(o, 'no metadata.name'); continue; }
  if (crdValidators[key]) {
    const v = crdValidators[key];
    if (!v(o)) for (const e of v.errors) err(o, `schema (crd-schemas.mjs): ${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ''}`);
    how[key] = 'hand-written CRD schema';
    continue;
  }
  const Model = modelClass(o.apiVersion, o.kind);
  if (!Model) { err(o, `no schema for ${key}: add one to crd-schemas.mjs`); continue; }
  how[key] = MODEL_PACKAGES[o.apiVersion.split('/')[0]] || 'kubernetes-models';
  try { new Model(o).validate(); } catch (e) { err(o, `schema (${how[key]}): ${String(e.message).split('\n').slice(0, 5).join('; ')}`); }
  // DNS-1123 names (kubernetes-models checks types, not name formats)
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(o.metadata.name)) err(o, 'metadata.name is not a DNS-1123 name');
}

// ---------------- the suite's own rules ----------------
const byKind = (k) => objects.filter((o) => o.kind === k);
const matches = (sel, labels) => sel && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
const deployments = byKind('Deployment');
const SERVICES = ['membership-service', 'project-validation-service', 'provisioning-service', 'billing-service', 'console'];

if (byKind('Secret').length) err(null, `Secret objects rendered (${byKind('Secret').map((s) => s.metadata.name)}): secrets are created outside the repository`);
for (const s of SERVICES) if (!deployments.some((d) => d.metadata.name === s)) err(null, `no Deployment ${s}`);
const policies = byKind('NetworkPolicy');
if (!policies.some((p) => Object.keys(p.spec.podSelector || {}).length === 0 && p.spec.policyTypes?.includes('Ingress') && p.spec.policyTypes?.includes('Egress') && !p.spec.ingress && !p.spec.egress))
  err(null, 'no default-deny NetworkPolicy (podSelector {}, Ingress+Egress, no rule)');
const configMaps = new Set(byKind('ConfigMap').map((c) => c.metadata.name));
const expectedSecrets = new Map();

for (const d of deployments) {
  const pod = d.spec.template;
  const labels = pod.metadata?.labels || {};
  for (const l of ['app.kubernetes.io/name', 'app.kubernetes.io/part-of', 'app.kubernetes.io/component'])
    if (!labels[l] || !d.metadata.labels?.[l]) err(d, `label ${l} missing on the Deployment or its pods`);
  for (const c of pod.spec.containers) {
    for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (!c[p]) err(d, `container ${c.name}: no ${p}`);
    for (const r of ['requests', 'limits']) for (const q of ['cpu', 'memory'])
      if (!c.resources?.[r]?.[q]) err(d, `container ${c.name}: no resources.${r}.${q}`);
    for (const ef of c.envFrom || []) {
      if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) err(d, `envFrom ConfigMap ${ef.configMapRef.name} not rendered`);
      if (ef.secretRef) expectedSecrets.set(ef.secretRef.name, 'created by the operators (deploy/README.md#secrets)');
    }
    for (const e of c.env || []) if (e.valueFrom?.secretKeyRef) expectedSecrets.set(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.name.endsWith('-db-app') ? 'created by CloudNativePG' : e.valueFrom.secretKeyRef.name === 'keycloak-client-secrets' ? 'created by the operators' : 'created by the Strimzi User Operator');
  }
  if (!policies.some((p) => Object.keys(p.spec.podSelector?.matchLabels || {}).length && matches(p.spec.podSelector.matchLabels, labels) && p.spec.egress && p.spec.ingress))
    err(d, 'no NetworkPolicy allowing its ingress and egress');
  const svc = byKind('Service').find((s) => matches(s.spec.selector, labels));
  if (!svc) err(d, 'no Service selects its pods');
  else if (!byKind('ServiceMonitor').some((m) => matches(m.spec.selector?.matchLabels, svc.metadata.labels))) err(d, `no ServiceMonitor selects Service ${svc.metadata.name}`);
  if (production) {
    if (!(d.spec.replicas >= 2)) err(d, `production: replicas ${d.spec.replicas} < 2`);
    if (!byKind('PodDisruptionBudget').some((p) => matches(p.spec.selector?.matchLabels, labels))) err(d, 'production: no PodDisruptionBudget');
    const hpa = byKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name);
    if (!hpa) err(d, 'production: no HorizontalPodAutoscaler');
    else {
      if (!(hpa.spec.minReplicas >= 2)) err(d, 'production: HPA minReplicas < 2');
      if (!hpa.spec.metrics?.some((m) => m.type === 'Resource' && m.resource?.name === 'cpu')) err(d, 'production: HPA not on CPU');
    }
    if (!pod.spec.topologySpreadConstraints?.length) err(d, 'production: no topologySpreadConstraints');
  }
}

// Secrets referenced by other objects (reported, never rendered)
for (const d of deployments) for (const v of d.spec.template.spec.volumes || []) if (v.secret) expectedSecrets.set(v.secret.secretName, 'created by Strimzi');
for (const i of byKind('Ingress')) for (const t of i.spec.tls || []) expectedSecrets.set(t.secretName, 'TLS certificate (cert-manager or operators)');
for (const k of byKind('Keycloak')) for (const s of [k.spec.db?.usernameSecret, k.spec.db?.passwordSecret]) if (s) expectedSecrets.set(s.name, 'created by CloudNativePG');
for (const r of byKind('KeycloakRealmImport')) for (const p of Object.values(r.spec.placeholders || {})) expectedSecrets.set(p.secret.name, 'created by the operators');
for (const o of byKind('ObjectStore')) for (const c of Object.values(o.spec.configuration.s3Credentials || {})) if (c?.name) expectedSecrets.set(c.name, 'created by the operators');

// Kafka: topics and users consistent with each other
const topics = new Map(byKind('KafkaTopic').map((t) => [t.spec.topicName || t.metadata.name, t]));
for (const t of topics.values()) {
  if (production && (t.spec.replicas < 3 || Number(t.spec.config?.['min.insync.replicas']) !== 2)) err(t, 'production: replicas must be 3 and min.insync.replicas 2');
  if (t.spec.config?.['min.insync.replicas'] > t.spec.replicas) err(t, 'min.insync.replicas > replicas: every write would fail');
}
for (const u of byKind('KafkaUser')) for (const a of u.spec.authorization?.acls || [])
  if (a.resource.type === 'topic' && a.resource.patternType !== 'prefix' && !topics.has(a.resource.name)) err(u, `ACL on topic ${a.resource.name} which has no KafkaTopic`);
for (const name of topics.keys()) if (!name.endsWith('.dlq') && byKind('KafkaUser').length && !byKind('KafkaUser').some((u) => u.spec.authorization.acls.some((a) => a.resource.name === name && a.operations.includes('Write'))))
  err(topics.get(name), 'no KafkaUser may write it');
if (production) for (const r of byKind('KeycloakRealmImport')) {
  for (const c of r.spec.realm.clients || []) if (c.secret !== undefined && !/^\$\{[A-Z0-9_]+\}$/.test(c.secret)) err(r, `production: client ${c.clientId} has a literal secret (use a placeholder)`);
  for (const u of r.spec.realm.users || []) if (u.credentials?.length) err(r, `production: user ${u.username} has credentials in the realm`);
}
if (production) for (const p of byKind('KafkaNodePool')) if (p.spec.roles.includes('broker') && p.spec.replicas < 3) err(p, 'production: fewer than 3 brokers');

// ---------------- report ----------------
console.log(`  ${objects.length} objects:`);
for (const [k, n] of Object.entries(counts).sort()) console.log(`    ${String(n).padStart(3)} ${k.padEnd(58)} ${how[k] || 'NO SCHEMA'}`);
console.log('  note: unknown fields of built-in kinds are not detected (kubernetes-models checks types, required fields and');
console.log('        enums); the CRD schemas reject unknown fields where marked strict. Full check: kubectl apply --dry-run=server.');
console.log(`  Secrets this overlay expects (none is committed): ${[...expectedSecrets.keys()].sort().join(', ')}`);
if (errors.length) {
  console.log(`  ${errors.length} ERROR(S):`);
  for (const e of errors) console.log(`    - ${e}`);
  process.exit(1);
}
console.log(`  OK: ${overlay} valid`);
