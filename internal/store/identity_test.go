package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// newSession stores a session of officer created at now, living for a week.
func newSession(t *testing.T, st *store.Store, id, officer, refreshHash string, now time.Time) {
	t.Helper()
	require.NoError(t, st.CreateSession(t.Context(), store.Session{ID: id, OfficerID: officer, CreatedAt: now,
		ExpiresAt: now.Add(7 * 24 * time.Hour)}, refreshHash))
}

func TestSessionIsLiveUntilItExpiresOrIsRevoked(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	now := time.Date(2026, 10, 13, 9, 0, 0, 0, time.UTC)
	newSession(t, st, "s1", "qs-officer1", "h1", now)

	require.NoError(t, st.CheckSession(ctx, "s1", "qs-officer1", now.Add(time.Hour)))
	require.ErrorIs(t, st.CheckSession(ctx, "s1", "qs-head", now), store.ErrNotFound, "another officer's session")
	require.ErrorIs(t, st.CheckSession(ctx, "s2", "qs-officer1", now), store.ErrNotFound)
	require.ErrorIs(t, st.CheckSession(ctx, "s1", "qs-officer1", now.Add(7*24*time.Hour)), store.ErrNotFound, "expired")

	require.NoError(t, st.RevokeSession(ctx, "s1", store.RevokedLogout, now.Add(time.Minute)))
	require.NoError(t, st.RevokeSession(ctx, "s1", "again", now.Add(2*time.Minute)))
	require.ErrorIs(t, st.CheckSession(ctx, "s1", "qs-officer1", now.Add(time.Hour)), store.ErrNotFound, "revoked")
	s, err := st.Session(ctx, "s1")
	require.NoError(t, err)
	require.Equal(t, store.RevokedLogout, s.RevokedWhy, "the first revocation stands")
	require.NotNil(t, s.RevokedAt)
	require.True(t, s.RevokedAt.Equal(now.Add(time.Minute)))
}

func TestRotatingARefreshTokenRetiresIt(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	now := time.Date(2026, 10, 13, 9, 0, 0, 0, time.UTC)
	newSession(t, st, "s1", "qs-officer1", "h1", now)

	later := now.Add(24 * time.Hour)
	s, err := st.RotateRefresh(ctx, "h1", "h2", later, later.Add(7*24*time.Hour))
	require.NoError(t, err)
	require.Equal(t, "s1", s.ID)
	require.True(t, s.ExpiresAt.Equal(later.Add(7*24*time.Hour)), "each refresh token lives the full term")
	_, err = st.RotateRefresh(ctx, "h2", "h3", later, later.Add(7*24*time.Hour))
	require.NoError(t, err)

	_, err = st.RotateRefresh(ctx, "unknown", "h4", later, later.Add(time.Hour))
	require.ErrorIs(t, err, store.ErrNotFound)
	require.NoError(t, st.CheckSession(ctx, "s1", "qs-officer1", later), "an unknown token harms no session")

	_, err = st.RotateRefresh(ctx, "h1", "h4", later, later.Add(time.Hour))
	require.ErrorIs(t, err, store.ErrRefreshReused)
	require.ErrorIs(t, st.CheckSession(ctx, "s1", "qs-officer1", later), store.ErrNotFound)
	got, err := st.Session(ctx, "s1")
	require.NoError(t, err)
	require.Equal(t, store.RevokedRefreshReused, got.RevokedWhy)
	_, err = st.RotateRefresh(ctx, "h3", "h5", later, later.Add(time.Hour))
	require.ErrorIs(t, err, store.ErrNotFound, "the current token of a revoked session is dead too")

	// An expired session's token does not refresh.
	newSession(t, st, "s2", "qs-officer1", "k1", now)
	_, err = st.RotateRefresh(ctx, "k1", "k2", now.Add(8*24*time.Hour), now.Add(15*24*time.Hour))
	require.ErrorIs(t, err, store.ErrNotFound)
}

