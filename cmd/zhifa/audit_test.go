package main

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
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
