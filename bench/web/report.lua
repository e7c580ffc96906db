-- wrk script of bench/web/run.sh: counts responses that are not 2xx (wrk itself only counts >= 400 as
-- errors, so a redirect to /login would pass unnoticed) and prints one machine-readable line:
-- RESULT <req/s> <p50 ms> <p95 ms> <p99 ms> <non-2xx> <socket errors> <requests>
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    bad, e.connect + e.read + e.write + e.timeout, summary.requests))
end
