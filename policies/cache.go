package policies

import (
	"hash/maphash"
	"sync"
)

// cacheShards spreads the decision cache over independent locks, so that
// concurrent requests rarely wait for each other.
const cacheShards = 64

// decisionCache remembers decisions keyed by the whole Request, each shard
// holding only answers of a single generation. An answer is served only if
// its shard's generation is the Enforcer's current one; a shard that is
// handed an answer of a newer generation drops everything it held, and an
// answer of an older generation than the shard's is not stored at all.
// Each shard holds at most limit entries; when full, an arbitrary one makes
// room (Go randomises map iteration).
type decisionCache struct {
	seed   maphash.Seed
	limit  int
	shards [cacheShards]cacheShard
}

type cacheShard struct {
	mu      sync.RWMutex
	gen     uint64
	answers map[Request]bool
}

func newDecisionCache(size int) *decisionCache {
	c := &decisionCache{seed: maphash.MakeSeed(), limit: max(size/cacheShards, 1)}
	for i := range c.shards {
		c.shards[i].answers = map[Request]bool{}
	}
	return c
}

func (c *decisionCache) shard(r Request) *cacheShard {
	h := maphash.Comparable(c.seed, r)
	return &c.shards[h%cacheShards]
}

// get returns the answer to r computed under generation gen, if there is one.
func (c *decisionCache) get(r Request, gen uint64) (allowed, ok bool) {
	s := c.shard(r)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.gen != gen {
		return false, false
	}
	allowed, ok = s.answers[r]
	return allowed, ok
}

// put remembers the answer to r computed under generation gen.
func (c *decisionCache) put(r Request, gen uint64, allowed bool) {
	s := c.shard(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case gen < s.gen:
		return // computed before a change the shard already knows of
	case gen > s.gen:
		clear(s.answers)
		s.gen = gen
	}
	if _, ok := s.answers[r]; !ok && len(s.answers) >= c.limit {
		for k := range s.answers {
			delete(s.answers, k)
			break
		}
	}
	s.answers[r] = allowed
}

// len is the number of answers held, of any generation.
func (c *decisionCache) len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.RLock()
		n += len(s.answers)
		s.mu.RUnlock()
	}
	return n
}
