-- wrk script for bench/load/run.sh: one wrk process per page group, each connection a virtual user that waits a think
-- time (THINK_MS ± JITTER_MS, uniform) before each request, then asks one of the group's paths at random.
--
--   wrk -c CONNECTIONS -t THREADS -d 60s --timeout 10s -s load.lua http://127.0.0.1:PORT -- PATHS SESSIONS THINK_MS JITTER_MS [HEADER VALUE]
--
-- PATHS: one request a line, "<session>\t<path>": session "*" for any, or the number of the session the path belongs to
-- (an agent's cases are those of the agent's site). SESSIONS: one Cookie header a line (antiforgery and session cookies,
-- as after signing in), or "-" for none. Each wrk thread is one signed-in session: its connections share its cookie, and
-- when a response renews the session cookie (the security stamp is checked again every minute), the thread sends the
-- new one, as a browser would. HEADER VALUE: an extra header (X-Api-Key for the partners' API).
--
-- Latency is wrk's: from writing the request to the end of the response, the think time not included. At the end, one
-- line "RESULT group=... requests=... p50_ms=... p95_ms=... p99_ms=... max_ms=... non2xx=... timeouts=... socket=..."
-- (the group's name from the environment variable LOAD_GROUP); any answer other than 2xx counts in non2xx (a 302 to the
-- sign-in page means a lost session: an error here).

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

local paths = {}
local cookie = nil
local extra_name, extra_value = nil, nil
local think, jitter = 1000, 500
non2xx = 0
renewed = 0

local function read_lines(file)
  local lines = {}
  local f = assert(io.open(file, "r"), "cannot read " .. file)
  for line in f:lines() do
    if line ~= "" then
      table.insert(lines, line)
    end
  end
  f:close()
  return lines
end

function init(args)
  local own = id or 1
  math.randomseed(own * 7919 + os.time())
  local sessions = {}
  if args[2] ~= nil and args[2] ~= "-" then
    sessions = read_lines(args[2])
  end
  local session = 0
  if #sessions > 0 then
    session = ((own - 1) % #sessions) + 1
    cookie = sessions[session]
  end
  for _, line in ipairs(read_lines(args[1])) do
    local owner, path = line:match("^([^\t]+)\t(.+)$")
    if owner == "*" or tonumber(owner) == session then
      table.insert(paths, path)
    end
  end
  assert(#paths > 0, "no path for session " .. session .. " in " .. args[1])
  think = tonumber(args[3] or "1000")
  jitter = tonumber(args[4] or "500")
  extra_name, extra_value = args[5], args[6]
end

function delay()
  if jitter <= 0 then
    return think
  end
  return math.max(0, think + math.random(-jitter, jitter))
end

function request()
  local headers = {}
  if cookie ~= nil then
    headers["Cookie"] = cookie
  end
  if extra_name ~= nil then
    headers[extra_name] = extra_value
  end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  local set = headers["Set-Cookie"]
  if cookie ~= nil and set ~= nil then
    local renewed_session = set:match("^cb%.session=([^;]*)")
    if renewed_session ~= nil then
      cookie = cookie:gsub("cb%.session=[^;]*", function() return "cb.session=" .. renewed_session end)
      renewed = renewed + 1
    end
  end
end

function done(summary, latency, requests)
  local bad, renewals = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
    renewals = renewals + (thread:get("renewed") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT group=%s requests=%d seconds=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d timeouts=%d socket=%d renewed=%d\n",
    os.getenv("LOAD_GROUP") or "?", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, e.timeout, e.connect + e.read + e.write, renewals))
end
