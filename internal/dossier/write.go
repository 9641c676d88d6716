package dossier

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/store"
)

// Options are what writing a case file needs besides the case.
type Options struct {
	// Blobs holds the evidence files' bytes.
	Blobs blob.Store
	// Font and LatinFont are the PDF fonts (documents.FontPath,
	// documents.LatinFontPath).
	Font, LatinFont string
	// Now is the time of the export, written into the index.
	Now time.Time
}

// Write writes the case file of c to w as a ZIP, one file at a time: each
// page is rendered and written before the next, each evidence file is
// streamed from the blob store and checked against its SHA-256 as it goes,
// so no more than one page is ever held in memory. A file damaged in the
// blob store ends the ZIP with an error before its bytes complete: the
// ZIP is then unreadable, never a case file passed off as whole. Callers
// that must answer before the first byte check the blobs first
// (blob.Verify).
func Write(ctx context.Context, w io.Writer, c Case, opt Options) error {
	z := &zipWriter{zw: zip.NewWriter(w), counts: map[Volume]int{},
		idx: Index{Format: Format, Case: c.Info, ExportedAt: opt.Now.UTC().Truncate(time.Second)}}
	if n := len(c.Events); n > 0 {
		z.idx.Record = RecordHead{Events: n, HeadSeq: c.Events[n-1].Seq, HeadHash: c.Events[n-1].Hash}
	}
	for _, sec := range sections {
		for _, t := range sec.docs {
			d, ok := documents.Find(c.Documents, t)
			if !ok {
				continue
			}
			if err := z.page(Entry{Volume: sec.volume, Section: sec.name, Title: d.Title, Number: d.Number, Document: d.Type}, d, opt); err != nil {
				return err
			}
		}
		for _, e := range c.Events {
			if !slices.Contains(sec.acts, casefile.Act(e.Act)) {
				continue
			}
			d := eventDoc(c, e, sec.title)
			if err := z.page(Entry{Volume: sec.volume, Section: sec.name, Title: d.Title, EventSeq: e.Seq}, d, opt); err != nil {
				return err
			}
		}
		if sec.evidence {
			for _, f := range c.Evidence {
				if err := z.evidence(ctx, sec, f, opt.Blobs); err != nil {
					return err
				}
			}
		}
	}
	if err := z.record(c); err != nil {
		return err
	}
	page, err := indexHTML(z.idx)
	if err != nil {
		return err
	}
	if err := z.hashed(Entry{Volume: Contents, Section: "目录", Title: "案卷目录", ContentType: "text/html; charset=utf-8"}, IndexHTML, "", page); err != nil {
		return err
	}
	fw, err := z.create(IndexJSON, zip.Deflate)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(fw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(z.idx); err != nil {
		return fmt.Errorf("case file %s: index: %w", c.Info.ID, err)
	}
	if err := z.zw.Close(); err != nil {
		return fmt.Errorf("case file %s: %w", c.Info.ID, err)
	}
	return nil
}

// zipWriter adds the files of a case file and lists them in its index.
type zipWriter struct {
	zw     *zip.Writer
	idx    Index
	counts map[Volume]int
}

func (z *zipWriter) create(name string, method uint16) (io.Writer, error) {
	fw, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: z.idx.ExportedAt})
	if err != nil {
		return nil, fmt.Errorf("case file %s: %s: %w", z.idx.Case.ID, name, err)
	}
	return fw, nil
}

// name is where the next file of a volume goes: its place in the volume,
// then its SHA-256, e.g. 1-main/003-<sha256>.pdf.
func (z *zipWriter) name(v Volume, sum, ext string) string {
	z.counts[v]++
	return fmt.Sprintf("%s/%03d-%s.%s", folders[v], z.counts[v], sum, ext)
}

// page renders d as PDF and adds it.
func (z *zipWriter) page(e Entry, d documents.Doc, opt Options) error {
	pdf, err := documents.PDF(d, opt.Font, opt.LatinFont)
	if err != nil {
		return fmt.Errorf("case file %s: %w", z.idx.Case.ID, err)
	}
	e.ContentType = "application/pdf"
	return z.hashed(e, "", "pdf", pdf)
}

// hashed adds b, at path, or named by its sum in e's volume.
func (z *zipWriter) hashed(e Entry, path, ext string, b []byte) error {
	sum := sha256.Sum256(b)
	e.SHA256 = hex.EncodeToString(sum[:])
	if path == "" {
		path = z.name(e.Volume, e.SHA256, ext)
	}
	fw, err := z.create(path, zip.Deflate)
	if err != nil {
		return err
	}
	if _, err := fw.Write(b); err != nil {
		return fmt.Errorf("case file %s: %s: %w", z.idx.Case.ID, path, err)
	}
	e.Path, e.Size = path, int64(len(b))
	z.list(e)
	return nil
}

func (z *zipWriter) list(e Entry) {
	e.No = len(z.idx.Entries) + 1
	z.idx.Entries = append(z.idx.Entries, e)
}

