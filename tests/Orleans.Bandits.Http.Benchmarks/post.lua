-- POST the body in env BODY; with env RATE (requests/s for the whole run) and CONNECTIONS,
-- each connection waits CONNECTIONS/RATE seconds between requests, a fixed offered load.
-- With env UNIQUE_EVENTS set, every request carries a distinct eventId (distinct feedback events).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local body = os.getenv("BODY")
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")
local unique = os.getenv("UNIQUE_EVENTS")
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
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
  if rate > 0 then
    return math.floor(connections * 1000 / rate)
  end
  return 0
end
