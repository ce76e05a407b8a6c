// Spectral function (house ruleset): an application/problem+json media type shows, in its example or in each of its
// examples, the problem `type` (https://ent.somme-numerique.fr/problems/<slug>) a client branches on.
const TYPE = /^https:\/\/ent\.somme-numerique\.fr\/problems\/[a-z0-9]+(-[a-z0-9]+)*$/;

export default function problemType(media) {
  if (!media || typeof media !== 'object') return [];
  const values = [];
  if (media.example !== undefined) values.push(media.example);
  if (media.examples && typeof media.examples === 'object') {
    for (const ex of Object.values(media.examples)) {
      if (ex && ex.value !== undefined) values.push(ex.value);
    }
  }
  if (values.length === 0) {
    return [{ message: 'the problem+json response has no example showing its type' }];
  }
  const bad = values.filter((v) => !v || typeof v.type !== 'string' || !TYPE.test(v.type));
  return bad.length === 0
    ? []
    : [{ message: 'a problem+json example has no type https://ent.somme-numerique.fr/problems/<slug>' }];
}
