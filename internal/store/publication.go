package store

// The public record (行政执法公示, 事后公开): the decisions published on the
// agency's own site (PL 48; GB118; HB (六)). A published decision is
// projected from its case's snapshot into a table of its own, written in
// the same transaction as the act that published it, changed it or
// withdrew it, so that the public pages never read a case file and never
// show a decision one moment longer than the record says. What goes out
// is redacted (PL 50; SAMR-PUB 6–7): the log of what was removed stays in
// the table, for the officers, and is never served.
//
// A decision changed, revoked, or confirmed illegal or void is withdrawn
// with a public reason (PL 48 ¶2): from then on its text is no longer
// served, and a notice of the withdrawal, with the reason, stands in its
// place for the rest of its term. A correction (更正; SAMR-PUB 12; HB
// (三)) publishes a new version of the text: each version is kept, with
// the day and the reason of the correction that ended it, and the public
// page lists them.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"cloud.google.com/go/civil"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	pii "github.com/zhifa/zhifa/internal/redact"
)

type publishedDecisionRow struct {
	CaseID     string `gorm:"primaryKey;size:64"`
	AgencyID   string `gorm:"size:64;index;not null"`
	AgencyName string `gorm:"size:200;not null"`
	// Number is the decision's number: the case number until decision
	// documents get numbers of their own.
	Number       string    `gorm:"size:100;index;not null"`
	PartyDisplay string    `gorm:"size:200;not null"` // an organization's name, a person's masked (张**)
	PartyKind    string    `gorm:"size:16;not null"`
	Violation    string    `gorm:"size:300;not null"` // the power item's name
	Basis        string    `gorm:"type:text"`
	Penalty      string    `gorm:"type:text"`
	Fine         int64     `gorm:"not null"` // in fen (分)
	DecidedAt    time.Time `gorm:"index;not null"`
	PublishedAt  time.Time `gorm:"index;not null"`
	WithdrawnAt  *time.Time
	Withdrawal   string    `gorm:"type:text"` // the public reason of the withdrawal (PL 48 ¶2)
	TermEnd      time.Time `gorm:"index;not null"`
	Text         string    `gorm:"type:text"`
	// Version is the text's version: 1 as first published, one more for
	// each correction; CorrectedAt is when the last correction was made.
	Version     int `gorm:"not null;default:1"`
	CorrectedAt *time.Time
	// Redactions is the redaction log as JSON: kinds and counts, never
	// the values. Not a public column.
	Redactions string `gorm:"type:text"`
	// ChangedAt is the time of the act that last changed it (not GORM's
	// UpdatedAt, which an upsert would set to the clock's now).
	ChangedAt time.Time `gorm:"index;not null"`
}

func (publishedDecisionRow) TableName() string { return "published_decisions" }

// publishedVersionRow is one version of a published decision's text, as it
// was published from At: never changed once written. Reason is the
// correction's that made it (empty for the first).
type publishedVersionRow struct {
	CaseID  string    `gorm:"primaryKey;size:64"`
	Version int       `gorm:"primaryKey;autoIncrement:false"`
	Text    string    `gorm:"type:text"`
	Reason  string    `gorm:"type:text"`
	At      time.Time `gorm:"not null"`
}

func (publishedVersionRow) TableName() string { return "published_decision_versions" }

// PublishedVersion is one version of a published decision's text: its
// number, since when it was published and, from the second, the reason of
// the correction that made it.
type PublishedVersion struct {
	Version int
	At      time.Time
	Reason  string
}

// PublishedDecision is a decision as the public record shows it, redacted,
// with what only officers see: the redaction log and a withdrawal.
type PublishedDecision struct {
	CaseID       string
	AgencyID     string
	AgencyName   string
	Number       string
	PartyDisplay string
	PartyKind    string
	Violation    string
	Basis        string
	Penalty      string
	Fine         int64 // in fen (分)
	DecidedAt    time.Time
	// PublishedAt is nil in a preview of a decision not yet published.
	PublishedAt *time.Time
	WithdrawnAt *time.Time
	Withdrawal  string
	// TermEnd is when the publication stops (SAMR-PUB 13); in a preview,
	// as if it were published now.
	TermEnd    time.Time
	Text       string
	Redactions []pii.Entry
	// Version is the text's version (1 until corrected); Versions are all
	// of them, the first first — listed with one decision, not in lists.
	Version     int
	CorrectedAt *time.Time
	Versions    []PublishedVersion
}

