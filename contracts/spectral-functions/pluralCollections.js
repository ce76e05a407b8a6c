// Spectral function (house ruleset, contracts/.spectral.yaml): a path segment that names a collection is plural.
// Input: the `paths` object. A collection segment is a literal segment followed by a {parameter}, or the last
// literal segment of a path whose GET answers a list (a JSON array, or a page {items: [...]}). A path whose operations
// are all deprecated is skipped: it keeps its former name only while its clients move to the plural one.
const METHODS = ['get'];
const OPERATIONS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
// Plurals that do not end in "s", and collective nouns that name a collection in the singular.
const IRREGULAR_PLURALS = new Set(['children', 'people', 'data', 'criteria', 'media', 'history', 'outbox', 'inbox', 'dlq']);

function isPlural(word) {
  const last = word.split('-').pop();
  return IRREGULAR_PLURALS.has(last) || /[a-z]s$/.test(last);
}

function answersList(pathItem) {
  for (const m of METHODS) {
    const op = pathItem && pathItem[m];
    const ok = op && op.responses && (op.responses['200'] || op.responses['206']);
    if (!ok || !ok.content) continue;
    for (const media of Object.values(ok.content)) {
      const s = media && media.schema;
      if (!s) continue;
      if (s.type === 'array') return true;
      if (s.properties && s.properties.items && s.properties.items.type === 'array') return true;
    }
  }
  return false;
}

function deprecated(pathItem) {
  const ops = OPERATIONS.map((m) => pathItem && pathItem[m]).filter(Boolean);
  return ops.length > 0 && ops.every((op) => op.deprecated === true);
}

export default function pluralCollections(paths) {
  if (!paths || typeof paths !== 'object') return [];
  const results = [];
  for (const [path, item] of Object.entries(paths)) {
    if (path.startsWith('/scim/')) continue; // RFC 7644 names its own resources
    if (deprecated(item)) continue; // a former path, kept while its clients move
    const segments = path.split('/').filter((s) => s.length > 0);
    const seen = new Set();
    segments.forEach((seg, i) => {
      if (seg.startsWith('{')) return;
      const next = segments[i + 1];
      const beforeId = next !== undefined && next.startsWith('{');
      const lastListed = i === segments.length - 1 && answersList(item);
      if ((beforeId || lastListed) && !isPlural(seg) && !seen.has(seg)) {
        seen.add(seg);
        results.push({
          message: `${path}: the collection segment "${seg}" is not a plural noun`,
          path: ['paths', path],
        });
      }
    });
  }
  return results;
}
