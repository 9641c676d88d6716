// Package blob keeps files by their content. A file is named by the
// SHA-256 of its bytes (64 lowercase hex digits), written once and never
// changed: the same bytes stored again are the blob already there. Every
// read checks the bytes against that name, so a file damaged where it is
// kept is refused, never passed on as if it were the original.
//
// Store is what callers need of a place to keep blobs. Dir keeps them in a
// folder on the local disk; S3 in a bucket of an S3-compatible object
// store.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
)

// ErrNotFound is returned by Open when no blob has the sum.
var ErrNotFound = errors.New("blob not found")

// ErrDamaged is returned when a blob's bytes no longer match its sum: the
// file was changed, truncated or corrupted where it is kept.
var ErrDamaged = errors.New("blob damaged: its bytes do not match its sha-256")

// Info names a stored blob.
type Info struct {
	Sum  string // SHA-256 of the bytes, lowercase hex
	Size int64  // bytes
}

// Store keeps blobs by their SHA-256.
type Store interface {
	// Put reads r to its end and keeps its bytes under their sum. Bytes
	// kept already are not written again: the blob there stays as it is.
	// When r fails, nothing is kept and its error is returned, wrapped.
	Put(ctx context.Context, r io.Reader) (Info, error)
	// Open returns the blob's bytes and their size. The reader checks the
	// bytes against sum as they go by and ends with ErrDamaged, instead of
	// its last bytes and io.EOF, when they do not match. An unknown or
	// malformed sum is ErrNotFound.
	Open(ctx context.Context, sum string) (io.ReadCloser, int64, error)
}

// Verify reads a whole blob through its check and returns its size:
// ErrDamaged when the bytes no longer match the sum. A caller that must
// answer before sending anything checks this way first, then opens the
// blob again to send it.
func Verify(ctx context.Context, s Store, sum string) (int64, error) {
	r, size, err := s.Open(ctx, sum)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	if _, err := io.Copy(io.Discard, r); err != nil {
		return 0, err
	}
	return size, nil
}

// ValidSum tells whether s is a SHA-256 as this package writes it: 64
// lowercase hex digits. Anything else names no blob, and is never made
// into a path.
func ValidSum(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// checked passes on the bytes of a blob of known size and sum, holding
// back the bytes that complete it until they are checked: a damaged blob
// is never delivered whole.
type checked struct {
	r    io.ReadCloser
	h    hash.Hash
	sum  string
	left int64 // bytes still to come
	err  error // once set, every later Read returns it
}

func newChecked(r io.ReadCloser, sum string, size int64) *checked {
	return &checked{r: r, h: sha256.New(), sum: sum, left: size}
}

func (c *checked) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.left == 0 {
		// An empty blob: nothing to pass on, only the check.
		c.err = c.finish()
		return 0, c.err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.h.Write(p[:n])
	c.left -= int64(n)
	switch {
	case c.left == 0:
		// These bytes complete the blob: they go out only if it matches,
		// and every later Read answers io.EOF.
		if c.err = c.finish(); c.err != io.EOF {
			return 0, c.err
		}
		return n, nil
	case errors.Is(err, io.EOF):
		c.err = ErrDamaged // shorter than it was when opened
		return 0, c.err
	case err != nil:
		c.err = err
		return n, err
	}
	return n, nil
}

// finish checks that nothing follows the expected bytes and that they
// match the sum: io.EOF if so, ErrDamaged if not.
func (c *checked) finish() error {
	var one [1]byte
	if n, _ := io.ReadFull(c.r, one[:]); n > 0 {
		return ErrDamaged // longer than it was when opened
	}
	if hex.EncodeToString(c.h.Sum(nil)) != c.sum {
		return ErrDamaged
	}
	return io.EOF
}

func (c *checked) Close() error { return c.r.Close() }
