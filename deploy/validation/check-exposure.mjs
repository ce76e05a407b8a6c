// Exposure and production realm checks (issue #14 point 6) on a rendered overlay (`kubectl kustomize` output).
//
//   node check-exposure.mjs <rendered.yaml> <overlay> [--production]   # exit 1 on any error
//   node check-exposure.mjs --self-test <rendered-production.yaml>      # negative controls: each known regression,
//                                                                       # injected in memory, must be reported
// Every overlay:
//   ingress     only Prefix/Exact paths; no path covering /q (health, metrics, OpenAPI, Swagger UI, dev UI), except
//               `/` of the web console (component console) while its container declares the management port 9000
//               (Quarkus then serves /q there, not on the http port); no
//               regex, rewrite or snippet annotation, no default backend; the services are reached on their `http`
//               Service port only; Keycloak only on /realms/<imported realm> and /resources (never /admin, never
//               the master realm); the Keycloak operator's own ingress disabled;
//   management  each service (and console) container declares the port `management` 9000; its three probes use it (/q/health/*);
//               its ServiceMonitor scrapes it (/q/metrics); its NetworkPolicies open 9000 to the monitoring
//               namespace only (and Prometheus can reach it).
// Production (--production), each KeycloakRealmImport:
//   clients     directAccessGrantsEnabled explicitly false on every client (no password grant: it would bypass
//               the OTP); no implicit flow; public clients with the code flow require PKCE S256; no client
//               overrides the browser or direct grant flow;
//   realm       bruteForceProtected with a failure factor 1..10; a passwordPolicy with length >= 12 and notUsername;
//               the browser flow requires an OTP form (REQUIRED, reached through the password path) for a new user
//               with the role operator, with finance, with both (once); CONFIGURE_TOTP not disabled; every flow,
//               config and role the flows name exists; every flow binding resolves.
import fs from 'node:fs';
import YAML from 'yaml';

export const MANAGEMENT_PORT = 9000;
export const OTP_ROLES = ['operator', 'finance'];
const API_LABEL = 'app.kubernetes.io/component';
// Quarkus workloads of the suite: the four services (component api) and the web console (component console)
const WORKLOADS = ['api', 'console'];
const isWorkload = (d) => WORKLOADS.includes(d.spec.template.metadata?.labels?.[API_LABEL]);
const hasManagementPort = (d) => (d.spec.template.spec.containers[0].ports || []).some((p) => p.name === 'management' && p.containerPort === MANAGEMENT_PORT);
const FORBIDDEN_ANNOTATIONS = /^nginx\.ingress\.kubernetes\.io\/(use-regex|rewrite-target|configuration-snippet|server-snippet|location-snippet|app-root|default-backend|custom-http-errors)$/;

const matches = (sel, labels) => !!sel && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
const trimSlash = (p) => (p || '/').replace(/\/+$/, '');
// does an ingress path (type Prefix/Exact) route the request path `target` (a path prefix such as /q)?
export function covers(path, pathType, target) {
  const p = trimSlash(path);
  if (pathType === 'Exact') return p === target || p.startsWith(target + '/');
  return p === '' || p === target || p.startsWith(target + '/') || target.startsWith(p + '/');
}
const isManagement = (port) => port === MANAGEMENT_PORT || port === 'management' || port === String(MANAGEMENT_PORT);

