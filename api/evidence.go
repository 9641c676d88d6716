package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// Evidence files (证据文件): photos, audio and video recordings, scans and
// texts attached to a case, with what the rules ask to be recorded of each
// (HB (八); SAMR 43–44): when and where it was taken, by which handling
// officers, what it proves and the kind of evidence (PL 46). The bytes go
// to the blob store (internal/blob) under their SHA-256, streamed as they
// arrive (to disk, or to an S3 bucket in parts of at most 16 MiB), never
// held whole in memory beyond one part; the record goes to the
// database (store.EvidenceFile). A case holds the same bytes once: the same
// file uploaded again answers 200 with the first upload's record, which
// stands.
//
// Attaching a file is part of collecting evidence: it needs what the
// record-evidence act needs (the act at the case's agency with a
// certificate valid for its field) and the caller must be a handling
// officer of the case, as must each collector. Whoever may read the case
// may list and download its files. A download checks the bytes against
// their SHA-256 before it sends anything, and again as it sends them: a
// file damaged in storage is answered 500 file_damaged, logged for the
// administrator, never served as if it were the evidence.
//
// A recording may name the act it records (act_seq, the act's number in
// the case's record): the case's recording warnings (recording.go) count a
// file of kind 视听资料 for the act it names.

// evidenceRoute is the upload's route, whose body limit is the configured
// largest file (bodyLimit).
const evidenceRoute = "/api/v1/cases/:id/files"

// DefaultMaxEvidence is the largest evidence file when none is configured:
// about an hour of body-camera video.
const DefaultMaxEvidence = 200 << 20

const (
	// maxEvidenceField bounds a metadata field as it is read, before its
	// declared limit is checked: the longest, 5,000 characters, is at most
	// 20 KB of UTF-8.
	maxEvidenceField = 64 << 10
	// maxFileName is the longest file name kept, in characters.
	maxFileName = 255
	// sniffLen is what http.DetectContentType looks at.
	sniffLen = 512
)

// evidenceTypes are the content types an evidence file may have, as
// http.DetectContentType finds them in its first bytes (never as the
// uploader declares them): images, PDF, audio, video and plain text.
var evidenceTypes = []string{
	"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
	"application/pdf",
	"audio/mpeg", "audio/wave", "audio/aiff", "application/ogg",
	"video/mp4", "video/webm", "video/avi",
	"text/plain; charset=utf-8", "text/plain; charset=utf-16be", "text/plain; charset=utf-16le",
}

var (
	errFileNotFound = newError(http.StatusNotFound, "file_not_found", "本案没有这个证据文件", "the case has no such file")
	errFileType     = newError(http.StatusUnsupportedMediaType, "unsupported_file_type",
		"不支持该文件类型（按文件内容识别）：只接受图片（PNG、JPEG、GIF、WebP、BMP）、PDF、音频（MP3、WAV、AIFF、OGG）、视频（MP4、WebM、AVI）和纯文本",
		"unsupported file type (judged by its content): only images (PNG, JPEG, GIF, WebP, BMP), PDF, audio (MP3, WAV, AIFF, OGG), video (MP4, WebM, AVI) and plain text are accepted")
	errFileDamaged = newError(http.StatusInternalServerError, "file_damaged",
		"证据文件在存储中已损坏或缺失，未予提供；已记入系统日志，请联系系统管理员从备份恢复",
		"the stored file is damaged or missing and was not served; this is logged: ask the administrator to restore it from a backup")
	errUploaderNotOnCase = newError(http.StatusForbidden, "not_on_case", "只有本案办案人员可以上传证据文件", "only the case's handling officers may attach files")
	errNoFile            = badRequest("请以 multipart/form-data 上传：先填写各项说明字段，最后是文件字段 file",
		"upload as multipart/form-data: the metadata fields first, then the file in the field \"file\"")
)

