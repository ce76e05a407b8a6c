// JVM options of the services (issue #15 point 6) on a rendered overlay (`kubectl kustomize` output).
//
//   node check-jvm.mjs <rendered.yaml> <overlay>     # exit 1 on any error
//   node check-jvm.mjs --self-test <rendered.yaml>   # negative controls: each regression, injected in memory, is reported
//
// Every service Deployment (label app.kubernetes.io/component=api) and the console's (component=console) takes its configuration from a ConfigMap whose
//   JDK_JAVA_OPTIONS  equals the one line of scripts/service-jvm-options (what local runs and the benchmark use);
//   GC_CONTAINER_OPTIONS  selects the same collector (run-java.sh of the UBI images adds its own otherwise);
// and its memory limit holds the heap (-Xmx) plus 128 MiB for what is not heap (metaspace, code, threads, buffers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NON_HEAP_MIB = 128;

export const serviceJvmOptions = () =>
  fs.readFileSync(path.join(repo, 'scripts', 'service-jvm-options'), 'utf8').split('\n')[0].trim();

const mib = (q) => {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|k|M|G)?$/.exec(String(q ?? '').trim());
  if (!m) return NaN;
  const f = { Ki: 1 / 1024, Mi: 1, Gi: 1024, k: 1000 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576 }[m[2]] ?? 1 / 1048576;
  return Number(m[1]) * f;
};
const heapMib = (opts) => {
  const m = /(?:^|\s)-Xmx(\d+)([kKmMgG])?(?=\s|$)/.exec(opts);
  if (!m) return NaN;
  return Number(m[1]) * ({ k: 1 / 1024, m: 1, g: 1024 }[(m[2] || '').toLowerCase()] ?? 1 / 1048576);
};

export function check(docs, expected) {
  const errors = [];
  const configMaps = new Map(docs.filter((d) => d?.kind === 'ConfigMap').map((d) => [d.metadata.name, d.data || {}]));
  const gc = (/-XX:\+Use\w+GC/.exec(expected) || [])[0];
  const heap = heapMib(expected);
  if (!gc) errors.push(`scripts/service-jvm-options: no collector chosen (-XX:+Use...GC): "${expected}"`);
  if (!(heap > 0)) errors.push(`scripts/service-jvm-options: no heap size (-Xmx): "${expected}"`);
  // the four services (component api) and the web console (component console): the same JVM, the same options
  const services = docs.filter((d) => d?.kind === 'Deployment' && ['api', 'console'].includes(d.metadata?.labels?.['app.kubernetes.io/component']));
  if (!services.some((d) => d.metadata.labels['app.kubernetes.io/component'] === 'api')) errors.push('no service Deployment (label app.kubernetes.io/component=api)');
  for (const d of services) {
    const c = d.spec.template.spec.containers[0];
    const where = `Deployment ${d.metadata.name}`;
    const data = (c.envFrom || []).map((e) => e.configMapRef && configMaps.get(e.configMapRef.name)).filter(Boolean)
      .find((cm) => 'JDK_JAVA_OPTIONS' in cm);
    if (!data) { errors.push(`${where}: no ConfigMap with JDK_JAVA_OPTIONS in envFrom`); continue; }
    if (String(data.JDK_JAVA_OPTIONS).trim() !== expected)
      errors.push(`${where}: JDK_JAVA_OPTIONS "${data.JDK_JAVA_OPTIONS}" differs from scripts/service-jvm-options "${expected}"`);
    if (gc && String(data.GC_CONTAINER_OPTIONS ?? '').trim() !== gc)
      errors.push(`${where}: GC_CONTAINER_OPTIONS must be "${gc}" (is "${data.GC_CONTAINER_OPTIONS ?? ''}")`);
    const limit = mib(c.resources?.limits?.memory);
    if (!(limit >= heap + NON_HEAP_MIB))
      errors.push(`${where}: limits.memory ${c.resources?.limits?.memory} < -Xmx ${heap} MiB + ${NON_HEAP_MIB} MiB non-heap`);
  }
  return errors;
}

const load = (file) => YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const expected = serviceJvmOptions();
  if (args[0] === '--self-test') {
    const base = load(args[1]);
    const mutate = (f) => { const docs = structuredClone(base); f(docs); return docs; };
    const cms = (docs) => docs.filter((d) => d?.kind === 'ConfigMap' && d.data && 'JDK_JAVA_OPTIONS' in d.data);
    const cases = {
      'JDK_JAVA_OPTIONS differing from scripts/service-jvm-options': mutate((docs) => { cms(docs)[0].data.JDK_JAVA_OPTIONS += ' -Xss256k'; }),
      'JDK_JAVA_OPTIONS missing': mutate((docs) => { delete cms(docs)[0].data.JDK_JAVA_OPTIONS; }),
      'GC_CONTAINER_OPTIONS choosing another collector': mutate((docs) => { cms(docs)[0].data.GC_CONTAINER_OPTIONS = '-XX:+UseParallelGC'; }),
      'the console\'s JDK_JAVA_OPTIONS differing': mutate((docs) => {
        const d = docs.find((x) => x?.kind === 'Deployment' && x.metadata?.labels?.['app.kubernetes.io/component'] === 'console');
        const name = d.spec.template.spec.containers[0].envFrom.find((e) => e.configMapRef).configMapRef.name;
        docs.find((x) => x?.kind === 'ConfigMap' && x.metadata.name === name).data.JDK_JAVA_OPTIONS = '-Xmx1g';
      }),
      'memory limit smaller than the heap': mutate((docs) => {
        docs.find((d) => d?.kind === 'Deployment' && d.metadata?.labels?.['app.kubernetes.io/component'] === 'api')
          .spec.template.spec.containers[0].resources.limits.memory = '256Mi';
      }),
    };
    let failed = 0;
    if (check(base, expected).length) { console.log('self-test: the unmodified overlay is not clean'); failed++; }
    for (const [name, docs] of Object.entries(cases)) {
      const errs = check(docs, expected);
      console.log(`${errs.length ? 'rejected' : 'NOT REJECTED'}: ${name}${errs.length ? ` (${errs[0]})` : ''}`);
      if (!errs.length) failed++;
    }
    process.exit(failed ? 1 : 0);
  }
  const [file, overlay] = args;
  const errors = check(load(file), expected);
  for (const e of errors) console.log(`ERROR [${overlay}] ${e}`);
  if (!errors.length) console.log(`[${overlay}] JVM options = scripts/service-jvm-options (${expected}); heap fits the memory limits`);
  process.exit(errors.length ? 1 : 0);
}