// UpdatedAt is when the published record last changed for a reader:
// published, corrected or withdrawn.
func (d PublishedDecision) UpdatedAt() time.Time {
	var t time.Time
	for _, at := range []*time.Time{d.PublishedAt, d.CorrectedAt, d.WithdrawnAt} {
		if at != nil && at.After(t) {
			t = *at
		}
	}
	return t
}

// publicationFields are the snapshot fields whose change may change what
// is published: only an act that touches one of them projects the case.
var publicationFields = []string{"publication", "decision", "registry_publication"}

func touchesPublication(changes []casefile.Change) bool {
	for _, c := range changes {
		for _, f := range publicationFields {
			if c.Field == f {
				return true
			}
		}
	}
	return false
}

// publicationSnapshot is the part of a general-procedure case's snapshot
// the public record reads.
type publicationSnapshot struct {
	ID         string `json:"id"`
	Number     string `json:"number"`
	AgencyID   string `json:"agency_id"`
	AgencyName string `json:"agency_name"`
	PowerItem  struct {
		Name       string `json:"name"`
		LegalBasis string `json:"legal_basis"`
	} `json:"power_item"`
	Party struct {
		Kind     string `json:"kind"`
		Name     string `json:"name"`
		IDNumber string `json:"id_number"`
		Address  string `json:"address"`
	} `json:"party"`
	Facts  string `json:"facts"`
	Report *struct {
		Facts    string `json:"facts"`
		Proposal struct {
			Basis string `json:"basis"`
		} `json:"proposal"`
	} `json:"report"`
	Notice *struct {
		Facts    string `json:"facts"`
		Proposal *struct {
			Basis string `json:"basis"`
		} `json:"proposal"`
		Publication *casefile.PublicationRules `json:"publication_rules"`
	} `json:"notice"`
	Decision *struct {
		Outcome     string    `json:"outcome"`
		Penalty     string    `json:"penalty"`
		Kinds       []string  `json:"kinds"`
		Fine        string    `json:"fine"`
		Reasons     string    `json:"reasons"`
		At          time.Time `json:"at"`
		Ground      string    `json:"ground"`
		Published   bool      `json:"published"`
		Unpublished string    `json:"unpublished"`
	} `json:"decision"`
	Publication *struct {
		At          time.Time  `json:"at"`
		WithdrawnAt *time.Time `json:"withdrawn_at"`
		Withdrawal  string     `json:"withdrawal"`
		Text        string     `json:"text"`
		Corrections []struct {
			Reason string    `json:"reason"`
			At     time.Time `json:"at"`
		} `json:"corrections"`
	} `json:"publication"`
}

