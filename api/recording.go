package api

import (
	"context"
	"fmt"
	"time"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// recordingKind is the kind of evidence an audio-video recording is filed
// as (视听资料, PL 46).
const recordingKind = "视听资料"

// recordingWarning is an act done on a case that calls for an audio-video
// recording (workflows.RecordingRules: HB (八); SAMR 44, 82) with none
// attached for it: no evidence file of kind 视听资料 whose act_seq names it.
// It goes once such a file is attached.
type recordingWarning struct {
	Seq  int          `json:"seq"`  // the act's sequence number in the record: the act_seq to upload the recording with
	Act  casefile.Act `json:"act"`  // the act
	Name string       `json:"name"` // its Chinese name
	At   time.Time    `json:"at"`   // when it was done
	// Full: the whole act is to be recorded (全程音像记录); otherwise the
	// recording is asked for as the case requires (根据实际).
	Full    bool   `json:"full"`
	Message string `json:"message"` // Chinese / English, with the rule it follows
}

// recordingWarnings are the case's acts that call for a recording and have
// none attached, in the order they were done.
func (s *Server) recordingWarnings(ctx context.Context, caseID string, events []casefile.Event, view workflows.View) ([]recordingWarning, error) {
	out := []recordingWarning{}
	needs := workflows.RecordingNeeds(events)
	if len(needs) == 0 {
		return out, nil
	}
	files, err := s.store.EvidenceFiles(ctx, caseID)
	if err != nil {
		return nil, err
	}
	recorded := map[int]bool{}
	for _, f := range files {
		if f.Kind == recordingKind && f.ActSeq > 0 {
			recorded[f.ActSeq] = true
		}
	}
	for _, n := range needs {
		if recorded[n.Event.Seq] {
			continue
		}
		act := casefile.Act(n.Event.Act)
		name := view.ActName(act)
		out = append(out, recordingWarning{Seq: n.Event.Seq, Act: act, Name: name, At: n.Event.At, Full: n.Rule.Full,
			Message: fmt.Sprintf("「%s」（第 %d 项）尚未附音像记录：请上传种类为视听资料、act_seq 为 %d 的录音录像。%s / "+
				"%q (act %d) has no audio-video recording attached: upload it as kind 视听资料 with act_seq %d. %s",
				name, n.Event.Seq, n.Event.Seq, n.Rule.Basis[0], n.Event.Act, n.Event.Seq, n.Event.Seq, n.Rule.Basis[1])})
	}
	return out, nil
}
