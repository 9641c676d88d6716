package api

import (
	"mime"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPropertyListCells: a cell a spreadsheet would take for a formula is
// kept as text; any other stays as written.
func TestPropertyListCells(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"Chinese", "过期酸奶", "过期酸奶"},
		{"a number", "6217000000000000001", "6217000000000000001"},
		{"empty", "", ""},
		{"a formula", "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"plus", "+1", "'+1"},
		{"minus", "-1+2", "'-1+2"},
		{"at", "@SUM(A1)", "'@SUM(A1)"},
		{"a tab", "\t=1", "'\t=1"},
		{"an equals sign inside", "1=1", "1=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, inertCell(tt.in))
		})
	}
}

// TestPropertyListFilename: the Chinese file name survives RFC 5987
// encoding as a client decodes it, with its brackets and spaces.
func TestPropertyListFilename(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"财物清单-青山县市监强〔2026〕1号.csv", "财物清单-a b;c\"d%.csv"} {
		_, params, err := mime.ParseMediaType(`attachment; filename="properties-x.csv"; filename*=UTF-8''` + rfc5987(name))
		require.NoError(t, err)
		require.Equal(t, name, params["filename"])
	}
}