// PublicationOf is the record a case's decision has, or would have if it
// were published at at: redacted, with its redaction log. ErrNotFound: the
// case has no decision to publish (not yet decided, or no decision that
// is published).
func PublicationOf(snapshot json.RawMessage, at time.Time) (PublishedDecision, error) {
	fields, err := casefile.Fields(snapshot)
	if err != nil {
		return PublishedDecision{}, err
	}
	if len(fields["decision"]) == 0 || string(fields["decision"]) == "null" {
		return PublishedDecision{}, ErrNotFound
	}
	var s publicationSnapshot
	if err := json.Unmarshal(snapshot, &s); err != nil {
		return PublishedDecision{}, fmt.Errorf("read the decision: %w", err)
	}
	d := s.Decision
	if d == nil || ((d.Outcome != "penalty" || d.Unpublished != "") && !d.Published && s.Publication == nil) {
		return PublishedDecision{}, ErrNotFound
	}
	fine, err := fen(d.Fine)
	if err != nil {
		return PublishedDecision{}, fmt.Errorf("read the decision: %w", err)
	}

	known := pii.Known{}
	display := s.Party.Name
	if s.Party.Kind == "person" {
		known.Names, known.Addresses, known.IDNumbers = []string{s.Party.Name}, []string{s.Party.Address}, []string{s.Party.IDNumber}
		display = pii.MaskName(s.Party.Name)
	} else {
		known.Keep = []string{s.Party.IDNumber}
	}

	penalty := "不予行政处罚"
	if d.Outcome == "penalty" {
		penalty = d.Penalty
		if fine > 0 {
			penalty += fmt.Sprintf("（罚款 %d.%02d 元）", fine/100, fine%100)
		}
	}
	basis, facts := s.PowerItem.LegalBasis, s.Facts
	if s.Notice != nil {
		if s.Notice.Proposal != nil && s.Notice.Proposal.Basis != "" {
			basis = s.Notice.Proposal.Basis
		}
		if s.Notice.Facts != "" {
			facts = s.Notice.Facts
		}
	}
	if s.Report != nil {
		if s.Report.Proposal.Basis != "" {
			basis = s.Report.Proposal.Basis
		}
		if s.Report.Facts != "" {
			facts = s.Report.Facts
		}
	}
	text := "违法事实：" + facts + "\n\n处罚依据：" + basis + "\n\n"
	if d.Outcome == "penalty" {
		text += "处罚决定：" + penalty + "\n\n理由：" + d.Reasons
	} else {
		text += "决定：不予行政处罚\n\n理由：" + d.Reasons
	}
	if p := s.Publication; p != nil && p.Text != "" {
		text = p.Text // as corrected
	}

	penalty, penaltyLog := pii.Text(penalty, known)
	basis, basisLog := pii.Text(basis, known)
	text, textLog := pii.Text(text, known)
	out := PublishedDecision{CaseID: s.ID, AgencyID: s.AgencyID, AgencyName: s.AgencyName, Number: s.Number,
		PartyDisplay: display, PartyKind: s.Party.Kind, Violation: s.PowerItem.Name, Basis: basis, Penalty: penalty,
		Fine: fine, DecidedAt: d.At, Text: text, Redactions: pii.Merge(penaltyLog, basisLog, textLog)}
	publishedAt := at
	out.Version, out.Versions = 1, []PublishedVersion{{Version: 1, At: at}}
	if p := s.Publication; p != nil {
		// The reasons of a withdrawal and of corrections are public too,
		// and redacted like the text.
		withdrawal, withdrawalLog := pii.Text(p.Withdrawal, known)
		logs := [][]pii.Entry{out.Redactions, withdrawalLog}
		publishedAt = p.At
		out.PublishedAt, out.WithdrawnAt, out.Withdrawal = &publishedAt, p.WithdrawnAt, withdrawal
		out.Versions[0].At = p.At
		for i, c := range p.Corrections {
			reason, reasonLog := pii.Text(c.Reason, known)
			logs = append(logs, reasonLog)
			out.Version = i + 2
			out.CorrectedAt = &p.Corrections[i].At
			out.Versions = append(out.Versions, PublishedVersion{Version: i + 2, At: c.At, Reason: reason})
		}
		out.Redactions = pii.Merge(logs...)
	}
	var rules casefile.PublicationRules
	if s.Notice != nil && s.Notice.Publication != nil {
		rules = *s.Notice.Publication
	}
	out.TermEnd = PublicationTerm(publishedAt, d.Kinds, fine, rules)
	return out, nil
}

// minorKinds are the penalties whose publication stops after the shorter
// term when the decision imposes nothing else and its fine, if any, is
// below the lower fine.
var minorKinds = map[string]bool{"warning": true, "circulated-criticism": true, "fine": true}

// PublicationTerm is when the publication of a decision stops (SAMR-PUB
// 13), under the rule pack's rules (zero figures: the built-in ones). A
// warning or circulated criticism alone, or with a fine below the lower
// fine (built in: 10,000 元; SAMR-PUB 13 leaves it to the provincial market
// regulator), is published for the shorter term (built in: 3 months)
// after the day of publication; every other penalty, and a decision whose
// kinds are not recorded unless it is a lower fine alone, for the longer
// (built in: 3 years). A term counted in months ends with the
// same-numbered day of the last month, or that month's last day when it
// has none (民法典 201–203), at 24:00 Beijing time.
func PublicationTerm(publishedAt time.Time, kinds []string, fine int64, rules casefile.PublicationRules) time.Time {
	rules = rules.Effective()
	minor := fine < rules.MinorFine && (len(kinds) > 0 || fine > 0)
	for _, k := range kinds {
		minor = minor && minorKinds[k]
	}
	months := rules.Months
	if minor {
		months = rules.MinorMonths
	}
	return calendar.EndOfDay(addMonths(calendar.DateOf(publishedAt), months))
}

