#!/usr/bin/env bash
# Demo kiosks: in every project of the demo company (10-directory.sh), M sample kiosks with 30 days of realistic
# history (steady, flapping, down, paused, never reported; heartbeat-service's sample-data endpoint), and one real
# kiosk, "Main gate" of the first project, registered with its token and heard from through the real ingest
# (POST /api/kiosks/heartbeats through the gateway). Idempotent: projects that have their sample kiosks and a main
# gate that exists are left as they are. The main gate's token goes to $PEPTALK_SEED_SUMMARY only.
#   PEPTALK_SEED_KIOSKS_PER_PROJECT  M, default 12
set -Eeuo pipefail

GATEWAY=${PEPTALK_GATEWAY_URL:?run me through ./run up or ./run seed}
KEY=${PEPTALK_LOCAL_ADMIN_KEY:?no local admin key (PEPTALK_LOCAL_ADMIN_KEY)}
SUMMARY=${PEPTALK_SEED_SUMMARY:-/dev/null}
PER_PROJECT=${PEPTALK_SEED_KIOSKS_PER_PROJECT:-12}
COMPANY="Peptalk Demo Construction"
MAIN_GATE="Main gate"

# api, seed_call (a kiosk token's failed answers are not echoed)
source "$(dirname "$0")/lib/api.sh"

company=$(api GET "/api/directory/companies?q=Peptalk%20Demo%20Construction&size=200" |
  tr '{' '\n' | sed -n "s/^\"id\":\([0-9]*\),\"name\":\"$COMPANY\".*/\1/p" | head -1)
[ -n "$company" ] || { echo "no demo company \"$COMPANY\": run 10-directory.sh first" >&2; exit 1; }
mapfile -t projects < <(api GET "/api/directory/projects?companyId=$company&size=200" |
  tr '{' '\n' | sed -n 's/^"id":\([0-9]*\),"companyId".*/\1/p')
((${#projects[@]} > 0)) || { echo "the demo company has no projects" >&2; exit 1; }

# one project a request: a month of history for every project at once outlasts the gateway's response timeout on a
# busy machine (504), while heartbeat-service goes on and commits it; after such a timeout, wait for the kiosks
# rather than ask again (a second request while the first is still writing would add a second fleet)
sample_kiosks() { # sample_kiosks <project id>: how many sample kiosks the project has
  api GET "/api/heartbeats/kiosks?projectId=$1&q=Sample%20kiosk&limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}
for project in "${projects[@]}"; do
  if answer=$(api POST /api/heartbeats/sample-data \
    "{\"projectIds\":[$project],\"kiosksPerProject\":$PER_PROJECT,\"days\":30}"); then
    echo "sample kiosks of project $project: $answer"
    continue
  fi
  for _ in $(seq 1 60); do
    [ "$(sample_kiosks "$project")" -ge "$PER_PROJECT" ] 2>/dev/null && break
    sleep 2
  done
  [ "$(sample_kiosks "$project")" -ge "$PER_PROJECT" ] 2>/dev/null ||
    { echo "project $project has not got its sample kiosks" >&2; exit 1; }
  echo "sample kiosks of project $project: loaded (after the gateway's timeout)"
done

first=${projects[0]}
existing=$(api GET "/api/heartbeats/kiosks?projectId=$first&q=Main%20gate" |
  sed -n 's/.*"total":\([0-9]*\).*/\1/p')
if [ "${existing:-0}" = 0 ]; then
  registered=$(api POST /api/heartbeats/kiosks "{\"projectId\":$first,\"name\":\"$MAIN_GATE\"}")
  kiosk=$(printf '%s' "$registered" | sed -n 's/.*"kioskId":"\([0-9]*\)".*/\1/p')
  token=$(printf '%s' "$registered" | sed -n 's/.*"token":"\(ppt_ki_[A-Za-z0-9_-]*\)".*/\1/p')
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  seed_call POST /api/kiosks/heartbeats "$token" \
    "{\"kioskId\":\"$kiosk\",\"sentAt\":\"$now\",\"appVersion\":\"3.4.1\",\"batteryPercent\":92,\"network\":\"wifi\",\"signalBars\":4}" \
    >/dev/null
  echo "registered kiosk $kiosk ($MAIN_GATE, project $first) and sent its first heartbeat"
  {
    echo "Kiosk \"$MAIN_GATE\" ($kiosk) token: $token"
    echo "  send a heartbeat: curl -X POST $GATEWAY/api/kiosks/heartbeats -H 'Authorization: Bearer $token'" \
      "-H 'Content-Type: application/json' -d '{\"sentAt\":\"'\$(date -u +%Y-%m-%dT%H:%M:%SZ)'\",\"appVersion\":\"3.4.1\"}'"
  } >>"$SUMMARY"
else
  echo "kiosk \"$MAIN_GATE\" exists in project $first (rotate its token to see one: /api/heartbeats/kiosks/<id>/token/rotate)"
fi
echo "Heartbeats dashboard: $GATEWAY/heartbeats" >>"$SUMMARY"
