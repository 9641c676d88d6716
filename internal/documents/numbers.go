package documents

import (
	"encoding/json"
	"fmt"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// A document's 文号 is allocated in the transaction of the act that issues
// it, so that the sequence of an agency, kind and year has no gaps and no
// act is on record without its document's number. The API's first render
// finds the number already given; a document of a case recorded before
// numbers were allocated this way gets its number at first render, from
// the same sequence.

// issuing are the acts after which a numbered document may first appear.
var issuing = map[string]bool{
	string(workflows.ActServeNotice): true, string(workflows.ActScheduleHearing): true, string(workflows.ActDecide): true,
	string(workflows.ActTakeMeasure): true, string(workflows.ActServeDemand): true,
	string(workflows.ActServeSubstituteDemand): true, string(workflows.ActDecideExecution): true,
}

// NumberKeys are the counter names of d's number: owner keeps the number
// given to the case's document, seq is the agency's sequence for the kind
// and year.
func NumberKeys(caseID, agencyID string, d Doc) (owner, seq string) {
	return fmt.Sprintf("doc/%s/%s", caseID, d.Type), fmt.Sprintf("doc-seq/%s/%s/%d", agencyID, d.Type, d.Year)
}

// Issued lists the numbers act issues on the case as its snapshot now
// stands: one (owner, seq) pair for each numbered document of the case
// (a number already given is kept, so listing it again is harmless).
// Acts that issue no numbered document list none, without reading the
// snapshot.
func Issued(sum casefile.Summary, act string, snapshot json.RawMessage) ([][2]string, error) {
	if !issuing[act] {
		return nil, nil
	}
	docs, err := Build(sum.Procedure, sum.Number, snapshot)
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, d := range docs {
		if d.Mark != "" && d.Number == "" {
			owner, seq := NumberKeys(sum.ID, sum.AgencyID, d)
			out = append(out, [2]string{owner, seq})
		}
	}
	return out, nil
}