// addMonths is the same-numbered day n months after d, or that month's
// last day when it has none (31 January + 1 month = 28 or 29 February).
func addMonths(d civil.Date, n int) civil.Date {
	m := int(d.Month) - 1 + n
	y, month := d.Year+m/12, time.Month(m%12+1)
	last := time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return civil.Date{Year: y, Month: month, Day: min(d.Day, last)}
}

// fen reads a yuan amount as the snapshot writes it ("5000.00").
func fen(yuan string) (int64, error) {
	if yuan == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(yuan, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || len(frac) > 2 {
		return 0, fmt.Errorf("amount %q", yuan)
	}
	frac = (frac + "00")[:2]
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("amount %q", yuan)
	}
	return w*100 + f, nil
}

// projectPublication brings a case's row of the public record in line
// with its snapshot, within the act's transaction: written when it is
// published, its withdrawal recorded, removed if it is not published.
func projectPublication(tx *gorm.DB, caseID, snapshot string, at time.Time) error {
	unpublished := func() error {
		return tx.Where("case_id = ?", caseID).Delete(&publishedDecisionRow{}).Error
	}
	// Most such acts decide or change a decision not (yet) published: the
	// snapshot is read no further than its fields.
	fields, err := casefile.Fields([]byte(snapshot))
	if err != nil {
		return fmt.Errorf("public record: %w", err)
	}
	if p := fields["publication"]; len(p) == 0 || string(p) == "null" {
		return unpublished()
	}
	d, err := PublicationOf(json.RawMessage(snapshot), at)
	if errors.Is(err, ErrNotFound) || (err == nil && d.PublishedAt == nil) {
		return unpublished()
	}
	if err != nil {
		return fmt.Errorf("public record: %w", err)
	}
	log, err := json.Marshal(d.Redactions)
	if err != nil {
		return err
	}
	// The text as it was before this act is kept as its version, whatever
	// the act: a correction never overwrites a version silently, even one
	// published before versions were kept.
	var before []publishedDecisionRow
	if err := tx.Where("case_id = ?", caseID).Limit(1).Find(&before).Error; err != nil {
		return fmt.Errorf("public record: %w", err)
	}
	var versions []publishedVersionRow
	if len(before) == 1 {
		b := before[0]
		from := b.PublishedAt
		if b.CorrectedAt != nil && b.Version > 1 {
			from = *b.CorrectedAt
		}
		versions = append(versions, publishedVersionRow{CaseID: caseID, Version: max(b.Version, 1), Text: b.Text, At: from.UTC()})
	}
	for _, v := range d.Versions {
		if v.Version == d.Version {
			versions = append(versions, publishedVersionRow{CaseID: caseID, Version: v.Version, Text: d.Text, Reason: v.Reason, At: v.At.UTC()})
		}
	}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&versions).Error; err != nil {
		return fmt.Errorf("public record versions: %w", err)
	}
	row := publishedDecisionRow{CaseID: caseID, AgencyID: d.AgencyID, AgencyName: d.AgencyName, Number: d.Number,
		PartyDisplay: d.PartyDisplay, PartyKind: d.PartyKind, Violation: d.Violation, Basis: d.Basis, Penalty: d.Penalty,
		Fine: d.Fine, DecidedAt: d.DecidedAt.UTC(), PublishedAt: d.PublishedAt.UTC(), WithdrawnAt: utcPtr(d.WithdrawnAt),
		Withdrawal: d.Withdrawal, TermEnd: d.TermEnd.UTC(), Text: d.Text, Redactions: string(log), ChangedAt: at.UTC(),
		Version: d.Version, CorrectedAt: utcPtr(d.CorrectedAt)}
	if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("public record: %w", err)
	}
	return nil
}

func decisionFromRow(r publishedDecisionRow) PublishedDecision {
	d := PublishedDecision{CaseID: r.CaseID, AgencyID: r.AgencyID, AgencyName: r.AgencyName, Number: r.Number,
		PartyDisplay: r.PartyDisplay, PartyKind: r.PartyKind, Violation: r.Violation, Basis: r.Basis, Penalty: r.Penalty,
		Fine: r.Fine, DecidedAt: r.DecidedAt, PublishedAt: &r.PublishedAt, WithdrawnAt: r.WithdrawnAt, Withdrawal: r.Withdrawal,
		TermEnd: r.TermEnd, Text: r.Text, Redactions: []pii.Entry{}, Version: max(r.Version, 1), CorrectedAt: r.CorrectedAt}
	_ = json.Unmarshal([]byte(r.Redactions), &d.Redactions)
	return d
}

