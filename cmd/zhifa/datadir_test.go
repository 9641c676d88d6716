package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/config"
)

// TestDataFilesAreTheOwnersAlone opens the SQLite database and makes the
// token key as `zhifa serve` does, and checks that the data folder and the
// files in it can be read by their owner alone, also when an older version
// left the files open to others.
func TestDataFilesAreTheOwnersAlone(t *testing.T) {
	files := []string{sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", "token.key"}
	open := func(t *testing.T, dir string) {
		t.Helper()
		cfg := &config.Config{DataDir: dir}
		st, err := openStore(t.Context(), cfg, false)
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		_, err = tokenSecret(cfg)
		require.NoError(t, err)
		// The -wal and -shm files exist while the database is open.
		for _, f := range files {
			info, err := os.Stat(filepath.Join(dir, f))
			require.NoError(t, err)
			require.Equal(t, os.FileMode(0o600), info.Mode().Perm(), f)
		}
	}

	t.Run("new data folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data")
		open(t, dir)
		info, err := os.Stat(dir)
		require.NoError(t, err)
		require.Equal(t, os.FileMode(0o700), info.Mode().Perm(), "data folder")
	})

	t.Run("files an older version left open", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data")
		require.NoError(t, os.Mkdir(dir, 0o750))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "token.key"), []byte("0123456789abcdef0123456789abcdef\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, sqliteFile), nil, 0o644))
		require.NoError(t, os.Chmod(filepath.Join(dir, "token.key"), 0o644)) // whatever the umask
		require.NoError(t, os.Chmod(filepath.Join(dir, sqliteFile), 0o644))
		open(t, dir)
	})
}