// evidenceForm is an upload's metadata: multipart fields named as the JSON
// fields, sent before the file (collected_by once per collector).
type evidenceForm struct {
	// Kind is the kind of evidence (PL 46), one of workflows.EvidenceKinds.
	Kind        string    `json:"kind" limit:"16"`
	CapturedAt  time.Time `json:"captured_at"`                            // 采集时间, RFC 3339, not in the future
	Place       string    `json:"place" limit:"500"`                      // 采集地点
	CollectedBy []string  `json:"collected_by" limit:"20" itemlimit:"64"` // 采集人: two or more handling officers (PL 42, 55)
	Proves      string    `json:"proves" limit:"2000"`                    // 证明对象
	Description string    `json:"description,omitempty" limit:"5000"`
	Device      string    `json:"device,omitempty" limit:"200"` // e.g. the body camera's number
	// ActSeq names the act the file records by its sequence number in the
	// case's record (1 to the last act's, at most maxActSeqDigits digits), e.g.
	// the video of a seizure (HB (八)); left out, the file is for no act
	// in particular.
	ActSeq int `json:"act_seq,omitempty"`
}

// maxActSeqDigits bounds act_seq as it is read: no case's record runs to
// a billion acts.
const maxActSeqDigits = 9

// set takes one multipart field; seen tracks the fields given once.
func (f *evidenceForm) set(name, value string, seen map[string]bool) error {
	if name != "collected_by" {
		if seen[name] {
			return badRequest(fmt.Sprintf("字段 %q 重复", name), fmt.Sprintf("field %q given twice", name))
		}
		seen[name] = true
	}
	switch name {
	case "kind":
		f.Kind = value
	case "captured_at":
		t, err := time.Parse(time.RFC3339, value)
		if err != nil {
			return badRequest("captured_at 须为 RFC 3339 时间，例如 2026-05-01T09:00:00+08:00",
				"captured_at must be an RFC 3339 time, e.g. 2026-05-01T09:00:00+08:00")
		}
		f.CapturedAt = t
	case "place":
		f.Place = value
	case "collected_by":
		f.CollectedBy = append(f.CollectedBy, value)
	case "proves":
		f.Proves = value
	case "description":
		f.Description = value
	case "device":
		f.Device = value
	case "act_seq":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || len(value) > maxActSeqDigits {
			return invalid("act_seq 须为本案记录中某一执法行为的序号（正整数）", "act_seq must be the sequence number of an act in the case's record (a positive integer)")
		}
		f.ActSeq = n
	default:
		return badRequest(fmt.Sprintf("不认识的字段 %q", name), fmt.Sprintf("unknown field %q", name))
	}
	return nil
}

// check says what is missing or wrong, once the limits hold.
func (f *evidenceForm) check(now time.Time) error {
	switch {
	case !slices.Contains(workflows.EvidenceKinds(), f.Kind):
		kinds := strings.Join(workflows.EvidenceKinds(), "、")
		return invalid("证据种类（kind）须为："+kinds+"（行政处罚法第四十六条）", "kind must be one of "+kinds+" (PL 46)")
	case f.CapturedAt.IsZero():
		return invalid("须填写采集时间（captured_at）", "captured_at is required")
	case f.CapturedAt.After(now.Add(5 * time.Minute)):
		return invalid("采集时间不能晚于现在", "captured_at cannot be in the future")
	case strings.TrimSpace(f.Place) == "":
		return invalid("须填写采集地点（place）", "place is required")
	case strings.TrimSpace(f.Proves) == "":
		return invalid("须填写证明对象（proves）", "proves (what the file proves) is required")
	}
	return nil
}

