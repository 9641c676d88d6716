package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/dossier"
	"github.com/zhifa/zhifa/internal/dossier/dossiertest"
	"github.com/zhifa/zhifa/internal/store"
)

// TestCaseFileZipOverHTTP: a fine decided and served, with a photo
// attached, is exported as one ZIP filed as SAMR 78 orders it — the main
// volume (正卷) with the filing form, the decision and its service receipt,
// the notice, the evidence and the party's waiver; the secondary volume
// (副卷) with the case source, the report, the review opinion and the
// penalty approval; then the whole record and the index. Every file is
// named by its SHA-256 and listed with it; the photo is the uploaded bytes
// with its record. The ZIP checks intact offline; one byte changed in an
// event is reported as that event's broken link, a changed file, a removed
// file and an added file each as what they are. An officer of another
// county finds no such case.
func TestCaseFileZipOverHTTP(t *testing.T) {
	if _, err := documents.FontPath(); err != nil {
		toolMissing(t, err.Error())
	}
	e := newEnv(t)
	p := e.people()
	id := e.decidedFine(p)
	photo := pngFile("现场照片的像素")
	want(t, e.attach(p.officer1, id, "现场照片 1.png", photo, evidenceFields()), http.StatusCreated, "")
	nums := e.documentNumbers(p.officer1, id)

	r := e.do("GET", "/cases/"+id+"/casefile.zip", p.otherCounty, nil)
	require.Equal(t, http.StatusNotFound, r.status)
	require.Equal(t, "case_not_found", r.errCode())

	r = e.do("GET", "/cases/"+id+"/casefile.zip", p.officer2, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	body := r.raw
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	require.NoError(t, err)

	var idx dossier.Index
	require.NoError(t, json.Unmarshal(dossiertest.Read(t, body, dossier.IndexJSON), &idx))
	require.Equal(t, dossier.Format, idx.Format)
	require.Equal(t, id, idx.Case.ID)
	require.Equal(t, nums["filing"], idx.Case.Number, "the filing form carries the case number")
	require.Equal(t, "青山县市场监督管理局", idx.Case.Agency)
	require.Equal(t, "青山县好味食品店", idx.Case.Party)

	var rec struct {
		CaseID string           `json:"case_id"`
		Events []casefile.Event `json:"events"`
	}
	require.NoError(t, json.Unmarshal(dossiertest.Read(t, body, dossier.RecordPath), &rec))
	stored, err := e.app.store.Events(t.Context(), id)
	require.NoError(t, err)
	require.Equal(t, len(stored), len(rec.Events), "the whole record")
	last := stored[len(stored)-1]
	require.Equal(t, dossier.RecordHead{Events: len(stored), HeadSeq: last.Seq, HeadHash: last.Hash}, idx.Record)
	acts := map[int]string{}
	for _, ev := range rec.Events {
		acts[ev.Seq] = ev.Act
	}

	// The filing order of SAMR 78: what each entry is, volume by volume.
	var got []string
	for i, en := range idx.Entries {
		require.Equal(t, i+1, en.No)
		what := en.Path
		switch {
		case en.Document != "":
			what = "doc " + string(en.Document)
		case en.EventSeq != 0:
			what = "act " + acts[en.EventSeq]
		case en.Evidence != nil:
			what = "file " + en.Evidence.Name
		}
		got = append(got, string(en.Volume)+" | "+en.Section+" | "+what)
	}
	require.Equal(t, []string{
		"正卷 | 立案审批表 | doc filing",
		"正卷 | 行政处罚决定书及送达回证 | doc decision",
		"正卷 | 行政处罚决定书及送达回证 | doc service-receipt",
		"正卷 | 对当事人制发的其他执法文书及送达回证 | doc notice",
		"正卷 | 证据材料 | act record-evidence",
		"正卷 | 证据材料 | file 现场照片 1.png",
		"正卷 | 其他有关材料 | act record-waiver",
		"副卷 | 案源材料 | act open-case",
		"副卷 | 调查终结报告 | act submit-report",
		"副卷 | 审核意见 | act approve-review",
		"副卷 | 其他有关材料 | act approve-penalty",
		"执法全过程记录 | 执法全过程记录 | record/events.json",
		"目录 | 目录 | index.html",
	}, got)

	// Every file of the ZIP but the index is listed once, named by its sum.
	inZip := map[string]bool{}
	for _, f := range zr.File {
		inZip[f.Name] = true
	}
	require.Len(t, inZip, len(idx.Entries)+1)
	for _, en := range idx.Entries {
		require.True(t, inZip[en.Path], en.Path)
		b := dossiertest.Read(t, body, en.Path)
		require.Equal(t, sha256Hex(b), en.SHA256, en.Path)
		require.EqualValues(t, len(b), en.Size, en.Path)
		if en.Volume == dossier.Main || en.Volume == dossier.Secondary {
			require.Contains(t, en.Path, en.SHA256, "named by its SHA-256")
		}
		if en.ContentType == "application/pdf" {
			require.True(t, bytes.HasPrefix(b, []byte("%PDF-")), en.Path)
		}
	}
	decision := idx.Entries[1]
	require.Equal(t, nums["decision"], decision.Number)
	require.Equal(t, "行政处罚决定书", decision.Title)
	file := idx.Entries[5]
	require.Equal(t, sha256Hex(photo), file.SHA256)
	require.Equal(t, "1-main/006-"+sha256Hex(photo)+".png", file.Path)
	require.Equal(t, photo, dossiertest.Read(t, body, file.Path), "the uploaded bytes")
	require.Equal(t, "image/png", file.ContentType)
	require.Equal(t, "视听资料", file.Evidence.Kind)
	require.Equal(t, "当事人货架上陈列超过保质期的酸奶", file.Evidence.Proves)
	require.Equal(t, []store.OfficerRef{{ID: "qs-officer1", Name: "张伟"}, {ID: "qs-officer2", Name: "李娜"}}, file.Evidence.CollectedBy)

	page := string(dossiertest.Read(t, body, dossier.IndexHTML))
	for _, s := range []string{"案卷目录", idx.Case.Number, "正卷", "副卷", "立案审批表", "行政处罚决定书", nums["decision"],
		"现场照片 1.png", "证明对象：当事人货架上陈列超过保质期的酸奶", "采集人：张伟、李娜", file.Path} {
		require.Contains(t, page, s)
	}

	t.Run("intact", func(t *testing.T) {
		rep, err := dossier.VerifyFile(dossiertest.Save(t, body))
		require.NoError(t, err)
		require.True(t, rep.Intact, "%+v", rep)
		require.Equal(t, len(stored), rep.Events)
		require.Equal(t, len(idx.Entries), rep.Files)
	})

	t.Run("an event changed", func(t *testing.T) {
		seq := 0
		path := dossiertest.Rewrite(t, body, func(name string, b []byte) ([]byte, bool) {
			if name != dossier.RecordPath {
				return b, true
			}
			// One byte of the record-evidence event: its act's last letter.
			lines := strings.Split(string(b), "\n")
			for i, l := range lines {
				if strings.Contains(l, `"act":"record-evidence"`) {
					var ev casefile.Event
					require.NoError(t, json.Unmarshal([]byte(strings.TrimSuffix(l, ",")), &ev))
					seq = ev.Seq
					lines[i] = strings.Replace(l, `"act":"record-evidence"`, `"act":"record-evidencf"`, 1)
					break
				}
			}
			return []byte(strings.Join(lines, "\n")), true
		}, nil)
		require.NotZero(t, seq)
		rep, err := dossier.VerifyFile(path)
		require.NoError(t, err)
		require.False(t, rep.Intact)
		require.NotNil(t, rep.FirstBreak)
		require.Equal(t, store.Break{Seq: seq, Problem: store.ProblemHash, Detail: rep.FirstBreak.Detail}, *rep.FirstBreak)
		require.Equal(t, []dossier.Kind{dossier.KindSum}, kinds(rep, dossier.RecordPath), "the record no longer matches the index either")
	})

	t.Run("a file changed", func(t *testing.T) {
		path := dossiertest.Rewrite(t, body, func(name string, b []byte) ([]byte, bool) {
			if name == file.Path {
				b = bytes.Clone(b)
				b[len(b)-1] ^= 1
			}
			return b, true
		}, nil)
		rep, err := dossier.VerifyFile(path)
		require.NoError(t, err)
		require.False(t, rep.Intact)
		require.Nil(t, rep.FirstBreak)
		require.Equal(t, []dossier.Kind{dossier.KindSum, dossier.KindName}, kinds(rep, file.Path))
		require.Len(t, rep.Problems, 2)
	})

	t.Run("a file removed and one added", func(t *testing.T) {
		path := dossiertest.Rewrite(t, body, func(name string, b []byte) ([]byte, bool) {
			return b, name != decision.Path
		}, map[string][]byte{"1-main/099-extra.pdf": []byte("%PDF-1.3")})
		rep, err := dossier.VerifyFile(path)
		require.NoError(t, err)
		require.False(t, rep.Intact)
		require.Equal(t, []dossier.Kind{dossier.KindMissing}, kinds(rep, decision.Path))
		require.Equal(t, []dossier.Kind{dossier.KindUnlisted}, kinds(rep, "1-main/099-extra.pdf"))
		require.Len(t, rep.Problems, 2)
	})
}

// kinds are the kinds of problem a report found with the file at path.
func kinds(rep dossier.Report, path string) []dossier.Kind {
	var out []dossier.Kind
	for _, p := range rep.Problems {
		if p.Path == path {
			out = append(out, p.Kind)
		}
	}
	return out
}
