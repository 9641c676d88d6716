package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
)

// sqliteFile is the file store.Open keeps the database in, inside the data
// folder, when no database URL is set.
const sqliteFile = "zhifa.db"

// prepareDataDir creates the data folder for its owner alone (0700): it
// holds case data, which is personal data, and the token key. A folder that
// exists is left as the administrator made it, with a warning if others may
// enter it; the files in it are made the owner's alone either way.
func prepareDataDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data dir %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("data dir %s: %w", dir, err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		slog.Warn("the data folder is open to other users; `chmod 700` it", "dir", dir, "mode", info.Mode().Perm().String())
	}
	return nil
}

// prepareSQLiteFile creates the SQLite database file at path empty (SQLite
// takes an empty file for a new database) with mode 0600, whatever the
// umask, because SQLite gives the -wal and -shm files it creates the mode of
// the database file; files an earlier version left open to others are
// tightened.
func prepareSQLiteFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("database file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("database file: %w", err)
	}
	ownerOnly(path, path+"-wal", path+"-shm")
	return nil
}

// ownerOnly makes the files that exist among paths mode 0600. A file that
// cannot be changed (another user's) is warned about, not refused: it was
// usable before.
func ownerOnly(paths ...string) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil && info.Mode().Perm() == 0o600 {
			continue
		}
		if err == nil {
			err = os.Chmod(p, 0o600)
		}
		if err != nil {
			slog.Warn("data file is readable by others", "file", p, "err", err)
		}
	}
}

// prepareSQLiteStore readies the data folder and the database file when the
// database is SQLite in the data folder.
func prepareSQLiteStore(databaseURL, dataDir string) error {
	if databaseURL != "" {
		return nil
	}
	if err := prepareDataDir(dataDir); err != nil {
		return err
	}
	return prepareSQLiteFile(filepath.Join(dataDir, sqliteFile))
}
