package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/dossier"
	"github.com/zhifa/zhifa/internal/dossier/dossiertest"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// recordCase records three acts of a case, chained as the workflow chains them.
func recordCase(t *testing.T, st *store.Store, id, number string) {
	t.Helper()
	sum := casefile.Summary{ID: id, Number: number, Procedure: "general-penalty", AgencyID: "jn-lj-qs",
		PowerItemCode: "JN-SC-CF-0001", PartyName: "临江市好味道餐饮有限公司", Stage: "investigation"}
	at := time.Date(2026, 9, 28, 1, 30, 0, 0, time.UTC)
	prev := ""
	for seq, act := range []string{"OpenCase", "ApproveFiling", "RecordEvidence"} {
		data, err := json.Marshal(map[string]string{"act": act})
		require.NoError(t, err)
		ev := casefile.Event{CaseID: id, Seq: seq + 1, Act: act, ActorID: "qs-officer1", ActorName: "张伟",
			At: at.Add(time.Duration(seq) * time.Hour), Summary: act, Data: data, PrevHash: prev}
		ev.Hash = ev.ComputeHash()
		prev = ev.Hash
		require.NoError(t, st.Record(t.Context(), casefile.Record{Case: sum, Event: ev}))
	}
}

// auditVerify runs `zhifa audit verify` with args on the database at url
// and dir, without an engine, and returns what it printed and its error.
func auditVerify(t *testing.T, url, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := root()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(append([]string{"audit", "verify", "--data-dir", dir, "--database-url", url, "--engine", engineOff}, args...))
	err := cmd.ExecuteContext(t.Context())
	return out.String(), err
}

func TestAuditVerifyReportsBrokenRecords(t *testing.T) {
	url, dir := storetest.URL(t), t.TempDir()
	st, err := store.Open(url, dir)
	require.NoError(t, err)
	require.NoError(t, st.Migrate(t.Context()))
	recordCase(t, st, "c1", "青山县市监立〔2026〕1号")
	recordCase(t, st, "c2", "青山县市监立〔2026〕2号")
	require.NoError(t, st.Close())

	out, err := auditVerify(t, url, dir)
	require.NoError(t, err, out)
	require.Contains(t, out, "2 cases, 6 events checked")
	require.Contains(t, out, ": 0 broken")
	require.Contains(t, out, "note: --engine off", "the run says the workflows were not asked")

	storetest.Exec(t, url, dir, "UPDATE case_events SET summary = ? WHERE case_id = ? AND seq = ?", "ApproveFilinh", "c1", 2)
	out, err = auditVerify(t, url, dir)
	require.EqualError(t, err, "1 of 2 case records broken", "exit status 1")
	require.Contains(t, out, "broken  青山县市监立〔2026〕1号 (case c1): event 2: hash_mismatch")
	require.NotContains(t, out, "(case c2)")
	require.Contains(t, out, ": 1 broken")

	out, err = auditVerify(t, url, dir, "--case", "c2")
	require.NoError(t, err, out)
	require.Contains(t, out, "intact  青山县市监立〔2026〕2号 (case c2): 3 events")

	storetest.Exec(t, url, dir, "DELETE FROM case_events WHERE case_id = ? AND seq = ?", "c2", 2)
	out, err = auditVerify(t, url, dir, "--case", "c2")
	require.Error(t, err)
	require.Contains(t, out, "event 2: seq_gap")

	_, err = auditVerify(t, url, dir, "--case", "no-such-case")
	var ue usageError
	require.ErrorAs(t, err, &ue, "an unknown case is bad input: exit status 2")
}

// runAudit runs `zhifa audit verify` with args alone: no database, no
// engine.
func runAudit(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := root()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(append([]string{"audit", "verify"}, args...))
	err := cmd.ExecuteContext(t.Context())
	return out.String(), err
}

// TestAuditVerifyChecksACaseFileOffline: `audit verify --file` checks an
// exported case file without any database: intact is exit status 0 and a
// line that says so; an event changed is reported at its link, a file
// changed by its path, and either is exit status 1.
func TestAuditVerifyChecksACaseFileOffline(t *testing.T) {
	blobs, err := blob.NewDir(t.TempDir())
	require.NoError(t, err)
	photo := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR现场照片")
	info, err := blobs.Put(t.Context(), bytes.NewReader(photo))
	require.NoError(t, err)
	at := time.Date(2026, 9, 28, 1, 30, 0, 0, time.UTC)
	var events []casefile.Event
	prev := ""
	for seq, act := range []string{"OpenCase", "ApproveFiling", "RecordEvidence"} {
		ev := casefile.Event{CaseID: "c1", Seq: seq + 1, Act: act, ActorID: "qs-officer1", ActorName: "张伟",
			At: at.Add(time.Duration(seq) * time.Hour), Summary: act, Data: json.RawMessage(`{"act":"` + act + `"}`), PrevHash: prev}
		if act == "RecordEvidence" { // a late entry: its hash covers both times
			onSite := at.Add(time.Hour + 30*time.Minute)
			ev.OccurredAt, ev.LateReason = &onSite, "现场无网络，回所补录"
		}
		ev.Hash = ev.ComputeHash()
		prev = ev.Hash
		events = append(events, ev)
	}
	cf := dossier.Case{Info: dossier.CaseInfo{ID: "c1", Number: "青山县市监立〔2026〕1号"}, Events: events,
		Evidence: []store.EvidenceFile{{CaseID: "c1", SHA256: info.Sum, Size: info.Size, ContentType: "image/png", Name: "现场照片.png"}}}
	var zipped bytes.Buffer
	require.NoError(t, dossier.Write(t.Context(), &zipped, cf, dossier.Options{Blobs: blobs, Now: at}))
	body := zipped.Bytes()

	out, err := runAudit(t, "--file", dossiertest.Save(t, body))
	require.NoError(t, err, out)
	require.Equal(t, "案卷完整 / case file intact  青山县市监立〔2026〕1号 (case c1): 3 events chained, 3 files match the index\n", out)

	changed := dossiertest.Rewrite(t, body, func(name string, b []byte) ([]byte, bool) {
		if name == dossier.RecordPath {
			b = bytes.Replace(b, []byte(`"summary":"ApproveFiling"`), []byte(`"summary":"ApproveFilinh"`), 1)
		}
		return b, true
	}, nil)
	out, err = runAudit(t, "--file", changed)
	require.Error(t, err, "exit status 1")
	var ue usageError
	require.False(t, errors.As(err, &ue))
	require.Contains(t, out, "案卷已损坏 / case file broken")
	require.Contains(t, out, "record/events.json: event 2: hash_mismatch")
	require.Contains(t, out, "record/events.json: sha256_mismatch")

	photoPath := "1-main/001-" + info.Sum + ".png"
	changed = dossiertest.Rewrite(t, body, func(name string, b []byte) ([]byte, bool) {
		if name == photoPath {
			b = append(bytes.Clone(b), 0)
		}
		return b, true
	}, nil)
	out, err = runAudit(t, "--file", changed)
	require.Error(t, err)
	require.Contains(t, out, photoPath+": sha256_mismatch")
	require.Contains(t, out, photoPath+": size_mismatch")
	require.NotContains(t, out, "hash_mismatch")

	_, err = runAudit(t, "--file", dossiertest.Save(t, []byte("not a zip")))
	require.Error(t, err)
	_, err = runAudit(t, "--file", "x.zip", "--case", "c1")
	require.ErrorAs(t, err, &ue, "--file with --case is bad input: exit status 2")
}