// TestConcurrentRefreshWithOneTokenEndsTheSession: two requests exchanging
// the same refresh token at once cannot both win; the loser is treated as
// reuse.
func TestConcurrentRefreshWithOneTokenEndsTheSession(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	now := time.Now().UTC()
	newSession(t, st, "s1", "qs-officer1", "h1", now)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() {
			_, errs[i] = st.RotateRefresh(context.Background(), "h1", "next-"+string(rune('a'+i)), now, now.Add(time.Hour))
		})
	}
	wg.Wait()
	var won, reused int
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case errors.Is(err, store.ErrRefreshReused):
			reused++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	require.Equal(t, 1, won, "%v", errs)
	require.Equal(t, 1, reused, "%v", errs)
	require.ErrorIs(t, st.CheckSession(t.Context(), "s1", "qs-officer1", now), store.ErrNotFound)
}

func TestSetPasswordRevokesEverySessionOfTheOfficer(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	now := time.Date(2026, 10, 13, 9, 0, 0, 0, time.UTC)
	require.NoError(t, st.PutOfficer(ctx, store.Officer{ID: "qs-officer1", Login: "qs-officer1", Name: "张伟", AgencyID: qingshan, PasswordHash: "old"}))
	newSession(t, st, "a", "qs-officer1", "ha", now)
	newSession(t, st, "b", "qs-officer1", "hb", now)
	newSession(t, st, "c", "qs-officer2", "hc", now)
	require.NoError(t, st.RevokeSession(ctx, "b", store.RevokedLogout, now))

	require.NoError(t, st.SetPassword(ctx, "qs-officer1", "new", now.Add(time.Hour)))
	o, err := st.Officer(ctx, "qs-officer1")
	require.NoError(t, err)
	require.Equal(t, "new", o.PasswordHash)
	sessions, err := st.Sessions(ctx, "qs-officer1")
	require.NoError(t, err)
	why := map[string]string{}
	for _, s := range sessions {
		why[s.ID] = s.RevokedWhy
	}
	require.Equal(t, map[string]string{"a": store.RevokedPasswordChanged, "b": store.RevokedLogout}, why)
	require.NoError(t, st.CheckSession(ctx, "c", "qs-officer2", now), "another officer's session goes on")

	require.ErrorIs(t, st.SetPassword(ctx, "nobody", "x", now), store.ErrNotFound)
	n, err := st.RevokeSessions(ctx, "qs-officer2", "admin", now)
	require.NoError(t, err)
	require.EqualValues(t, 1, n)
}

// failLogin is one wrong password at now against keys, as the API checks
// it: a reserved attempt that fails. It returns the lock the failure set,
// or the lock that refused the attempt.
func failLogin(t *testing.T, st *store.Store, now time.Time, keys ...store.ThrottleKey) time.Time {
	t.Helper()
	ctx := t.Context()
	a, until, err := st.ReserveLoginAttempt(ctx, now, 15*time.Minute, 15*time.Minute, keys...)
	require.NoError(t, err)
	if !until.IsZero() {
		return until
	}
	until, err = st.FailLoginAttempt(ctx, a, now)
	require.NoError(t, err)
	return until
}

// TestLoginFailuresLockWithinTheWindow drives the clock by hand: five
// failures within fifteen minutes lock for fifteen minutes; failures older
// than the window do not count; after a lock the count starts again.
func TestLoginFailuresLockWithinTheWindow(t *testing.T) {
	t.Parallel()
	login := store.ThrottleKey{Scope: store.ThrottleLogin, Key: "qs-officer1", Max: 5}
	ip := store.ThrottleKey{Scope: store.ThrottleIP, Key: "192.0.2.7", Max: 20}
	t0 := time.Date(2026, 10, 13, 9, 0, 0, 0, time.UTC)

	steps := []struct {
		name       string
		failuresAt []time.Duration // minutes after t0
		checkAt    time.Duration
		lockedTill time.Duration // 0: not locked
	}{
		{"four failures do not lock", []time.Duration{0, 1, 2, 3}, 4, 0},
		{"the fifth within fifteen minutes locks for fifteen", []time.Duration{0, 1, 2, 3, 10}, 11, 25},
		{"the lock ends", []time.Duration{0, 1, 2, 3, 10}, 25, 0},
		{"failures older than the window do not count", []time.Duration{0, 1, 2, 3, 16}, 17, 0},
		{"after a lock the count starts again", []time.Duration{0, 1, 2, 3, 4, 20, 21, 22, 23}, 24, 0},
		{"and locks again at five", []time.Duration{0, 1, 2, 3, 4, 20, 21, 22, 23, 24}, 24, 39},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			st := storetest.Open(t)
			for _, m := range s.failuresAt {
				failLogin(t, st, t0.Add(m*time.Minute), login, ip)
			}
			until, err := st.LockedUntil(t.Context(), t0.Add(s.checkAt*time.Minute), login, ip)
			require.NoError(t, err)
			if s.lockedTill == 0 {
				require.True(t, until.IsZero(), "locked until %v", until)
			} else {
				require.True(t, until.Equal(t0.Add(s.lockedTill*time.Minute)), "locked until %v", until)
			}
		})
	}
}

