package redis

import goredis "github.com/redis/go-redis/v9"

// Keys, under the layer's prefix P (default "osarena:"):
//
//	P c:<channel>:s   the channel's last Send sequence number; exists while the channel is open
//	P c:<channel>:g   set of the channel's groups
//	P g:<group>:m     set of the group's member channels
//	P g:<group>:n     hash node → how many members live on that node
//	P g:<group>:s     the group's last sequence number
//	P g:<group>:h     list of the group's last frames (its history)
//	P n:<node>        the pub/sub channel a node listens on
//
// Messages on P n:<node>, in the order Redis ran the scripts (a Lua script
// runs atomically and publishes in order, and one subscription receives in
// publish order, so every node sees group changes and frames in one order):
//
//	G <len>:<group><frame>       a group frame, for the node's members of group
//	S <len>:<channel><frame>     a Send frame for one channel
//	A <len>:<group><channel>     channel joined group
//	D <len>:<group><channel>     channel left group
//	C <len>:<channel><code>      channel closed with code (decimal)
//
// Every frame is published once per node, however many members it has
// there. A script that changes a sequence number checks the number the
// caller encoded with (compare and set), so a frame is published only with
// the sequence number it carries; a caller that lost a race re-encodes.

// discardLua removes channel ch (on node) from group grp and tells the
// node; the last member's departure forgets the group and its history.
const discardLua = `
local function discard(P, grp, ch, node)
	local g = P .. 'g:' .. grp
	if redis.call('SREM', g .. ':m', ch) == 0 then return end
	redis.call('SREM', P .. 'c:' .. ch .. ':g', grp)
	if redis.call('HINCRBY', g .. ':n', node, -1) <= 0 then redis.call('HDEL', g .. ':n', node) end
	if redis.call('SCARD', g .. ':m') == 0 then redis.call('DEL', g .. ':s', g .. ':h', g .. ':n') end
	redis.call('PUBLISH', P .. 'n:' .. node, 'D' .. #grp .. ':' .. grp .. ch)
end
`

// ARGV: prefix, channel. Opens a channel.
var openScript = goredis.NewScript(`
redis.call('SET', ARGV[1] .. 'c:' .. ARGV[2] .. ':s', 0)
return 1`)

// ARGV: prefix, channel, code, node. Returns 0 for an unknown channel.
var closeScript = goredis.NewScript(discardLua + `
local P, ch, node = ARGV[1], ARGV[2], ARGV[4]
local c = P .. 'c:' .. ch
if redis.call('DEL', c .. ':s') == 0 then return 0 end
for _, grp in ipairs(redis.call('SMEMBERS', c .. ':g')) do discard(P, grp, ch, node) end
redis.call('DEL', c .. ':g')
redis.call('PUBLISH', P .. 'n:' .. node, 'C' .. #ch .. ':' .. ch .. ARGV[3])
return 1`)

// ARGV: prefix, group, channel, node. Returns -2 for an unknown channel,
// 0 if it was a member already, 1 if added.
var addScript = goredis.NewScript(`
local P, grp, ch, node = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('EXISTS', P .. 'c:' .. ch .. ':s') == 0 then return -2 end
local g = P .. 'g:' .. grp
if redis.call('SADD', g .. ':m', ch) == 0 then return 0 end
redis.call('SADD', P .. 'c:' .. ch .. ':g', grp)
redis.call('HINCRBY', g .. ':n', node, 1)
redis.call('PUBLISH', P .. 'n:' .. node, 'A' .. #grp .. ':' .. grp .. ch)
return 1`)

// ARGV: prefix, group, channel, node.
var discardScript = goredis.NewScript(discardLua + `
discard(ARGV[1], ARGV[2], ARGV[3], ARGV[4])
return 1`)

// ARGV: prefix, group, seq, frame, history length. Returns {0, 0} for an
// empty group, {-1, current seq} when seq is not the next one, {1, seq}
// when sent.
var groupSendScript = goredis.NewScript(`
local P, grp = ARGV[1], ARGV[2]
local g = P .. 'g:' .. grp
local nodes = redis.call('HKEYS', g .. ':n')
if #nodes == 0 then return {0, 0} end
local cur = tonumber(redis.call('GET', g .. ':s') or '0')
local seq = tonumber(ARGV[3])
if seq ~= cur + 1 then return {-1, cur} end
redis.call('SET', g .. ':s', seq)
redis.call('RPUSH', g .. ':h', ARGV[4])
redis.call('LTRIM', g .. ':h', -tonumber(ARGV[5]), -1)
local msg = 'G' .. #grp .. ':' .. grp .. ARGV[4]
for _, node in ipairs(nodes) do redis.call('PUBLISH', P .. 'n:' .. node, msg) end
return {1, seq}`)

// ARGV: prefix, channel, seq, frame, node. Returns {-2, 0} for an unknown
// channel, {-1, current seq} when seq is not the next one, {1, seq} when
// sent.
var sendScript = goredis.NewScript(`
local P, ch = ARGV[1], ARGV[2]
local k = P .. 'c:' .. ch .. ':s'
local cur = redis.call('GET', k)
if not cur then return {-2, 0} end
cur = tonumber(cur)
local seq = tonumber(ARGV[3])
if seq ~= cur + 1 then return {-1, cur} end
redis.call('SET', k, seq)
redis.call('PUBLISH', P .. 'n:' .. ARGV[5], 'S' .. #ch .. ':' .. ch .. ARGV[4])
return {1, seq}`)
