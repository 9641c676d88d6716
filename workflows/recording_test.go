package workflows_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// TestRecordingRulesNameActsOfTheProcedures: every act the recording
// rules name is an act some procedure performs, so a renamed act cannot
// silently drop out of the warnings.
func TestRecordingRulesNameActsOfTheProcedures(t *testing.T) {
	var acts []casefile.Act
	for _, p := range workflows.All() {
		acts = append(acts, p.ActList()...)
	}
	for _, r := range workflows.RecordingRules() {
		require.Contains(t, acts, r.Act)
		require.NotEmpty(t, r.Basis[0])
		require.NotEmpty(t, r.Basis[1])
	}
}

// TestRecordingNeeds: the acts that call for a recording (HB (八); SAMR
// 44, 82) are found in a record by what was done: a seizure taken on the
// spot, as proposed or in an emergency, but not a freeze served on a
// bank; an execution at a site, not a transfer from an account; a
// document left or served by public notice, not handed over; a hearing.
func TestRecordingNeeds(t *testing.T) {
	ev := func(seq int, act casefile.Act, data any) casefile.Event {
		raw, err := json.Marshal(data)
		require.NoError(t, err)
		return casefile.Event{Seq: seq, Act: string(act), Data: raw}
	}
	for name, tc := range map[string]struct {
		events []casefile.Event
		want   []int // the seqs that need a recording
		full   bool
	}{
		"seizure as proposed": {[]casefile.Event{ev(1, workflows.ActProposeMeasure, map[string]any{"kind": "seize"}),
			ev(2, workflows.ActApproveMeasure, nil), ev(3, workflows.ActTakeMeasure, map[string]any{"officers": []string{"a", "b"}})}, []int{3}, true},
		"emergency sealing": {[]casefile.Event{ev(1, workflows.ActTakeMeasure, map[string]any{"emergency": true, "measure": map[string]any{"kind": "seal"}})}, []int{1}, true},
		"freeze": {[]casefile.Event{ev(1, workflows.ActProposeMeasure, map[string]any{"kind": "freeze"}),
			ev(2, workflows.ActTakeMeasure, map[string]any{}), ev(3, workflows.ActServeFreezeDecision, map[string]any{"method": "direct"})}, nil, false},
		"execution by a substitute": {[]casefile.Event{ev(1, workflows.ActCarryOutExecution, map[string]any{"method": "substitute"})}, []int{1}, true},
		"transfer from an account":  {[]casefile.Event{ev(1, workflows.ActCarryOutExecution, map[string]any{"method": "transfer"})}, nil, false},
		"decision left":             {[]casefile.Event{ev(1, workflows.ActServeDecision, map[string]any{"method": "left", "witness": "王五"})}, []int{1}, false},
		"demand by public notice":   {[]casefile.Event{ev(1, workflows.ActServeDemand, map[string]any{"method": "public"})}, []int{1}, false},
		"notice handed over":        {[]casefile.Event{ev(1, workflows.ActServeNotice, map[string]any{"method": "direct"})}, nil, false},
		"hearing":                   {[]casefile.Event{ev(1, workflows.ActScheduleHearing, nil), ev(2, workflows.ActRecordHearing, nil)}, []int{2}, false},
	} {
		t.Run(name, func(t *testing.T) {
			needs := workflows.RecordingNeeds(tc.events)
			var seqs []int
			for _, n := range needs {
				seqs = append(seqs, n.Event.Seq)
				require.Equal(t, tc.full, n.Rule.Full)
			}
			require.True(t, slices.Equal(tc.want, seqs), "want %v, have %v", tc.want, seqs)
		})
	}
}
