package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/config"
)

// openEvidence opens the store of the evidence files: the S3-compatible
// bucket when an endpoint is configured, the evidence folder otherwise.
func openEvidence(ctx context.Context, cfg *config.Config) (blob.Store, error) {
	if cfg.BlobS3Endpoint == "" {
		return blob.NewDir(cfg.EvidenceFolder())
	}
	if cfg.BlobS3Bucket == "" {
		return nil, errors.New("ZHIFA_BLOB_S3_BUCKET is required with ZHIFA_BLOB_S3_ENDPOINT")
	}
	s, err := blob.NewS3(ctx, blob.S3Config{Endpoint: cfg.BlobS3Endpoint, Bucket: cfg.BlobS3Bucket, AccessKey: cfg.BlobS3AccessKey,
		SecretKey: cfg.BlobS3SecretKey, Region: cfg.BlobS3Region, Insecure: cfg.BlobS3Insecure})
	if err != nil {
		return nil, err
	}
	slog.Info("evidence files kept in an object store", "endpoint", cfg.BlobS3Endpoint, "bucket", cfg.BlobS3Bucket)
	return s, nil
}