// ------------------------------------------------------------------ ingress
function checkIngress(objects, err) {
  const byKind = (k) => objects.filter((o) => o.kind === k);
  const keycloaks = byKind('Keycloak');
  const keycloakServices = new Set(keycloaks.map((k) => `${k.metadata.name}-service`));
  const realms = byKind('KeycloakRealmImport').map((r) => r.spec.realm.realm);
  const allowedKeycloak = new Set([...realms.map((r) => `/realms/${r}`), '/resources']);
  const apiServices = new Map();
  for (const d of byKind('Deployment').filter(isWorkload)) {
    const svc = byKind('Service').find((s) => matches(s.spec.selector, d.spec.template.metadata.labels));
    if (svc) apiServices.set(svc.metadata.name, { svc, deployment: d });
  }
  for (const k of keycloaks) if (k.spec.ingress?.enabled !== false) err(k, 'spec.ingress.enabled must be false: the operator\'s own ingress would publish every path, /admin included');
  for (const i of byKind('Ingress')) {
    for (const [a, v] of Object.entries(i.metadata.annotations || {})) {
      if (FORBIDDEN_ANNOTATIONS.test(a)) err(i, `annotation ${a}=${v}: regex, rewrites and snippets can route paths this check cannot see`);
    }
    if (i.spec.defaultBackend) err(i, 'spec.defaultBackend routes every path of every host');
    for (const rule of i.spec.rules || []) {
      if (!rule.host) err(i, 'a rule without host serves every host name');
      for (const p of rule.http?.paths || []) {
        const where = `${rule.host || '*'}${p.path}`;
        if (!['Prefix', 'Exact'].includes(p.pathType)) { err(i, `${where}: pathType ${p.pathType} (only Prefix or Exact are checkable)`); continue; }
        const name = p.backend?.service?.name;
        const target = apiServices.get(name)?.deployment;
        // the console's pages are its paths: `/` is allowed for it, /q itself never, and only while /q is on 9000
        const underQ = trimSlash(p.path) === '/q' || trimSlash(p.path).startsWith('/q/');
        const consoleRoot = !!target && target.spec.template.metadata.labels[API_LABEL] === 'console' && hasManagementPort(target) && !underQ;
        if (covers(p.path, p.pathType, '/q') && !consoleRoot) err(i, `${where} routes /q/ (health, metrics, OpenAPI, Swagger UI must stay off the ingress)`);
        const port = p.backend?.service?.port?.name ?? p.backend?.service?.port?.number;
        if (keycloakServices.has(name)) {
          if (covers(p.path, p.pathType, '/admin')) err(i, `${where} routes Keycloak /admin (the admin console must not be on the public host)`);
          if (covers(p.path, p.pathType, '/realms/master')) err(i, `${where} routes Keycloak's master realm (admin logins)`);
          if (!allowedKeycloak.has(trimSlash(p.path))) err(i, `${where}: Keycloak is routed only on ${[...allowedKeycloak].join(', ')}`);
        } else if (apiServices.has(name)) {
          const { svc, deployment } = apiServices.get(name);
          const sp = (svc.spec.ports || []).find((x) => x.name === port || x.port === port);
          const http = deployment.spec.template.spec.containers[0].ports?.find((x) => x.name === 'http');
          if (!sp) err(i, `${where}: Service ${name} has no port ${port}`);
          else if (isManagement(sp.targetPort) || !(sp.targetPort === 'http' || sp.targetPort === http?.containerPort))
            err(i, `${where}: routes port ${port} of ${name}, which is not the service's http port (management stays internal)`);
        } else err(i, `${where}: backend ${name} is neither a service of the suite nor Keycloak`);
      }
    }
  }
}

