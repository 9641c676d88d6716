package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// testMaxEvidence is the largest evidence file the test server accepts:
// small, so that an upload over it costs little.
const testMaxEvidence = 1 << 20

// field is one multipart field of an upload.
type field struct{ name, value string }

// evidenceFields is a complete metadata set, collected by qs-officer1 and
// qs-officer2; more fields are added after.
func evidenceFields(more ...field) []field {
	return append([]field{
		{"kind", "视听资料"},
		{"captured_at", "2026-10-13T10:15:00+08:00"},
		{"place", "青山县好味食品店（青山县城关镇人民路 12 号）"},
		{"collected_by", "qs-officer1"},
		{"collected_by", "qs-officer2"},
		{"proves", "当事人货架上陈列超过保质期的酸奶"},
		{"description", "货架全景及商品标签特写"},
		{"device", "执法记录仪 QS-07"},
	}, more...)
}

// without is fields less those named.
func without(fields []field, names ...string) []field {
	var out []field
	for _, f := range fields {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+f.name+" ") {
			out = append(out, f)
		}
	}
	return out
}

// attach uploads content as name to the case, the fields first, the file last.
func (e *env) attach(token, caseID, name string, content []byte, fields []field) resp {
	e.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		require.NoError(e.t, w.WriteField(f.name, f.value))
	}
	fw, err := w.CreateFormFile("file", name)
	require.NoError(e.t, err)
	_, err = fw.Write(content)
	require.NoError(e.t, err)
	require.NoError(e.t, w.Close())
	return e.do("POST", "/cases/"+caseID+"/files", token, buf.String(), "Content-Type", w.FormDataContentType())
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// pngFile and mp4File look like a PNG image and an MP4 video to
// http.DetectContentType.
func pngFile(body string) []byte {
	return append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), body...)
}

func mp4File(body string) []byte {
	box := []byte("\x00\x00\x00\x00ftypisom\x00\x00\x02\x00isomiso2mp41")
	binary.BigEndian.PutUint32(box, uint32(len(box)))
	return append(box, body...)
}

// certifiedStranger is a 青山县 officer with a certificate valid for the
// demo case's field (食品安全) who handles none of its cases; it returns
// their token.
func (e *env) certifiedStranger() string {
	e.t.Helper()
	admin := e.login("jn-admin")
	want(e.t, e.do("POST", "/officers", admin, map[string]any{"login": "qs-officer9", "name": "周明", "agency_id": "jn-lj-qs",
		"password": "initial-pass-9", "roles": []string{"officer"}}), 201, "")
	want(e.t, e.do("POST", "/certificates", admin, map[string]any{"number": "JN-QS-2026-009", "officer_id": "qs-officer9",
		"issued_by": "江南省人民政府", "fields": []string{"食品安全"}, "valid_from": "2026-01-01", "valid_until": "2030-12-31"}), 201, "")
	first := e.loginAs("qs-officer9", "initial-pass-9")
	want(e.t, e.do("POST", "/auth/password", first, map[string]any{"old_password": "initial-pass-9", "new_password": "evidence-pass-9"}), 200, "")
	return e.loginAs("qs-officer9", "evidence-pass-9")
}

