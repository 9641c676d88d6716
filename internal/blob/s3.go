package blob

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3 keeps blobs in a bucket of an S3-compatible object store (Amazon S3,
// MinIO, Ceph and the like), each under its sum as the object's key.
//
// The sum is known only once the last byte has gone by, so Put streams the
// upload, of a size not known in advance, to a temporary object under tmp/
// while hashing it; then it looks for the sum's object and, when there is
// none, copies the temporary object there inside the store, on condition
// that the key is still free (If-None-Match: *, which Amazon S3 and MinIO
// honour on a copy; where a store ignores it, the look just before is what
// keeps an existing blob). The temporary object is then removed. A blob
// already under the key is never replaced, even when its bytes are damaged:
// it is refused on read instead, as in Dir.
type S3 struct {
	client *minio.Client
	bucket string
}

// S3Config says where the bucket is and how to reach it.
type S3Config struct {
	Endpoint  string // host[:port], without a scheme
	Bucket    string
	AccessKey string
	SecretKey string
	Region    string // empty: asked of the store
	Insecure  bool   // plain HTTP instead of HTTPS: only for a store on a private network or a test
	// Transport carries the requests; nil is the default transport.
	Transport http.RoundTripper
}

const (
	// s3PartSize is the part of an upload of unknown size held in memory
	// at a time; 10,000 parts of it are far more than the largest file.
	s3PartSize = 16 << 20
	// s3MaxCopy is the largest object one copy request may write (the
	// Amazon S3 limit); larger ones are copied in parts.
	s3MaxCopy = 5 << 30
	// s3TmpPrefix holds the uploads still being checked.
	s3TmpPrefix = "tmp/"
)

// NewS3 opens the bucket as a blob store: it must exist. The temporary
// objects that unfinished uploads left there (a crash, a kill) are
// removed, as NewDir does.
func NewS3(ctx context.Context, cfg S3Config) (*S3, error) {
	if cfg.Endpoint == "" || cfg.Bucket == "" {
		return nil, errors.New("s3 blob store: endpoint and bucket are required")
	}
	client, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:     credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:    !cfg.Insecure,
		Region:    cfg.Region,
		Transport: cfg.Transport,
	})
	if err != nil {
		return nil, fmt.Errorf("s3 blob store %s: %w", cfg.Endpoint, err)
	}
	ok, err := client.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("s3 blob store %s: bucket %s: %w", cfg.Endpoint, cfg.Bucket, err)
	} else if !ok {
		return nil, fmt.Errorf("s3 blob store %s: bucket %s does not exist", cfg.Endpoint, cfg.Bucket)
	}
	s := &S3{client: client, bucket: cfg.Bucket}
	for obj := range client.ListObjects(ctx, cfg.Bucket, minio.ListObjectsOptions{Prefix: s3TmpPrefix, Recursive: true}) {
		if obj.Err != nil {
			return nil, fmt.Errorf("s3 blob store: list %s: %w", s3TmpPrefix, obj.Err)
		}
		if time.Since(obj.LastModified) > staleUpload {
			if err := client.RemoveObject(ctx, cfg.Bucket, obj.Key, minio.RemoveObjectOptions{}); err != nil {
				slog.Warn("cannot remove an unfinished upload", "object", obj.Key, "err", err)
			}
		}
	}
	return s, nil
}

// failing remembers the first error its reader returned, so that Put
// returns the reader's own error, whatever the client makes of it.
type failing struct {
	r   io.Reader
	h   hash.Hash
	n   int64
	err error
}

func (f *failing) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	f.h.Write(p[:n])
	f.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && f.err == nil {
		f.err = err
	}
	return n, err
}

