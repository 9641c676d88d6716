package dossier

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// Kind is what is wrong with a file of a case file.
type Kind string

// What Verify can find wrong with a file.
const (
	// KindMissing: the index lists a file the ZIP does not hold.
	KindMissing Kind = "missing"
	// KindUnlisted: the ZIP holds a file the index does not list.
	KindUnlisted Kind = "unlisted"
	// KindDuplicate: the ZIP holds two files of the same name.
	KindDuplicate Kind = "duplicate"
	// KindSum: the file's bytes do not give the SHA-256 the index lists.
	KindSum Kind = "sha256_mismatch"
	// KindName: the file's bytes do not give the SHA-256 it is named by.
	KindName Kind = "name_mismatch"
	// KindSize: the file's size is not the size the index lists.
	KindSize Kind = "size_mismatch"
	// KindUnreadable: the file cannot be read out of the ZIP (its
	// compressed bytes or their checksum were damaged).
	KindUnreadable Kind = "unreadable"
	// KindRecord: the record cannot be read, holds another case's events,
	// or does not end where the index says it does.
	KindRecord Kind = "record_mismatch"
)

// Problem is one thing wrong with a file of a case file.
type Problem struct {
	Path   string `json:"path"`
	Kind   Kind   `json:"kind"`
	Detail string `json:"detail"`
}

// Report is what checking a case file found.
type Report struct {
	Case   CaseInfo `json:"case"`
	Events int      `json:"events"` // events in the record
	Files  int      `json:"files"`  // files the index lists
	Intact bool     `json:"intact"`
	// FirstBreak is the record's first broken link, as `zhifa audit
	// verify` reports it for the database.
	FirstBreak *store.Break `json:"first_break,omitempty"`
	Problems   []Problem    `json:"problems,omitempty"`
}

// maxIndex bounds index.json as it is read.
const maxIndex = 64 << 20

// ErrNotCaseFile: the ZIP has no readable index of a case file.
var ErrNotCaseFile = errors.New("not a case file")

// VerifyFile checks the case file ZIP at path; see Verify.
func VerifyFile(path string) (Report, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return Report{}, fmt.Errorf("open case file %s: %w", path, err)
	}
	defer zr.Close()
	return Verify(&zr.Reader)
}

// Verify checks a case file offline: every file the index lists is in the
// ZIP once, its bytes give the SHA-256 and size the index lists and the
// SHA-256 it is named by; the ZIP holds nothing else; the record's events
// are the case's, linked into an unbroken hash chain (store.ChainBreak)
// that ends where the index says. A ZIP without a readable index is
// ErrNotCaseFile; everything else wrong is in the report.
func Verify(zr *zip.Reader) (Report, error) {
	files := map[string]*zip.File{}
	var rep Report
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if _, dup := files[f.Name]; dup {
			rep.problem(f.Name, KindDuplicate, "压缩包中有两个同名文件 / the ZIP holds two files of this name")
			continue
		}
		files[f.Name] = f
	}
	idx, err := readIndex(files[IndexJSON])
	if err != nil {
		return rep, err
	}
	rep.Case, rep.Files = idx.Case, len(idx.Entries)
	listed := map[string]bool{IndexJSON: true}
	for _, e := range idx.Entries {
		if listed[e.Path] {
			rep.problem(e.Path, KindDuplicate, "目录两次列出此文件 / the index lists this file twice")
			continue
		}
		listed[e.Path] = true
		f, ok := files[e.Path]
		if !ok {
			rep.problem(e.Path, KindMissing, fmt.Sprintf("目录第 %d 项（%s）的文件缺失 / entry %d of the index is missing from the ZIP", e.No, e.Title, e.No))
			continue
		}
		rep.checkFile(f, e)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !listed[name] {
			rep.problem(name, KindUnlisted, "目录未列出此文件：文件是后加入的 / the index does not list this file: it was added")
		}
	}
	if f, ok := files[RecordPath]; ok {
		rep.checkRecord(f, idx)
	} else if !listed[RecordPath] {
		rep.problem(RecordPath, KindMissing, "案卷中没有执法全过程记录 / the case file has no record")
	}
	rep.Intact = rep.FirstBreak == nil && len(rep.Problems) == 0
	return rep, nil
}

