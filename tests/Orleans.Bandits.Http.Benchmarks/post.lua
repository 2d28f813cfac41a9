-- POST the body in env BODY. With env RATE (requests/s for the whole run) and THREADS (wrk's -t),
-- each wrk thread sends on a fixed schedule of RATE/THREADS per second: every request claims the next slot, and a
-- connection ready early waits for its slot. The schedule is absolute, so latency does not slow
-- the offered rate (plain think time would: the rate would fall as latency rises).
-- With env UNIQUE_EVENTS set, every request carries a distinct eventId (distinct feedback events); with env TOKENS
-- naming a file of tokens (one a line) too, the requests take them in turn, so no selection gets more outcomes
-- than the platform allows one (64 under rewardAggregation "sum").
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_spec = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_spec)
  return tonumber(now_spec.tv_sec) * 1000 + tonumber(now_spec.tv_nsec) / 1e6
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local body = os.getenv("BODY")
local rate = tonumber(os.getenv("RATE") or "0")
local unique = (os.getenv("UNIQUE_EVENTS") or "") ~= ""
local counter = 0
local tokens = {}
if os.getenv("TOKENS") then
  for line in io.lines(os.getenv("TOKENS")) do
    tokens[#tokens + 1] = line
  end
end
local interval_ms = 1000 * tonumber(os.getenv("THREADS") or "1") / math.max(rate, 1)
local next_slot = nil
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function request()
  counter = counter + 1
  if #tokens > 0 then
    local token = tokens[((counter * 2 + (tid or 0)) % #tokens) + 1]
    return wrk.format(nil, nil, nil, string.format('{"token":"%s","reward":1,"eventId":"t%s-%d"}', token, tid or 0, counter))
  end
  if unique then
    local b = string.gsub(body, "}$", string.format(',"eventId":"t%s-%d"}', tid or 0, counter))
    return wrk.format(nil, nil, nil, b)
  end
  return wrk.format(nil, nil, nil, body)
end

function delay()
  if rate <= 0 then
    return 0
  end
  local now = now_ms()
  next_slot = (next_slot or now) + interval_ms
  local wait = next_slot - now
  if wait < 0 then
    return 0
  end
  return math.floor(wait)
end