// TestEvidenceFilesOverHTTP: a handling officer attaches a photo and a
// video with what HB (八) asks of them; whoever may read the case lists
// and downloads them, byte for byte under their SHA-256, named as
// uploaded. The same photo again is the first record. A file is found only
// through the case it is attached to; a type judged by content other than
// image, PDF, audio, video or text is 415, a file over the limit 413;
// only the case's certified handling officers attach, only its officers
// collect; a file damaged on disk is refused, never served.
func TestEvidenceFilesOverHTTP(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	other := e.openCase(p.officer1)

	photo, video := pngFile("现场照片的像素"), mp4File("询问过程的录像")
	r := e.attach(p.officer1, id, "现场照片 1.png", photo, evidenceFields())
	want(t, r, http.StatusCreated, "")
	require.Equal(t, sha256Hex(photo), r.body["sha256"])
	require.Equal(t, "image/png", r.body["content_type"])
	require.EqualValues(t, len(photo), r.body["size"])
	require.Equal(t, "现场照片 1.png", r.body["name"])
	require.Equal(t, "视听资料", r.body["kind"])
	require.Equal(t, "2026-10-13T10:15:00+08:00", r.body["captured_at"])
	require.Equal(t, []any{map[string]any{"id": "qs-officer1", "name": "张伟"}, map[string]any{"id": "qs-officer2", "name": "李娜"}}, r.body["collected_by"])
	require.Equal(t, map[string]any{"id": "qs-officer1", "name": "张伟"}, r.body["uploaded_by"])
	uploaded, err := time.Parse(time.RFC3339, r.body["uploaded_at"].(string))
	require.NoError(t, err)
	require.WithinDuration(t, time.Now(), uploaded, time.Minute, "the server's clock")

	r = e.attach(p.officer2, id, "询问录像.mp4", video, append(without(evidenceFields(), "kind", "description", "device"), field{"kind", "电子数据"}))
	want(t, r, http.StatusCreated, "")
	require.Equal(t, "video/mp4", r.body["content_type"])
	// The same photo again: the first record stands.
	r = e.attach(p.officer2, id, "copy.png", photo, evidenceFields())
	want(t, r, http.StatusOK, "")
	require.Equal(t, "现场照片 1.png", r.body["name"])
	require.Equal(t, "qs-officer1", r.body["uploaded_by"].(map[string]any)["id"])

	// Listed for whoever may read the case, in the order attached.
	for _, reader := range []string{p.officer2, p.head, p.manager} {
		r = e.do("GET", "/cases/"+id+"/files", reader, nil)
		want(t, r, http.StatusOK, "")
		items := r.body["items"].([]any)
		require.Len(t, items, 2)
		require.Equal(t, sha256Hex(photo), items[0].(map[string]any)["sha256"])
		require.Equal(t, sha256Hex(video), items[1].(map[string]any)["sha256"])
		require.Equal(t, "电子数据", items[1].(map[string]any)["kind"])
	}
	want(t, e.do("GET", "/cases/"+id+"/files", p.otherCounty, nil), http.StatusNotFound, "case_not_found")
	r = e.do("GET", "/cases/"+other+"/files", p.officer1, nil)
	want(t, r, http.StatusOK, "")
	require.Empty(t, r.body["items"])

	// Downloaded byte for byte, under its sum and its name.
	d := e.download("/cases/"+id+"/files/"+sha256Hex(photo), p.head)
	require.Equal(t, http.StatusOK, d.status, string(d.body))
	require.Equal(t, photo, d.body)
	require.Equal(t, sha256Hex(photo), sha256Hex(d.body))
	require.Equal(t, "image/png", d.header.Get("Content-Type"))
	require.Equal(t, strconv.Itoa(len(photo)), d.header.Get("Content-Length"))
	require.Equal(t, `"`+sha256Hex(photo)+`"`, d.header.Get("ETag"))
	disposition, params, err := mime.ParseMediaType(d.header.Get("Content-Disposition"))
	require.NoError(t, err)
	require.Equal(t, "attachment", disposition)
	require.Equal(t, "现场照片 1.png", params["filename"])
	require.Contains(t, d.header.Get("Content-Disposition"), `filename="____ 1.png"`, "an ASCII name for old clients")
	d = e.download("/cases/"+id+"/files/"+sha256Hex(video), p.officer1)
	require.Equal(t, http.StatusOK, d.status, string(d.body))
	require.Equal(t, video, d.body)
	require.Equal(t, "video/mp4", d.header.Get("Content-Type"))

	// Only through its own case: the sum of a file kept for another case
	// opens nothing, nor does a sum nobody stored or a path.
	for _, path := range []string{
		"/cases/" + other + "/files/" + sha256Hex(photo),
		"/cases/" + id + "/files/" + sha256Hex([]byte("never uploaded")),
		"/cases/" + id + "/files/" + strings.ToUpper(sha256Hex(photo)),
		"/cases/" + id + "/files/" + sha256Hex(photo)[:63],
		"/cases/" + id + "/files/zhifa.db",
	} {
		want(t, e.do("GET", path, p.officer1, nil), http.StatusNotFound, "file_not_found")
	}
	want(t, e.do("GET", "/cases/"+id+"/files/"+sha256Hex(photo), p.otherCounty, nil), http.StatusNotFound, "case_not_found")

	t.Run("type judged by content", func(t *testing.T) {
		for name, content := range map[string][]byte{
			"tool.png":   []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"),
			"photos.jpg": []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"),
			"page.txt":   []byte("<html><script>alert(1)</script></html>"),
		} {
			want(t, e.attach(p.officer1, id, name, content, evidenceFields()), http.StatusUnsupportedMediaType, "unsupported_file_type")
		}
		// Plain text and PDF are evidence too.
		want(t, e.attach(p.officer1, id, "笔录.txt", []byte("询问笔录：当事人承认销售过期酸奶。"), append(without(evidenceFields(), "kind"), field{"kind", "书证"})), http.StatusCreated, "")
		want(t, e.attach(p.officer1, id, "scan.pdf", []byte("%PDF-1.7\n%scan"), append(without(evidenceFields(), "kind"), field{"kind", "书证"})), http.StatusCreated, "")
	})

	t.Run("over the limit", func(t *testing.T) {
		big := pngFile(strings.Repeat("x", testMaxEvidence))
		want(t, e.attach(p.officer1, id, "big.png", big, evidenceFields()), http.StatusRequestEntityTooLarge, "body_too_large")
		// Nothing of it is kept, not even a temporary file.
		_, err := os.Stat(filepath.Join(e.dir, "evidence", sha256Hex(big)[:2], sha256Hex(big)[2:4], sha256Hex(big)))
		require.ErrorIs(t, err, fs.ErrNotExist)
		left, err := os.ReadDir(filepath.Join(e.dir, "evidence", "tmp"))
		require.NoError(t, err)
		require.Empty(t, left)
		// A file of exactly the limit is accepted.
		want(t, e.attach(p.officer1, id, "limit.png", pngFile(strings.Repeat("y", testMaxEvidence-len(pngFile("")))), evidenceFields()), http.StatusCreated, "")
	})

	t.Run("who attaches", func(t *testing.T) {
		stranger := e.certifiedStranger()
		want(t, e.attach(stranger, id, "x.png", pngFile("stranger"), evidenceFields()), http.StatusForbidden, "not_on_case")
		want(t, e.attach(p.expired, id, "x.png", pngFile("expired"), evidenceFields()), http.StatusForbidden, "certificate_expired")
		want(t, e.attach(p.head, id, "x.png", pngFile("head"), evidenceFields()), http.StatusForbidden, "forbidden")
		want(t, e.attach(p.otherCounty, id, "x.png", pngFile("other"), evidenceFields()), http.StatusNotFound, "case_not_found")
		// The collectors are two or more of the case's officers.
		notOnCase := append(without(evidenceFields(), "collected_by"), field{"collected_by", "qs-officer1"}, field{"collected_by", "qs-officer9"})
		want(t, e.attach(p.officer1, id, "x.png", pngFile("collector"), notOnCase), http.StatusForbidden, "not_on_case")
		alone := append(without(evidenceFields(), "collected_by"), field{"collected_by", "qs-officer1"})
		want(t, e.attach(p.officer1, id, "x.png", pngFile("alone"), alone), http.StatusUnprocessableEntity, "invalid_input")
	})

	t.Run("metadata", func(t *testing.T) {
		future := time.Now().Add(time.Hour).Format(time.RFC3339)
		for name, tc := range map[string]struct {
			fields []field
			status int
			code   string
		}{
			"no capture time":      {without(evidenceFields(), "captured_at"), 422, "invalid_input"},
			"capture in future":    {append(without(evidenceFields(), "captured_at"), field{"captured_at", future}), 422, "invalid_input"},
			"malformed time":       {append(without(evidenceFields(), "captured_at"), field{"captured_at", "2026-10-13 10:15"}), 400, "bad_request"},
			"no place":             {without(evidenceFields(), "place"), 422, "invalid_input"},
			"no proof":             {without(evidenceFields(), "proves"), 422, "invalid_input"},
			"unknown kind":         {append(without(evidenceFields(), "kind"), field{"kind", "照片"}), 422, "invalid_input"},
			"place too long":       {append(without(evidenceFields(), "place"), field{"place", strings.Repeat("路", 501)}), 422, "invalid_input"},
			"description too long": {append(without(evidenceFields(), "description"), field{"description", strings.Repeat("述", 5001)}), 422, "invalid_input"},
			"unknown field":        {evidenceFields(field{"gps", "120.1,30.2"}), 400, "bad_request"},
			"field twice":          {evidenceFields(field{"place", "别处"}), 400, "bad_request"},
			"nul in a field":       {append(without(evidenceFields(), "place"), field{"place", "青山\x00县"}), 400, "invalid_text"},
			"no metadata":          {nil, 400, "bad_request"},
		} {
			want(t, e.attach(p.officer1, id, "x.png", pngFile(name), tc.fields), tc.status, tc.code)
		}
		want(t, e.do("POST", "/cases/"+id+"/files", p.officer1, map[string]any{"kind": "物证"}), 400, "bad_request")
	})

	t.Run("closed case", func(t *testing.T) {
		closed := e.openCase(p.officer1)
		e.act(p.head, closed, workflows.ActRejectFiling, map[string]any{"opinion": "不属于本机关管辖"}, http.StatusOK)
		want(t, e.attach(p.officer1, closed, "x.png", pngFile("late"), evidenceFields()), http.StatusConflict, "case_closed")
	})

	t.Run("damaged on disk", func(t *testing.T) {
		sum := sha256Hex(photo)
		path := filepath.Join(e.dir, "evidence", sum[:2], sum[2:4], sum)
		require.NoError(t, os.Chmod(path, 0o600))
		damaged := bytes.Clone(photo)
		damaged[len(damaged)-1] ^= 0x01
		require.NoError(t, os.WriteFile(path, damaged, 0o600))
		d := e.download("/cases/"+id+"/files/"+sum, p.officer1)
		require.Equal(t, http.StatusInternalServerError, d.status)
		require.Contains(t, string(d.body), `"code":"file_damaged"`)
		require.NotContains(t, string(d.body), string(damaged[8:]), "nothing of the file is served")
		// The other files are as they were.
		d = e.download("/cases/"+id+"/files/"+sha256Hex(video), p.officer1)
		require.Equal(t, http.StatusOK, d.status)
		require.Equal(t, video, d.body)
	})
}
