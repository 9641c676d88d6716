package api_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
)

// TestDeadlineListPagesByCursor: a manager follows `next` from page to page
// and sees each running deadline once, the earliest due first, as many as
// the total says; a cursor that is not one is a 400.
func TestDeadlineListPagesByCursor(t *testing.T) {
	e := newEnv(t)
	manager := e.login("lj-manager")
	agencies := make([]string, len(demo.Agencies))
	for i, a := range demo.Agencies {
		agencies[i] = a.ID
	}
	require.NoError(t, store.GenerateDeadlines(context.Background(), e.app.store, 8000, agencies, time.Now())) // 400 open

	seen := map[string]bool{}
	var last string
	path := "/deadlines?state=open&page_size=50"
	var total float64
	for pages := 0; ; pages++ {
		require.Less(t, pages, 20, "the pages end")
		r := e.do("GET", path, manager, nil)
		require.Equal(t, 200, r.status, string(r.raw))
		require.Equal(t, false, r.body["total_capped"])
		total = r.body["total"].(float64)
		for _, it := range r.body["items"].([]any) {
			d := it.(map[string]any)
			key := d["case_id"].(string) + "/" + d["key"].(string)
			require.False(t, seen[key], "%s listed twice", key)
			seen[key] = true
			require.GreaterOrEqual(t, d["due_at"].(string), last, "the earliest due first")
			last = d["due_at"].(string)
		}
		next, ok := r.body["next"].(string)
		if !ok {
			break
		}
		path = "/deadlines?state=open&page_size=50&cursor=" + url.QueryEscape(next)
	}
	require.NotEmpty(t, seen)
	require.Len(t, seen, int(total))

	for _, bad := range []string{"/deadlines?cursor=yesterday", "/deadlines?cursor=WyJ5ZXN0ZXJkYXkiLCJhIiwiYiJd", "/deadlines?page=2&cursor=x"} {
		r := e.do("GET", bad, manager, nil)
		require.Equal(t, 400, r.status, "%s: %s", bad, r.raw)
		require.Equal(t, "bad_request", r.errCode())
	}
}
