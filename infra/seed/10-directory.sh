#!/usr/bin/env bash
# Demo directory: a company, five projects in two time zones, two project groups (one with three projects, one
# with one) and their API tokens, all through the gateway's admin API with the local admin key. Idempotent: what
# exists (found by its name) is kept as it is, so a second run creates nothing. Writes the ready iframe URLs of
# one project and one group to $PEPTALK_SEED_SUMMARY (they hold tokens: never to standard output, the seed log).
set -Eeuo pipefail

GATEWAY=${PEPTALK_GATEWAY_URL:?run me through ./run up or ./run seed}
KEY=${PEPTALK_LOCAL_ADMIN_KEY:?no local admin key (PEPTALK_LOCAL_ADMIN_KEY)}
SUMMARY=${PEPTALK_SEED_SUMMARY:-/dev/null}

COMPANY="Peptalk Demo Construction"
# name|IANA time zone|start date
PROJECTS=(
  "Harbor Point Tower|America/New_York|2026-03-02"
  "Riverside Medical Center|America/New_York|2026-05-18"
  "Union Station Renovation|America/New_York|2026-08-03"
  "Bayview Elementary School|America/Los_Angeles|2026-04-13"
  "Mission Bay Lab Building|America/Los_Angeles|2026-09-07"
)
# name|its projects' names, comma separated
PROJECT_GROUPS=(
  "East Coast Portfolio|Harbor Point Tower,Riverside Medical Center,Union Station Renovation"
  "Bayview School Program|Bayview Elementary School"
)
IFRAME_PROJECT="Harbor Point Tower"
IFRAME_GROUP="East Coast Portfolio"

created=0

# api, urlencode
source "$(dirname "$0")/lib/api.sh"

# id_named <page answer> <name>: the id of the item whose name is exactly <name> (the lists filter by substring)
id_named() {
  printf '%s' "$1" | tr '{' '\n' | sed -n "s/^\"id\":\([0-9]*\),.*\"name\":\"$2\",.*/\1/p" | head -1
}

# field <json> <name>: the first string value of that field
field() { printf '%s' "$1" | sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" | head -1; }

answer=$(api GET "/api/directory/companies?q=$(urlencode "$COMPANY")&size=200")
company_id=$(id_named "$answer" "$COMPANY")
if [ -z "$company_id" ]; then
  answer=$(api POST /api/directory/companies "{\"name\":\"$COMPANY\"}")
  company_id=$(id_named "$answer" "$COMPANY")
  echo "created company $company_id: $COMPANY"
  created=$((created + 1))
else
  echo "company $company_id exists: $COMPANY"
fi

declare -A project_ids
for spec in "${PROJECTS[@]}"; do
  IFS='|' read -r name zone start <<<"$spec"
  answer=$(api GET "/api/directory/projects?companyId=$company_id&q=$(urlencode "$name")&size=200")
  id=$(id_named "$answer" "$name")
  if [ -z "$id" ]; then
    # a new project gets its API token in the same transaction
    answer=$(api POST /api/directory/projects \
      "{\"companyId\":$company_id,\"name\":\"$name\",\"timeZone\":\"$zone\",\"startDate\":\"$start\"}")
    id=$(id_named "$answer" "$name")
    echo "created project $id: $name ($zone)"
    created=$((created + 1))
  else
    echo "project $id exists: $name"
  fi
  project_ids[$name]=$id
done

declare -A group_ids
for spec in "${PROJECT_GROUPS[@]}"; do
  IFS='|' read -r name members <<<"$spec"
  answer=$(api GET "/api/directory/project-groups?companyId=$company_id&q=$(urlencode "$name")&size=200")
  id=$(id_named "$answer" "$name")
  if [ -z "$id" ]; then
    ids=()
    IFS=',' read -ra member_names <<<"$members"
    for member in "${member_names[@]}"; do ids+=("${project_ids[$member]}"); done
    list=$(IFS=,; echo "${ids[*]}")
    answer=$(api POST /api/directory/project-groups \
      "{\"companyId\":$company_id,\"name\":\"$name\",\"projectIds\":[$list]}")
    id=$(id_named "$answer" "$name")
    echo "created project group $id: $name (projects $list)"
    created=$((created + 1))
  else
    echo "project group $id exists: $name (its projects are left as they are)"
  fi
  group_ids[$name]=$id
done

# Generate API tokens: groups that have one are skipped, so this creates nothing on a second run
group_list=$(IFS=,; echo "${group_ids[*]}")
generated=$(api POST /api/directory/project-groups/api-tokens "{\"projectGroupIds\":[$group_list]}")
echo "API tokens of the groups: $generated"
new_tokens=$(printf '%s' "$generated" | sed -n 's/.*"created":\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | grep -c . || true)
created=$((created + new_tokens))

answer=$(api GET "/api/directory/projects/${project_ids[$IFRAME_PROJECT]}/procore-report")
project_url=$(field "$answer" iframeUrl)
answer=$(api GET "/api/directory/project-groups/${group_ids[$IFRAME_GROUP]}/procore")
group_url=$(field "$answer" iframeUrl)
[ -n "$project_url" ] && [ -n "$group_url" ] || { echo "no iframe URL in the answers" >&2; exit 1; }

{
  echo "Demo data (infra/seed/10-directory.sh): company \"$COMPANY\", ${#PROJECTS[@]} projects, ${#PROJECT_GROUPS[@]} project groups"
  echo "  iframe, project \"$IFRAME_PROJECT\":    $project_url"
  echo "  iframe, group \"$IFRAME_GROUP\":  $group_url"
  echo "  admin pages:  $GATEWAY/admin/project_groups   $GATEWAY/admin/projects"
} >>"$SUMMARY"
echo "demo directory ready: $created created"
