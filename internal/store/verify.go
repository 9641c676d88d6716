package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/casefile"
)

// A case's record (执法全过程记录) is a hash chain: each event's hash covers
// the previous event's hash and its own content (casefile.Event). The chain
// is only worth something if someone checks it: VerifyRecord walks a case's
// stored chain, compares its end with the case row and with the case's
// running workflow, and says where it first breaks. `zhifa audit verify`
// and GET /api/v1/cases/{id}/verify both report what it finds.

// Problem is what is wrong at the first broken link of a record.
type Problem string

// Problems a record can have, in the order an event is checked.
const (
	// ProblemGap: an event number is missing, so an event was deleted.
	ProblemGap Problem = "seq_gap"
	// ProblemLink: the event's prev_hash is not the previous event's hash,
	// so events were reordered, or one was inserted or replaced.
	ProblemLink Problem = "prev_hash_mismatch"
	// ProblemHash: the event's content does not give its hash, so the
	// content was changed after it was recorded.
	ProblemHash Problem = "hash_mismatch"
	// ProblemCaseHead: the case row (its last_seq, and the seq and
	// last_hash of its snapshot) does not end where the record ends, so
	// events at the end were deleted or added, or the row was changed.
	ProblemCaseHead Problem = "case_head_mismatch"
	// ProblemWorkflowHead: the chain head the case's running workflow holds
	// is not in the stored record.
	ProblemWorkflowHead Problem = "workflow_head_mismatch"
)

// Break is the first broken link of a record: the event number where the
// record stops being trustworthy, what is wrong there and, in words, how.
type Break struct {
	Seq     int     `json:"seq"`
	Problem Problem `json:"problem"`
	Detail  string  `json:"detail"`
}

// ChainReport is what checking one case's record found.
type ChainReport struct {
	CaseID string `json:"case_id"`
	Number string `json:"number"`
	// Events is how many events the database holds for the case.
	Events     int    `json:"events"`
	Intact     bool   `json:"intact"`
	FirstBreak *Break `json:"first_break"`
	// WorkflowHeadChecked tells whether the head of the case's running
	// workflow was compared with the stored record: false when the
	// workflow no longer runs or the engine did not answer.
	WorkflowHeadChecked bool `json:"workflow_head_checked"`
	// HeadUnchecked says why a workflow's head could not be asked for
	// (the engine's error); empty when it was compared or none runs.
	HeadUnchecked string `json:"-"`
}

// ChainHead is the end of a case's hash chain: its last event's number and
// hash.
type ChainHead struct {
	Seq  int
	Hash string
}

// HeadSource tells the chain head a case's workflow holds while it runs.
type HeadSource interface {
	// WorkflowHead returns the head of the case's workflow, or running
	// false when no workflow of the case runs.
	WorkflowHead(ctx context.Context, caseID string) (head ChainHead, running bool, err error)
}

// headWaits and headPause bound how long a check waits for an act the
// workflow has already counted to reach the database: its record is
// written by an activity right after the workflow moves its head.
const (
	headWaits = 5
	headPause = 200 * time.Millisecond
)

// VerifyRecord checks the stored record of a case: event numbers 1..n
// without a gap, each prev_hash the previous event's hash, each hash the
// hash of the event's content, the case row ending at the last event and,
// when heads is not nil and the case's workflow runs, the workflow's head
// among the stored events. It reports the break with the lowest event
// number. An unknown case is ErrNotFound; an engine that does not answer
// leaves the workflow's head unchecked, not the check failed.
func (s *Store) VerifyRecord(ctx context.Context, caseID string, heads HeadSource) (ChainReport, error) {
	var (
		wf      ChainHead
		running bool
		asked   error
	)
	if heads != nil {
		// Asked before the events are read: every act the workflow had
		// counted then is in the database by the time they are.
		wf, running, asked = heads.WorkflowHead(ctx, caseID)
	}
	for attempt := 0; ; attempt++ {
		rep, events, err := s.verifyStored(ctx, caseID)
		if err != nil {
			return rep, err
		}
		switch {
		case asked != nil:
			rep.HeadUnchecked = asked.Error()
			return rep, nil
		case !running:
			return rep, nil
		case wf.Seq > lastSeq(events) && attempt < headWaits:
			if err := pause(ctx, headPause); err != nil {
				return rep, err
			}
			continue
		}
		rep.WorkflowHeadChecked = true
		rep.found(workflowHeadBreak(wf, events))
		return rep, nil
	}
}

