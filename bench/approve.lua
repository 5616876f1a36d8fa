-- wrk script of bench/run.sh scenario (d): moderators' approvals with an API token (Bearer).
--   wrk ... -s bench/approve.lua URL -- <id file> <bearer token> <wrk threads>
-- The ids are the pending comments left by scenario (c) (seed.py pending). Threads take disjoint
-- slices and cycle through them: the first pass really approves (a write and an audit entry),
-- later passes hit already-approved comments, which is idempotent and answers 200 too.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local ids = {}
local used = 0
local headers = {}
approvals, ok, slice = 0, 0, 0   -- globals, so done() can read them with thread:get()

function init(args)
  local file, token, nthreads = args[1], args[2], tonumber(args[3])
  headers = { ["Authorization"] = "Bearer " .. token }
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id then ids[#ids + 1] = line end
    n = n + 1
  end
  slice = #ids
  assert(slice > 0, "no ids for thread " .. id)
end

function request()
  used = used + 1
  approvals = approvals + 1
  local comment = ids[(used - 1) % #ids + 1]
  return wrk.format("POST", "/api/v1/moderation/comments/" .. comment .. "/approve", headers)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 end
end

function done(summary, latency, requests)
  local total, total_ok, total_ids = 0, 0, 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("approvals") or 0)
    total_ok = total_ok + (thread:get("ok") or 0)
    total_ids = total_ids + (thread:get("slice") or 0)
  end
  io.write(string.format("approvals: %d sent, %d answered 200, over %d distinct ids (%.2f passes)\n",
    total, total_ok, total_ids, total / total_ids))
end
