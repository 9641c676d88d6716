// Package activities holds every side effect of the case workflows: deadline
// computation on the holiday calendar, case numbering, and writing the
// durable record. Every write is idempotent, so a retried activity changes
// nothing twice.
package activities

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"cloud.google.com/go/civil"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// Activities carries the dependencies of the activities.
type Activities struct {
	Store *store.Store
}

// Register registers the activities on a worker (the workflows register
// themselves: workflows.Register).
func Register(w worker.Registry, a *Activities) {
	w.RegisterActivityWithOptions(a.ComputeDeadline, activity.RegisterOptions{Name: workflows.ComputeDeadlineActivity})
	w.RegisterActivityWithOptions(a.Record, activity.RegisterOptions{Name: workflows.RecordActivity})
	w.RegisterActivityWithOptions(a.AllocateCaseNumber, activity.RegisterOptions{Name: workflows.AllocateCaseNumberActivity})
	w.RegisterActivityWithOptions(a.LoadRules, activity.RegisterOptions{Name: workflows.LoadRulesActivity})
	w.RegisterActivityWithOptions(a.DayKind, activity.RegisterOptions{Name: workflows.DayKindActivity})
}

// DayKind tells what a Beijing day is on the calendar held in the database:
// a workday, a make-up working day, a weekend or a holiday. A year whose
// holiday arrangement is not loaded fails (non-retryable).
func (a *Activities) DayKind(ctx context.Context, date string) (string, error) {
	cal, err := a.Store.Calendar(ctx)
	if err != nil {
		return "", err
	}
	d, err := calendar.ParseDate(date)
	if err != nil {
		return "", temporal.NewNonRetryableApplicationError(err.Error(), workflows.CodeInvalidInput, err)
	}
	k, err := cal.Kind(d)
	if errors.Is(err, calendar.ErrYearNotLoaded) {
		return "", temporal.NewNonRetryableApplicationError(
			strings.TrimPrefix(err.Error(), "calendar: ")+"（请管理员导入该年度节假日安排 / ask an administrator to import that year's holiday arrangement）",
			workflows.CodeCalendarMissing, err)
	}
	return string(k), err
}

// ComputeDeadline computes a deadline on the calendar held in the database.
// A period that reaches a year whose holiday arrangement is not loaded fails
// (non-retryable) instead of guessing.
func (a *Activities) ComputeDeadline(ctx context.Context, in workflows.ComputeDeadlineInput) (workflows.ComputeDeadlineResult, error) {
	cal, err := a.Store.Calendar(ctx)
	if err != nil {
		return workflows.ComputeDeadlineResult{}, err
	}
	if in.WarnWorkdays == 0 && in.AgencyID != "" {
		rules, err := a.Store.RulesInForce(ctx, in.AgencyID, in.Start)
		if err != nil {
			return workflows.ComputeDeadlineResult{}, err
		}
		in.WarnWorkdays = rules.WarnFor(in.Step)
	}
	return Compute(cal, in)
}

// Compute is ComputeDeadline on a given calendar. The deadline passes at
// 24:00 Beijing time of its last day (民法典 art 203 ¶2); the warning starts
// WarnWorkdays working days before it passes (by default 2: at the beginning
// of the working day before the last day).
func Compute(cal *calendar.Calendar, in workflows.ComputeDeadlineInput) (workflows.ComputeDeadlineResult, error) {
	start := calendar.DateOf(in.Start)
	var (
		due civil.Date
		err error
	)
	switch casefile.Unit(in.Unit) {
	case casefile.Hours:
		// A period in hours runs from the moment it starts, by the clock
		// (e.g. 24 hours to report an on-the-spot measure, CL 19).
		dueAt := in.Start.Add(time.Duration(in.Amount) * time.Hour)
		warn := in.Start.Add(time.Duration(in.Amount) * time.Hour * 3 / 4)
		return workflows.ComputeDeadlineResult{DueDate: calendar.DateOf(dueAt.Add(-time.Nanosecond)).String(), DueAt: dueAt, WarnAt: warn}, nil
	case casefile.Workdays:
		due, err = cal.AddWorkdays(start, in.Amount)
	case casefile.Days:
		due, err = cal.AddDays(start, in.Amount)
	case casefile.Years:
		due = addMonths(start, 12*in.Amount)
		return workflows.ComputeDeadlineResult{DueDate: due.String(), DueAt: calendar.EndOfDay(due),
			WarnAt: calendar.StartOfDay(due.AddDays(-30))}, nil
	case casefile.Months:
		// The corresponding day of the last month, or its last day when it
		// has none (Civil Code art 202), moved past a holiday (art 203).
		due, err = cal.AddDays(addMonths(start, in.Amount), 0)
	default:
		return workflows.ComputeDeadlineResult{}, temporal.NewNonRetryableApplicationError("unknown unit "+in.Unit, "bad_unit", nil)
	}
	if err != nil {
		if errors.Is(err, calendar.ErrYearNotLoaded) {
			return workflows.ComputeDeadlineResult{}, temporal.NewNonRetryableApplicationError(
				strings.TrimPrefix(err.Error(), "calendar: ")+"（请管理员导入该年度节假日安排 / ask an administrator to import that year's holiday arrangement）",
				workflows.CodeCalendarMissing, err)
		}
		return workflows.ComputeDeadlineResult{}, err
	}
	warnDay, err := cal.AddWorkdays(due, -(cmp.Or(in.WarnWorkdays, casefile.DefaultWarnWorkdays) - 1))
	if err != nil || warnDay.Before(start) {
		warnDay = due
	}
	warn := calendar.StartOfDay(warnDay)
	if warn.Before(in.Start) {
		warn = in.Start
	}
	return workflows.ComputeDeadlineResult{DueDate: due.String(), DueAt: calendar.EndOfDay(due), WarnAt: warn}, nil
}

// Record writes an act's record: event, case row, tasks, deadlines. A
// record the database refuses for good fails without retry
// (record_refused), so the act is refused and the case stays usable; any
// other failure is retried until the database answers.
func (a *Activities) Record(ctx context.Context, r casefile.Record) error {
	err := a.Store.RecordNumbered(ctx, r, documents.Issued)
	if err != nil && store.Refused(err) {
		return temporal.NewNonRetryableApplicationError(err.Error(), workflows.CodeRecordRefused, err)
	}
	return err
}

// AllocateCaseNumber gives a case its number, e.g. 临江县市监立〔2026〕3号:
// the agency's short name, 立, the year and a sequence per agency and year.
// A retry returns the number already given to the case.
func (a *Activities) AllocateCaseNumber(ctx context.Context, in workflows.AllocateCaseNumberInput) (string, error) {
	ag, err := a.Store.Agency(ctx, in.AgencyID)
	if errors.Is(err, store.ErrNotFound) {
		return "", temporal.NewNonRetryableApplicationError(err.Error(), "unknown_agency", err)
	}
	if err != nil {
		return "", err
	}
	year := in.At.In(calendar.Location()).Year()
	n, err := a.Store.NumberOnce(ctx, "case/"+in.CaseID, fmt.Sprintf("case-seq/%s/%d", in.AgencyID, year))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s立〔%d〕%d号", ag.Code, year, n), nil
}

// addMonths is the day n months after d, or the last day of that month
// when it has no such day (31 January + 1 month = 28 or 29 February).
func addMonths(d civil.Date, n int) civil.Date {
	first := civil.Date{Year: d.Year, Month: d.Month, Day: 1}.AddMonths(n)
	last := first.AddMonths(1).AddDays(-1)
	return civil.Date{Year: first.Year, Month: first.Month, Day: min(d.Day, last.Day)}
}