// VerifyRecords checks every case's record, oldest case first, events
// without a case row included, and hands each report to each.
func (s *Store) VerifyRecords(ctx context.Context, heads HeadSource, each func(ChainReport) error) error {
	var ids, orphans []string
	db := s.db.WithContext(ctx)
	if err := db.Model(&caseRow{}).Order("created_at, id").Pluck("id", &ids).Error; err != nil {
		return fmt.Errorf("verify records: cases: %w", err)
	}
	if err := db.Model(&eventRow{}).Distinct("case_id").Where("case_id NOT IN (?)", db.Model(&caseRow{}).Select("id")).
		Order("case_id").Pluck("case_id", &orphans).Error; err != nil {
		return fmt.Errorf("verify records: events without a case: %w", err)
	}
	for _, id := range append(ids, orphans...) {
		rep, err := s.VerifyRecord(ctx, id, heads)
		if err != nil {
			return err
		}
		if err := each(rep); err != nil {
			return err
		}
	}
	return nil
}

// verifyStored checks the record as the database holds it and returns the
// events it read. The case row and the events are read in one transaction,
// as Record writes them: an act recorded meanwhile is not a mismatch.
func (s *Store) verifyStored(ctx context.Context, caseID string) (ChainReport, []casefile.Event, error) {
	rep := ChainReport{CaseID: caseID, Intact: true}
	var (
		row     caseRow
		missing bool
		events  []casefile.Event
	)
	opts := &sql.TxOptions{ReadOnly: true}
	if s.Dialect() == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead // one snapshot for both reads
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		err := first(tx.Select("id, number, last_seq, snapshot").Where("id = ?", caseID), &row)
		if missing = errors.Is(err, ErrNotFound); err != nil && !missing {
			return err
		}
		events, err = eventsOf(tx, caseID)
		return err
	}, opts)
	if err != nil {
		return rep, nil, fmt.Errorf("verify case %s: %w", caseID, err)
	}
	if missing && len(events) == 0 {
		return rep, nil, fmt.Errorf("verify case %s: %w", caseID, ErrNotFound)
	}
	rep.Number, rep.Events = row.Number, len(events)
	rep.found(ChainBreak(events))
	if missing {
		rep.found(&Break{Seq: events[len(events)-1].Seq, Problem: ProblemCaseHead,
			Detail: "记录没有对应的案件 / the record has no case row"})
		return rep, events, nil
	}
	rep.found(caseHeadBreak(row, events))
	return rep, events, nil
}

// found notes b if it comes before the break already found.
func (r *ChainReport) found(b *Break) {
	if b == nil || (r.FirstBreak != nil && r.FirstBreak.Seq <= b.Seq) {
		return
	}
	r.FirstBreak, r.Intact = b, false
}

// ChainBreak is the first event, in number order, that does not follow
// from the one before it, or nil when every link holds. It needs nothing
// but the events: the case file's offline check (internal/dossier) walks
// an exported record with it as VerifyRecord walks the stored one.
func ChainBreak(events []casefile.Event) *Break {
	prev := ""
	for i, e := range events {
		want := i + 1
		switch {
		case e.Seq > want:
			detail := fmt.Sprintf("缺少第 %d 号记录：记录被删除 / event %d is missing: it was deleted", want, want)
			if e.Seq > want+1 {
				detail = fmt.Sprintf("缺少第 %d 至 %d 号记录：记录被删除 / events %d to %d are missing: they were deleted", want, e.Seq-1, want, e.Seq-1)
			}
			return &Break{Seq: want, Problem: ProblemGap, Detail: detail}
		case e.Seq < want:
			// Only possible below 1: the numbers are a key of the table.
			return &Break{Seq: e.Seq, Problem: ProblemLink,
				Detail: fmt.Sprintf("记录编号从 1 开始，第 %d 号记录是插入的 / events are numbered from 1: event %d was inserted", e.Seq, e.Seq)}
		case e.PrevHash != prev:
			return &Break{Seq: e.Seq, Problem: ProblemLink,
				Detail: fmt.Sprintf("第 %d 号记录没有接在第 %d 号之后：记录被调换、插入或替换 / event %d does not follow event %d: events were reordered, inserted or replaced", e.Seq, e.Seq-1, e.Seq, e.Seq-1)}
		case e.ComputeHash() != e.Hash:
			return &Break{Seq: e.Seq, Problem: ProblemHash,
				Detail: fmt.Sprintf("第 %d 号记录的内容与其哈希值不符：内容被改动 / the content of event %d does not match its hash: it was changed", e.Seq, e.Seq)}
		}
		prev = e.Hash
	}
	return nil
}

