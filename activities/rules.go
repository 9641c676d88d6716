package activities

import (
	"context"
	"errors"

	"go.temporal.io/sdk/temporal"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// LoadRules reads the rule pack in force for an agency at a moment: its
// own, else the nearest parent's, else the built-in pack. The workflow keeps
// the answer in its history, so a case replays with the figures it was
// decided under whatever packs come later. An unknown agency fails without
// retry.
func (a *Activities) LoadRules(ctx context.Context, in workflows.LoadRulesInput) (casefile.Rules, error) {
	r, err := a.Store.RulesInForce(ctx, in.AgencyID, in.At)
	if errors.Is(err, store.ErrNotFound) {
		return casefile.Rules{}, temporal.NewNonRetryableApplicationError(err.Error(), "unknown_agency", err)
	}
	return r, err
}
