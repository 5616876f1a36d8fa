-- wrk script of bench/run.sh scenario (f): every request is one POST /insert to the insert
-- reference app (bench/reference-insert), with the comment that post-solved.lua posts in (c): the
-- same name, the same body text and an email of the same pattern, unique per request, plus the
-- article (which (c) has in its URL), without the captcha fields.
--   wrk ... -s bench/insert.lua URL -- <run tag>
-- Each thread numbers its own requests, and its thread number is in every email and body, so no
-- two rows are alike.
local threads = {}
local next_id = 0

function setup(thread)
  -- Runs in the main Lua state, before the thread starts: give each thread its number.
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local used = 0
local tag = "run"
local body_text = "I read the whole piece twice and I still think the council is missing the point. "
  .. "The numbers in the third paragraph do not match what was reported last spring, and it would "
  .. "help to hear from the people who actually use the bus line every day. Please follow up on "
  .. "this in six months, I would like to know how it turned out."
inserts, created, body_bytes = 0, 0, 0   -- globals, so done() can read them with thread:get()

function init(args)
  tag = args[1] or tag
end

function request()
  used = used + 1
  inserts = inserts + 1
  local n = id .. "-" .. used
  local body = string.format(
    '{"articleId":"bench-post-%d","name":"Bench Reader","email":"post-%s-%s@bench.example","body":"%s (%s %s)"}',
    used % 100, tag, n, body_text, tag, n)
  body_bytes = #body
  return wrk.format("POST", "/insert", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

function done(summary, latency, requests)
  local total_inserts, total_created, bytes = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_inserts = total_inserts + (thread:get("inserts") or 0)
    total_created = total_created + (thread:get("created") or 0)
    bytes = math.max(bytes, thread:get("body_bytes") or 0)
  end
  io.write(string.format("inserts: %d sent, %d created (201), %.1f inserts/s, request body up to %d B\n",
    total_inserts, total_created, total_created / (summary.duration / 1e6), bytes))
end
