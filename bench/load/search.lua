-- wrk script for bench/load/run: each request takes the next path from a
-- file of /api/search URLs (one a line, made by make_queries.py), each
-- thread starting at a different place, so the server sees many different
-- queries rather than one cached answer. done() prints the summary the run
-- script reads: requests/s, p50/p99 latency and every kind of error.
--
--   wrk -c4 -t2 -d10s --latency -s search.lua http://127.0.0.1:PORT -- queries.txt

local paths = {}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  assert(#paths > 0, "no queries in " .. args[1])
  index = offset or 0
end

function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.2f s\n", summary.requests, seconds))
  io.write(string.format("requests/s: %.1f\n", summary.requests / seconds))
  io.write(string.format("latency p50: %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99: %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max: %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors: %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
