package engine

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/workflow"
	sqliteschema "go.temporal.io/server/schema/sqlite"

	"github.com/zhifa/zhifa/workflows"
)

// numbered sets a case number the way a case workflow does.
func numbered(ctx workflow.Context, number string) error {
	return workflow.UpsertTypedSearchAttributes(ctx, workflows.CaseNumberAttribute.ValueSet(number))
}

// TestSearchAttributesOnEveryDataFile starts the engine on a new data file
// and on one an older version made (its namespace without the attributes):
// either way the namespace has the case workflows' search attributes, a
// workflow sets one and is found by it, and a second start changes nothing.
func TestSearchAttributesOnEveryDataFile(t *testing.T) {
	for _, older := range []bool{false, true} {
		name := map[bool]string{false: "new data file", true: "older data file"}[older]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if older {
				cfg, err := sqliteConfig(dir)
				require.NoError(t, err)
				require.NoError(t, ownerOnly(filepath.Join(dir, dbFileName), testLogger()))
				require.NoError(t, setupSchemaIfEmpty(cfg))
				ns, err := sqliteschema.NewNamespaceConfig(clusterName, defaultNamespace, false, nil)
				require.NoError(t, err)
				require.NoError(t, sqliteschema.CreateNamespaces(cfg, ns))
			}
			for start := range 2 {
				s := startEngine(t, Options{DataDir: dir})
				c := dial(t, s)
				ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
				defer cancel()
				have, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: s.Namespace()})
				require.NoError(t, err)
				for _, k := range workflows.SearchAttributes() {
					require.Equal(t, k.GetValueType(), have.GetCustomAttributes()[k.GetName()], k.GetName())
				}

				w := newWorker(c)
				w.RegisterWorkflowWithOptions(numbered, workflow.RegisterOptions{Name: "numbered"})
				require.NoError(t, w.Start())
				number := []string{"青山县市监立〔2026〕7号", "青山县市监立〔2026〕8号"}[start]
				run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: testTaskQueue}, "numbered", number)
				require.NoError(t, err)
				require.NoError(t, run.Get(ctx, nil))
				w.Stop()
				require.EventuallyWithT(t, func(ct *assert.CollectT) {
					res, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: "ZhifaCaseNumber = '" + number + "'"})
					if !assert.NoError(ct, err) || !assert.Len(ct, res.GetExecutions(), 1) {
						return
					}
					assert.Equal(ct, run.GetID(), res.GetExecutions()[0].GetExecution().GetWorkflowId())
				}, 10*time.Second, 100*time.Millisecond)
				require.NoError(t, s.Stop())
			}
		})
	}
}

// TestCreateSearchAttributesCommand is what an external cluster's operator
// is told to run.
func TestCreateSearchAttributesCommand(t *testing.T) {
	require.Equal(t, "temporal operator search-attribute create --namespace zhifa"+
		" --name ZhifaAgency --type Keyword --name ZhifaCaseNumber --type Keyword --name ZhifaOverdue --type Bool"+
		" --name ZhifaProcedure --type Keyword --name ZhifaStage --type Keyword",
		CreateSearchAttributesCommand("zhifa", searchAttributeTypes()))
}
