// Package blobtest starts an S3-compatible server for tests: a real S3
// API (github.com/johannesboyne/gofakes3) served over HTTPS by httptest,
// holding its objects in memory, with one empty bucket.
package blobtest

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/zhifa/zhifa/internal/blob"
)

// Bucket is the bucket a Server starts with.
const Bucket = "evidence"

// Server is an S3 server running for one test.
type Server struct {
	// Config reaches the server's bucket, over HTTPS with the server's
	// own certificate.
	Config blob.S3Config
	// Client talks to the server directly, past any blob.S3: to look at
	// what is kept or change it as a failing store would.
	Client *minio.Client
}

// StartS3 starts a server for t, stopped when t ends.
func StartS3(t testing.TB) *Server {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(Bucket); err != nil {
		t.Fatalf("create bucket: %v", err)
	}
	ts := httptest.NewTLSServer(gofakes3.New(backend).Server())
	t.Cleanup(ts.Close)
	u, err := url.Parse(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	cfg := blob.S3Config{Endpoint: u.Host, Bucket: Bucket, AccessKey: "zhifa-test", SecretKey: "zhifa-test-secret", Region: "us-east-1",
		Transport: ts.Client().Transport}
	client, err := minio.New(cfg.Endpoint, &minio.Options{Creds: credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""), Region: cfg.Region,
		Secure: true, Transport: cfg.Transport})
	if err != nil {
		t.Fatal(err)
	}
	return &Server{Config: cfg, Client: client}
}

// NewS3 starts a server for t and opens its bucket as a blob store.
func NewS3(t testing.TB) (*blob.S3, *Server) {
	t.Helper()
	srv := StartS3(t)
	s, err := blob.NewS3(t.Context(), srv.Config)
	if err != nil {
		t.Fatalf("open the s3 blob store: %v", err)
	}
	return s, srv
}
