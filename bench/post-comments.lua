-- wrk script: each connection behaves like a reader. It fetches a captcha, solves the
-- "A OP B =" question the way a client would, then posts a comment with it, and repeats.
-- Only the POSTs are comments; the summary line counts them separately.
local words = { zero = 0, one = 1, two = 2, three = 3, four = 4, five = 5, six = 6, seven = 7, eight = 8,
  nine = 9, ten = 10, eleven = 11, twelve = 12, thirteen = 13, fourteen = 14, fifteen = 15, sixteen = 16,
  seventeen = 17, eighteen = 18, nineteen = 19, twenty = 20 }

local pending = nil   -- the next POST body, once a captcha is solved
local counter = 0
posts, accepted = 0, 0   -- globals, so done() can read them from each thread
refused = ""             -- "status status ..." of every other answer, summed up by done()
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Each thread draws its own authors: identical sequences would post duplicates (409).
local author = 0
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  author = math.random(1, 1000000000)
end

local function operand(text)
  return tonumber(text) or words[text]
end

local function solve(question)
  local a, op, b = question:match("^(%S+) (%S+) (%S+) =$")
  a, b = operand(a), operand(b)
  if op == "+" then return a + b elseif op == "\226\136\146" then return a - b else return a * b end
end

function request()
  if pending then
    local body = pending
    pending = nil
    posts = posts + 1
    return wrk.format("POST", "/api/v1/articles/bench-" .. (counter % 100) .. "/comments",
      { ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", "/api/v1/captcha")
end

function response(status, headers, body)
  if status == 200 and body:find('"question"') then
    local token = body:match('"token":"([^"]+)"')
    local question = body:match('"question":"([^"]+)"')
    counter = counter + 1
    pending = string.format('{"name":"Bench Reader","email":"reader%d.%d@bench.example","body":"Comment %d of reader %d.","captchaToken":"%s","captchaAnswer":"%d"}',
      author, counter, counter, author, token, solve(question))
  elseif status == 201 or status == 202 then
    accepted = accepted + 1
  else
    refused = refused .. status .. " "
  end
end

function done(summary, latency, requests)
  local total_posts, total_accepted, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_posts = total_posts + (thread:get("posts") or 0)
    total_accepted = total_accepted + (thread:get("accepted") or 0)
    for status in (thread:get("refused") or ""):gmatch("%d+") do
      by_status[status] = (by_status[status] or 0) + 1
    end
  end
  local statuses = {}
  for status, count in pairs(by_status) do table.insert(statuses, count .. "× " .. status) end
  table.sort(statuses)
  local seconds = summary.duration / 1e6
  io.write(string.format("posts: %d sent, %d accepted (201/202), %.1f accepted posts/s, errors: %d non-2xx (%s), %d socket\n",
    total_posts, total_accepted, total_accepted / seconds, summary.errors.status, table.concat(statuses, ", "),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
