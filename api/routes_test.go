package api

import (
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/policies"
)

// TestEveryRouteIsInTheTable walks gin's routes: each must be a line of the
// route table, and each line must say what it asks of the caller, so that
// a route cannot be added without its permission.
func TestEveryRouteIsInTheTable(t *testing.T) {
	table := map[string]access{}
	for _, r := range (&Server{}).routes() {
		key := r.method + " " + r.path
		_, dup := table[key]
		require.False(t, dup, "%s is in the table twice", key)
		require.NotNil(t, r.handler, "%s has no handler", key)
		table[key] = r.access
	}
	routes := engine(t).Routes()
	require.Len(t, routes, len(table), "every line of the table is a route")
	for _, r := range routes {
		key := r.Method + " " + r.Path
		a, ok := table[key]
		require.True(t, ok, "route %s is not in the route table (routes.go)", key)
		switch a.kind {
		case accessPublic, accessSelf:
		case accessByHandler:
			require.NotEmpty(t, a.why, "%s: a route whose handler decides says what it checks", key)
		case accessPermission:
			require.NotEmpty(t, a.perms, "%s: no permission", key)
			for _, p := range a.perms {
				require.True(t, slices.Contains(policies.Objects, p.object), "%s: unknown object %q", key, p.object)
				require.NotEmpty(t, p.act, "%s: no act", key)
			}
			if a.list {
				require.Equal(t, "GET", r.Method, "%s: only a read lists", key)
				require.Equal(t, casefile.ActRead, a.perms[0].act, "%s: a listing lists what the caller may read", key)
			}
		default:
			t.Errorf("route %s has no permission in the route table", key)
		}
	}
}

// TestOnlyPublicRoutesNeedNoToken: every route but the public ones answers
// 401 without a token, before its handler.
func TestOnlyPublicRoutesNeedNoToken(t *testing.T) {
	for _, r := range (&Server{}).routes() {
		if r.access.kind == accessPublic {
			continue
		}
		rec := serve(t, r.method, r.path)
		require.Equal(t, 401, rec.Code, "%s %s without a token", r.method, r.path)
	}
}

// serve answers one request with the real routes and a zero Server.
func serve(t *testing.T, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	engine(t).ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}
