#!/usr/bin/env bash
# Renders the contracts to static HTML for partners without a running service:
#   target/contracts-html/index.html               the index (services, topics, errors catalogue)
#   target/contracts-html/openapi/<service>.html   each OpenAPI document (contracts/openapi/*.yaml), by Redocly
#   target/contracts-html/asyncapi/index.html      the AsyncAPI document (contracts/asyncapi.yaml), by the AsyncAPI HTML template
#   target/contracts-html/errors.html               the errors catalogue (docs/errors.md)
# The npm tools are pinned (contracts/package-lock.json, contracts/render/package-lock.json) and installed with
# npm ci on the first run; nothing else is fetched. Not part of the test command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
C="$ROOT/contracts"
OUT="$ROOT/target/contracts-html"
bash "$C/scripts/npm-tools.sh" "$C"
bash "$C/scripts/npm-tools.sh" "$C/render"
# No telemetry, no update check (see contracts/scripts/check-contracts.sh).
printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ent-contracts"}' > "$C/node_modules/.asyncapi-analytics"
export ASYNCAPI_METRICS_CONFIG_PATH="$C/node_modules/.asyncapi-analytics" SUPPRESS_NO_CONFIG_WARNING=1 NO_UPDATE_NOTIFIER=1 \
  NODE_NO_WARNINGS=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

rm -rf "$OUT"
mkdir -p "$OUT/openapi" "$OUT/asyncapi"

services=()
for doc in "$C"/openapi/*.yaml; do
  name="$(basename "$doc" .yaml)"
  services+=("$name")
  echo "render-contracts: $name"
  # --inlineBundle: Redoc's scripts inside the page, so that it opens without the network
  if ! "$C/render/node_modules/.bin/redocly" build-docs "$doc" --inlineBundle --output "$OUT/openapi/$name.html" \
      >"$OUT/redocly.log" 2>&1; then
    cat "$OUT/redocly.log" >&2
    exit 1
  fi
  rm -f "$OUT/redocly.log"
done

echo "render-contracts: asyncapi.yaml"
"$C/node_modules/.bin/asyncapi" generate fromTemplate "$C/asyncapi.yaml" "$C/render/node_modules/@asyncapi/html-template" \
  --output "$OUT/asyncapi" --force-write --param singleFile=true >"$OUT/asyncapi.log" 2>&1 || { cat "$OUT/asyncapi.log" >&2; exit 1; }
rm -f "$OUT/asyncapi.log"

echo "render-contracts: docs/errors.md"
{
  echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Errors catalogue</title>'
  echo '<style>body{font-family:sans-serif;max-width:70rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}code{background:#f3f3f3}</style></head><body>'
  "$C/render/node_modules/.bin/marked" --gfm -i "$ROOT/docs/errors.md"
  echo '</body></html>'
} > "$OUT/errors.html"

{
  cat <<'HTML'
<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>ENT Somme Numérique — contrats d'interface</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}</style>
</head>
<body>
<h1>ENT Somme Numérique — contrats d'interface</h1>
<p>Documentation statique des API REST et des sujets Kafka de la suite, générée depuis les contrats du dépôt
(<code>contracts/</code>).</p>
<h2>API REST (OpenAPI 3)</h2>
<ul>
HTML
  for s in "${services[@]}"; do
    echo "<li><a href=\"openapi/$s.html\">$s</a></li>"
  done
  cat <<'HTML'
</ul>
<h2>Événements (AsyncAPI 3)</h2>
<ul><li><a href="asyncapi/index.html">Catalogue des événements et des sujets Kafka</a></li></ul>
<h2>Erreurs</h2>
<ul><li><a href="errors.html">Catalogue des erreurs (types <code>application/problem+json</code>)</a></li></ul>
</body>
</html>
HTML
} > "$OUT/index.html"
echo "render-contracts: $OUT/index.html"
