#!/usr/bin/env bash
# Demo automation (automation-service), on the demo directory of 10-directory.sh: a site manager per demo project
# (Twilio's magic test number +15005550006 and the SES mailbox simulator's success@simulator.amazonses.com, so
# sandbox delivery succeeds), templates, and one workflow per trigger kind plus one cadence:
#   "Observation alert"   procore.observations.create → SMS to site_manager, email fallback (derived from the SMS)
#   "Kiosk offline"       kiosk.offline → SMS, only after 10 minutes without a heartbeat, at most 1 an hour
#   "Kiosk back online"   kiosk.online → SMS all-clear
#   "Site notice"         manual → email (POST /api/automation/triggers)
#   "Weekly digest"       every Monday 07:00 in each project's time zone → email, multi-project format, East Coast Portfolio
# Idempotent: what exists (found by its name) is kept as it is. Through the gateway's admin API, bash and curl only.
set -Eeuo pipefail

GATEWAY=${PEPTALK_GATEWAY_URL:?run me through ./run up or ./run seed}
KEY=${PEPTALK_LOCAL_ADMIN_KEY:?no local admin key (PEPTALK_LOCAL_ADMIN_KEY)}
SUMMARY=${PEPTALK_SEED_SUMMARY:-/dev/null}

COMPANY="Peptalk Demo Construction"
DIGEST_GROUP="East Coast Portfolio"
PHONE="+15005550006"
EMAIL_DOMAIN="simulator.amazonses.com"

created=0

# api (422 → status 22), urlencode
source "$(dirname "$0")/lib/api.sh"

# api_once_known <method> <path> <body>: as api, retrying for up to 60 s while automation-service does not yet know
# the projects (it learns them from directory.events, a moment after 10-directory.sh created them)
api_once_known() {
  local tries=0 answer status
  while true; do
    status=0
    answer=$(api "$@") || status=$?
    if [ "$status" = 0 ]; then printf '%s' "$answer"; return 0; fi
    if [ "$status" != 22 ] || [ "$tries" -ge 30 ]; then return 1; fi
    tries=$((tries + 1))
    sleep 2
  done
}

# id_named <list answer> <name>: the id of the item whose name is exactly <name>
id_named() {
  printf '%s' "$1" | tr '{' '\n' | sed -n "s/^\"id\":\([0-9a-f-]*\)\"\{0,1\},.*\"name\":\"$2\".*/\1/p" | head -1 | tr -d '"'
}
# exists <list answer> <name>: whether an item named exactly <name> is in the answer
exists() { printf '%s' "$1" | grep -q "\"name\":\"$2\""; }

answer=$(api GET "/api/directory/companies?q=$(urlencode "$COMPANY")&size=200")
company_id=$(id_named "$answer" "$COMPANY")
[ -n "$company_id" ] || { echo "no company \"$COMPANY\": run 10-directory.sh first" >&2; exit 1; }

projects=$(api GET "/api/directory/projects?companyId=$company_id&size=200")
mapfile -t project_ids < <(printf '%s' "$projects" | tr '{' '\n' | sed -n 's/^"id":\([0-9]*\),.*"companyId".*/\1/p')
groups=$(api GET "/api/directory/project-groups?companyId=$company_id&q=$(urlencode "$DIGEST_GROUP")&size=200")
group_id=$(id_named "$groups" "$DIGEST_GROUP")
[ "${#project_ids[@]}" -gt 0 ] && [ -n "$group_id" ] || { echo "the demo projects or group are missing" >&2; exit 1; }

# --- contacts: one site manager per project -------------------------------------------------------------------
contacts=$(api GET "/api/automation/contacts?companyId=$company_id&size=500")
n=0
for project in "${project_ids[@]}"; do
  n=$((n + 1))
  name="Site Manager $n"
  if exists "$contacts" "$name"; then
    echo "contact exists: $name"
    continue
  fi
  api_once_known POST /api/automation/contacts "{\"companyId\":$company_id,\"name\":\"$name\",\
\"email\":\"success+manager$n@$EMAIL_DOMAIN\",\"phone\":\"$PHONE\",\"roles\":[\"site_manager\"],\
\"projectIds\":[$project],\"preferredChannel\":\"SMS\",\"smsOptIn\":true,\"emailOptIn\":true}" >/dev/null
  echo "created contact: $name (project $project)"
  created=$((created + 1))
done

