package workflows_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestEveryStageAnswersWhatCanBeDone: for every procedure and every stage,
// a case read from the record tells anyone what they may do, its clock and
// its surcharge, without failing on what that stage has not filled in yet
// (the API lists the acts open to the caller on every read).
func TestEveryStageAnswersWhatCanBeDone(t *testing.T) {
	for _, p := range workflows.All() {
		for _, st := range p.Stages() {
			t.Run(p.Name()+"/"+string(st), func(t *testing.T) {
				raw, err := json.Marshal(map[string]any{"stage": st, "officers": []map[string]any{{"id": "o1"}, {"id": "o2"}}})
				require.NoError(t, err)
				v, err := p.View(raw)
				require.NoError(t, err)
				require.NotPanics(t, func() {
					for _, who := range []string{"o1", "h1", ""} {
						v.AvailableActs(who)
					}
					v.DecisionClock(bj(2026, 3, 2, 9, 0))
					v.Surcharge(bj(2026, 3, 2, 9, 0))
				})
			})
		}
	}
}
