package casefile_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
)

type party struct {
	Name string `json:"name" limit:"5"`
}

type request struct {
	Party    party    `json:"party"`
	Note     *string  `json:"note,omitempty" limit:"3"`
	Officers []string `json:"officers" limit:"2" itemlimit:"4"`
	Server   string   `json:"server" limit:"server"`
	Raw      json.RawMessage
}

type undeclared struct {
	Text string `json:"text"`
}

func TestCheckLimits(t *testing.T) {
	t.Parallel()
	long := "四个字符"
	tests := []struct {
		name    string
		in      any
		field   string
		problem string
	}{
		{"at every limit", &request{Party: party{Name: "五个字符呀"}, Note: &[]string{"三个字"}[0], Officers: []string{"abcd", "ef"}}, "", ""},
		{"a nested string over its limit", &request{Party: party{Name: "六个字符呀呀"}}, "party.name", "too_long"},
		{"an optional field over its limit", &request{Note: &long}, "note", "too_long"},
		{"too many items", &request{Officers: []string{"a", "b", "c"}}, "officers", "too_many"},
		{"an item over its limit", &request{Officers: []string{"a", "abcde"}}, "officers[1]", "too_long"},
		{"a NUL", &request{Party: party{Name: "a\x00b"}}, "party.name", "nul"},
		{"invalid UTF-8", &request{Party: party{Name: "\xff"}}, "party.name", "invalid_utf8"},
		{"set by the server: not checked", &request{Server: strings.Repeat("x", 100)}, "", ""},
		{"a string without a declared limit", &undeclared{Text: "x"}, "text", "undeclared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := casefile.CheckLimits(tt.in)
			if tt.problem == "" {
				require.Nil(t, e)
				return
			}
			require.NotNil(t, e)
			require.Equal(t, tt.field, e.Field)
			require.Equal(t, tt.problem, e.Problem)
			require.NotEmpty(t, e.Chinese())
		})
	}
	require.Equal(t, map[string]int{"party.name": 5, "note": 3, "officers": 2, "officers[]": 4}, casefile.Limits(request{}))
}

// TestDiffThenApplyRebuildsTheCase: what an act sends (its changes) turns
// the stored snapshot into the case as it is now, and sends appended
// items, not the whole list.
func TestDiffThenApplyRebuildsTheCase(t *testing.T) {
	t.Parallel()
	steps := []string{
		`{"stage":"filing","evidence":[],"officers":["a","b"],"seq":1}`,
		`{"stage":"investigation","evidence":[{"d":"一"}],"officers":["a","b"],"seq":2}`,
		`{"stage":"investigation","evidence":[{"d":"一"},{"d":"二"}],"officers":["a","b"],"seq":3}`,
		`{"stage":"investigation","evidence":[{"d":"一改"},{"d":"二"}],"officers":["b"],"seq":4,"report":{"f":"x"}}`,
		`{"stage":"review","evidence":[{"d":"一改"},{"d":"二"}],"officers":["b"],"seq":5}`,
	}
	stored := map[string]json.RawMessage{}
	prev := map[string]json.RawMessage{}
	for i, s := range steps {
		cur, err := casefile.Fields([]byte(s))
		require.NoError(t, err)
		changes := casefile.Diff(prev, cur)
		if i == 2 {
			require.Len(t, changes, 2, "stage unchanged: only seq and the appended item")
			require.True(t, changes[0].Append)
			require.JSONEq(t, `[{"d":"二"}]`, string(changes[0].Value))
		}
		require.NoError(t, casefile.Apply(stored, changes))
		got, err := json.Marshal(stored)
		require.NoError(t, err)
		require.JSONEq(t, s, string(got), "after step %d", i+1)
		prev = cur
	}
}
