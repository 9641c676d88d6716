package api

import (
	"testing"
	"time"
)

// TestWebhookBackoff: a failed delivery waits 30 s, then twice as long
// after each further failure, never more than an hour.
func TestWebhookBackoff(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		attempts int
		want     time.Duration
	}{
		{1, 30 * time.Second},
		{2, time.Minute},
		{3, 2 * time.Minute},
		{7, 32 * time.Minute},
		{8, time.Hour},
		{1000, time.Hour},
	} {
		if got := backoff(c.attempts); got != c.want {
			t.Errorf("after %d failed attempts: wait %s, want %s", c.attempts, got, c.want)
		}
	}
}