func TestLoginFailuresAreCountedPerKey(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	now := time.Date(2026, 10, 13, 9, 0, 0, 0, time.UTC)
	ip := store.ThrottleKey{Scope: store.ThrottleIP, Key: "192.0.2.7", Max: 6}
	a := store.ThrottleKey{Scope: store.ThrottleLogin, Key: "a", Max: 3}
	b := store.ThrottleKey{Scope: store.ThrottleLogin, Key: "b", Max: 3}
	record := func(k store.ThrottleKey) time.Time { return failLogin(t, st, now, k, ip) }
	locked := func(keys ...store.ThrottleKey) bool {
		until, err := st.LockedUntil(ctx, now, keys...)
		require.NoError(t, err)
		return !until.IsZero()
	}

	record(a)
	record(a)
	success, until, err := st.ReserveLoginAttempt(ctx, now, 15*time.Minute, 15*time.Minute, a, ip)
	require.NoError(t, err)
	require.True(t, until.IsZero())
	require.NoError(t, st.ReleaseLoginAttempt(ctx, success, a), "a success resets the login's count")
	record(a)
	record(a)
	require.False(t, locked(a), "two failures since the reset")
	require.True(t, record(a).Equal(now.Add(15*time.Minute)), "the third locks a")
	require.True(t, locked(a))
	require.False(t, locked(b), "another login name is not locked")
	require.False(t, locked(ip), "the address has five failures: the reset did not forget them, the success did not count")
	record(b)
	require.True(t, locked(ip), "the sixth from the address locks it")
	require.True(t, locked(b, ip), "which locks every login from it")
	require.False(t, locked(b))
	require.False(t, locked())
}

// TestConcurrentLoginAttemptsCheckAtMostTheLimit: a burst of attempts at
// once for one login name lets exactly Max through to a password check;
// the rest are refused with the lock, before and after the checks end.
func TestConcurrentLoginAttemptsCheckAtMostTheLimit(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	now := time.Now().UTC()
	login := store.ThrottleKey{Scope: store.ThrottleLogin, Key: "qs-officer1", Max: 5}
	ip := store.ThrottleKey{Scope: store.ThrottleIP, Key: "192.0.2.7", Max: 20}
	const burst = 20
	attempts := make([]store.LoginAttempt, burst)
	locks := make([]time.Time, burst)
	errs := make([]error, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Go(func() {
			attempts[i], locks[i], errs[i] = st.ReserveLoginAttempt(context.Background(), now, 15*time.Minute, 15*time.Minute, login, ip)
		})
	}
	wg.Wait()
	var through []store.LoginAttempt
	for i := range burst {
		require.NoError(t, errs[i])
		if locks[i].IsZero() {
			through = append(through, attempts[i])
		} else {
			require.WithinDuration(t, now.Add(15*time.Minute), locks[i], time.Millisecond)
		}
	}
	require.Len(t, through, 5, "at most Max passwords are checked")
	for _, a := range through {
		_, err := st.FailLoginAttempt(t.Context(), a, now)
		require.NoError(t, err)
	}
	_, until, err := st.ReserveLoginAttempt(t.Context(), now.Add(time.Minute), 15*time.Minute, 15*time.Minute, login, ip)
	require.NoError(t, err)
	require.False(t, until.IsZero(), "still locked once the checks have failed")
	other := store.ThrottleKey{Scope: store.ThrottleLogin, Key: "qs-officer2", Max: 5}
	_, until, err = st.ReserveLoginAttempt(t.Context(), now, 15*time.Minute, 15*time.Minute, other, ip)
	require.NoError(t, err)
	require.True(t, until.IsZero(), "refused attempts did not count against the address")
}
