-- wrk script of bench/run.sh scenario (c): every request is one valid comment POST. The captchas
-- were fetched and solved beforehand (seed.py captchas), so only the POST is measured.
--   wrk ... -s bench/post-solved.lua URL -- <captcha file> <wrk threads> <run tag>
-- The file has "token answer" lines. Each thread takes a disjoint slice (every n-th line), since a
-- token is single-use. Email and body are unique per request (identical ones would be 409).
local threads = {}
local next_id = 0

function setup(thread)
  -- Runs in the main Lua state, before the thread starts: give each thread its slice number.
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local tokens, answers = {}, {}
local used = 0
local tag = "run"
local body_text = "I read the whole piece twice and I still think the council is missing the point. "
  .. "The numbers in the third paragraph do not match what was reported last spring, and it would "
  .. "help to hear from the people who actually use the bus line every day. Please follow up on "
  .. "this in six months, I would like to know how it turned out."
posts, accepted, exhausted = 0, 0, 0   -- globals, so done() can read them with thread:get()

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  tag = args[3] or tag
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id then
      local token, answer = line:match("^(%S+) (%S+)$")
      tokens[#tokens + 1], answers[#answers + 1] = token, answer
    end
    n = n + 1
  end
end

function request()
  used = used + 1
  local token = tokens[used]
  if not token then
    -- Out of solved captchas: stop this thread rather than send invalid posts. run.sh reports it.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/q/health/live")
  end
  posts = posts + 1
  local n = id .. "-" .. used
  local body = string.format(
    '{"name":"Bench Reader","email":"post-%s-%s@bench.example","body":"%s (%s %s)","captchaToken":"%s","captchaAnswer":"%s"}',
    tag, n, body_text, tag, n, token, answers[used])
  return wrk.format("POST", "/api/v1/articles/bench-post-" .. (used % 100) .. "/comments",
    { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 or status == 202 then
    accepted = accepted + 1
  end
end

function done(summary, latency, requests)
  local total_posts, total_accepted, total_tokens, ran_out = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    total_posts = total_posts + (thread:get("posts") or 0)
    total_accepted = total_accepted + (thread:get("accepted") or 0)
    ran_out = ran_out + (thread:get("exhausted") or 0)
  end
  io.write(string.format("posts: %d sent, %d accepted (201/202), %.1f accepted posts/s\n",
    total_posts, total_accepted, total_accepted / (summary.duration / 1e6)))
  if ran_out > 0 then
    io.write(string.format("TOKENS EXHAUSTED: %d thread(s) ran out of solved captchas and stopped early\n", ran_out))
  end
end
