-- wrk script of bench/run.sh: warms the emulator's per-user usage endpoint the way a vendor that has served an
-- organisation for months is warm. Each request asks the next user of the list in WARM_USERS (a file, one id per
-- line) for one of the windows in WARM_QUERIES (query-string tails, separated by spaces), cycling through both, so
-- the emulator has answered many users, active and not, at every granularity before anything is measured.
local users, queries = {}, {}
local path = os.getenv("WARM_PATH")

for line in io.lines(os.getenv("WARM_USERS")) do
  if line ~= "" then
    table.insert(users, line)
  end
end
for query in string.gmatch(os.getenv("WARM_QUERIES"), "%S+") do
  table.insert(queries, query)
end

local n = 0

function request()
  n = n + 1
  local user = users[(n % #users) + 1]
  local query = queries[(math.floor(n / #users) + n) % #queries + 1]
  return wrk.format("GET", path .. "&userId=" .. user .. "&" .. query)
end