func (r *Report) problem(path string, k Kind, detail string) {
	r.Problems = append(r.Problems, Problem{Path: path, Kind: k, Detail: detail})
}

func readIndex(f *zip.File) (Index, error) {
	var idx Index
	if f == nil {
		return idx, fmt.Errorf("%w: no %s", ErrNotCaseFile, IndexJSON)
	}
	rc, err := f.Open()
	if err != nil {
		return idx, fmt.Errorf("%w: %s: %v", ErrNotCaseFile, IndexJSON, err)
	}
	defer rc.Close()
	if err := json.NewDecoder(io.LimitReader(rc, maxIndex)).Decode(&idx); err != nil {
		return idx, fmt.Errorf("%w: %s: %v", ErrNotCaseFile, IndexJSON, err)
	}
	if idx.Format != Format {
		return idx, fmt.Errorf("%w: %s: format %q, not %q", ErrNotCaseFile, IndexJSON, idx.Format, Format)
	}
	return idx, nil
}

// hashedName finds the SHA-256 a file is named by.
var hashedName = regexp.MustCompile(`(?:^|/)\d+-([0-9a-f]{64})\.[a-z0-9]+$`)

// checkFile reads f whole and compares it with its entry and its name.
func (r *Report) checkFile(f *zip.File, e Entry) {
	rc, err := f.Open()
	if err != nil {
		r.problem(f.Name, KindUnreadable, "无法读取："+err.Error()+" / cannot be read")
		return
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, rc)
	if err != nil {
		r.problem(f.Name, KindUnreadable, "无法读取，内容已损坏："+err.Error()+" / cannot be read: its bytes were damaged")
		return
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if sum != e.SHA256 {
		r.problem(f.Name, KindSum, fmt.Sprintf("内容的哈希值与目录不符：文件被改动 / its SHA-256 is %s, the index lists %s: the file was changed", sum, e.SHA256))
	}
	if m := hashedName.FindStringSubmatch(f.Name); m != nil && m[1] != sum {
		r.problem(f.Name, KindName, fmt.Sprintf("内容的哈希值与文件名不符 / its SHA-256 is %s, not the one it is named by", sum))
	}
	if n != e.Size {
		r.problem(f.Name, KindSize, fmt.Sprintf("大小为 %d 字节，目录记为 %d 字节 / %d bytes, the index lists %d", n, e.Size, n, e.Size))
	}
}

// checkRecord reads the record and walks its hash chain.
func (r *Report) checkRecord(f *zip.File, idx Index) {
	rc, err := f.Open()
	if err != nil {
		r.problem(f.Name, KindUnreadable, "无法读取："+err.Error()+" / cannot be read")
		return
	}
	defer rc.Close()
	var rec record
	if err := json.NewDecoder(rc).Decode(&rec); err != nil {
		r.problem(f.Name, KindRecord, "记录无法读取："+err.Error()+" / the record cannot be read")
		return
	}
	r.Events = len(rec.Events)
	if i := slices.IndexFunc(rec.Events, func(e casefile.Event) bool { return e.CaseID != idx.Case.ID }); i >= 0 || rec.CaseID != idx.Case.ID {
		r.problem(f.Name, KindRecord, "记录中有其他案件的记录 / the record holds events of another case")
	}
	r.FirstBreak = store.ChainBreak(rec.Events)
	if r.FirstBreak != nil {
		return
	}
	var head RecordHead
	if n := len(rec.Events); n > 0 {
		head = RecordHead{Events: n, HeadSeq: rec.Events[n-1].Seq, HeadHash: rec.Events[n-1].Hash}
	}
	if head != idx.Record {
		r.problem(f.Name, KindRecord, fmt.Sprintf("记录止于第 %d 号，目录记为第 %d 号：末尾的记录被删除或添加 / the record ends at event %d, the index at event %d: events at the end were deleted or added",
			head.HeadSeq, idx.Record.HeadSeq, head.HeadSeq, idx.Record.HeadSeq))
	}
}
