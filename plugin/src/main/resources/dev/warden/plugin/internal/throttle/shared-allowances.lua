-- Checks and counts one comment against the allowances all nodes share, atomically (Redis runs one script at a
-- time), so that two nodes cannot both admit a poster's last allowed comment.
--
-- KEYS: one sorted set per allowance, in check order (poster, poster on article, client address); members are
-- comments, scores their time in milliseconds.
-- ARGV[1]: now (ms); ARGV[2]: a member unique to this comment;
-- then per key i: ARGV[3i] max (0: only count, never refuse), ARGV[3i+1] window (ms), ARGV[3i+2] minimum interval
-- since the latest (ms, 0: none).
-- Returns {0, 0, 0} when admitted and counted, else {i, kind, retry-after ms} with kind 1 (interval) or 2 (max),
-- and counts nothing: refusals do not use up allowance.
local now = tonumber(ARGV[1])
for i = 1, #KEYS do
  local max = tonumber(ARGV[3 * i])
  local window = tonumber(ARGV[3 * i + 1])
  local interval = tonumber(ARGV[3 * i + 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if max > 0 then
    if interval > 0 then
      local latest = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
      if latest[2] ~= nil and now - tonumber(latest[2]) < interval then
        return {i, 1, tonumber(latest[2]) + interval - now}
      end
    end
    local count = redis.call('ZCARD', KEYS[i])
    if count >= max then
      -- The max-th latest comment: its leaving the window frees the allowance.
      local freeing = redis.call('ZRANGE', KEYS[i], count - max, count - max, 'WITHSCORES')
      return {i, 2, tonumber(freeing[2]) + window - now}
    end
  end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[3 * i + 1]))
end
return {0, 0, 0}
