-- Soak mix for the feature test app: valid requests interleaved with hostile ones, in a fixed rotation.
-- Each wrk thread counts answers by status class; done() adds them up and prints them.

local json = "application/json"
local product = '{"name":"Desk","price":120.5,"priority":"High","size":{"width":1.5,"height":2},"tags":["office","wood"]}'

local function many(item, count)
  local items = {}
  for i = 1, count do items[i] = item end
  return table.concat(items, ",")
end

local mix = {
  -- valid
  { "GET", "/ping" },
  { "GET", "/route/int/42" },
  { "GET", "/query/many?a=1&b=2.5&c=true&d=3f2504e0-4f89-11d3-9a0c-0305e82c3301&e=2026-01-02&f=Low" },
  { "POST", "/json/product", json, product },
  { "PUT", "/json/point", json, '{"x":1,"y":2}' },
  { "GET", "/validation/items/5?limit=10&search=abc" },
  { "POST", "/context/form", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nhello\r\n--b--\r\n' },
  -- hostile
  { "PUT", "/json/point", json, '{"x":9223372036854775808,"y":1e400}' },
  { "PUT", "/json/point", json, '{"x":-0,"y":1.5}' },
  { "POST", "/json/product", json, '{"name":"\\ud800","price":1' },
  { "POST", "/json/product", json, string.rep("[", 5000) .. string.rep("]", 5000) },
  { "POST", "/json/list", json, "[" .. many("{}", 1000) .. "]" },
  { "POST", "/json/product", "text/plain", product },
  { "POST", "/json/product", json, '{"name":"a","name":"b","price":"x","tags":{}}' },
  { "POST", "/context/form", "multipart/form-data", '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nhello\r\n--b--\r\n' },
  { "POST", "/context/form", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-da' },
  { "GET", "/query/required?limit=99999999999999999999" },
  { "GET", "/validation/items/0?limit=101&search=" .. string.rep("x", 4000) },
  { "GET", "/route/string/%ED%A0%80%FF%00" },
  { "POST", "/validation/signup", json, '{"username":"ab","password":"Pa55-word-never-echoed","confirm":"x"}' },
}

counts = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
local threads = {}
local position = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  position = math.random(#mix) - 1
end

function request()
  position = position % #mix + 1
  local entry = mix[position]
  local headers = {}
  if entry[3] then headers["Content-Type"] = entry[3] end
  return wrk.format(entry[1], entry[2], headers, entry[4])
end

function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  counts[class] = (counts[class] or 0) + 1
end

function done(summary, latency, requests)
  local total = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for class, n in pairs(c) do total[class] = (total[class] or 0) + n end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("soak: %d requests in %.1f s = %.0f requests/s; p99 latency %.1f ms; socket errors %d (timeouts %d)\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.timeout))
  io.write(string.format("soak: answers 2xx %d, 3xx %d, 4xx %d, 5xx %d\n", total["2xx"], total["3xx"], total["4xx"], total["5xx"]))
end