// snapshotHead is the chain head a case's snapshot carries (the workflow
// state's seq and last_hash, written with every act).
type snapshotHead struct {
	Seq      *int    `json:"seq"`
	LastHash *string `json:"last_hash"`
}

// caseHeadBreak compares the end of the record with the case row.
func caseHeadBreak(row caseRow, events []casefile.Event) *Break {
	var last casefile.Event
	if len(events) > 0 {
		last = events[len(events)-1]
	}
	if row.LastSeq != last.Seq {
		return &Break{Seq: min(row.LastSeq, last.Seq) + 1, Problem: ProblemCaseHead,
			Detail: fmt.Sprintf("案件记到第 %d 号，记录止于第 %d 号：末尾的记录被删除或添加 / the case row ends at event %d, the record at event %d: events at the end were deleted or added", row.LastSeq, last.Seq, row.LastSeq, last.Seq)}
	}
	var snap snapshotHead
	if row.Snapshot != "" {
		if err := json.Unmarshal([]byte(row.Snapshot), &snap); err != nil {
			return &Break{Seq: last.Seq, Problem: ProblemCaseHead,
				Detail: "案件快照无法读取 / the case's snapshot cannot be read"}
		}
	}
	switch {
	case snap.Seq != nil && *snap.Seq != last.Seq:
		return &Break{Seq: min(*snap.Seq, last.Seq) + 1, Problem: ProblemCaseHead,
			Detail: fmt.Sprintf("案件快照记到第 %d 号，记录止于第 %d 号 / the case's snapshot ends at event %d, the record at event %d", *snap.Seq, last.Seq, *snap.Seq, last.Seq)}
	case snap.LastHash != nil && *snap.LastHash != last.Hash:
		return &Break{Seq: last.Seq, Problem: ProblemCaseHead,
			Detail: fmt.Sprintf("案件快照中的末条哈希值不是第 %d 号记录的哈希值 / the last hash in the case's snapshot is not the hash of event %d", last.Seq, last.Seq)}
	}
	return nil
}

// workflowHeadBreak compares the head of the case's running workflow with
// the stored event of the same number. The stored record may be longer: an
// act may have been recorded since the workflow was asked.
func workflowHeadBreak(wf ChainHead, events []casefile.Event) *Break {
	if wf.Seq == 0 {
		return nil
	}
	last := 0
	for _, e := range events {
		if e.Seq == wf.Seq {
			if e.Hash == wf.Hash {
				return nil
			}
			return &Break{Seq: wf.Seq, Problem: ProblemWorkflowHead,
				Detail: fmt.Sprintf("流程引擎中第 %d 号记录的哈希值与数据库中的不同：数据库中的记录被替换 / the workflow's hash of event %d differs from the stored one: the stored event was replaced", wf.Seq, wf.Seq)}
		}
		last = e.Seq
	}
	if wf.Seq < last {
		return nil // the gap before it is the break
	}
	return &Break{Seq: last + 1, Problem: ProblemWorkflowHead,
		Detail: fmt.Sprintf("流程引擎记到第 %d 号，数据库止于第 %d 号：末尾的记录被删除 / the workflow holds %d events, the database ends at event %d: events at the end were deleted", wf.Seq, last, wf.Seq, last)}
}

// lastSeq is the number of the last of events, 0 if there are none.
func lastSeq(events []casefile.Event) int {
	if len(events) == 0 {
		return 0
	}
	return events[len(events)-1].Seq
}

// pause waits d, or less if ctx ends.
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
