package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// Dir keeps blobs in a folder of the local disk, each at ab/cd/<sum> (the
// sum's first two pairs of hex digits as two levels of folders, so that no
// folder grows to millions of entries). A blob is written to a temporary
// file under tmp/ in the same folder, synced, then linked into place; a
// blob already there is never replaced. Blobs are read-only (0400) and the
// folders the owner's alone (0700): they hold case evidence, which is
// personal data.
//
// Several processes may share the folder (on one disk or a shared file
// system): a blob appears whole or not at all, under a name only its bytes
// can have.
type Dir struct {
	root string
}

// staleUpload is how old a temporary file must be for NewDir to take it
// for the leftover of an upload that never finished (a crash, a kill)
// rather than one still being written by another process.
const staleUpload = 24 * time.Hour

// NewDir opens, creating it if need be, the folder root as a blob store,
// and removes the temporary files that unfinished uploads left there.
func NewDir(root string) (*Dir, error) {
	d := &Dir{root: root}
	if err := os.MkdirAll(d.tmp(), 0o700); err != nil {
		return nil, fmt.Errorf("create blob folder %s: %w", root, err)
	}
	entries, err := os.ReadDir(d.tmp())
	if err != nil {
		return nil, fmt.Errorf("read blob folder %s: %w", d.tmp(), err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && time.Since(info.ModTime()) > staleUpload {
			if err := os.Remove(filepath.Join(d.tmp(), e.Name())); err != nil {
				slog.Warn("cannot remove an unfinished upload", "file", e.Name(), "err", err)
			}
		}
	}
	return d, nil
}

func (d *Dir) tmp() string { return filepath.Join(d.root, "tmp") }

// Path is where the blob with sum is (or would be) kept. sum must be valid
// (ValidSum).
func (d *Dir) Path(sum string) string {
	return filepath.Join(d.root, sum[0:2], sum[2:4], sum)
}

// Put stores r's bytes; see Store.
func (d *Dir) Put(ctx context.Context, r io.Reader) (Info, error) {
	f, err := os.CreateTemp(d.tmp(), "upload-*")
	if err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	defer func() {
		_ = f.Close()
		_ = os.Remove(f.Name()) // once linked into place, only this name goes
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), r)
	if err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	if err := f.Chmod(0o400); err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	if err := f.Sync(); err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	info := Info{Sum: hex.EncodeToString(h.Sum(nil)), Size: n}
	dst := d.Path(info.Sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return Info{}, fmt.Errorf("put blob %s: %w", info.Sum, err)
	}
	if err := place(f.Name(), dst); err != nil {
		return Info{}, fmt.Errorf("put blob %s: %w", info.Sum, err)
	}
	return info, nil
}

// place gives the written file src its final name dst, unless dst exists:
// a hard link fails rather than replace it. Where the file system has no
// hard links, a rename after a look does; two processes storing the same
// bytes at once may then both rename, and the second replaces the first
// with the same bytes.
func place(src, dst string) error {
	err := os.Link(src, dst)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return nil // kept already: dedup
	default:
		if _, serr := os.Lstat(dst); serr == nil {
			return nil
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	// The new name is durable only once its folder is synced.
	dir, err := os.Open(filepath.Dir(dst))
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}

// Open returns the blob's bytes, checked as they are read; see Store.
func (d *Dir) Open(ctx context.Context, sum string) (io.ReadCloser, int64, error) {
	if !ValidSum(sum) {
		return nil, 0, ErrNotFound
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	f, err := os.Open(d.Path(sum))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, ErrNotFound
	} else if err != nil {
		return nil, 0, fmt.Errorf("open blob %s: %w", sum, err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, 0, fmt.Errorf("open blob %s: %w", sum, err)
	}
	return newChecked(f, sum, info.Size()), info.Size(), nil
}

var _ Store = (*Dir)(nil)
