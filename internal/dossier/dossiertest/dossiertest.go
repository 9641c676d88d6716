// Package dossiertest helps tests tamper with a case file ZIP as someone
// holding a copy could: change a file's bytes, drop a file, add one.
package dossiertest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Edit says what becomes of a file of the ZIP: its new bytes, or keep
// false to leave it out.
type Edit func(name string, b []byte) (out []byte, keep bool)

// Rewrite writes a copy of the ZIP src with every file passed through
// edit, then the extra files, into a new file in a temporary folder, and
// returns its path. The copy is a well-formed ZIP: its checksums are those
// of the new bytes, as a deliberate change would leave them.
func Rewrite(t testing.TB, src []byte, edit Edit, extra map[string][]byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	require.NoError(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		if edit != nil {
			var keep bool
			if b, keep = edit(f.Name, b); !keep {
				continue
			}
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	for name, b := range extra {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return Save(t, buf.Bytes())
}

// Save writes b to a new .zip file in a temporary folder.
func Save(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "casefile.zip")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// Read is the file called name in the ZIP b.
func Read(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	rc, err := zr.Open(name)
	require.NoError(t, err)
	defer rc.Close()
	out, err := io.ReadAll(rc)
	require.NoError(t, err)
	return out
}