// ------------------------------------------------------------------ management interface
function checkManagement(objects, err) {
  const byKind = (k) => objects.filter((o) => o.kind === k);
  for (const d of byKind('Deployment').filter(isWorkload)) {
    const labels = d.spec.template.metadata.labels;
    const c = d.spec.template.spec.containers[0];
    if (!(c.ports || []).some((p) => p.name === 'management' && p.containerPort === MANAGEMENT_PORT))
      err(d, `container ${c.name}: no port management ${MANAGEMENT_PORT} (quarkus.management.enabled=true)`);
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const g = c[probe]?.httpGet;
      if (!g) { err(d, `${probe}: no httpGet`); continue; }
      if (!isManagement(g.port)) err(d, `${probe} on port ${g.port}: must use the management port (${MANAGEMENT_PORT})`);
      if (!String(g.path).startsWith('/q/health')) err(d, `${probe} path ${g.path}: expected /q/health/*`);
    }
    for (const e of c.env || []) if (e.name === 'QUARKUS_MANAGEMENT_PORT' && e.value !== String(MANAGEMENT_PORT)) err(d, `QUARKUS_MANAGEMENT_PORT=${e.value}: probes and scrape expect ${MANAGEMENT_PORT}`);
    for (const o of [d.metadata, d.spec.template.metadata]) {
      const ann = o.annotations?.['prometheus.io/port'];
      if (ann !== undefined && ann !== String(MANAGEMENT_PORT)) err(d, `annotation prometheus.io/port=${ann}: metrics are on ${MANAGEMENT_PORT}`);
    }
    const svc = byKind('Service').find((s) => matches(s.spec.selector, labels));
    const svcAnn = svc?.metadata.annotations?.['prometheus.io/port'];
    if (svcAnn !== undefined && svcAnn !== String(MANAGEMENT_PORT)) err(svc, `annotation prometheus.io/port=${svcAnn}: metrics are on ${MANAGEMENT_PORT}`);
    const monitors = svc ? byKind('ServiceMonitor').filter((m) => matches(m.spec.selector?.matchLabels, svc.metadata.labels)) : [];
    if (!monitors.length) err(d, 'no ServiceMonitor');
    for (const m of monitors) for (const ep of m.spec.endpoints || []) {
      if (!(ep.port === 'management' || isManagement(ep.targetPort))) err(m, `ServiceMonitor endpoint on ${ep.port ?? ep.targetPort}: must scrape the management port`);
      if (ep.path !== '/q/metrics') err(m, `ServiceMonitor path ${ep.path}: expected /q/metrics`);
    }
    let monitoringAllowed = false;
    for (const np of byKind('NetworkPolicy').filter((p) => Object.keys(p.spec.podSelector?.matchLabels || {}).length && matches(p.spec.podSelector.matchLabels, labels))) {
      for (const rule of np.spec.ingress || []) {
        const opens = !rule.ports || rule.ports.some((p) => p.port === undefined || isManagement(p.port) || (p.endPort && p.port <= MANAGEMENT_PORT && p.endPort >= MANAGEMENT_PORT));
        if (!opens) continue;
        const peers = rule.from || [];
        const onlyMonitoring = peers.length > 0 && peers.every((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring' && !f.ipBlock);
        if (!onlyMonitoring) err(np, `opens the management port ${MANAGEMENT_PORT} of ${d.metadata.name} to more than the monitoring namespace`);
        else monitoringAllowed = true;
      }
    }
    if (!monitoringAllowed) err(d, `no NetworkPolicy lets Prometheus (namespace monitoring) reach port ${MANAGEMENT_PORT}`);
  }
}

// ------------------------------------------------------------------ production realm
// The password path of a browser flow, evaluated for a user who has `roles` and no OTP device yet:
// returns the REQUIRED authenticators it runs (conditions evaluated; unknown conditions count as false).
export function browserPath(realm, flowAlias, roles) {
  const flows = new Map((realm.authenticationFlows || []).map((f) => [f.alias, f]));
  const configs = new Map((realm.authenticatorConfig || []).map((c) => [c.alias, c.config || {}]));
  const condition = (e) => {
    if (e.authenticator === 'conditional-user-role') {
      const cfg = configs.get(e.authenticatorConfig) || {};
      const has = roles.includes(cfg.condUserRole);
      return String(cfg.negate) === 'true' ? !has : has;
    }
    return false; // conditional-user-configured (no device yet) and anything unknown
  };
  const run = (alias, seen) => {
    const f = flows.get(alias);
    if (!f || seen.has(alias)) return null;
    const ex = [...(f.authenticationExecutions || [])].sort((a, b) => a.priority - b.priority);
    const required = [];
    for (const e of ex) {
      if (e.requirement === 'DISABLED' || e.authenticator?.startsWith('conditional-')) continue;
      if (e.authenticatorFlow) {
        if (e.requirement === 'CONDITIONAL') {
          const sub = flows.get(e.flowAlias);
          const conds = (sub?.authenticationExecutions || []).filter((x) => x.authenticator?.startsWith('conditional-') && x.requirement !== 'DISABLED');
          if (!conds.length || !conds.every(condition)) continue;
        }
        const inner = run(e.flowAlias, new Set([...seen, alias]));
        // an ALTERNATIVE subflow counts only if it is the password path
        if (inner && (e.requirement !== 'ALTERNATIVE' || inner.includes('auth-username-password-form'))) required.push(...inner);
      } else if (e.requirement === 'REQUIRED' || (e.requirement === 'ALTERNATIVE' && e.authenticator === 'auth-username-password-form')) {
        required.push(e.authenticator);
      }
    }
    return required;
  };
  return run(flowAlias, new Set()) || [];
}

function checkRealm(r, err) {
  const realm = r.spec.realm;
  for (const c of realm.clients || []) {
    if (c.directAccessGrantsEnabled !== false) err(r, `client ${c.clientId}: password grant (directAccessGrantsEnabled) must be explicitly false in production`);
    if (c.implicitFlowEnabled === true) err(r, `client ${c.clientId}: implicit flow enabled`);
    if (c.publicClient && c.standardFlowEnabled !== false && c.attributes?.['pkce.code.challenge.method'] !== 'S256') err(r, `client ${c.clientId}: public client without PKCE S256`);
    const o = c.authenticationFlowBindingOverrides || {};
    if (o.browser || o.direct_grant) err(r, `client ${c.clientId}: overrides the browser/direct grant flow (would bypass the OTP rules)`);
  }
  if (realm.bruteForceProtected !== true) err(r, 'brute-force detection off (bruteForceProtected)');
  else if (!(realm.failureFactor >= 1 && realm.failureFactor <= 10)) err(r, `brute-force failureFactor ${realm.failureFactor}: expected 1..10`);
  const policy = realm.passwordPolicy || '';
  const len = /(?:^|\s)length\((\d+)\)/.exec(policy);
  if (!policy) err(r, 'no password policy (passwordPolicy)');
  else {
    if (!len || Number(len[1]) < 12) err(r, `password policy "${policy}": length must be >= 12`);
    if (!/(^|\s)notUsername\b/.test(policy)) err(r, `password policy "${policy}": notUsername missing`);
  }
  const flows = new Map((realm.authenticationFlows || []).map((f) => [f.alias, f]));
  const configs = new Set((realm.authenticatorConfig || []).map((c) => c.alias));
  const roles = new Set((realm.roles?.realm || []).map((x) => x.name));
  if (!flows.size) err(r, 'no authenticationFlows: the OTP rules cannot be imported');
  for (const f of flows.values()) for (const e of f.authenticationExecutions || []) {
    if (e.authenticatorFlow && !flows.has(e.flowAlias)) err(r, `flow "${f.alias}" names the missing subflow "${e.flowAlias}"`);
    if (e.authenticatorConfig && !configs.has(e.authenticatorConfig)) err(r, `flow "${f.alias}" names the missing config "${e.authenticatorConfig}"`);
  }
  for (const c of realm.authenticatorConfig || []) if (c.config?.condUserRole && !roles.has(c.config.condUserRole)) err(r, `config "${c.alias}" names the unknown role ${c.config.condUserRole}`);
  for (const b of ['browserFlow', 'directGrantFlow', 'registrationFlow', 'resetCredentialsFlow', 'clientAuthenticationFlow', 'dockerAuthenticationFlow', 'firstBrokerLoginFlow'])
    if (flows.size && !flows.has(realm[b])) err(r, `${b} "${realm[b]}" is not one of the realm's flows (Keycloak would leave it unset)`);
  const browser = realm.browserFlow;
  for (const set of [...OTP_ROLES.map((x) => [x]), OTP_ROLES]) {
    const path = browserPath(realm, browser, set);
    const otp = path.filter((a) => a === 'auth-otp-form').length;
    if (!path.includes('auth-username-password-form')) err(r, `browser flow "${browser}": no password form on the login path`);
    if (otp === 0) err(r, `browser flow "${browser}": no REQUIRED OTP for a user with role(s) ${set.join('+')} (OTP must be required for ${OTP_ROLES.join(' and ')})`);
    if (otp > 1) err(r, `browser flow "${browser}": ${otp} OTP forms in a row for role(s) ${set.join('+')}`);
  }
  const totp = (realm.requiredActions || []).find((a) => a.alias === 'CONFIGURE_TOTP');
  if (realm.requiredActions && (!totp || totp.enabled === false)) err(r, 'required action CONFIGURE_TOTP missing or disabled: operators could not enrol their OTP');
}

export function check(objects, { production }) {
  const errors = [];
  const err = (o, msg) => errors.push(`${o.kind}/${o.metadata?.name}: ${msg}`);
  checkIngress(objects, err);
  checkManagement(objects, err);
  if (production) {
    const imports = objects.filter((o) => o.kind === 'KeycloakRealmImport');
    if (!imports.length) errors.push('production: no KeycloakRealmImport');
    for (const r of imports) checkRealm(r, err);
  }
  return errors;
}

const load = (file) => YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);

