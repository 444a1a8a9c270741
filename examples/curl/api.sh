#!/usr/bin/env bash
# Every call of Tandem's API as a curl command, in an order that works end to end. It makes a new
# site of its own first, so it can run again and again. Against `npm start`:
#
#   bash examples/curl/api.sh
#   TANDEM=https://feedback.example.com ADMIN_KEY=sk_… bash examples/curl/api.sh
#
# Each step prints the command and the answer. Node reads the ids out of the answers (no jq needed).
# It leaves behind the site it made (the API has no route to delete a site yet): run it against a
# local or staging worker, not your production one.
set -euo pipefail
TANDEM=${TANDEM:-http://127.0.0.1:8787}
ADMIN_KEY=${ADMIN_KEY:-sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8} # any site's admin key may make a site

# api METHOD PATH KEY [JSON]: one call, printed; the answer goes to stdout, a 4xx or 5xx stops the script.
api() {
  local method=$1 path=$2 key=$3 body=${4:-}
  echo "\$ curl -X $method '$TANDEM$path' -H 'Authorization: Bearer ${key:0:3}…'${body:+ -d '$body'}" >&2
  local args=(-sS --fail-with-body -X "$method" "$TANDEM$path" -H "Authorization: Bearer $key")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
  local answer
  answer=$(curl "${args[@]}") || { echo "$answer" >&2; exit 1; }
  echo "  → ${answer:0:160}" >&2
  echo "$answer"
}
# field PATH: one field of the JSON on stdin, e.g. field keys.admin.key
field() { node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }

echo '# The OpenAPI document: every route, parameter, body, response and error' >&2
echo "\$ curl '$TANDEM/v1/openapi.json'" >&2
doc=$(curl -sS --fail-with-body "$TANDEM/v1/openapi.json")
echo "  → ${doc:0:80}" >&2

echo '# A site of our own, with its first keys (shown once)' >&2
site=$(api POST /v1/sites "$ADMIN_KEY" '{"name":"curl walkthrough","origins":["https://shop.example"]}')
PK=$(echo "$site" | field keys.publishable.key)
SK=$(echo "$site" | field keys.admin.key)
api GET /v1/site "$SK" >/dev/null
api PATCH /v1/site "$SK" '{"retentionDays":180}' >/dev/null

echo '# Keys: a support key and a pr key' >&2
api GET /v1/keys "$SK" >/dev/null
SUPPORT=$(api POST /v1/keys "$SK" '{"kind":"secret","role":"support"}' | field key)
pr=$(api POST /v1/keys "$SK" '{"kind":"secret","role":"pr"}')
PR=$(echo "$pr" | field key)
PR_KEY_ID=$(echo "$pr" | field id)
api GET /v1/me "$SUPPORT" >/dev/null # which role and site a key has (any role)

echo '# Where support'"'"'s messages go: a signed webhook (nothing listens on port 9, so deliveries fail and are retried)' >&2
DST=$(api POST /v1/destinations "$SK" '{"kind":"webhook","name":"Helpdesk","url":"http://127.0.0.1:9/tandem","routes":["support"]}' | field id)
api GET /v1/destinations "$SK" >/dev/null
DLV=$(api POST "/v1/destinations/$DST/test" "$SK" | field id)
api GET "/v1/deliveries?destination=$DST" "$SK" >/dev/null
api POST "/v1/deliveries/$DLV/replay" "$SK" >/dev/null
api PATCH "/v1/destinations/$DST" "$SK" '{"enabled":false}' >/dev/null

echo '# A customer writes in (publishable key), then adds an email with the token' >&2
sent=$(api POST /v1/feedback "$PK" '{"message":"I was charged twice for my order and nobody answers.","rating":1}')
FB=$(echo "$sent" | field id)
TOKEN=$(echo "$sent" | field token)
api PATCH "/v1/feedback/$FB" "$PK" "{\"token\":\"$TOKEN\",\"email\":\"sam@example.com\"}" >/dev/null

echo '# Support works it' >&2
api GET '/v1/feedback?route=support&status=open' "$SUPPORT" >/dev/null
api GET '/v1/feedback?prRisk=true' "$PR" >/dev/null
api PUT "/v1/feedback/$FB/assignee" "$SUPPORT" '{"assignee":"Ana","actor":"Ana"}' >/dev/null
api PUT "/v1/feedback/$FB/status" "$SUPPORT" '{"status":"in_progress","actor":"Ana"}' >/dev/null
api PUT "/v1/feedback/$FB/routes" "$SUPPORT" '{"routes":["support","product"],"reason":"a billing bug","actor":"Ana"}' >/dev/null
api POST "/v1/feedback/$FB/notes" "$SUPPORT" '{"text":"Refunded the second charge.","actor":"Ana"}' >/dev/null
api GET "/v1/feedback/$FB" "$SUPPORT" >/dev/null

echo '# Resolved, the customer is invited to say how it went; their answer is linked to the complaint' >&2
api PUT "/v1/feedback/$FB/status" "$SUPPORT" '{"status":"resolved","actor":"Ana"}' >/dev/null
LINK=$(api POST "/v1/feedback/$FB/invitation" "$SUPPORT" '{"actor":"Ana"}' | field url)
echo "\$ curl -X GET '$LINK'  # the page the customer opens, with the form" >&2
curl -sS --fail-with-body "$LINK" >/dev/null
api POST /v1/feedback "$PK" "{\"message\":\"Refunded the same day. Thank you!\",\"rating\":5,\"invitation\":\"${LINK##*/}\"}" >/dev/null

echo '# Praise with consent becomes a testimonial on the wall (PR'"'"'s key)' >&2
PRAISE=$(api POST /v1/feedback "$PK" '{"message":"The beans are wonderful and arrive so fast. Thank you!","rating":5,"name":"Lucía M.","consent":{"publish":true}}' | field id)
api GET '/v1/studio/candidates?limit=20' "$PR" >/dev/null
TM=$(api POST /v1/studio/testimonials "$PR" "{\"feedbackId\":\"$PRAISE\"}" | field id)
api PATCH "/v1/studio/testimonials/$TM" "$PR" '{"quote":"The beans are wonderful and arrive so fast.","actor":"Priya"}' >/dev/null
api POST "/v1/studio/testimonials/$TM/approve" "$PR" '{"actor":"Priya"}' >/dev/null
api GET '/v1/studio/testimonials?status=approved' "$PR" >/dev/null
api GET "/v1/studio/testimonials/$TM" "$PR" >/dev/null
api GET "/v1/testimonials?siteKey=$PK" "$PK" >/dev/null
api POST "/v1/studio/testimonials/$TM/withdraw" "$PR" >/dev/null

echo '# The numbers and the surge alerts (any role)' >&2
api GET '/v1/stats?tz=Europe/Paris' "$PR" >/dev/null
api GET '/v1/alerts?limit=5' "$PR" >/dev/null

echo '# A customer asks for their data, then for it to be deleted' >&2
api GET '/v1/customer-data?email=sam@example.com' "$SK" >/dev/null
api DELETE '/v1/customer-data?email=sam@example.com' "$SK" >/dev/null

echo '# Tidy up: the destination and the pr key' >&2
api DELETE "/v1/destinations/$DST" "$SK" >/dev/null
api DELETE "/v1/keys/$PR_KEY_ID" "$SK" >/dev/null
echo 'Done: every route answered.' >&2