// Put stores r's bytes; see Store.
func (s *S3) Put(ctx context.Context, r io.Reader) (Info, error) {
	var id [16]byte
	_, _ = rand.Read(id[:])
	tmp := s3TmpPrefix + "upload-" + hex.EncodeToString(id[:])
	in := &failing{r: r, h: sha256.New()}
	// A blob that fits in one part goes in one request; a longer one in
	// parts, its size unknown until its end.
	head := make([]byte, s3PartSize)
	n, err := io.ReadFull(in, head)
	var body io.Reader = bytes.NewReader(head[:n])
	size := int64(n)
	if err == nil {
		body, size = io.MultiReader(body, in), -1
	} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = nil
	}
	if err == nil {
		_, err = s.client.PutObject(ctx, s.bucket, tmp, body, size, minio.PutObjectOptions{
			PartSize: s3PartSize, ContentType: "application/octet-stream"})
	}
	if in.err != nil {
		s.remove(tmp)
		return Info{}, fmt.Errorf("put blob: %w", in.err)
	}
	if err != nil {
		s.remove(tmp)
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	defer s.remove(tmp)
	info := Info{Sum: hex.EncodeToString(in.h.Sum(nil)), Size: in.n}
	if err := ctx.Err(); err != nil {
		return Info{}, fmt.Errorf("put blob: %w", err)
	}
	// Kept already: dedup, and the blob there stays as it is.
	if _, err := s.client.StatObject(ctx, s.bucket, info.Sum, minio.StatObjectOptions{}); err == nil {
		return info, nil
	} else if !notFound(err) {
		return Info{}, fmt.Errorf("put blob %s: %w", info.Sum, err)
	}
	if err := s.place(ctx, tmp, info); err != nil {
		return Info{}, fmt.Errorf("put blob %s: %w", info.Sum, err)
	}
	return info, nil
}

// place copies the checked upload tmp to the sum's key, unless a blob came
// there since the look: a 412 answer to the condition is that blob.
func (s *S3) place(ctx context.Context, tmp string, info Info) error {
	src := minio.CopySrcOptions{Bucket: s.bucket, Object: tmp}
	if info.Size > s3MaxCopy {
		// A copy in parts takes no condition: the look before stands alone.
		_, err := s.client.ComposeObject(ctx, minio.CopyDestOptions{Bucket: s.bucket, Object: info.Sum}, src)
		return err
	}
	core := minio.Core{Client: s.client}
	_, err := core.CopyObject(ctx, s.bucket, tmp, s.bucket, info.Sum, map[string]string{"If-None-Match": "*"}, src, minio.PutObjectOptions{})
	if minio.ToErrorResponse(err).StatusCode == http.StatusPreconditionFailed {
		return nil
	}
	return err
}

// remove deletes a temporary object, even when the request that made it
// was cancelled; a failure is logged, and NewS3 retries it later.
func (s *S3) remove(key string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.client.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{}); err != nil && !notFound(err) {
		slog.Warn("cannot remove a temporary upload", "object", key, "err", err)
	}
}

// Open returns the blob's bytes, checked as they are read; see Store.
func (s *S3) Open(ctx context.Context, sum string) (io.ReadCloser, int64, error) {
	if !ValidSum(sum) {
		return nil, 0, ErrNotFound
	}
	obj, err := s.client.GetObject(ctx, s.bucket, sum, minio.GetObjectOptions{})
	if err != nil {
		return nil, 0, fmt.Errorf("open blob %s: %w", sum, err)
	}
	st, err := obj.Stat()
	if notFound(err) {
		_ = obj.Close()
		return nil, 0, ErrNotFound
	} else if err != nil {
		_ = obj.Close()
		return nil, 0, fmt.Errorf("open blob %s: %w", sum, err)
	}
	return newChecked(obj, sum, st.Size), st.Size, nil
}

// notFound tells whether err is the store's answer that no such object
// (or no such key) exists.
func notFound(err error) bool {
	if err == nil {
		return false
	}
	resp := minio.ToErrorResponse(err)
	return resp.StatusCode == http.StatusNotFound || resp.Code == minio.NoSuchKey || resp.Code == "NotFound"
}

var _ Store = (*S3)(nil)
