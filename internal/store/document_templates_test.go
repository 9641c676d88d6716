package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

func TestDocumentTemplateVersions(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := context.Background()
	by := store.Actor{ID: "jn-admin", Name: "系统管理员"}
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)

	_, err := st.DocumentTemplate(ctx, "jn-lj", "decision")
	require.ErrorIs(t, err, store.ErrNotFound, "none saved: the built-in is in force")

	for v, body := range []string{"<p>一</p>", "<p>二</p>"} {
		saved, err := st.SaveDocumentTemplate(ctx, "jn-lj", "decision", body, by, at)
		require.NoError(t, err)
		require.Equal(t, v+1, saved.Version)
	}
	_, err = st.SaveDocumentTemplate(ctx, "jn-lj", "notice", "<p>告知</p>", by, at)
	require.NoError(t, err)

	got, err := st.DocumentTemplate(ctx, "jn-lj", "decision")
	require.NoError(t, err)
	require.Equal(t, store.DocumentTemplate{AgencyID: "jn-lj", DocType: "decision", Version: 2, Template: "<p>二</p>",
		SavedByID: "jn-admin", SavedBy: "系统管理员", SavedAt: at}, got)
	notice, err := st.DocumentTemplate(ctx, "jn-lj", "notice")
	require.NoError(t, err)
	require.Equal(t, 1, notice.Version, "each kind counts its own versions")
	_, err = st.DocumentTemplate(ctx, "jn-lj-qs", "decision")
	require.ErrorIs(t, err, store.ErrNotFound, "each agency its own")
}

// TestDocumentTemplateSavedByTwoAtOnce: administrators saving the same
// template at the same moment each get their own version; none is refused
// or lost.
func TestDocumentTemplateSavedByTwoAtOnce(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	at := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	const n = 8
	versions := make(chan int, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			by := store.Actor{ID: "jn-admin", Name: "系统管理员"}
			saved, err := st.SaveDocumentTemplate(context.Background(), "jn-lj", "decision", "<p>第"+string(rune('一'+i))+"版</p>", by, at)
			errs <- err
			versions <- saved.Version
		}()
	}
	seen := map[int]bool{}
	for range n {
		require.NoError(t, <-errs)
		seen[<-versions] = true
	}
	for v := 1; v <= n; v++ {
		require.True(t, seen[v], "version %d saved: %v", v, seen)
	}
}
