// Spectral function (house ruleset): an operation declares its own non-empty `security`, unless it is explicitly
// public (`x-ent-public: true` and `security: []`).
export default function operationSecurity(operation) {
  if (!operation || typeof operation !== 'object') return [];
  const security = operation.security;
  if (operation['x-ent-public'] === true) {
    return Array.isArray(security) && security.length === 0
      ? []
      : [{ message: 'an operation marked x-ent-public: true declares security: []' }];
  }
  if (!Array.isArray(security) || security.length === 0 || security.every((r) => !r || Object.keys(r).length === 0)) {
    return [{ message: 'the operation declares no security requirement (roles); mark it x-ent-public: true with security: [] if it is public' }];
  }
  return [];
}
