// Spectral function (house ruleset): a media type (request or response body) or a parameter shows an example:
// `example` or `examples` on it, or on its schema.
const has = (o) => !!o && typeof o === 'object' && (o.example !== undefined || (o.examples !== undefined && o.examples !== null));

export default function hasExample(target) {
  if (!target || typeof target !== 'object') return [];
  if (has(target) || has(target.schema)) return [];
  return [{ message: 'no example (set example or examples on it or on its schema)' }];
}
