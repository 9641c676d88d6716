package api_test

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/blob/blobtest"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// recordingWarnings are the case's recording warnings as GET /cases/{id}
// shows them to token.
func (e *env) recordingWarnings(token, id string) []map[string]any {
	e.t.Helper()
	r := e.do("GET", "/cases/"+id, token, nil)
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	list, ok := r.body["recording_warnings"].([]any)
	require.True(e.t, ok, "recording_warnings is a list, never null: %s", r.raw)
	out := make([]map[string]any, len(list))
	for i, w := range list {
		out[i] = w.(map[string]any)
	}
	return out
}

// TestSeizureRecordingWarningOverHTTP_HB8: a seizure taken on the spot is
// to be recorded on video from start to end (HB (八); SAMR 44). Once it is
// taken, the case shows a warning naming the act, its time and its
// number, to the officers, their head and the city's supervising manager;
// a photo, or a video attached for another act or for none, leaves it; the
// video of the seizure, attached with the act's number, clears it. A
// number that names no act is refused.
func TestSeizureRecordingWarningOverHTTP_HB8(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openMeasure(p.officer1)
	e.act(p.officer1, id, workflows.ActProposeMeasure, seizure, 200)
	e.act(p.head, id, workflows.ActApproveMeasure, map[string]any{"opinion": "同意扣押"}, 200)
	require.Empty(t, e.recordingWarnings(p.officer1, id), "proposing and approving are recorded in writing")

	before := time.Now()
	r := e.act(p.officer1, id, workflows.ActTakeMeasure, onSite, 200)
	events := r.body["events"].([]any)
	taken := events[len(events)-1].(map[string]any)
	require.Equal(t, string(workflows.ActTakeMeasure), taken["act"])
	seq := int(taken["seq"].(float64))

	for _, reader := range []string{p.officer1, p.head, p.manager} {
		warnings := e.recordingWarnings(reader, id)
		require.Len(t, warnings, 1)
		w := warnings[0]
		require.EqualValues(t, seq, w["seq"])
		require.Equal(t, "take-measure", w["act"])
		require.Equal(t, "实施强制措施", w["name"])
		require.Equal(t, true, w["full"], "the whole seizure is on video")
		at, err := time.Parse(time.RFC3339Nano, w["at"].(string))
		require.NoError(t, err)
		require.WithinRange(t, at, before.Add(-time.Second), time.Now().Add(time.Second))
		require.Contains(t, w["message"], "全程音像记录")
		require.Contains(t, w["message"], "act_seq "+strconv.Itoa(seq))
	}

	video := mp4File("扣押过酸奶的全过程录像")
	meta := func(kind, actSeq string) []field {
		f := append(without(evidenceFields(), "kind", "proves"), field{"kind", kind}, field{"proves", "扣押过程"})
		if actSeq != "" {
			f = append(f, field{"act_seq", actSeq})
		}
		return f
	}
	for _, bad := range []string{"0", "-1", "99", "1e3", "first", "12345678901"} {
		r := e.attach(p.officer1, id, "扣押.mp4", video, meta("视听资料", bad))
		want(t, r, http.StatusUnprocessableEntity, "invalid_input")
	}
	// Not the recording of the seizure: a photo of it, a video for no act,
	// a video of the proposal.
	want(t, e.attach(p.officer1, id, "扣押现场.png", pngFile("扣押现场照片"), meta("现场笔录", strconv.Itoa(seq))), http.StatusCreated, "")
	want(t, e.attach(p.officer1, id, "询问.mp4", mp4File("询问录像"), meta("视听资料", "")), http.StatusCreated, "")
	want(t, e.attach(p.officer1, id, "拟扣押.mp4", mp4File("拟扣押"), meta("视听资料", strconv.Itoa(seq-2))), http.StatusCreated, "")
	require.Len(t, e.recordingWarnings(p.officer1, id), 1, "still no recording of the seizure")

	r = e.attach(p.officer2, id, "扣押.mp4", video, meta("视听资料", strconv.Itoa(seq)))
	want(t, r, http.StatusCreated, "")
	require.EqualValues(t, seq, r.body["act_seq"])
	require.Empty(t, e.recordingWarnings(p.officer1, id))
	require.Empty(t, e.recordingWarnings(p.manager, id))
}

// bucketKeys are the keys of the objects in the server's bucket.
func bucketKeys(t *testing.T, srv *blobtest.Server) []string {
	t.Helper()
	var keys []string
	for o := range srv.Client.ListObjects(t.Context(), srv.Config.Bucket, minio.ListObjectsOptions{Recursive: true}) {
		require.NoError(t, o.Err)
		keys = append(keys, o.Key)
	}
	return keys
}

// TestEvidenceOverS3OverHTTP: with the evidence files kept in an
// S3-compatible store, a file attached to a case is kept in the bucket
// under its SHA-256 and downloaded byte for byte; the same file again is
// the first record and the same object; nothing is kept of a file over the
// limit; a file damaged in the bucket is refused, never served.
func TestEvidenceOverS3OverHTTP(t *testing.T) {
	s3, srv := blobtest.NewS3(t)
	e := newEnvOn(t, storetest.URL(t), withEvidence(s3))
	p := e.people()
	id := e.openCase(p.officer1)

	video := mp4File("现场检查的录像")
	sum := sha256Hex(video)
	want(t, e.attach(p.officer1, id, "检查.mp4", video, evidenceFields()), http.StatusCreated, "")
	obj, err := srv.Client.StatObject(t.Context(), srv.Config.Bucket, sum, minio.StatObjectOptions{})
	require.NoError(t, err, "kept in the bucket under its sum")
	require.EqualValues(t, len(video), obj.Size)

	d := e.download("/cases/"+id+"/files/"+sum, p.head)
	require.Equal(t, http.StatusOK, d.status, string(d.body))
	require.Equal(t, video, d.body)
	require.Equal(t, "video/mp4", d.header.Get("Content-Type"))

	r := e.attach(p.officer2, id, "again.mp4", video, evidenceFields())
	want(t, r, http.StatusOK, "")
	require.Equal(t, "检查.mp4", r.body["name"])
	require.Equal(t, []string{sum}, bucketKeys(t, srv), "one object, nothing left of the uploads")
	want(t, e.attach(p.officer1, id, "too-long.mp4", mp4File(strings.Repeat("帧", testMaxEvidence)), evidenceFields()), http.StatusRequestEntityTooLarge, "body_too_large")
	require.Equal(t, []string{sum}, bucketKeys(t, srv), "nothing kept of a file over the limit")

	other := []byte("not the video any more")
	_, err = srv.Client.PutObject(t.Context(), srv.Config.Bucket, sum, bytes.NewReader(other), int64(len(other)), minio.PutObjectOptions{})
	require.NoError(t, err)
	want(t, e.do("GET", "/cases/"+id+"/files/"+sum, p.head, nil), http.StatusInternalServerError, "file_damaged")
}
