-- Paces a wrk run: WRK_SCRIPT names a bench script to behave like (none: plain GETs of the URL),
-- WRK_DELAY_MS is each connection's pause before every request. Used by reliability/soak.sh.
local script = os.getenv("WRK_SCRIPT")
if script and script ~= "" then
  dofile(script)
end
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function delay()
  return pause
end