// readEvidenceForm reads the metadata fields up to the file and returns
// the file's part, not yet read.
func readEvidenceForm(mr *multipart.Reader) (evidenceForm, *multipart.Part, error) {
	var form evidenceForm
	seen := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return form, nil, errNoFile // no file before the end, or not multipart
		}
		name := part.FormName()
		if name == "file" {
			if part.FileName() == "" || len(seen) == 0 && len(form.CollectedBy) == 0 {
				return form, nil, errNoFile // not a file, or the metadata would come after it
			}
			return form, part, nil
		}
		if part.FileName() != "" {
			return form, nil, badRequest(fmt.Sprintf("字段 %q 不应是文件", name), fmt.Sprintf("field %q must not be a file", name))
		}
		value, err := io.ReadAll(io.LimitReader(part, maxEvidenceField+1))
		if err != nil {
			return form, nil, badRequest("无法读取上传内容", "cannot read the upload")
		}
		if len(value) > maxEvidenceField {
			return form, nil, invalid(fmt.Sprintf("字段 %q 过长", name), fmt.Sprintf("field %q is too long", name))
		}
		if !utf8.Valid(value) || bytes.IndexByte(value, 0) >= 0 {
			return form, nil, errInvalidText
		}
		if err := form.set(name, string(value), seen); err != nil {
			return form, nil, err
		}
	}
}

