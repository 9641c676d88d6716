package authority

import (
	"maps"
	"regexp"
	"slices"

	"cloud.google.com/go/civil"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// Bounds of a rule pack's figures. No threshold of the law left to a sector
// or province comes near 100 million yuan; a larger figure is a slip of the
// keyboard (fen typed as yuan, say). A collective discussion needs at least
// two heads (it is collective) and no agency has more than twenty.
const (
	MaxRuleAmount      int64 = 100_000_000_00 // fen: 1 亿元
	MinCollectiveHeads       = 2
	MaxCollectiveHeads       = 20
	MaxRuleBasis             = 500
)

// CheckRules checks a new version of an agency's rule pack. prev is the
// agency's latest version (nil for its first); today is the Beijing day it
// is saved. A pack takes effect on a valid day, not before today (a pack
// cannot reach back to acts already done under the one then in force, so
// what a case read stays what was in force) and not before prev's own day
// (versions follow each other in time).
func CheckRules(r casefile.Rules, prev *casefile.Rules, today civil.Date) *Refusal {
	return first(
		CheckDate("effective_from", r.EffectiveFrom, true),
		checkRuleDay(r.EffectiveFrom, prev, today),
		CheckText("basis", r.Basis, true, MaxRuleBasis),
		checkRuleAmounts("hearing_fine", r.HearingFine),
		checkRuleAmounts("hearing_confiscation", r.HearingConfiscation),
		checkRuleAmounts("major_case_fine", r.MajorCaseFine),
		checkCollectiveHeads(r.CollectiveHeads),
		checkWarnings(r.WarnWorkdays),
		checkPublication(r.Publication),
	)
}

// Bounds of the publication figures: a term of publication runs 1 month
// to 10 years (SAMR-PUB 13 sets 3 months and 3 years, longer when a
// restriction lasts longer), the minor term no longer than the other; the
// lower fine is at most 1 亿元 like every amount of a pack.
const (
	MaxPublicationMonths = 120
)

// checkPublication checks the publication figures. Zero is the built-in
// figure (casefile.PublicationRules.Effective).
func checkPublication(p casefile.PublicationRules) *Refusal {
	if p.MinorFine < 0 || p.MinorFine > MaxRuleAmount {
		return Refuse("invalid_input", "publication.minor_fine 须在 0 至 %d 分（1 亿元）之间：%d", "publication.minor_fine must be between 0 and %d fen (100 million yuan): %d",
			MaxRuleAmount, p.MinorFine, MaxRuleAmount, p.MinorFine).On("publication.minor_fine")
	}
	for _, m := range []struct {
		name   string
		months int
	}{{"publication.minor_months", p.MinorMonths}, {"publication.months", p.Months}} {
		if m.months < 0 || m.months > MaxPublicationMonths {
			return Refuse("invalid_input", "%s 须在 1 至 %d 个月之间：%d", "%s must be between 1 and %d months: %d",
				m.name, MaxPublicationMonths, m.months, m.name, MaxPublicationMonths, m.months).On(m.name)
		}
	}
	if e := p.Effective(); e.MinorMonths > e.Months {
		return Refuse("invalid_input", "publication.minor_months（%d）不得长于 publication.months（%d）", "publication.minor_months (%d) cannot be longer than publication.months (%d)",
			e.MinorMonths, e.Months, e.MinorMonths, e.Months).On("publication.minor_months")
	}
	return nil
}

// MaxWarnWorkdays is the earliest warning a rule pack may set.
const MaxWarnWorkdays = 10

var stepName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)

// checkWarnings checks the warnings per step: a step's name, and 1 to
// MaxWarnWorkdays working days.
func checkWarnings(w map[string]int) *Refusal {
	for _, step := range slices.Sorted(maps.Keys(w)) {
		if !stepName.MatchString(step) {
			return Refuse("invalid_input", "warnings 中的步骤名「%s」无效", "warnings: %q is not a step's name", step, step).On("warnings")
		}
		if n := w[step]; n < 1 || n > MaxWarnWorkdays {
			return Refuse("invalid_input", "warnings 中「%s」的提醒须为 1 至 %d 个工作日：%d", "warnings: the warning of %q must be 1 to %d working days: %d",
				step, MaxWarnWorkdays, n, step, MaxWarnWorkdays, n).On("warnings")
		}
	}
	return nil
}

func checkRuleDay(day string, prev *casefile.Rules, today civil.Date) *Refusal {
	d, err := calendar.ParseDate(day)
	if err != nil {
		return nil // CheckDate says so
	}
	if d.Before(today) {
		return Refuse("invalid_input", "effective_from 不能早于今天（%s）：已办理的事项按当时有效的规则包办理",
			"effective_from cannot be before today (%s): acts already done stay under the pack then in force", today, today).On("effective_from")
	}
	if prev != nil && day < prev.EffectiveFrom {
		return Conflict("rules_out_of_order", "effective_from 不能早于第 %d 版的生效日期 %s",
			"effective_from cannot be before %s, when version %d takes effect",
			prev.Version, prev.EffectiveFrom, prev.EffectiveFrom, prev.Version).On("effective_from")
	}
	return nil
}

func checkRuleAmounts(field string, a casefile.PartyAmounts) *Refusal {
	for _, v := range []struct {
		kind   string
		amount int64
	}{{"person", a.Person}, {"organization", a.Organization}} {
		name := field + "." + v.kind
		if v.amount < 0 || v.amount > MaxRuleAmount {
			return Refuse("invalid_input", "%s 须在 0 至 %d 分（1 亿元）之间：%d", "%s must be between 0 and %d fen (100 million yuan): %d",
				name, MaxRuleAmount, v.amount, name, MaxRuleAmount, v.amount).On(name)
		}
	}
	return nil
}

func checkCollectiveHeads(n int) *Refusal {
	if n < MinCollectiveHeads || n > MaxCollectiveHeads {
		return Refuse("invalid_input", "collective_heads 须在 %d 至 %d 之间：%d", "collective_heads must be between %d and %d: %d",
			MinCollectiveHeads, MaxCollectiveHeads, n, MinCollectiveHeads, MaxCollectiveHeads, n).On("collective_heads")
	}
	return nil
}
