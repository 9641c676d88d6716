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

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/blob/blobtest"
)

// kept is a store under test with what the contract needs to look behind
// it: the names of everything it holds (blobs and leftovers alike), the
// name a blob's sum is kept under, and a way to damage a kept blob as a
// failing disk or a hand on the server would.
type kept struct {
	blob.Store
	names  func(t *testing.T) []string
	name   func(sum string) string
	damage func(t *testing.T, sum string, content []byte)
}

// stores are the implementations every contract test runs over.
var stores = map[string]func(t *testing.T) kept{
	"dir": func(t *testing.T) kept {
		d, root := newDir(t)
		return kept{Store: d,
			names: func(t *testing.T) []string { return files(t, root) },
			name:  func(sum string) string { return filepath.Join(sum[:2], sum[2:4], sum) },
			damage: func(t *testing.T, sum string, content []byte) {
				require.NoError(t, os.Chmod(d.Path(sum), 0o600))
				require.NoError(t, os.WriteFile(d.Path(sum), content, 0o600))
			}}
	},
	"s3": func(t *testing.T) kept {
		s, srv := blobtest.NewS3(t)
		return kept{Store: s,
			names: func(t *testing.T) []string { return objects(t, srv) },
			name:  func(sum string) string { return sum },
			damage: func(t *testing.T, sum string, content []byte) {
				_, err := srv.Client.PutObject(t.Context(), srv.Config.Bucket, sum, bytes.NewReader(content), int64(len(content)), minio.PutObjectOptions{})
				require.NoError(t, err)
			}}
	},
}

// forEachStore runs test over every store, each in a parallel subtest.
func forEachStore(t *testing.T, test func(t *testing.T, s kept)) {
	t.Helper()
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			test(t, open(t))
		})
	}
}

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

// objects lists the bucket's objects and its unfinished multipart uploads.
func objects(t *testing.T, srv *blobtest.Server) []string {
	t.Helper()
	var out []string
	for obj := range srv.Client.ListObjects(t.Context(), srv.Config.Bucket, minio.ListObjectsOptions{Recursive: true}) {
		require.NoError(t, obj.Err)
		out = append(out, obj.Key)
	}
	ups, err := minio.Core{Client: srv.Client}.ListMultipartUploads(t.Context(), srv.Config.Bucket, "", "", "", "", 1000)
	if minio.ToErrorResponse(err).Code != "NoSuchUpload" { // the server's answer when the bucket never had one
		require.NoError(t, err)
	}
	for _, up := range ups.Uploads {
		out = append(out, "unfinished upload of "+up.Key)
	}
	return out
}

// TestPutAndOpen: bytes go in and come back the same, under their SHA-256,
// as the one thing kept; empty and multi-megabyte blobs alike.
func TestPutAndOpen(t *testing.T) {
	t.Parallel()
	big := make([]byte, 3<<20+17)
	_, _ = rand.Read(big)
	forEachStore(t, func(t *testing.T, s kept) {
		for name, content := range map[string][]byte{"small": []byte("现场照片"), "empty": {}, "big": big} {
			t.Run(name, func(t *testing.T) {
				info, err := s.Put(t.Context(), bytes.NewReader(content))
				require.NoError(t, err)
				sum := sumOf(content)
				require.Equal(t, blob.Info{Sum: sum, Size: int64(len(content))}, info)
				require.Contains(t, s.names(t), s.name(sum))

				r, size, err := s.Open(t.Context(), sum)
				require.NoError(t, err)
				defer r.Close()
				require.Equal(t, int64(len(content)), size)
				got, err := io.ReadAll(iotest.OneByteReader(r))
				require.NoError(t, err)
				require.True(t, bytes.Equal(content, got))
			})
		}
		require.ElementsMatch(t, []string{s.name(sumOf([]byte("现场照片"))), s.name(sumOf(nil)), s.name(sumOf(big))}, s.names(t),
			"one copy of each blob, nothing left of the uploads")
	})
}

// TestDirLayout: the folder store keeps a blob at ab/cd/<sum>, read-only.
func TestDirLayout(t *testing.T) {
	t.Parallel()
	d, root := newDir(t)
	info, err := d.Put(t.Context(), bytes.NewReader([]byte("现场照片")))
	require.NoError(t, err)
	require.Equal(t, []string{filepath.Join(info.Sum[:2], info.Sum[2:4], info.Sum)}, files(t, root))
	st, err := os.Stat(d.Path(info.Sum))
	require.NoError(t, err)
	require.Equal(t, fs.FileMode(0o400), st.Mode().Perm())
}

