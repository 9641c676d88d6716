// Package documents writes the enforcement documents (执法文书) of a case
// from its snapshot: the filing and closing approval forms, the prior
// notice, the penalty decision and its service receipt, the sealing or
// seizure decision with its property list, the demand and the execution
// decision, with the key fields SAMR-DOC, PL 59 and CL 24, 35 and 37 name.
// Each is rendered as A4 HTML from an embedded template, or as PDF.
package documents

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zhifa/zhifa/workflows"
)

// Type names a kind of document in the API.
type Type string

// The documents a case can have.
const (
	Filing            Type = "filing"             // 立案审批表 (SAMR 19–20)
	Notice            Type = "notice"             // 行政处罚事先告知书 (PL 44; SAMR 57)
	HearingNotice     Type = "hearing-notice"     // 听证通知书 (PL 64(2))
	OnSpotDecision    Type = "on-spot-decision"   // 当场行政处罚决定书 (PL 52)
	Decision          Type = "decision"           // 行政处罚决定书 (PL 59; SAMR 62)
	ServiceReceipt    Type = "service-receipt"    // 送达回证
	Measure           Type = "measure"            // 查封/扣押决定书 with its 财物清单 (CL 24)
	Demand            Type = "demand"             // 催告书 (CL 35)
	ExecutionDecision Type = "execution-decision" // 行政强制执行决定书 (CL 37)
	Closing           Type = "closing"            // 结案审批表 (SAMR 77)
)

// Types are the kinds of document, in the order a case issues them.
var Types = []Type{Filing, Notice, HearingNotice, Decision, OnSpotDecision, ServiceReceipt, Measure, Demand, ExecutionDecision, Closing}

// Doc is one document of a case, ready to render.
type Doc struct {
	Type  Type   `json:"type"`
	Title string `json:"title"`
	// Number is the document's 文号; empty for a form that has none.
	Number string `json:"number"`
	// Mark is the character of the 文号 (罚 in 青山县市监罚〔2026〕1号)
	// when the document is numbered on its own; empty when it carries the
	// case number, a reference the case states, or none.
	Mark string `json:"-"`
	// Year is the year its number counts in: the year of its act.
	Year int `json:"-"`

	Agency  string    `json:"-"`
	To      string    `json:"-"` // the addressee, for a document served on the party
	Fields  []Field   `json:"-"` // a form's rows or a letter's particulars
	Body    []string  `json:"-"` // paragraphs
	List    *Table    `json:"-"`
	Seal    bool      `json:"-"` // ends with the agency's seal
	Date    time.Time `json:"-"`
	Receipt bool      `json:"-"` // the party signs for it (送达回证)
}

// Field is a labelled entry of a document.
type Field struct {
	Label, Value string
}

// Table is a list in a document, such as the property list.
type Table struct {
	Title  string
	Header []string
	Rows   [][]string
}

// DateText is the document's date as documents write it.
func (d Doc) DateText() string { return Date(d.Date) }

// Build lists the documents of a case of procedure from its snapshot, each
// once the case has reached its step, in the order they are issued. The
// number of a document with a Mark is left for the caller to allocate.
func Build(procedure, caseNumber string, snapshot json.RawMessage) ([]Doc, error) {
	var docs []Doc
	var core workflows.Core
	switch procedure {
	case workflows.ProcedureMeasure:
		var c workflows.MeasureCase
		if err := json.Unmarshal(snapshot, &c); err != nil {
			return nil, fmt.Errorf("read the measure: %w", err)
		}
		core = c.Core
		docs = measureDocs(&c)
	case workflows.ProcedureExecution:
		var c workflows.ExecutionCase
		if err := json.Unmarshal(snapshot, &c); err != nil {
			return nil, fmt.Errorf("read the execution: %w", err)
		}
		core = c.Core
		docs = executionDocs(&c)
	case workflows.ProcedureGeneral:
		var c workflows.Case
		if err := json.Unmarshal(snapshot, &c); err != nil {
			return nil, fmt.Errorf("read the case: %w", err)
		}
		core = c.Core
		docs = penaltyDocs(&c)
	case workflows.ProcedureSummary:
		var c workflows.SummaryCase
		if err := json.Unmarshal(snapshot, &c); err != nil {
			return nil, fmt.Errorf("read the case: %w", err)
		}
		core = c.Core
		if c.Decision != nil {
			docs = append(docs, onSpotDoc(&c))
		}
	default:
		return nil, nil
	}
	if core.ClosedAt != nil {
		docs = append(docs, closingDoc(&core))
	}
	for i := range docs {
		docs[i].Agency = core.AgencyName
		if docs[i].Number == "" && docs[i].Mark == "" && (docs[i].Type == Filing || docs[i].Type == Closing) {
			docs[i].Number = caseNumber
		}
	}
	return docs, nil
}

// Find is the document of type t among docs.
func Find(docs []Doc, t Type) (Doc, bool) {
	i := slices.IndexFunc(docs, func(d Doc) bool { return d.Type == t })
	if i < 0 {
		return Doc{}, false
	}
	return docs[i], true
}

func partyFields(p workflows.Party) []Field {
	label := "当事人"
	id := "身份证件号码"
	if p.Kind == "organization" {
		id = "统一社会信用代码"
	}
	fs := []Field{{label, p.Name}}
	if p.IDNumber != "" {
		fs = append(fs, Field{id, p.IDNumber})
	}
	if p.Address != "" {
		fs = append(fs, Field{"住所（地址）", p.Address})
	}
	return fs
}

func officers(os []workflows.Officer) string {
	var parts []string
	for _, o := range os {
		parts = append(parts, fmt.Sprintf("%s（执法证号：%s）", o.Name, o.Certificate))
	}
	return strings.Join(parts, "、")
}

func year(t time.Time) int { return t.In(beijing()).Year() }

func filingDoc(c *workflows.Core, filedAt time.Time) Doc {
	fs := []Field{{"案由", c.PowerItem.Name}, {"案件来源", c.Source}}
	fs = append(fs, partyFields(c.Party)...)
	fs = append(fs,
		Field{"简要案情", c.Facts},
		Field{"违法行为发生日期", DateOf(c.ActDate)},
		Field{"立案依据", c.PowerItem.LegalBasis},
		Field{"办案人员", officers(c.Officers)},
		Field{"受案日期", Date(c.OpenedAt)},
		Field{"立案日期", Date(filedAt)},
		Field{"审批意见", "同意立案"},
	)
	return Doc{Type: Filing, Title: "立案审批表", Fields: nonEmpty(fs), Date: filedAt}
}

func closingDoc(c *workflows.Core) Doc {
	fs := []Field{{"案由", c.PowerItem.Name}}
	fs = append(fs, partyFields(c.Party)...)
	fs = append(fs,
		Field{"简要案情", c.Facts},
		Field{"处理结果", c.Outcome},
		Field{"办案人员", officers(c.Officers)},
		Field{"立案（受案）日期", Date(c.OpenedAt)},
		Field{"结案日期", Date(*c.ClosedAt)},
		Field{"审批意见", "同意结案"},
	)
	return Doc{Type: Closing, Title: "结案审批表", Fields: nonEmpty(fs), Date: *c.ClosedAt}
}

func nonEmpty(fs []Field) []Field {
	return slices.DeleteFunc(fs, func(f Field) bool { return strings.TrimSpace(f.Value) == "" })
}