// ------------------------------------------------------------------ negative controls
const find = (objs, kind, name) => objs.find((o) => o.kind === kind && (!name || o.metadata.name === name));
const realmOf = (objs) => find(objs, 'KeycloakRealmImport').spec.realm;
const flow = (objs, alias) => realmOf(objs).authenticationFlows.find((f) => f.alias === alias);
const kcRule = (objs) => find(objs, 'Ingress').spec.rules.find((r) => r.http.paths.some((p) => p.backend.service.name.endsWith('keycloak-service')));
const consoleDeployment = (objs) => objs.find((o) => o.kind === 'Deployment' && o.spec.template.metadata?.labels?.[API_LABEL] === 'console');
const consoleRule = (objs) => find(objs, 'Ingress').spec.rules.find((r) => r.http.paths.some((p) => p.backend.service.name === consoleDeployment(objs).metadata.name));
const apiDeployment = (objs) => objs.find((o) => o.kind === 'Deployment' && o.spec.template.metadata?.labels?.[API_LABEL] === 'api');
const MUTATIONS = [
  ['public client ent-cli with the password grant', /ent-cli: password grant/, (o) => { realmOf(o).clients.find((c) => c.clientId === 'ent-cli').directAccessGrantsEnabled = true; }],
  ['a client without an explicit directAccessGrantsEnabled', /password grant/, (o) => { delete realmOf(o).clients.at(-1).directAccessGrantsEnabled; }],
  ['brute-force detection off', /brute-force detection off/, (o) => { realmOf(o).bruteForceProtected = false; }],
  ['no password policy', /no password policy/, (o) => { delete realmOf(o).passwordPolicy; }],
  ['password length 8', /length must be >= 12/, (o) => { realmOf(o).passwordPolicy = 'length(8) and notUsername(undefined)'; }],
  ['browser flow bound to the default one (OTP only if configured)', /no REQUIRED OTP/, (o) => { realmOf(o).browserFlow = 'browser'; }],
  ['no OTP form in the finance subflow', /no REQUIRED OTP for a user with role\(s\) finance \(/, (o) => {
    const f = realmOf(o).authenticationFlows.find((x) => x.authenticationExecutions.some((e) => e.authenticatorConfig && realmOf(o).authenticatorConfig.find((c) => c.alias === e.authenticatorConfig)?.config.condUserRole === 'finance' && String(realmOf(o).authenticatorConfig.find((c) => c.alias === e.authenticatorConfig).config.negate) !== 'true'));
    f.authenticationExecutions = f.authenticationExecutions.filter((e) => e.authenticator !== 'auth-otp-form');
  }],
  ['OTP subflow made optional (DISABLED)', /no REQUIRED OTP/, (o) => {
    for (const f of realmOf(o).authenticationFlows) for (const e of f.authenticationExecutions) if (e.requirement === 'CONDITIONAL') e.requirement = 'DISABLED';
  }],
  ['CONFIGURE_TOTP disabled', /CONFIGURE_TOTP/, (o) => { realmOf(o).requiredActions = [{ alias: 'CONFIGURE_TOTP', providerId: 'CONFIGURE_TOTP', enabled: false }]; }],
  ['a client overriding the browser flow', /overrides the browser/, (o) => { realmOf(o).clients[0].authenticationFlowBindingOverrides = { browser: 'x' }; }],
  ['ingress path / on a service host', /routes \/q\//, (o) => { find(o, 'Ingress').spec.rules[0].http.paths[0].path = '/'; }],
  ['ingress path /q/metrics', /routes \/q\//, (o) => { find(o, 'Ingress').spec.rules[0].http.paths[0].path = '/q/metrics'; }],
  ['ingress regex path', /pathType ImplementationSpecific/, (o) => { find(o, 'Ingress').spec.rules[0].http.paths[0].pathType = 'ImplementationSpecific'; }],
  ['Keycloak / on the public host', /routes Keycloak \/admin/, (o) => { kcRule(o).http.paths[0].path = '/'; }],
  ['Keycloak /admin on the public host', /routes Keycloak \/admin/, (o) => { kcRule(o).http.paths.push({ ...kcRule(o).http.paths[0], path: '/admin' }); }],
  ['Keycloak master realm on the public host', /master realm/, (o) => { kcRule(o).http.paths[0].path = '/realms/master'; }],
  ['the Keycloak operator\'s ingress on', /spec.ingress.enabled must be false/, (o) => { find(o, 'Keycloak').spec.ingress.enabled = true; }],
  ['liveness probe on the http port', /livenessProbe on port 8/, (o) => { apiDeployment(o).spec.template.spec.containers[0].livenessProbe.httpGet.port = 8081; }],
  ['no management container port', /no port management/, (o) => { const c = apiDeployment(o).spec.template.spec.containers[0]; c.ports = c.ports.filter((p) => p.name !== 'management'); }],
  ['console routed on / without its management port (/q would be on the public host)', /routes \/q\//, (o) => {
    const c = consoleDeployment(o).spec.template.spec.containers[0]; c.ports = c.ports.filter((p) => p.name !== 'management');
  }],
  ['console routed on /q', /routes \/q\//, (o) => { consoleRule(o).http.paths.push({ ...consoleRule(o).http.paths[0], path: '/q' }); }],
  ['console probes on the http port', /readinessProbe on port 8080/, (o) => { consoleDeployment(o).spec.template.spec.containers[0].readinessProbe.httpGet.port = 8080; }],
  ['console NetworkPolicy opening 9000 to the ingress controller', /to more than the monitoring namespace/, (o) => {
    find(o, 'NetworkPolicy', consoleDeployment(o).metadata.name).spec.ingress.push({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: MANAGEMENT_PORT }] });
  }],
  ['ServiceMonitor on the http port', /must scrape the management port/, (o) => { for (const m of o.filter((x) => x.kind === 'ServiceMonitor')) m.spec.endpoints = [{ targetPort: 8081, path: '/q/metrics' }]; }],
  ['NetworkPolicy opening 9000 to the ingress controller', /to more than the monitoring namespace/, (o) => {
    const np = find(o, 'NetworkPolicy', apiDeployment(o).metadata.name);
    np.spec.ingress.push({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: MANAGEMENT_PORT }] });
  }],
  ['NetworkPolicy rule without ports from the ingress controller', /to more than the monitoring namespace/, (o) => {
    const np = find(o, 'NetworkPolicy', apiDeployment(o).metadata.name);
    for (const rule of np.spec.ingress) delete rule.ports;
  }],
];