// PublicFilter narrows the public record. Every condition is optional.
type PublicFilter struct {
	AgencyID string
	// DecidedFrom and DecidedBefore bound the decision's time.
	DecidedFrom, DecidedBefore *time.Time
	Party                      string // part of an organization's name
	Number                     string // part of the decision number
	Violation                  string // part of the violation
	AsOf                       time.Time
	Limit, Offset              int
	// ByChange lists the last changed first (published, corrected or
	// withdrawn), as a feed does.
	ByChange bool
}

// served are the rows the public may see at asOf: published and within
// their term — a withdrawn one as the notice of its withdrawal (PL 48 ¶2).
func served(db *gorm.DB, asOf time.Time) *gorm.DB {
	return db.Model(&publishedDecisionRow{}).Where("term_end > ?", asOf.UTC())
}

// likePattern matches s anywhere, its wildcards taken literally.
func likePattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

// PublicDecisions lists the decisions the public may see at f.AsOf, the
// newest publication first, and how many match.
func (s *Store) PublicDecisions(ctx context.Context, f PublicFilter) ([]PublishedDecision, int64, error) {
	q := served(s.db.WithContext(ctx), f.AsOf)
	if f.AgencyID != "" {
		q = q.Where("agency_id = ?", f.AgencyID)
	}
	if f.DecidedFrom != nil {
		q = q.Where("decided_at >= ?", f.DecidedFrom.UTC())
	}
	if f.DecidedBefore != nil {
		q = q.Where("decided_at < ?", f.DecidedBefore.UTC())
	}
	if f.Party != "" {
		// Only organizations are found by name: a person's name is
		// masked, and must not be guessed a character at a time.
		q = q.Where("party_kind = ? AND party_display LIKE ? ESCAPE '\\'", "organization", likePattern(f.Party))
	}
	if f.Number != "" {
		q = q.Where("number LIKE ? ESCAPE '\\'", likePattern(f.Number))
	}
	if f.Violation != "" {
		q = q.Where("violation LIKE ? ESCAPE '\\'", likePattern(f.Violation))
	}
	order := "published_at DESC, case_id"
	if f.ByChange {
		order = "changed_at DESC, case_id"
	}
	return pageOf(q, order, f.Limit, f.Offset, "published decisions", decisionFromRow)
}

// PublicDecision is one decision the public may see at asOf, with its
// versions; ErrNotFound for any other case, published or not.
func (s *Store) PublicDecision(ctx context.Context, caseID string, asOf time.Time) (PublishedDecision, error) {
	var r publishedDecisionRow
	if err := first(served(s.db.WithContext(ctx), asOf).Where("case_id = ?", caseID), &r); err != nil {
		return PublishedDecision{}, fmt.Errorf("published decision %s: %w", caseID, err)
	}
	d := decisionFromRow(r)
	var rows []publishedVersionRow
	if err := s.db.WithContext(ctx).Select("case_id", "version", "reason", "at").Where("case_id = ?", caseID).Order("version").Find(&rows).Error; err != nil {
		return PublishedDecision{}, fmt.Errorf("versions of published decision %s: %w", caseID, err)
	}
	for _, v := range rows {
		d.Versions = append(d.Versions, PublishedVersion{Version: v.Version, At: v.At, Reason: v.Reason})
	}
	if len(d.Versions) == 0 {
		d.Versions = []PublishedVersion{{Version: 1, At: r.PublishedAt}}
	}
	return d, nil
}

// PublishedVersionText is the text of one version of a published
// decision, for the officers: the public is served the current one only.
func (s *Store) PublishedVersionText(ctx context.Context, caseID string, version int) (string, error) {
	var r publishedVersionRow
	if err := first(s.db.WithContext(ctx).Where("case_id = ? AND version = ?", caseID, version), &r); err != nil {
		return "", fmt.Errorf("version %d of published decision %s: %w", version, caseID, err)
	}
	return r.Text, nil
}

// PublicRecordChanged is when the public record last changed: a decision
// published, changed or withdrawn (zero when nothing was ever published).
func (s *Store) PublicRecordChanged(ctx context.Context) (time.Time, error) {
	var r publishedDecisionRow
	err := s.db.WithContext(ctx).Model(&publishedDecisionRow{}).Select("changed_at").Order("changed_at DESC").Limit(1).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("public record: %w", err)
	}
	return r.ChangedAt, nil
}
