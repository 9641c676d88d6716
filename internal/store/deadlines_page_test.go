package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// TestDeadlinePagesByCursor: a manager who follows the cursor from page to
// page sees every running deadline once, in order; the count stops at the
// cap.
func TestDeadlinePagesByCursor(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	agencies := []string{"a1", "a2", "a3"}
	now := time.Now().UTC()
	// 40,000 rows: 2,000 open, 300 of them past due.
	require.NoError(t, store.GenerateDeadlines(t.Context(), st, 40_000, agencies, now))

	t.Run("overdue, page after page", func(t *testing.T) {
		t.Parallel()
		f := store.DeadlineFilter{AgencyIDs: agencies, State: "overdue", AsOf: now, Limit: 64}
		seen := map[string]bool{}
		var last time.Time
		pages := 0
		for {
			items, total, err := st.Deadlines(t.Context(), f)
			require.NoError(t, err)
			require.EqualValues(t, 300, total, "the count is exact below the cap")
			for _, it := range items {
				key := it.CaseID + "/" + it.Key
				require.False(t, seen[key], "%s listed twice", key)
				seen[key] = true
				require.False(t, it.DueAt.Before(last), "oldest due first")
				last = it.DueAt
				require.Equal(t, "overdue", it.State)
			}
			pages++
			if len(items) < f.Limit {
				break
			}
			after := items[len(items)-1].Cursor()
			f.After = &after
		}
		require.Len(t, seen, 300)
		require.Equal(t, 5, pages)
	})

	t.Run("a cursor survives its URL form", func(t *testing.T) {
		t.Parallel()
		items, _, err := st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: agencies, State: "open", AsOf: now, Limit: 3})
		require.NoError(t, err)
		cur, err := store.ParseDeadlineCursor(items[1].Cursor().String())
		require.NoError(t, err)
		next, _, err := st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: agencies, State: "open", AsOf: now, Limit: 1, After: &cur})
		require.NoError(t, err)
		require.Equal(t, items[2].CaseID+items[2].Key, next[0].CaseID+next[0].Key)
		for _, bad := range []string{"", "x", "bm90IGpzb24", "WyJ5ZXN0ZXJkYXkiLCJhIiwiYiJd"} {
			_, err := store.ParseDeadlineCursor(bad)
			require.ErrorIs(t, err, store.ErrBadCursor, "%q", bad)
		}
	})

	t.Run("the count stops at the cap", func(t *testing.T) {
		t.Parallel()
		_, total, err := st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: agencies, State: "open", AsOf: now, Limit: 20})
		require.NoError(t, err)
		require.EqualValues(t, store.DeadlineCountCap+1, total, "2,000 open: more than the cap")
	})
}