function selfTest(file) {
  const base = load(file);
  const clean = check(base, { production: true });
  if (clean.length) { console.log(`  the unmodified overlay already fails (${clean.length} errors): fix it first`); return 1; }
  let bad = 0;
  for (const [what, expect, mutate] of MUTATIONS) {
    const copy = structuredClone(base);
    mutate(copy);
    const errors = check(copy, { production: true });
    const hit = errors.find((e) => expect.test(e));
    if (hit) console.log(`  caught  ${what}: ${hit}`);
    else { bad++; console.log(`  MISSED  ${what} (errors: ${errors.join(' | ') || 'none'})`); }
  }
  console.log(bad ? `  ${bad} regression(s) NOT detected` : `  OK: ${MUTATIONS.length} injected regressions, each rejected`);
  return bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const args = process.argv.slice(2);
  if (args[0] === '--self-test') process.exit(selfTest(args[1]));
  const [file, overlay] = args;
  const errors = check(load(file), { production: args.includes('--production') });
  if (errors.length) {
    console.log(`  ${overlay}: ${errors.length} EXPOSURE ERROR(S):`);
    for (const e of errors) console.log(`    - ${e}`);
    process.exit(1);
  }
  console.log(`  OK: ${overlay}: ingress, management interface${args.includes('--production') ? ', production realm' : ''}`);
}
