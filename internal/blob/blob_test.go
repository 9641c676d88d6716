package blob_test

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/blob"
)

func newDir(t *testing.T) (*blob.Dir, string) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "evidence")
	d, err := blob.NewDir(root)
	require.NoError(t, err)
	return d, root
}

func sumOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// files lists the regular files under root, relative to it.
func files(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			rel, _ := filepath.Rel(root, path)
			out = append(out, rel)
		}
		return err
	}))
	return out
}

// damage replaces the blob's file with other bytes, as a failing disk or a
// hand on the server would.
func damage(t *testing.T, path string, content []byte) {
	t.Helper()
	require.NoError(t, os.Chmod(path, 0o600))
	require.NoError(t, os.WriteFile(path, content, 0o600))
}

// TestPutAndOpen: bytes go in and come back the same, under their SHA-256,
// at ab/cd/<sum>, read-only; empty and multi-megabyte blobs alike.
func TestPutAndOpen(t *testing.T) {
	t.Parallel()
	big := make([]byte, 3<<20+17)
	_, _ = rand.Read(big)
	for name, content := range map[string][]byte{"small": []byte("现场照片"), "empty": {}, "big": big} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d, root := newDir(t)
			info, err := d.Put(t.Context(), bytes.NewReader(content))
			require.NoError(t, err)
			sum := sumOf(content)
			require.Equal(t, blob.Info{Sum: sum, Size: int64(len(content))}, info)
			require.Equal(t, []string{filepath.Join(sum[:2], sum[2:4], sum)}, files(t, root), "one file, nothing left in tmp")
			st, err := os.Stat(d.Path(sum))
			require.NoError(t, err)
			require.Equal(t, fs.FileMode(0o400), st.Mode().Perm())

			r, size, err := d.Open(t.Context(), sum)
			require.NoError(t, err)
			defer r.Close()
			require.Equal(t, int64(len(content)), size)
			got, err := io.ReadAll(iotest.OneByteReader(r))
			require.NoError(t, err)
			require.True(t, bytes.Equal(content, got))
		})
	}
}

// TestPutKeepsOneCopyAndNeverOverwrites: the same bytes stored twice are
// one file, left untouched by the second Put; a file already under the
// name is kept even when it is damaged (it is refused on read instead).
func TestPutKeepsOneCopyAndNeverOverwrites(t *testing.T) {
	t.Parallel()
	d, root := newDir(t)
	content := []byte("\x89PNG\r\n\x1a\n executive summary")
	first, err := d.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	before, err := os.Stat(d.Path(first.Sum))
	require.NoError(t, err)

	second, err := d.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	require.Equal(t, first, second)
	after, err := os.Stat(d.Path(first.Sum))
	require.NoError(t, err)
	require.True(t, os.SameFile(before, after), "the first file stays in place")
	require.Len(t, files(t, root), 1)

	// Other bytes under the name: Put of the right bytes does not replace them.
	damage(t, d.Path(first.Sum), []byte("something else entirely"))
	_, err = d.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	kept, err := os.ReadFile(d.Path(first.Sum))
	require.NoError(t, err)
	require.Equal(t, "something else entirely", string(kept))
	_, err = blob.Verify(t.Context(), d, first.Sum)
	require.ErrorIs(t, err, blob.ErrDamaged)
}

// TestDamagedBlobIsRefused: a blob whose bytes changed on disk, whether
// flipped, cut short or grown, ends in ErrDamaged and is never delivered
// whole: the bytes that would complete it are held back.
func TestDamagedBlobIsRefused(t *testing.T) {
	t.Parallel()
	content := make([]byte, 100<<10)
	_, _ = rand.Read(content)
	flipped := bytes.Clone(content)
	flipped[len(flipped)-1] ^= 0x01
	for name, stored := range map[string][]byte{
		"flipped first byte": append([]byte{content[0] ^ 0xff}, content[1:]...),
		"flipped last byte":  flipped,
		"truncated":          content[:len(content)-1],
		"grown":              append(bytes.Clone(content), 0),
		"emptied":            {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d, _ := newDir(t)
			info, err := d.Put(t.Context(), bytes.NewReader(content))
			require.NoError(t, err)
			damage(t, d.Path(info.Sum), stored)

			r, size, err := d.Open(t.Context(), info.Sum)
			require.NoError(t, err)
			defer r.Close()
			got, err := io.ReadAll(r)
			require.ErrorIs(t, err, blob.ErrDamaged)
			require.Less(t, len(got), len(content), "never delivered whole")
			if size > 0 {
				require.Less(t, int64(len(got)), size, "the bytes that complete it are held back")
			}
			_, err = r.Read(make([]byte, 10))
			require.ErrorIs(t, err, blob.ErrDamaged, "and stays refused")

			_, err = blob.Verify(t.Context(), d, info.Sum)
			require.ErrorIs(t, err, blob.ErrDamaged)
		})
	}
}

// TestOpenUnknownOrMalformedSum: a sum nobody stored, or anything that is
// not 64 lowercase hex digits (a path, upper case), is ErrNotFound.
func TestOpenUnknownOrMalformedSum(t *testing.T) {
	t.Parallel()
	d, _ := newDir(t)
	info, err := d.Put(t.Context(), bytes.NewReader([]byte("x")))
	require.NoError(t, err)
	for _, sum := range []string{
		sumOf([]byte("never stored")),
		"../../../../etc/passwd",
		info.Sum[:2] + "/" + info.Sum[2:4] + "/" + info.Sum,
		info.Sum[:63],
		string(bytes.ToUpper([]byte(info.Sum))),
		"",
	} {
		_, _, err := d.Open(t.Context(), sum)
		require.ErrorIs(t, err, blob.ErrNotFound, sum)
	}
}

// TestPutFailingReaderKeepsNothing: when the bytes stop coming (a client
// gone, a size limit), nothing is kept, not even a temporary file.
func TestPutFailingReaderKeepsNothing(t *testing.T) {
	t.Parallel()
	d, root := newDir(t)
	cut := errors.New("too large")
	_, err := d.Put(t.Context(), io.MultiReader(bytes.NewReader(make([]byte, 1<<20)), iotest.ErrReader(cut)))
	require.ErrorIs(t, err, cut)
	require.Empty(t, files(t, root))
}
