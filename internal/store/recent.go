package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/zhifa/zhifa/internal/casefile"
)

// recentCases keeps, for the cases whose acts this process answered last,
// the case row and its whole record as they stood after one event: an act
// is answered with the case it made, and reading the case and all its
// events back after every act was 4.5 % of the CPU of acts at 32 clients
// (docs/performance.md), growing with the case.
//
// An entry holds the case at one sequence number, and the case's open
// tasks then when this process wrote them. Only the record of the
// very next event, written by this process, moves it on; a record of any
// other shape (changes only, a replaced uncommitted event), a case marked
// ended, or a record whose transaction failed drops it. A record written
// by another process leaves the entry behind the case's true number, and
// CaseAfter then reads the database: an entry is never newer than what is
// stored, and it is used only for an act whose event it already holds.
type recentCases struct {
	entries *lru.Cache[string, recentCase]
	// recording: this process records acts (it runs a worker). A process
	// that only answers the API never moves an entry on, so it keeps none.
	recording atomic.Bool
}

type recentCase struct {
	row    caseRow
	events []casefile.Event
	tasks  []taskRow // the open tasks, when this process wrote them (tasksKnown)
	// tasksKnown: an entry read from the database has its tasks unread.
	tasksKnown bool
}

// recentCasesKept bounds the entries: an entry matters from one act on a
// case to the next, and acts on many cases come in between. At 128, acts
// going round 200 cases found none; 256 is as many as the API keeps
// decoded views (api/cases.go cachedViews) and more than the worker keeps
// workflows by default (ZHIFA_WORKFLOW_CACHE).
const recentCasesKept = 256

func newRecentCases() *recentCases {
	entries, _ := lru.New[string, recentCase](recentCasesKept) // fails only for a size below 1
	return &recentCases{entries: entries}
}

// CaseAfter is the case and its record as they stood after its event seq
// or later, the act the caller has just seen performed: from what this
// process recorded when it holds that event, else from the database.
func (s *Store) CaseAfter(ctx context.Context, id string, seq int) (casefile.Summary, json.RawMessage, []casefile.Event, error) {
	if e, ok := s.recent.entries.Get(id); ok && seq > 0 && e.row.LastSeq >= seq {
		return summaryFromRow(e.row), json.RawMessage(e.row.Snapshot), slices.Clone(e.events), nil
	}
	var r caseRow
	if err := first(s.db.WithContext(ctx).Where("id = ?", id), &r); err != nil {
		return casefile.Summary{}, nil, nil, fmt.Errorf("case %s: %w", id, err)
	}
	events, err := s.Events(ctx, id)
	if err != nil {
		return casefile.Summary{}, nil, nil, err
	}
	if s.recent.recording.Load() && seq > 0 && r.LastSeq >= seq && whole(r, events) {
		s.recent.entries.Add(id, recentCase{row: r, events: slices.Clone(events)})
	}
	return summaryFromRow(r), json.RawMessage(r.Snapshot), events, nil
}

// whole tells whether events are a case's whole record up to its row's
// number, each following the one before.
func whole(r caseRow, events []casefile.Event) bool {
	if len(events) != r.LastSeq {
		return false
	}
	for i, e := range events {
		if e.Seq != i+1 || (i > 0 && e.PrevHash != events[i-1].Hash) {
			return false
		}
	}
	return true
}

// recorded moves a case's entry on by the event just committed with the
// whole case after it (row: the case's columns the record wrote), or
// drops the entry when it does not hold the event before.
func (c *recentCases) recorded(row caseRow, ev casefile.Event, tasks []taskRow) {
	e, ok := c.entries.Get(row.ID)
	if !ok || e.row.LastSeq != ev.Seq-1 || len(e.events) != ev.Seq-1 {
		c.entries.Remove(row.ID)
		return
	}
	next := e.row
	next.Stage, next.Closed, next.PartyName, next.LateEntries = row.Stage, row.Closed, row.PartyName, row.LateEntries
	next.Snapshot, next.LastSeq, next.UpdatedAt = row.Snapshot, ev.Seq, row.UpdatedAt
	c.entries.Add(row.ID, recentCase{row: next, events: append(slices.Clip(e.events), ev), tasks: tasks, tasksKnown: true})
}

// opened starts the entry of a case its first event has just created.
func (c *recentCases) opened(row caseRow, ev casefile.Event, tasks []taskRow) {
	c.entries.Add(row.ID, recentCase{row: row, events: []casefile.Event{ev}, tasks: tasks, tasksKnown: true})
}

// openTasks are the case's open tasks after its event seq, when this
// process wrote that event and the tasks with it: the record of the next
// act need not read them back.
func (c *recentCases) openTasks(id string, seq int) ([]taskRow, bool) {
	if e, ok := c.entries.Peek(id); ok && e.tasksKnown && e.row.LastSeq == seq && len(e.events) == seq {
		return e.tasks, true
	}
	return nil, false
}

// forget drops a case's entry: something else changed it.
func (c *recentCases) forget(id string) { c.entries.Remove(id) }