// fileName is the name a file was uploaded under, without any folder the
// client sent, at most maxFileName characters.
func fileName(raw string) (string, error) {
	name := strings.TrimSpace(path.Base(strings.ReplaceAll(raw, `\`, "/")))
	if !cleanText(name) {
		return "", errInvalidText
	}
	if utf8.RuneCountInString(name) > maxFileName {
		return "", invalid(fmt.Sprintf("文件名不得超过 %d 个字符", maxFileName), fmt.Sprintf("the file name must be at most %d characters", maxFileName))
	}
	if name == "" || name == "." || name == "/" || name == ".." {
		name = "file"
	}
	return name, nil
}

// errFileTooLarge ends an upload whose file is over the configured limit.
var errFileTooLarge = errors.New("evidence file too large")

// uploadError is a failure to read the upload (the client's side), told
// apart from the blob store's failures to write.
type uploadError struct{ err error }

func (e uploadError) Error() string { return "read upload: " + e.err.Error() }
func (e uploadError) Unwrap() error { return e.err }

// capped passes on at most left bytes of an upload: one more is
// errFileTooLarge.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, errFileTooLarge
	}
	if err != nil && !errors.Is(err, io.EOF) {
		err = uploadError{err}
	}
	return n, err
}

// caseOfficers are the handling officers of a case, from its snapshot.
func caseOfficers(snapshot json.RawMessage) ([]string, error) {
	var snap struct {
		Officers []workflows.Officer `json:"officers"`
	}
	if err := json.Unmarshal(snapshot, &snap); err != nil {
		return nil, fmt.Errorf("read the case's officers: %w", err)
	}
	ids := make([]string, len(snap.Officers))
	for i, o := range snap.Officers {
		ids[i] = o.ID
	}
	return ids, nil
}

func (s *Server) uploadEvidence(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	sum, state, err := s.readCase(ctx, p, c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	// The record-evidence act's permission, decided the same way.
	field := state.view.Field()
	ok, actor, err := s.allowedOnCase(ctx, p, sum.AgencyID, field, workflows.ActRecordEvidence)
	if err != nil {
		fail(c, err)
		return
	} else if !ok {
		fail(c, s.refusal(ctx, p, field))
		return
	}
	handlers, err := caseOfficers(state.snapshot)
	if err != nil {
		fail(c, fmt.Errorf("case %s: %w", sum.ID, err))
		return
	}
	if !slices.Contains(handlers, p.Officer.ID) {
		fail(c, errUploaderNotOnCase)
		return
	}
	if sum.Ended != "" {
		fail(c, errCaseEnded)
		return
	}
	if sum.Closed {
		fail(c, errCaseClosed)
		return
	}

	mr, err := c.Request.MultipartReader()
	if err != nil {
		fail(c, errNoFile)
		return
	}
	form, part, err := readEvidenceForm(mr)
	if err != nil {
		fail(c, err)
		return
	}
	defer part.Close()
	if err := checkLimits(&form); err != nil {
		fail(c, err)
		return
	}
	if err := form.check(time.Now()); err != nil {
		fail(c, err)
		return
	}
	collectors, err := s.collectors(ctx, sum.AgencyID, field, handlers, form.CollectedBy)
	if err != nil {
		fail(c, err)
		return
	}
	if err := s.checkActSeq(ctx, sum.ID, form.ActSeq); err != nil {
		fail(c, err)
		return
	}
	name, err := fileName(part.FileName())
	if err != nil {
		fail(c, err)
		return
	}

	// The type is the content's, judged before anything is stored.
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(part, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		fail(c, badRequest("无法读取上传的文件", "cannot read the uploaded file"))
		return
	}
	if n == 0 {
		fail(c, invalid("上传的文件是空的", "the uploaded file is empty"))
		return
	}
	contentType := http.DetectContentType(head[:n])
	if !slices.Contains(evidenceTypes, contentType) {
		fail(c, errFileType)
		return
	}
	info, err := s.evidence.Put(ctx, &capped{r: io.MultiReader(bytes.NewReader(head[:n]), part), left: s.maxEvidence})
	var readErr uploadError
	switch {
	case errors.Is(err, errFileTooLarge):
		fail(c, newError(http.StatusRequestEntityTooLarge, "body_too_large",
			fmt.Sprintf("证据文件不得超过 %d MiB", s.maxEvidence>>20), fmt.Sprintf("an evidence file must be at most %d MiB", s.maxEvidence>>20)))
		return
	case errors.As(err, &readErr):
		fail(c, badRequest("无法读取上传的文件", "cannot read the uploaded file"))
		return
	case err != nil:
		fail(c, fmt.Errorf("case %s: store evidence: %w", sum.ID, err))
		return
	}
	// The file is the last field: anything after it is a client's mistake.
	if _, err := mr.NextPart(); !errors.Is(err, io.EOF) {
		fail(c, badRequest("文件字段 file 须是最后一个字段", "the file must be the last field"))
		return
	}

	f, created, err := s.store.AttachEvidence(ctx, store.EvidenceFile{CaseID: sum.ID, SHA256: info.Sum, Size: info.Size,
		ContentType: contentType, Name: name, Kind: form.Kind, CapturedAt: form.CapturedAt, Place: form.Place,
		CollectedBy: collectors, Proves: form.Proves, Description: form.Description, Device: form.Device,
		UploadedBy: store.OfficerRef{ID: actor.OfficerID, Name: actor.Name}, ActSeq: form.ActSeq})
	if err != nil {
		fail(c, err)
		return
	}
	status := http.StatusOK // the case held these bytes already: the first record stands
	if created {
		status = http.StatusCreated
		slog.Info("evidence file attached", "caseID", sum.ID, "sha256", f.SHA256, "size", f.Size, "officerID", p.Officer.ID)
	}
	c.Header("Location", "/api/v1/cases/"+sum.ID+"/files/"+f.SHA256)
	c.JSON(status, f)
}

// checkActSeq checks that seq, when given, names an act in the case's
// record.
func (s *Server) checkActSeq(ctx context.Context, caseID string, seq int) error {
	if seq == 0 {
		return nil
	}
	events, err := s.store.Events(ctx, caseID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(events, func(e casefile.Event) bool { return e.Seq == seq }) {
		return invalid(fmt.Sprintf("本案记录中没有序号为 %d 的执法行为", seq), fmt.Sprintf("the case's record has no act numbered %d", seq))
	}
	return nil
}

// collectors checks the collectors (采集人): two or more handling officers
// of the case (PL 42, 55), each holding a certificate valid now for its
// field, as for the record-evidence act.
func (s *Server) collectors(ctx context.Context, agencyID, field string, handlers, ids []string) ([]store.OfficerRef, error) {
	for _, id := range ids {
		if !slices.Contains(handlers, id) {
			return nil, newError(http.StatusForbidden, "not_on_case", "采集人 "+id+" 不是本案办案人员", "collector "+id+" is not a handling officer of this case")
		}
	}
	officers, err := s.certifiedOfficers(ctx, agencyID, field, ids)
	if err != nil {
		return nil, err
	}
	if len(officers) < 2 {
		return nil, invalid("采集人（collected_by）须为两名以上本案执法人员（行政处罚法第四十二条、第五十五条）",
			"collected_by must name at least two of the case's officers (PL 42, 55)")
	}
	out := make([]store.OfficerRef, len(officers))
	for i, o := range officers {
		out[i] = store.OfficerRef{ID: o.ID, Name: o.Name}
	}
	return out, nil
}

func (s *Server) listEvidence(c *gin.Context) {
	ctx := c.Request.Context()
	sum, _, err := s.readCase(ctx, caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	files, err := s.store.EvidenceFiles(ctx, sum.ID)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, itemsResponse[store.EvidenceFile]{Items: files})
}

func (s *Server) downloadEvidence(c *gin.Context) {
	ctx := c.Request.Context()
	sum, _, err := s.readCase(ctx, caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	// Only a file attached to this case: a sum alone, even of a file kept
	// for another case, opens nothing.
	hash := c.Param("sha256")
	if !blob.ValidSum(hash) {
		fail(c, errFileNotFound)
		return
	}
	f, err := s.store.EvidenceFile(ctx, sum.ID, hash)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errFileNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	// Checked whole before the answer starts, so that a damaged file is an
	// error the caller sees, not a transfer that breaks off.
	size, err := blob.Verify(ctx, s.evidence, hash)
	if err == nil && size != f.Size {
		err = fmt.Errorf("%w: %d bytes, recorded %d", blob.ErrDamaged, size, f.Size)
	}
	if errors.Is(err, blob.ErrDamaged) || errors.Is(err, blob.ErrNotFound) {
		slog.Error("evidence file damaged or missing, not served: restore it from a backup", "caseID", sum.ID, "sha256", hash, "err", err)
		fail(c, errFileDamaged)
		return
	} else if err != nil {
		fail(c, fmt.Errorf("case %s: check evidence %s: %w", sum.ID, hash, err))
		return
	}
	r, _, err := s.evidence.Open(ctx, hash)
	if err != nil {
		fail(c, fmt.Errorf("case %s: open evidence %s: %w", sum.ID, hash, err))
		return
	}
	defer r.Close()
	h := c.Writer.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	h.Set("ETag", `"`+f.SHA256+`"`)
	h.Set("Content-Disposition", attachment(f.Name))
	c.Status(http.StatusOK)
	// Checked again as it goes: bytes changed since hold back the end, and
	// the answer stops short of its Content-Length, which the client takes
	// for a failed transfer.
	if _, err := io.Copy(c.Writer, r); errors.Is(err, blob.ErrDamaged) {
		slog.Error("evidence file damaged while sent, transfer broken off: restore it from a backup", "caseID", sum.ID, "sha256", hash, "err", err)
	}
}

// attachment is the Content-Disposition of a download named name: the
// name itself as UTF-8 (RFC 5987), and an ASCII stand-in for clients that
// read only filename.
func attachment(name string) string {
	ascii := []rune(name)
	for i, r := range ascii {
		if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' {
			ascii[i] = '_'
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, string(ascii), rfc5987(name))
}

// noEvidenceStore stands in when the Server has no blob store: the
// evidence routes fail with the reason in the log.
type noEvidenceStore struct{}

var errNoEvidenceStore = errors.New("no evidence store configured (api.Options.Evidence)")

func (noEvidenceStore) Put(context.Context, io.Reader) (blob.Info, error) {
	return blob.Info{}, errNoEvidenceStore
}

func (noEvidenceStore) Open(context.Context, string) (io.ReadCloser, int64, error) {
	return nil, 0, errNoEvidenceStore
}