// evidence streams an evidence file from the blob store. The blob's reader
// checks the bytes against the sum; they are stored, not compressed again
// (photos and recordings are compressed already).
func (z *zipWriter) evidence(ctx context.Context, sec section, f store.EvidenceFile, blobs blob.Store) error {
	r, _, err := blobs.Open(ctx, f.SHA256)
	if err != nil {
		return fmt.Errorf("case file %s: evidence %s: %w", z.idx.Case.ID, f.SHA256, err)
	}
	defer r.Close()
	path := z.name(sec.volume, f.SHA256, extension(f.ContentType))
	fw, err := z.create(path, zip.Store)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(fw, h), r)
	if err != nil {
		return fmt.Errorf("case file %s: evidence %s: %w", z.idx.Case.ID, f.SHA256, err)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 || n != f.Size {
		return fmt.Errorf("case file %s: evidence %s: %w: %d bytes of sum %s", z.idx.Case.ID, f.SHA256, blob.ErrDamaged, n, sum)
	}
	z.list(Entry{Volume: sec.volume, Section: sec.name, Title: f.Name, Path: path, SHA256: f.SHA256, Size: n,
		ContentType: f.ContentType, Evidence: &f})
	return nil
}

// record writes the case's whole record as record/events.json, an event a
// line, hashing it as it goes.
func (z *zipWriter) record(c Case) error {
	fw, err := z.create(RecordPath, zip.Deflate)
	if err != nil {
		return err
	}
	h := sha256.New()
	cw := &counter{w: io.MultiWriter(fw, h)}
	id, err := json.Marshal(c.Info.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(cw, "{\"case_id\": %s,\n\"events\": [", id)
	for i, e := range c.Events {
		// Data goes back as the workflow hashed it (compact and
		// HTML-escaped, as encoding/json writes it), so the hash still
		// covers it when the record is read.
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("case file %s: event %d: %w", c.Info.ID, e.Seq, err)
		}
		if i > 0 {
			fmt.Fprint(cw, ",")
		}
		fmt.Fprintf(cw, "\n%s", b)
	}
	fmt.Fprint(cw, "\n]}\n")
	if cw.err != nil {
		return fmt.Errorf("case file %s: record: %w", c.Info.ID, cw.err)
	}
	z.list(Entry{Volume: Record, Section: "执法全过程记录", Title: "执法全过程记录（哈希链）", Path: RecordPath,
		SHA256: hex.EncodeToString(h.Sum(nil)), Size: cw.n, ContentType: "application/json"})
	return nil
}

// counter counts what it passes on and keeps the first error.
type counter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// extensions are the file name endings of the evidence types the API
// accepts (api/evidence.go).
var extensions = map[string]string{
	"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/bmp": "bmp",
	"application/pdf": "pdf", "audio/mpeg": "mp3", "audio/wave": "wav", "audio/aiff": "aiff", "application/ogg": "ogg",
	"video/mp4": "mp4", "video/webm": "webm", "video/avi": "avi",
}

func extension(contentType string) string {
	if ext, ok := extensions[contentType]; ok {
		return ext
	}
	if strings.HasPrefix(contentType, "text/plain") {
		return "txt"
	}
	return "bin"
}

// eventDoc is a page of the case file written from one event of the record:
// who did what when, with what they stated.
func eventDoc(c Case, e casefile.Event, title string) documents.Doc {
	name := e.Act
	if c.ActName != nil {
		name = c.ActName(casefile.Act(e.Act))
	}
	if title == "" {
		title = name
	}
	actor := e.ActorName
	if e.Certificate != "" {
		actor += "（执法证号：" + e.Certificate + "）"
	}
	fields := []documents.Field{
		{Label: "案件编号", Value: c.Info.Number},
		{Label: "当事人", Value: c.Info.Party},
		{Label: "办理事项", Value: name},
		{Label: "办理人", Value: actor},
		{Label: "办理时间", Value: e.At.In(calendar.Location()).Format("2006年1月2日 15:04")},
		{Label: "摘要", Value: e.Summary},
		{Label: "记录", Value: fmt.Sprintf("第 %d 号，哈希值 %s", e.Seq, e.Hash)},
	}
	return documents.Doc{Type: documents.Type("record-" + e.Act), Title: title, Agency: c.Info.Agency,
		Fields: fields, Body: dataLines(e.Data), Date: e.At}
}

// dataLines are what the act stated, a line per field, without the actor
// (on the page already).
func dataLines(data json.RawMessage) []string {
	var m map[string]json.RawMessage
	if len(data) == 0 || json.Unmarshal(data, &m) != nil {
		return nil
	}
	delete(m, "actor")
	var lines []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		var s string
		if json.Unmarshal(v, &s) != nil {
			s = string(v)
		}
		if s = strings.TrimSpace(s); s == "" || s == "null" || s == "{}" || s == "[]" {
			continue
		}
		lines = append(lines, k+"："+s)
	}
	return lines
}
