#!/usr/bin/env bash
# Demo data for the local run, from real public data: the Somme's communes and EPCI (membership import),
# its écoles and collèges in 11 demo circonscriptions (project-validation seed), a DSDEN convention, a
# resource of the catalogue, and the charter's journey for two communes in two circonscriptions:
# Amiens (circonscription 0801) and Corbie (0802) deliberate, designate schools, sign and transmit to
# the contrôle de légalité; a teacher in each writes a project, the IEN of the circonscription validates
# it, and provisioning deploys the class. A third project (Amiens) is left waiting for its IEN.
#
# Usage: scripts/demo.sh            (needs scripts/local.sh start; run again: it does nothing twice)
set -euo pipefail

LOG_PREFIX="demo"
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MEMBERSHIP="http://localhost:8081"
PROJECTS="http://localhost:8082"
PROVISIONING="http://localhost:8083"

token() { "$SCRIPTS_DIR/keycloak.sh" token "$1"; }

# call METHOD URL TOKEN [JSON] : prints the body; fails on a status >= 400 unless it is in $ALLOW (e.g. "409").
call() {
  local method="$1" url="$2" tok="$3" body="${4:-}" out status
  out="$(mktemp)"
  if [[ -n "$body" ]]; then
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $tok" \
      -H 'Content-Type: application/json' --data "$body" "$url")"
  else
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $tok" "$url")"
  fi
  if ((status >= 400)) && [[ " ${ALLOW:-} " != *" $status "* ]]; then
    cat "$out" >&2
    rm -f "$out"
    die "$method $url answered $status"
  fi
  cat "$out"
  rm -f "$out"
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# The current school year (1 September to 31 August) and dates in the summer before it.
year_start="$(date +%Y)"
if (($(date +%-m) < 9)); then year_start=$((year_start - 1)); fi
YEAR="$year_start-$((year_start + 1))"

OPERATOR="$(token operator)"
DSDEN="$(token dsden-agent)"

info "reference data: Somme communes, EPCI and the Département (membership-service)"
call POST "$MEMBERSHIP/reference/somme/import" "$OPERATOR" '{}' >/dev/null
info "reference data: écoles, collèges and 11 demo circonscriptions (project-validation-service)"
call POST "$PROJECTS/ops/demo-seed" "$OPERATOR" >/dev/null
ALLOW="409" call POST "$PROJECTS/dsden-conventions" "$DSDEN" \
  "{\"reference\":\"CONV-DSDEN80-$year_start\",\"validFrom\":\"$year_start-09-01\",\"validTo\":\"$((year_start + 3))-08-31\",\"signedOn\":\"$year_start-06-30\"}" >/dev/null
info "catalogue: LECTURE-CM (provisioning-service)"
call PUT "$PROVISIONING/resources/LECTURE-CM" "$OPERATOR" \
  "{\"title\":\"Lecture suivie CM\",\"supplier\":\"Éditions Lecture\",\"ssoProtocol\":\"GAR\",\"validatedByDepartement\":false,\"prices\":[{\"schoolYear\":\"$YEAR\",\"unitPrice\":\"9.80\"}]}" >/dev/null

# adhere SIREN AGENT NUMBER SCHOOLS_JSON : deliberation, designation, signature, both transmissions.
adhere() {
  local siren="$1" tok number="$3" schools="$4" id
  tok="$(token "$2")"
  # the list is a page {items, page, size, total} (README, Conventions)
  if [[ "$(call GET "$MEMBERSHIP/members/$siren/adhesions" "$tok" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" != "0" ]]; then
    info "$siren already has an adhesion: left as it is"
    return 1
  fi
  id="$(call POST "$MEMBERSHIP/members/$siren/adhesions" "$tok" \
    "{\"number\":\"$number\",\"date\":\"$year_start-06-25\",\"charterApproved\":true,\"executiveAuthorised\":true}" | json_field id)"
  call PUT "$MEMBERSHIP/members/$siren/designations/$YEAR" "$tok" "{\"schools\":$schools}" >/dev/null
  call POST "$MEMBERSHIP/members/$siren/adhesions/$id/charter-signature" "$tok" "{\"signedOn\":\"$year_start-07-01\"}" >/dev/null
  call POST "$MEMBERSHIP/members/$siren/adhesions/$id/transmissions" "$tok" \
    "{\"document\":\"DELIBERATION\",\"transmittedOn\":\"$year_start-07-03\"}" >/dev/null
  call POST "$MEMBERSHIP/members/$siren/adhesions/$id/transmissions" "$tok" \
    "{\"document\":\"CHARTER\",\"transmittedOn\":\"$year_start-07-06\"}" | json_field state
}

# project TEACHER UAI CLASS LEVEL STUDENTS [IEN] : a teacher's project, submitted; validated by IEN when given.
project() {
  local teacher tok uai="$2" label="$3" level="$4" students="$5" ien="${6:-}" id
  teacher="$(token "$1")"
  id="$(call POST "$PROJECTS/projects" "$teacher" \
    "{\"schoolUai\":\"$uai\",\"classLabel\":\"$label\",\"levels\":[\"$level\"],\"schoolYear\":\"$YEAR\",\"students\":$students,\"objectives\":\"Cahier de textes, blog de classe et lecture suivie en ligne avec les familles.\",\"requestedResources\":[\"LECTURE-CM\"]}" | json_field id)"
  call POST "$PROJECTS/projects/$id/submit" "$teacher" >/dev/null
  if [[ -n "$ien" ]]; then
    tok="$(token "$ien")"
    call POST "$PROJECTS/projects/$id/decision" "$tok" '{"decision":"VALIDATED"}' >/dev/null
  fi
  printf '%s' "$id"
}

if state="$(adhere 218000198 agent-amiens "$year_start-042" \
  '[{"uai":"0800118U","name":"ECOLE PRIMAIRE BAPAUME","classes":4,"students":96},{"uai":"0800120W","name":"ECOLE PRIMAIRE ALBERT ROZE","classes":3,"students":71}]')"; then
  info "Amiens (218000198): adhesion $state"
  adhere 218002046 agent-corbie "$year_start-017" \
    '[{"uai":"0800169Z","name":"LES ECOLES DU CENTRE","classes":5,"students":118},{"uai":"0800836Z","name":"ECOLE PRIMAIRE AU BORD DE L ANCRE","classes":2,"students":43}]' >/dev/null
  info "Corbie (218002046): adhesion EFFECTIVE"
  p1="$(project teacher-ecole 0800118U "CM2 A" CM2 24 ien-amiens-1)"
  info "project $p1 (Amiens, CM2 A) validated by ien-amiens-1"
  p2="$(project teacher-corbie 0800169Z "CM2 B" CM2 22 ien-amiens-2)"
  info "project $p2 (Corbie, CM2 B) validated by ien-amiens-2"
  p3="$(project teacher-ecole 0800118U "CM1" CM1 26)"
  info "project $p3 (Amiens, CM1) submitted, waiting for ien-amiens-1"
  printf '%s\n%s\n%s\n' "$p1" "$p2" "$p3" >"$STATE_DIR/demo-projects.txt"
fi

info "classes in provisioning-service (deployment is asynchronous: a few seconds):"
for _ in $(seq 1 30); do
  classes="$(call GET "$PROVISIONING/classes" "$OPERATOR")"
  if python3 -c 'import json,sys; c=json.loads(sys.argv[1]); sys.exit(0 if sum(1 for x in (c if isinstance(c,list) else c.get("items",[])) if x["status"]=="DEPLOYED")>=2 else 1)' "$classes"; then
    break
  fi
  sleep 1
done
python3 - "$classes" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
for x in (c if isinstance(c, list) else c.get("items", [])):
    print(f"  {x['schoolUai']} {x['classLabel']:<6} {x['status']:<9} member {x['memberId']}  "
          f"accounts: {x['teacherAccounts']} teacher + {x['studentAccounts']} students  reasons: {', '.join(x.get('reasons') or []) or '-'}")
PY
