-- wrk script of bench/run.sh: POSTs the GraphQL request in BENCH_BODY (GET when it is empty) and counts answers
-- that are not HTTP 200 or that carry a GraphQL "errors" member, so a figure is never taken from failing answers.
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
end

function response(status, headers, answer)
  if status ~= 200 or (answer ~= nil and string.find(answer, '"errors"', 1, true)) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write(string.format("bench-failed-answers: %d\n", total))
end
