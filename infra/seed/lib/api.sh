# Sourced by the seed scripts of infra/seed/ (a folder, so `./run seed` does not run it as a seed): their one way to
# call the platform's APIs through the gateway. Needs GATEWAY (the gateway's URL) and KEY (the local admin key).

# seed_call <method> <path> <bearer> [json body]: the answer's body on standard output; fails on any status but 2xx
# (return 22 for a 422, so a caller can wait for a service to learn what another one just created). The answer of a
# failed admin call is echoed to the seed log; a failed call with another bearer (a kiosk token) is not: its answer
# is not ours to print.
seed_call() {
  local method=$1 path=$2 bearer=$3 body=${4:-} answer code detail=""
  local args=(-sS --max-time 60 -X "$method" -H "Authorization: Bearer $bearer" -H 'Accept: application/json'
    -w '\n%{http_code}')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  answer=$(curl "${args[@]}" "$GATEWAY$path") || { echo "$method $path: no answer from $GATEWAY" >&2; return 1; }
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [ "$bearer" != "$KEY" ] || detail=": $answer"
  case "$code" in
    2??) printf '%s' "$answer" ;;
    401 | 403)
      if [ "$bearer" = "$KEY" ]; then
        echo "$method $path: the gateway refused the local admin key ($code). Was" \
          "PEPTALK_GATEWAY_ADMIN_APIKEYHASHES_0 set to another key? Then set PEPTALK_LOCAL_ADMIN_KEY to that key, or" \
          "skip the seed: PEPTALK_SEED=0" >&2
      else
        echo "$method $path answered $code" >&2
      fi
      return 1
      ;;
    422) echo "$method $path answered 422$detail" >&2; return 22 ;;
    *) echo "$method $path answered $code$detail" >&2; return 1 ;;
  esac
}

# api <method> <path> [json body]: seed_call with the local admin key
api() { seed_call "$1" "$2" "$KEY" "${3:-}"; }

# urlencode <text>: spaces and commas encoded, enough for the demo's names in a query
urlencode() { local text=${1// /%20}; printf '%s' "${text//,/%2C}"; }
