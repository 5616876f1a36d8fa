-- wrk script: a distributed password-guessing flood. Every request comes "from" another address
-- (X-Forwarded-For, which the service trusts from loopback in this run) and tries another
-- username with a wrong password, so no lockout stops it: only the bound on password checks does.
local counter = 0
refused, checked = 0, 0   -- globals, so done() can read them from each thread
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status)
  if status == 429 then refused = refused + 1 elseif status == 401 then checked = checked + 1 end
end

function done()
  local r, c = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("refused")
    c = c + thread:get("checked")
  end
  io.write(string.format("logins: %d checked (401), %d refused at once (429)\n", c, r))
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end

local function base64(data)
  local chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, b = '', x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

function request()
  counter = counter + 1
  local n = math.random(1, 2000000000)
  local address = string.format("198.%d.%d.%d", n % 200, math.floor(n / 200) % 250, math.floor(n / 50000) % 250 + 1)
  return wrk.format("GET", "/api/v1/moderation/stats", {
    ["Authorization"] = "Basic " .. base64("guess" .. n .. ":wrong-password-" .. n),
    ["X-Forwarded-For"] = address })
end
