// Package dossier writes a case's file (案卷) as one ZIP and checks such a
// ZIP offline, without the database.
//
// The file is filed as SAMR 78 orders it, one case one file (一案一卷):
// the main volume (正卷) holds what the party was given and the evidence —
// 立案审批表; 行政处罚决定书 and its 送达回证; the other documents issued to
// the party; the evidence; 听证笔录; 财物处理单据; other material — and the
// secondary volume (副卷) the agency's internal material: 案源材料, 调查终结
// 报告, 审核意见, 听证报告, 结案审批表 and the other internal approvals and
// discussions. After them comes the whole record of the case (执法全过程
// 记录, PL 47; SAMR 79) with its hash chain.
//
// Every file but the index is named by the SHA-256 of its bytes and listed
// in index.json with that sum and its size, in filing order; index.html
// lists the same in Chinese for a reader. Verify checks that the record's
// chain holds (store.ChainBreak, the check `zhifa audit verify` runs on the
// database), that every file matches its name and the index, and that the
// ZIP holds exactly what the index lists.
package dossier

import (
	"time"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// Format names the layout of the ZIP, written into its index.
const Format = "zhifa-casefile/1"

// Names of the files every case file has.
const (
	IndexJSON  = "index.json"
	IndexHTML  = "index.html"
	RecordPath = "record/events.json"
)

// Volume is a part of the case file.
type Volume string

// The parts of a case file, in the order they are filed.
const (
	Main      Volume = "正卷" // documents given to the party, and the evidence (SAMR 78 ¶2)
	Secondary Volume = "副卷" // internal material (SAMR 78 ¶3)
	Record    Volume = "执法全过程记录"
	Contents  Volume = "目录" // index.html
)

// folders are where each volume's files go in the ZIP: ASCII, so that any
// unzip tool shows them, in filing order.
var folders = map[Volume]string{Main: "1-main", Secondary: "2-secondary", Record: "record", Contents: ""}

// Index is index.json: the case, the end of its record and every other
// file of the ZIP in filing order.
type Index struct {
	Format     string    `json:"format"`
	Case       CaseInfo  `json:"case"`
	ExportedAt time.Time `json:"exported_at"`
	// Record is the end of the case's hash chain as it was exported: the
	// same as `zhifa audit verify --case` finds in the database then.
	Record  RecordHead `json:"record"`
	Entries []Entry    `json:"entries"`
}

// CaseInfo names the case a file is of.
type CaseInfo struct {
	ID             string `json:"id"`
	Number         string `json:"number"`
	Procedure      string `json:"procedure"`
	ProcedureTitle string `json:"procedure_title"`
	AgencyID       string `json:"agency_id"`
	Agency         string `json:"agency"`
	Party          string `json:"party"`
	Stage          string `json:"stage"`
	Closed         bool   `json:"closed"`
}

// RecordHead is the end of the exported record.
type RecordHead struct {
	Events   int    `json:"events"`
	HeadSeq  int    `json:"head_seq"`
	HeadHash string `json:"head_hash"`
}

// Entry is one file of the case file.
type Entry struct {
	No      int    `json:"no"` // its place in filing order, from 1
	Volume  Volume `json:"volume"`
	Section string `json:"section"` // the part of the volume, as SAMR 78 names it
	Title   string `json:"title"`
	Number  string `json:"number,omitempty"` // a document's 文号
	Path    string `json:"path"`
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
	// ContentType is the file's type: a document's and an event's
	// application/pdf, an evidence file's as detected on upload.
	ContentType string `json:"content_type"`
	// Document is the type of a case document (internal/documents).
	Document documents.Type `json:"document,omitempty"`
	// EventSeq is the event of the record an entry was written from.
	EventSeq int `json:"event_seq,omitempty"`
	// Evidence is an evidence file's record: when, where and by whom it
	// was taken and what it proves (HB (八); SAMR 43–44).
	Evidence *store.EvidenceFile `json:"evidence,omitempty"`
}

// section is a part of a volume and what is filed there: documents of the
// case, evidence files, and events of the record (written out as a page
// each, titled as the section is unless title is empty).
type section struct {
	volume   Volume
	name     string
	docs     []documents.Type
	evidence bool
	acts     []casefile.Act
	title    string // an event's title here; empty: the act's name
}

// sections are the parts of the case file in the order SAMR 78 files them.
// Every kind of document is filed in one (a test holds it to that); an act
// not named here is in the record only.
var sections = []section{
	{volume: Main, name: "立案审批表", docs: []documents.Type{documents.Filing}},
	{volume: Main, name: "行政处罚决定书及送达回证", docs: []documents.Type{documents.Decision, documents.OnSpotDecision, documents.ServiceReceipt}},
	{volume: Main, name: "对当事人制发的其他执法文书及送达回证",
		docs: []documents.Type{documents.Notice, documents.HearingNotice, documents.Measure, documents.Demand, documents.ExecutionDecision}},
	{volume: Main, name: "证据材料", acts: []casefile.Act{workflows.ActRecordEvidence}, evidence: true},
	{volume: Main, name: "听证笔录", acts: []casefile.Act{workflows.ActRecordHearing}, title: "听证笔录"},
	{volume: Main, name: "财物处理单据", acts: []casefile.Act{workflows.ActReleaseMeasure, workflows.ActEndMeasure, workflows.ActDisposeEarly}},
	{volume: Main, name: "其他有关材料", acts: []casefile.Act{workflows.ActRecordStatement, workflows.ActRecordWaiver,
		workflows.ActRecordPayment, workflows.ActRecordExecution, workflows.ActRecordPerformance, workflows.ActRecordAgreement,
		workflows.ActCarryOutExecution, workflows.ActRecordCourt}},

	{volume: Secondary, name: "案源材料", acts: []casefile.Act{workflows.ActOpenCase}},
	{volume: Secondary, name: "调查终结报告", acts: []casefile.Act{workflows.ActSubmitReport}},
	{volume: Secondary, name: "审核意见", acts: []casefile.Act{workflows.ActApproveReview, workflows.ActReturnReview}},
	{volume: Secondary, name: "听证报告", acts: []casefile.Act{workflows.ActRecordHearing}, title: "听证报告"},
	{volume: Secondary, name: "结案审批表", docs: []documents.Type{documents.Closing}},
	// The approvals of filing and closing are on their forms above.
	{volume: Secondary, name: "其他有关材料", acts: []casefile.Act{workflows.ActApprovePenalty,
		workflows.ActMarkMajor, workflows.ActRecordDiscussion, workflows.ActExtendFiling, workflows.ActExtendReview,
		workflows.ActExtendDecision, workflows.ActExtendByHeads, workflows.ActApproveDeferral, workflows.ActDecideRecusal,
		workflows.ActReassignOfficers, workflows.ActApproveMeasure, workflows.ActRefuseMeasure}},
}

// Case is what a case file is written from.
type Case struct {
	Info CaseInfo
	// Events is the case's whole record, in order.
	Events []casefile.Event
	// Documents are the documents the case has reached, numbered.
	Documents []documents.Doc
	// Evidence are the case's evidence files in the order attached.
	Evidence []store.EvidenceFile
	// ActName is the Chinese name of an act of the case's procedure.
	ActName func(casefile.Act) string
}

// record is the content of record/events.json.
type record struct {
	CaseID string           `json:"case_id"`
	Events []casefile.Event `json:"events"`
}
