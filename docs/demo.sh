#!/usr/bin/env bash
# Redress walk-through: one case from suspension to decision, against the app started with
#   ./mvnw spring-boot:run
# (embedded PostgreSQL, embedded engine, demo users and demo wallets). Needs bash and curl only.
#
#   bash docs/demo.sh            # against http://localhost:8080
#   BASE=http://host:port bash docs/demo.sh
#
# The platform (moderation-system) suspends the account of demo user u-1001 (李伟, zh-CN) and
# freezes 800.00 CNY of wallet w-1001, 300.00 of it under a court order. The user reads the
# notice's case link and appeals; reviewer alice claims the task and upholds the ban; Redress
# releases the 500.00 CNY no legal order covers and pays it out to the user's verified account;
# auditor dave reads the history. Demo passwords are public (README, "Security and demo users").
# Run it again on the same data and the wallet has only 400.00 CNY available (300.00 stay legally
# held from the first run): Redress freezes those 400.00 and the notice says less was frozen than
# named; a third run finds nothing to freeze and says that.
set -euo pipefail

BASE=${BASE:-http://localhost:8080}
PLATFORM=moderation-system:moderation-demo
ALICE=alice:alice-demo
DAVE=dave:dave-demo

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
# poll CMD... until it prints something non-empty (at most 30 s)
wait_for() {
  local out
  for _ in $(seq 1 60); do
    out=$("$@" || true)
    if [[ -n "$out" ]]; then printf '%s' "$out"; return 0; fi
    sleep 0.5
  done
  echo "gave up waiting for: $*" >&2
  return 1
}

curl -sSf "$BASE/actuator/health" >/dev/null || {
  echo "Redress is not running at $BASE; start it with ./mvnw spring-boot:run" >&2
  exit 1
}

step "1. The platform reports the suspension with its statement of reasons"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
DECISION_ID="demo-$(date +%s)"
CREATED=$(curl -sS -u "$PLATFORM" -H 'Content-Type: application/json' "$BASE/api/suspensions" -d @- <<JSON
{
  "platformDecisionId": "$DECISION_ID",
  "account": {"accountId": "u-1001", "displayName": "李伟", "locale": "zh-CN", "walletId": "w-1001"},
  "measures": [
    {"type": "ACCOUNT", "scope": "登录和发送消息被暂停", "territorialScope": "中国大陆及欧盟",
     "startsAt": "$NOW", "indefinite": true},
    {"type": "MONETARY", "scope": "钱包余额冻结", "territorialScope": "全球", "startsAt": "$NOW",
     "indefinite": true, "frozen": {"minorUnits": 80000, "currency": "CNY"},
     "legalHold": {"minorUnits": 30000, "legalReference": "（2026）沪0101财保123号"}}
  ],
  "ground": {"type": "CONTRACTUAL", "reference": "用户服务协议 v4.2 第7.3条",
             "explanation": "该账号在一小时内向340个陌生用户发送了相同的收款请求，属于批量诈骗性收款行为"},
  "facts": "2026-11-20 14:00至15:00（UTC）期间，该账号发送了340个收款请求，其中12个已付款。",
  "category": "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
  "automatedDetection": true,
  "automatedDecision": false,
  "source": "SOURCE_VOLUNTARY",
  "imposedBy": "bob",
  "imposedAt": "$NOW"
}
JSON
)
echo "$CREATED"
CASE=$(echo "$CREATED" | field caseId)
[[ -n "$CASE" ]] || { echo "no case was created" >&2; exit 1; }

step "2. The user receives the notice (zh-CN) with the case link"
NOTICE=$(wait_for bash -c "curl -sS -u '$ALICE' '$BASE/api/cases/$CASE' | grep -o '\"suspensionNotice\":{[^}]*}'")
TOKEN=$(echo "$NOTICE" | grep -o 'token=[A-Za-z0-9._-]*' | head -1 | cut -d= -f2)
echo "$NOTICE" | sed 's/\\n/\n/g' | head -40
echo
echo "case link token: ${TOKEN:0:24}..."
echo "the user's page (appellant portal), open it in a browser: $BASE/case/$CASE?token=$TOKEN"

step "3. Locked out of the app, the user opens the case link and appeals"
curl -sS -H "Authorization: Bearer $TOKEN" "$BASE/api/cases/$CASE" | grep -o '"appealDeadline":"[^"]*"'
curl -sS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  "$BASE/api/cases/$CASE/appeals" \
  -d '{"statement": "这些都是给我自己客户的退款，我可以提供收据。我需要这笔钱交房租。", "contactPreference": "PHONE", "talkToPerson": true, "contactDetail": "+86 138 0000 0000"}'
echo

step "4. Reviewer alice finds the appeal in her queue, claims it and decides"
TASK=$(wait_for bash -c "curl -sS -u '$ALICE' '$BASE/api/review/tasks' | grep -o '\"userTaskKey\":[0-9]*,\"kind\":\"REVIEW\"[^}]*\"caseId\":\"$CASE\"' | grep -o '^\"userTaskKey\":[0-9]*' | cut -d: -f2")
echo "review task $TASK"
curl -sS -u "$ALICE" -X POST "$BASE/api/review/tasks/$TASK/claim" | grep -o '"assignee":"[^"]*"'
curl -sS -u "$ALICE" -H 'Content-Type: application/json' "$BASE/api/review/tasks/$TASK/decision" \
  -d '{"outcome": "UPHOLD", "rationale": "交易记录显示收款请求发给了陌生人，而非已有客户；所附收据与这些交易不符。", "policyReference": "用户服务协议 v4.2 第7.3条"}' \
  | grep -o '"state":"[^"]*"'

step "5. Redress carries the decision out: the undisputed money is released and paid out"
wait_for bash -c "curl -sS -u '$ALICE' '$BASE/api/cases/$CASE' | grep -o '\"status\":\"EXECUTED\"' | head -1" >/dev/null
curl -sS -H "Authorization: Bearer $TOKEN" "$BASE/api/cases/$CASE" | grep -o '"funds":{[^}]*}'
echo

step "6. Auditor dave reads the history: every step with actor and time"
curl -sS -u "$DAVE" "$BASE/api/cases/$CASE/history" \
  | grep -o '"at":"[^"]*","source":"[A-Z]*","actor":"[^"]*","action":"[A-Z_]*","summary":"[^"]*"' \
  | sed 's/"at":"\([^"]*\)","source":"\([^"]*\)","actor":"\([^"]*\)","action":"\([^"]*\)","summary":"\([^"]*\)"/\1  \2  \3  \4  \5/'

echo
echo "Done: case $CASE. Try $BASE/swagger-ui.html (alice / alice-demo) for the whole API."