// TestPutKeepsOneCopyAndNeverOverwrites: the same bytes stored twice are
// one blob, left untouched by the second Put; a blob already under the
// name is kept even when it is damaged (it is refused on read instead).
func TestPutKeepsOneCopyAndNeverOverwrites(t *testing.T) {
	t.Parallel()
	content := []byte("\x89PNG\r\n\x1a\n executive summary")
	forEachStore(t, func(t *testing.T, s kept) {
		first, err := s.Put(t.Context(), bytes.NewReader(content))
		require.NoError(t, err)
		second, err := s.Put(t.Context(), bytes.NewReader(content))
		require.NoError(t, err)
		require.Equal(t, first, second)
		require.Equal(t, []string{s.name(first.Sum)}, s.names(t))

		// Other bytes under the name: Put of the right bytes does not replace them.
		s.damage(t, first.Sum, []byte("something else entirely"))
		_, err = s.Put(t.Context(), bytes.NewReader(content))
		require.NoError(t, err)
		r, _, err := s.Open(t.Context(), first.Sum)
		require.NoError(t, err)
		got, err := io.ReadAll(r)
		_ = r.Close()
		require.ErrorIs(t, err, blob.ErrDamaged)
		require.Equal(t, "something else entirely"[:len(got)], string(got), "the damaged blob is still there")
		_, err = blob.Verify(t.Context(), s, first.Sum)
		require.ErrorIs(t, err, blob.ErrDamaged)
		require.Equal(t, []string{s.name(first.Sum)}, s.names(t))
	})
}

// TestDirSecondPutLeavesTheFile: the folder store's second Put of the same
// bytes leaves the first file in place, not a new file under its name.
func TestDirSecondPutLeavesTheFile(t *testing.T) {
	t.Parallel()
	d, _ := newDir(t)
	content := []byte("\x89PNG\r\n\x1a\n executive summary")
	first, err := d.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	before, err := os.Stat(d.Path(first.Sum))
	require.NoError(t, err)
	_, err = d.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	after, err := os.Stat(d.Path(first.Sum))
	require.NoError(t, err)
	require.True(t, os.SameFile(before, after), "the first file stays in place")
}

// TestDamagedBlobIsRefused: a blob whose bytes changed where it is kept,
// whether flipped, cut short or grown, ends in ErrDamaged and is never
// delivered whole: the bytes that would complete it are held back.
func TestDamagedBlobIsRefused(t *testing.T) {
	t.Parallel()
	content := make([]byte, 100<<10)
	_, _ = rand.Read(content)
	flipped := bytes.Clone(content)
	flipped[len(flipped)-1] ^= 0x01
	damaged := map[string][]byte{
		"flipped first byte": append([]byte{content[0] ^ 0xff}, content[1:]...),
		"flipped last byte":  flipped,
		"truncated":          content[:len(content)-1],
		"grown":              append(bytes.Clone(content), 0),
		"emptied":            {},
	}
	forEachStore(t, func(t *testing.T, s kept) {
		info, err := s.Put(t.Context(), bytes.NewReader(content))
		require.NoError(t, err)
		for name, stored := range damaged {
			t.Run(name, func(t *testing.T) {
				s.damage(t, info.Sum, stored)

				r, size, err := s.Open(t.Context(), info.Sum)
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

				_, err = blob.Verify(t.Context(), s, info.Sum)
				require.ErrorIs(t, err, blob.ErrDamaged)
			})
		}
	})
}

// TestOpenUnknownOrMalformedSum: a sum nobody stored, or anything that is
// not 64 lowercase hex digits (a path, upper case), is ErrNotFound.
func TestOpenUnknownOrMalformedSum(t *testing.T) {
	t.Parallel()
	forEachStore(t, func(t *testing.T, s kept) {
		info, err := s.Put(t.Context(), bytes.NewReader([]byte("x")))
		require.NoError(t, err)
		for _, sum := range []string{
			sumOf([]byte("never stored")),
			"../../../../etc/passwd",
			info.Sum[:2] + "/" + info.Sum[2:4] + "/" + info.Sum,
			info.Sum[:63],
			string(bytes.ToUpper([]byte(info.Sum))),
			"tmp/",
			"",
		} {
			_, _, err := s.Open(t.Context(), sum)
			require.ErrorIs(t, err, blob.ErrNotFound, sum)
		}
	})
}

// TestPutFailingReaderKeepsNothing: when the bytes stop coming (a client
// gone, a size limit), nothing is kept, not even a temporary file, and the
// reader's error is what Put returns.
func TestPutFailingReaderKeepsNothing(t *testing.T) {
	t.Parallel()
	cut := errors.New("too large")
	forEachStore(t, func(t *testing.T, s kept) {
		for name, size := range map[string]int{"within the first part": 1 << 20, "after several parts": 40 << 20} {
			t.Run(name, func(t *testing.T) {
				_, err := s.Put(t.Context(), io.MultiReader(bytes.NewReader(make([]byte, size)), iotest.ErrReader(cut)))
				require.ErrorIs(t, err, cut)
				require.Empty(t, s.names(t))
			})
		}
	})
}
