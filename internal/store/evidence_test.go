package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// TestEvidenceFiles: a file's record is kept as attached, Chinese and
// limits' worth of text intact, with the server's upload time; the same
// bytes attached to the case again leave the first record as it was; the
// same bytes on another case are that case's own record; a case's file is
// found only through that case; the act a recording is for is kept with
// it. The same on SQLite and PostgreSQL.
func TestEvidenceFiles(t *testing.T) {
	const (
		photo = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
		video = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
	)
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			st, err := store.Open(d.URL, t.TempDir())
			require.NoError(t, err)
			t.Cleanup(func() { _ = st.Close() })
			ctx := t.Context()
			require.NoError(t, st.Migrate(ctx))

			captured := beijing(t, "2026-10-13T10:15:30+08:00")
			first := store.EvidenceFile{CaseID: "case-1", SHA256: photo, Size: 2048, ContentType: "image/png", Name: "现场照片 1.png",
				Kind: "视听资料", CapturedAt: captured, Place: strings.Repeat("青", 500),
				CollectedBy: []store.OfficerRef{{ID: "qs-officer1", Name: "张伟"}, {ID: "qs-officer2", Name: "李娜"}},
				Proves:      strings.Repeat("证", 2000), Description: strings.Repeat("述", 5000), Device: "执法记录仪 QS-07",
				UploadedBy: store.OfficerRef{ID: "qs-officer1", Name: "张伟"}}
			before := time.Now()
			got, created, err := st.AttachEvidence(ctx, first)
			require.NoError(t, err)
			require.True(t, created)
			require.WithinRange(t, got.UploadedAt, before.Add(-time.Second), time.Now().Add(time.Second))
			first.UploadedAt = got.UploadedAt
			require.Equal(t, first.CapturedAt.UTC(), got.CapturedAt)

			read, err := st.EvidenceFile(ctx, "case-1", photo)
			require.NoError(t, err)
			require.Equal(t, got, read, "read back as written")
			require.True(t, read.CapturedAt.Equal(captured))

			// The same bytes again, with other words: the first record stands.
			again := first
			again.Name, again.Proves, again.UploadedBy = "copy.png", "别的", store.OfficerRef{ID: "qs-officer2", Name: "李娜"}
			kept, created, err := st.AttachEvidence(ctx, again)
			require.NoError(t, err)
			require.False(t, created)
			require.Equal(t, read, kept)

			// The same bytes on another case: a record of its own.
			other := first
			other.CaseID, other.Name = "case-2", "同一张照片.png"
			_, created, err = st.AttachEvidence(ctx, other)
			require.NoError(t, err)
			require.True(t, created)
			second := store.EvidenceFile{CaseID: "case-1", SHA256: video, Size: 1 << 20, ContentType: "video/mp4", Name: "询问.mp4",
				Kind: "视听资料", CapturedAt: captured.Add(time.Hour), Place: "青山县好味食品店", Proves: "询问过程",
				CollectedBy: []store.OfficerRef{{ID: "qs-officer1", Name: "张伟"}, {ID: "qs-officer2", Name: "李娜"}},
				UploadedBy:  store.OfficerRef{ID: "qs-officer2", Name: "李娜"}, ActSeq: 7}
			_, created, err = st.AttachEvidence(ctx, second)
			require.NoError(t, err)
			require.True(t, created)

			list, err := st.EvidenceFiles(ctx, "case-1")
			require.NoError(t, err)
			require.Len(t, list, 2)
			require.Equal(t, []string{photo, video}, []string{list[0].SHA256, list[1].SHA256}, "in the order attached")
			require.Equal(t, "现场照片 1.png", list[0].Name)
			require.Equal(t, "", list[1].Device)
			require.Equal(t, []int{0, 7}, []int{list[0].ActSeq, list[1].ActSeq}, "the act each records, none for the photo")
			list, err = st.EvidenceFiles(ctx, "case-2")
			require.NoError(t, err)
			require.Len(t, list, 1)
			require.Equal(t, "同一张照片.png", list[0].Name)
			list, err = st.EvidenceFiles(ctx, "case-3")
			require.NoError(t, err)
			require.Empty(t, list)

			// case-2 holds the photo, not the video: asked through case-2, the video is not found.
			_, err = st.EvidenceFile(ctx, "case-2", video)
			require.ErrorIs(t, err, store.ErrNotFound)
		})
	}
}
