package blob_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/blob/blobtest"
)

// racer plays another process that stores other bytes under a sum between
// the store's look and its copy, and answers the copy as Amazon S3 does
// when its If-None-Match: * condition fails (the test server itself does
// not check conditions on a copy).
type racer struct {
	next    http.RoundTripper
	srv     *blobtest.Server
	sum     string
	planted atomic.Bool
}

func (r *racer) RoundTrip(req *http.Request) (*http.Response, error) {
	key := strings.TrimPrefix(req.URL.Path, "/"+r.srv.Config.Bucket+"/")
	if req.Method == http.MethodPut && key == r.sum && req.Header.Get("X-Amz-Copy-Source") != "" && r.planted.Load() {
		if req.Header.Get("If-None-Match") != "*" {
			panic("the copy to the sum's key carries no If-None-Match: * condition")
		}
		body := `<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>`
		return &http.Response{StatusCode: http.StatusPreconditionFailed, Status: "412 Precondition Failed", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Type": {"application/xml"}}, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req}, nil
	}
	resp, err := r.next.RoundTrip(req)
	if err == nil && req.Method == http.MethodHead && key == r.sum && resp.StatusCode == http.StatusNotFound && !r.planted.Load() {
		other := []byte("stored by another process meanwhile")
		if _, err := r.srv.Client.PutObject(req.Context(), r.srv.Config.Bucket, r.sum, bytes.NewReader(other), int64(len(other)), minio.PutObjectOptions{}); err != nil {
			panic(err)
		}
		r.planted.Store(true)
	}
	return resp, err
}

// TestS3PutNeverReplacesABlobThatCameMeanwhile: a blob stored under the sum
// after the store looked and before it copied is kept as it is, and the
// upload is taken for it; nothing else is left in the bucket.
func TestS3PutNeverReplacesABlobThatCameMeanwhile(t *testing.T) {
	t.Parallel()
	srv := blobtest.StartS3(t)
	content := []byte("现场执法录像")
	cfg := srv.Config
	race := &racer{next: cfg.Transport, srv: srv, sum: sumOf(content)}
	cfg.Transport = race
	s, err := blob.NewS3(t.Context(), cfg)
	require.NoError(t, err)

	info, err := s.Put(t.Context(), bytes.NewReader(content))
	require.NoError(t, err)
	require.Equal(t, blob.Info{Sum: sumOf(content), Size: int64(len(content))}, info)
	require.True(t, race.planted.Load())

	obj, err := srv.Client.GetObject(t.Context(), srv.Config.Bucket, info.Sum, minio.GetObjectOptions{})
	require.NoError(t, err)
	kept, err := io.ReadAll(obj)
	require.NoError(t, err)
	require.Equal(t, "stored by another process meanwhile", string(kept), "not replaced")
	require.Equal(t, []string{info.Sum}, objects(t, srv))
}

// TestNewS3NeedsTheBucket: a bucket that does not exist is an error when
// the store is opened, not on the first upload.
func TestNewS3NeedsTheBucket(t *testing.T) {
	t.Parallel()
	cfg := blobtest.StartS3(t).Config
	cfg.Bucket = "no-such-bucket"
	_, err := blob.NewS3(t.Context(), cfg)
	require.ErrorContains(t, err, "does not exist")
}
