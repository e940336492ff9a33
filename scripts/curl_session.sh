#!/usr/bin/env bash
# The README's curl session against a running `vnplan serve` (same --db): upload the seed plan,
# list its tasks, correct one, approve, and see the change in /changes. Needs curl and jq.
#   VNPLAN_ADMIN_PASSWORD=... vnplan serve --db plans.db &     # then:
#   bash scripts/curl_session.sh plans.db
set -euo pipefail
DB=${1:-plans.db}
B=${VNPLAN_URL:-http://127.0.0.1:8000}
PLAN=${PLAN:-$(dirname "$0")/../samples/seeds/000_86f6d0bf5c124c89.pdf}
TOKEN=$(vnplan tokens create admin --name curl --db "$DB" 2>/dev/null)   # shown once, stored hashed
H="Authorization: Bearer $TOKEN"
echo "# without a token";  curl -s "$B/tasks"; echo
echo "# upload";           JOB=$(curl -s -H "$H" -F "file=@$PLAN" "$B/documents" | jq '.job.id')
until [ "$(curl -s -H "$H" "$B/jobs/$JOB" | jq -r .state)" != queued ] && \
      [ "$(curl -s -H "$H" "$B/jobs/$JOB" | jq -r .state)" != running ]; do sleep 0.5; done
curl -s -H "$H" "$B/jobs/$JOB" | jq -c '{state, progress, document, error}'
DOC=$(curl -s -H "$H" "$B/jobs/$JOB" | jq .document)
echo "# tasks of Sở Tài chính in it"
curl -s -H "$H" "$B/tasks?document=$DOC&agency=so%20tai%20chinh&per_page=1" \
  | jq -c '.total, (.items[0] | {id, version, text: .task.text[0:50], lead: [.task.lead[].name], due: .task.due.raw})'
ID=$(curl -s -H "$H" "$B/tasks?document=$DOC&agency=so%20tai%20chinh&per_page=1" | jq '.items[0].id')
ETAG=$(curl -s -i -H "$H" "$B/tasks/$ID" | tr -d '\r' | sed -n 's/^etag: //Ip')
echo "# correct it (If-Match: $ETAG)"
curl -s -H "$H" -X PATCH -H "If-Match: $ETAG" -H 'Content-Type: application/json' \
  -d '{"lead": ["Sở Công Thương"], "due": "trước ngày 30/6/2026"}' "$B/tasks/$ID" \
  | jq -c '{version, lead: [.task.lead[].id], due: [.task.due.raw, .task.due.end]}'
echo "# the same correction on the old version is refused"
curl -s -o /dev/null -w '%{http_code}\n' -H "$H" -X PATCH -H "If-Match: $ETAG" -H 'Content-Type: application/json' \
  -d '{"product": "Báo cáo"}' "$B/tasks/$ID"
curl -s -H "$H" "$B/tasks/$ID/revisions" | jq -c '.items[] | {action, user, before: [.before.lead[].id], after: [.after.lead[].id]}'
echo "# approve, then the feed";  curl -s -H "$H" -X POST "$B/documents/$DOC/approve"; echo
curl -s -H "$H" "$B/changes?since=0&limit=1000" \
  | jq -c --argjson id "$ID" '.next, (.items[] | select(.task_id == $id) | {seq, kind, task_id, lead: [.task.lead[].name], due: .task.due.end})'
curl -s -H "$H" -o tasks.xlsx -w '# export: %{http_code} %{content_type} %{size_download} bytes\n' "$B/export?format=xlsx&status=approved"
