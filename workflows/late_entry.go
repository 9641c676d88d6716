package workflows

import (
	"time"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Late entries (补录). Every act is entered as it happens and dated by the
// server. An act done on site where the system could not be reached (an
// inspection record, a seizure, an on-the-spot decision or collection, an
// execution carried out) may be entered afterwards, and only as what it is:
// the entry keeps the server's time, carries the time the act took place
// and the reason it is late, counts on the case and shows in the
// supervisors' lists. The act takes its legal effect — the clocks it
// starts — from when it took place.
//
// Back-entry after the decision is forbidden (不得在行政执法决定作出后进行
// 补录或者集中补录, SD 2019 (三)2; no 事后补录, procedures.md §1.8): once a
// case has its decision, nothing that took place before the decision may
// be entered late. Zhifa also holds a late entry to lateEntryWindow: an
// officer back from the site enters the act at once, not days later.

// LateEntry is embedded in the input of every act that may be done on site
// and entered later. Acts whose input lacks it are always entered as they
// happen.
type LateEntry struct {
	// OccurredAt is when the act took place on site; empty for an act
	// entered as it happens.
	OccurredAt *time.Time `json:"occurred_at,omitempty"`
	// LateReason says why the act could not be entered as it happened;
	// required with OccurredAt.
	LateReason string `json:"late_reason,omitempty" limit:"500"`
}

func (l *LateEntry) lateEntry() *LateEntry { return l }

// lateEntrant is an input that may be a late entry.
type lateEntrant interface{ lateEntry() *LateEntry }

// lateEntryWindow is the longest an on-site act may wait to be entered.
// It is Zhifa's bound, not the law's: the rules ask for entry in real
// time (实时录入) and forbid back-entry after the decision.
const lateEntryWindow = 72 * time.Hour

// lateOf returns the input's late entry, or nil when it is entered as it
// happens.
func lateOf(in Input) *LateEntry {
	if l, ok := in.(lateEntrant); ok && l.lateEntry().OccurredAt != nil {
		return l.lateEntry()
	}
	return nil
}

// validateLate is the late entry's own rule: a time comes with a reason,
// and a reason only with a time.
func validateLate(in Input) error {
	l, ok := in.(lateEntrant)
	if !ok {
		return nil
	}
	e := l.lateEntry()
	switch {
	case e.OccurredAt != nil && e.LateReason == "":
		return reject(CodeInvalidInput, "补录须说明未能当时录入的原因（late_reason）", "a late entry needs late_reason: why the act could not be entered as it happened")
	case e.OccurredAt == nil && e.LateReason != "":
		return reject(CodeInvalidInput, "补录须填写行为实际发生的时间（occurred_at）", "late_reason needs occurred_at: when the act took place")
	}
	return nil
}

// checkLate holds a late entry to its bounds as of now: it took place
// before now, within lateEntryWindow, after the case was opened, and not
// before a decision already made (SD 2019 (三)2). It returns when the act
// takes effect: when it took place, or now.
func checkLate(c *Core, in Input, decided *time.Time, now time.Time) (time.Time, error) {
	e := lateOf(in)
	if e == nil {
		return now, nil
	}
	at := e.OccurredAt.UTC().Truncate(time.Microsecond)
	switch {
	case at.After(now):
		return now, reject(CodeInvalidInput, "行为发生时间不能晚于录入时间", "occurred_at cannot be later than now")
	case now.Sub(at) > lateEntryWindow:
		return now, reject(CodeLateEntryRefused, "现场行为须在发生后 %d 小时内录入，已超过时限，不得补录", "an on-site act must be entered within %d hours of taking place; this one can no longer be entered",
			int(lateEntryWindow.Hours()), int(lateEntryWindow.Hours()))
	case at.Before(c.OpenedAt):
		return now, reject(CodeLateEntryRefused, "行为发生时间早于立案（受理）时间，不得补录", "the act cannot have taken place before the case was opened")
	case decided != nil && at.Before(*decided):
		return now, reject(CodeLateEntryRefused, "本案已作出决定，不得在决定作出后补录决定前的执法行为（山东省权力运行系统建设方案）",
			"the case has its decision: nothing that took place before it may be entered late (no back-entry after the decision)")
	}
	return at, nil
}

// markLate writes the late entry onto its event.
func markLate(ev *casefile.Event, in any) {
	if i, ok := in.(Input); ok {
		if e := lateOf(i); e != nil {
			at := e.OccurredAt.UTC().Truncate(time.Microsecond)
			ev.OccurredAt, ev.LateReason = &at, e.LateReason
		}
	}
}
