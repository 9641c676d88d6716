package api

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestIPLimiter: each address has its own burst, then waits for the rate;
// an address idle long enough to have its burst back is forgotten.
func TestIPLimiter(t *testing.T) {
	t.Parallel()
	l := newIPLimiter(2, 3)
	now := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	for i := range 3 {
		ok, _ := l.reserve("203.0.113.1", now)
		require.True(t, ok, "request %d of the burst", i+1)
	}
	ok, wait := l.reserve("203.0.113.1", now)
	require.False(t, ok)
	require.Equal(t, 500*time.Millisecond, wait, "one token every half second")
	ok, _ = l.reserve("203.0.113.2", now)
	require.True(t, ok, "another address has its own burst")
	ok, _ = l.reserve("203.0.113.1", now.Add(500*time.Millisecond))
	require.True(t, ok, "a token came back")

	later := now.Add(time.Minute)
	ok, _ = l.reserve("203.0.113.3", later)
	require.True(t, ok)
	require.Len(t, l.seen, 1, "idle addresses are forgotten")
}

func TestETagMatches(t *testing.T) {
	t.Parallel()
	tag := `"abc"`
	tests := []struct {
		header string
		want   bool
	}{
		{`"abc"`, true},
		{`W/"abc"`, true},
		{`"x", "abc"`, true},
		{`*`, true},
		{`"abd"`, false},
		{``, false},
		{`abc`, false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, etagMatches(tt.header, tag))
		})
	}
}