# --- templates ------------------------------------------------------------------------------------------------
templates=$(api GET "/api/automation/templates?companyId=$company_id")
# template <name> <json fields>: creates it (version 1) unless it exists; prints its id
template() {
  local name=$1 fields=$2 answer id
  id=$(id_named "$templates" "$name")
  if [ -z "$id" ]; then
    answer=$(api POST /api/automation/templates "{\"companyId\":$company_id,\"name\":\"$name\",$fields}")
    id=$(printf '%s' "$answer" | sed -n 's/.*"templateId":\([0-9]*\).*/\1/p')
    echo "created template $id: $name" >&2
  fi
  printf '%s' "$id"
}
template "frame" '"kind":"LAYOUT","bodyHtml":"<html><body><h1>{{ project.name }}</h1>{% block content %}{% endblock %}{% include \"signature\" %}</body></html>"' >/dev/null
template "signature" '"kind":"COMPONENT","bodyHtml":"<p>Peptalk, for the site team</p>"' >/dev/null
observation=$(template "observation-sms" '"kind":"MESSAGE","channel":"SMS","bodySms":"{{ recipient.first_name }}: a new observation was raised on {{ project.name }} (Procore #{{ event.resource_id }})","variables":[{"name":"event.resource_id","sample":"4242"}]')
offline=$(template "kiosk-offline-sms" '"kind":"MESSAGE","channel":"SMS","bodySms":"Kiosk {{ event.kiosk_id }} at {{ project.name }} has been offline for {{ event.minutes_since_last_seen }} minutes.","variables":[{"name":"event.kiosk_id","sample":"K-12"},{"name":"event.minutes_since_last_seen","sample":"12"}]')
online=$(template "kiosk-online-sms" '"kind":"MESSAGE","channel":"SMS","bodySms":"All clear: kiosk {{ event.kiosk_id }} at {{ project.name }} is back online.","variables":[{"name":"event.kiosk_id","sample":"K-12"}]')
notice=$(template "site-notice-email" '"kind":"MESSAGE","channel":"EMAIL","subject":"Site notice: {{ project.name }}","bodyHtml":"{% extends \"frame\" %}{% block content %}<p>Hi {{ recipient.first_name }},</p><p>{{ event.message }}</p>{% endblock %}","variables":[{"name":"event.message","sample":"Toolbox talk at 7:00 by the north gate."}]')
digest=$(template "weekly-digest-email" '"kind":"MESSAGE","channel":"EMAIL","subject":"Your week on {{ projects | length }} projects","bodyHtml":"<p>Hi {{ recipient.first_name }},</p><ul>{% for p in projects %}<li>{{ p.name }}</li>{% endfor %}</ul>"')

# --- workflows ------------------------------------------------------------------------------------------------
workflows=$(api GET "/api/automation/workflows?companyId=$company_id")
workflow() {
  local name=$1 fields=$2
  if exists "$workflows" "$name"; then
    echo "workflow exists: $name"
    return 0
  fi
  api_once_known POST /api/automation/workflows "{\"companyId\":$company_id,\"name\":\"$name\",$fields}" >/dev/null
  echo "created workflow: $name"
  created=$((created + 1))
}
site_managers='"audience":{"kind":"EVENT_PROJECT","roles":["site_manager"]}'
workflow "Observation alert" "\"trigger\":{\"type\":\"procore.observations.create\"},$site_managers,\
\"channel\":\"SMS\",\"fallbackChannel\":\"EMAIL\",\"template\":{\"templateId\":$observation,\"version\":1}"
workflow "Kiosk offline" "\"trigger\":{\"type\":\"kiosk.offline\",\"condition\":\"minutes_since_last_seen >= 10\"},\
$site_managers,\"channel\":\"SMS\",\"template\":{\"templateId\":$offline,\"version\":1},\
\"frequencyCap\":{\"messages\":1,\"window\":\"PT1H\"}"
workflow "Kiosk back online" "\"trigger\":{\"type\":\"kiosk.online\"},$site_managers,\"channel\":\"SMS\",\
\"template\":{\"templateId\":$online,\"version\":1}"
workflow "Site notice" "\"trigger\":{\"type\":\"manual\"},$site_managers,\"channel\":\"EMAIL\",\
\"template\":{\"templateId\":$notice,\"version\":1},\"quietHours\":{\"start\":\"21:00\",\"end\":\"06:00\"}"
workflow "Weekly digest" "\"cadence\":{\"frequency\":\"WEEKLY\",\"days\":[\"MONDAY\"],\"time\":\"07:00\"},\
\"audience\":{\"kind\":\"PROJECT_GROUP\",\"projectGroupId\":$group_id,\"roles\":[\"site_manager\"]},\
\"format\":\"MULTI_PROJECT\",\"channel\":\"EMAIL\",\"template\":{\"templateId\":$digest,\"version\":1}"

{
  echo "Demo automation (infra/seed/20-automation.sh): ${#project_ids[@]} site managers, 5 workflows"
  echo "  preview:  $GATEWAY/automation/templates/$notice/versions/1/preview"
  echo "  manual trigger:  curl -X POST $GATEWAY/api/automation/triggers -H 'Authorization: Bearer <admin key>' \\"
  echo "    -H 'Content-Type: application/json' -d '{\"triggerType\":\"manual\",\"projectId\":${project_ids[0]},\"payload\":{\"message\":\"Hello\"}}'"
} >>"$SUMMARY"
echo "demo automation ready: $created created"
