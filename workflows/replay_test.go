package workflows_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/workflows"
)

// TestReplaySavedHistories replays histories of cases run on a real engine
// by earlier releases (workflows/testdata): code that would take another
// path on replay — and so break the cases running when it is deployed —
// fails here. A change of control flow goes behind workflow.GetVersion.
func TestReplaySavedHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			for _, p := range workflows.All() {
				r.RegisterWorkflowWithOptions(p.Workflow(), workflow.RegisterOptions{Name: p.WorkflowName()})
			}
			require.NoError(t, r.ReplayWorkflowHistoryFromJSONFile(nil, f))
		})
	}
}
