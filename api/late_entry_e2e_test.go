package api_test

import (
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestLateEntryIsFlaggedForSupervisors_SD2019: an inspection record made on
// site and entered later (补录) carries the time it took place and the
// reason; the case's record shows both times, the case is counted and
// listed for supervisors with ?late=true, and its chain still verifies. A
// late entry without a reason, or dated before the case was opened, is
// refused and changes nothing.
func TestLateEntryIsFlaggedForSupervisors_SD2019(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, 200)
	other := e.openCase(p.officer1)
	onSite := time.Now().UTC().Truncate(time.Microsecond)
	time.Sleep(1100 * time.Millisecond) // entered a moment after it took place

	withLate := func(at time.Time, reason string) map[string]any {
		body := maps.Clone(evidence)
		body["occurred_at"] = at.Format(time.RFC3339Nano)
		if reason != "" {
			body["late_reason"] = reason
		}
		return body
	}
	r := e.act(p.officer1, id, workflows.ActRecordEvidence, withLate(onSite, ""), http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode())
	require.Contains(t, r.body["error"].(map[string]any)["message"], "原因")
	r = e.act(p.officer1, id, workflows.ActRecordEvidence, withLate(onSite.Add(-24*time.Hour), "现场无网络"), http.StatusConflict)
	require.Equal(t, "late_entry_refused", r.errCode())
	require.Contains(t, r.body["error"].(map[string]any)["message"], "立案")

	r = e.act(p.officer1, id, workflows.ActRecordEvidence, withLate(onSite, "检查现场无法连接执法办案系统"), http.StatusOK)
	events := r.body["events"].([]any)
	last := events[len(events)-1].(map[string]any)
	require.Equal(t, "record-evidence", last["act"])
	occurred, err := time.Parse(time.RFC3339, last["occurred_at"].(string))
	require.NoError(t, err)
	require.True(t, occurred.Equal(onSite), "took place at %s, recorded %s", onSite, occurred)
	at, err := time.Parse(time.RFC3339, last["at"].(string))
	require.NoError(t, err)
	require.True(t, at.After(onSite), "entered at the server's time %s, after it took place", at)
	require.Equal(t, "检查现场无法连接执法办案系统", last["late_reason"])
	require.Len(t, events, 3, "the refused entries left no trace")

	list := e.do("GET", "/cases?late=true", p.manager, nil)
	require.Equal(t, http.StatusOK, list.status, string(list.raw))
	require.EqualValues(t, 1, list.body["total"], string(list.raw))
	item := list.body["items"].([]any)[0].(map[string]any)
	require.Equal(t, id, item["id"])
	require.EqualValues(t, 1, item["late_entries"])
	all := e.do("GET", "/cases", p.manager, nil)
	require.Contains(t, string(all.raw), other, "without the filter every case is listed")
	require.Equal(t, "bad_request", e.do("GET", "/cases?late=yes", p.manager, nil).errCode())

	v := e.do("GET", "/cases/"+id+"/verify", p.manager, nil)
	require.Equal(t, http.StatusOK, v.status, string(v.raw))
	require.Equal(t, true, v.body["intact"], "the late entry's times are in the chain as stored: %s", v.raw)
}
