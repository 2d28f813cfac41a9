-- POST the body in env BODY. With env RATE (requests/s for the whole run) and THREADS (wrk's -t),
-- each wrk thread sends on a fixed schedule of RATE/THREADS per second: every request claims the next slot, and a
-- connection ready early waits for its slot. The schedule is absolute, so latency does not slow
-- the offered rate (plain think time would: the rate would fall as latency rises).
-- With env UNIQUE_EVENTS set, every request carries a distinct eventId (distinct feedback events).
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
local interval_ms = 1000 * tonumber(os.getenv("THREADS") or "1") / math.max(rate, 1)
local next_slot = nil
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function request()
  counter = counter + 1
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
