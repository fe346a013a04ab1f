-- wrk script: POSTs JSON bodies read from a file (one per line), in turn, to wrk's URL.
-- Usage: wrk -s post.lua URL -- BODIES_FILE
local bodies = {}
local next_body = 0

function init(args)
  if args[1] == nil then
    error("give the bodies file after --")
  end
  for line in io.lines(args[1]) do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  if #bodies == 0 then
    error(args[1] .. ": no request bodies")
  end
  next_body = math.random(#bodies) - 1 -- threads start at different bodies
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, bodies[next_body])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests=%d duration_s=%.2f rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
