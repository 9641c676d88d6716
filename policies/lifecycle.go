package policies

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"
)

// The policy lifecycle: policy.csv seeds an empty database (Load), an
// upgrade adds the lines policy.csv gained (Sync), every process rebuilds
// its enforcer from the database when the policy version moves (Refresh,
// Watch). The database is reached through Store, which policies declares
// and internal/store implements, so that policies needs no database code.

// Store is what the policy lifecycle needs from storage.
type Store interface {
	// SeedPolicyRules fills the permission lines with rules if there are
	// none (audited as seeded from policy.csv) and reports whether it did.
	SeedPolicyRules(ctx context.Context, rules []Rule) (seeded bool, err error)
	// PolicyRules returns the stored permission lines.
	PolicyRules(ctx context.Context) ([]Rule, error)
	// AddPolicyRule adds a permission line on behalf of officerID, audited,
	// and returns the new policy version, or an error wrapping
	// ErrRuleExists.
	AddPolicyRule(ctx context.Context, officerID string, r Rule) (version int64, err error)
	// PolicyVersion returns the current policy version.
	PolicyVersion(ctx context.Context) (int64, error)
	// PolicySnapshot returns everything a decision depends on, reading the
	// version before the data: a change committed while it reads moves
	// the version again and is picked up by the next poll.
	PolicySnapshot(ctx context.Context) (Snapshot, error)
}

// ErrRuleExists: the permission line to add is there already.
var ErrRuleExists = errors.New("permission line exists")

// SyncedBy is the officer ID that Sync's additions are audited as made by.
const SyncedBy = "system"

// Load fills the database's permission lines from policy.csv if there are
// none, then builds e from the database: those lines, the agency tree and
// the role assignments. It warns when policy.csv and the database differ:
// after the first start, lines change only through the policy routes
// (audited), not by editing policy.csv.
func Load(ctx context.Context, st Store, e *Enforcer) error {
	defaults, err := DefaultRules()
	if err != nil {
		return err
	}
	seeded, err := st.SeedPolicyRules(ctx, defaults)
	if err != nil {
		return err
	}
	if seeded {
		slog.Info("permission lines seeded from policy.csv", "lines", len(defaults))
	}
	if err := Refresh(ctx, st, e); err != nil {
		return err
	}
	stored, err := st.PolicyRules(ctx)
	if err != nil {
		return err
	}
	if missing, extra := drift(defaults, stored); len(missing)+len(extra) > 0 {
		slog.Warn("permission lines in the database differ from policy.csv; `zhifa policy sync` adds the missing ones", "version", e.Version(),
			"notInDatabase", missing, "notInPolicyCSV", extra)
	}
	return nil
}

// Sync adds to the database the lines of policy.csv it lacks, as an upgrade
// that brings new acts needs; each addition is audited as made by SyncedBy.
// Lines found only in the database (an administrator's changes) are
// returned as kept, never removed.
func Sync(ctx context.Context, st Store) (added, kept []Rule, err error) {
	defaults, err := DefaultRules()
	if err != nil {
		return nil, nil, err
	}
	if _, err := st.SeedPolicyRules(ctx, defaults); err != nil {
		return nil, nil, err
	}
	stored, err := st.PolicyRules(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range defaults {
		if slices.Contains(stored, r) {
			continue
		}
		if _, err := st.AddPolicyRule(ctx, SyncedBy, r); err != nil && !errors.Is(err, ErrRuleExists) {
			return added, nil, fmt.Errorf("add %s: %w", r, err)
		}
		added = append(added, r)
	}
	for _, r := range stored {
		if !slices.Contains(defaults, r) {
			kept = append(kept, r)
		}
	}
	return added, kept, nil
}

// Refresh rebuilds e from the database's snapshot; the fresh enforcer
// replaces the old one atomically. Entries that fail the checks are left
// out and logged; leaving one out can only deny.
func Refresh(ctx context.Context, st Store, e *Enforcer) error {
	start := time.Now()
	skipped, err := e.Reload(func() (Snapshot, error) { return st.PolicySnapshot(ctx) })
	if err != nil {
		return fmt.Errorf("reload policies: %w", err)
	}
	for _, err := range skipped {
		slog.Warn("policy entry left out", "err", err)
	}
	slog.Debug("policies reloaded", "version", e.Version(), "took", time.Since(start))
	return nil
}

// DefaultPoll is how often Watch looks at the policy version unless told
// otherwise: the longest another process may still decide by a permission
// line, role or agency link that has been changed.
const DefaultPoll = 2 * time.Second

// Watch polls the policy version every interval (DefaultPoll if not
// positive) until ctx ends, and rebuilds e from the database whenever the
// version differs from the one it was built at: that is how a change made
// through another process reaches this one. Run it in its own goroutine.
func Watch(ctx context.Context, st Store, e *Enforcer, interval time.Duration) {
	if interval <= 0 {
		interval = DefaultPoll
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		v, err := st.PolicyVersion(ctx)
		if err != nil {
			if ctx.Err() == nil {
				slog.Warn("policy version poll failed", "err", err)
			}
			continue
		}
		if v == e.Version() {
			continue
		}
		if err := Refresh(ctx, st, e); err != nil && ctx.Err() == nil {
			slog.Error("policy reload failed", "version", v, "err", err)
		}
	}
}

// drift lists the lines of policy.csv missing from the database and the
// database's lines that policy.csv lacks.
func drift(defaults, stored []Rule) (missing, extra []string) {
	in := func(rules []Rule) map[Rule]bool {
		m := make(map[Rule]bool, len(rules))
		for _, r := range rules {
			m[r] = true
		}
		return m
	}
	inStored, inDefaults := in(stored), in(defaults)
	for _, r := range defaults {
		if !inStored[r] {
			missing = append(missing, r.String())
		}
	}
	for _, r := range stored {
		if !inDefaults[r] {
			extra = append(extra, r.String())
		}
	}
	return missing, extra
}
