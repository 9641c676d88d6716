package store

import (
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

// adminTables are the tables of administrable master data and its history,
// migrated by Migrate.
var adminTables = []any{&certificateChangeRow{}, &powerItemChangeRow{}, &rulePackRow{}, &legalQualificationRow{}}

// Refusal is a refusal by a rule of authority, or a clash with stored
// data (Conflict): the store returns it as is.
type Refusal = authority.Refusal

var (
	refuse   = authority.Refuse
	conflict = authority.Conflict
)

// taken turns a unique-key clash (a row written meanwhile by someone else)
// into the conflict the earlier check would have given.
func taken(err error, r *Refusal) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return r
	}
	return err
}

// Actor is who changes administrable data, for the history tables.
type Actor struct {
	ID   string
	Name string
}

// The domain types the store keeps, and the words of their rows, are
// authority's.
type (
	Agency            = authority.Agency
	AgencyKind        = authority.AgencyKind
	Certificate       = authority.Certificate
	CertificateUpdate = authority.CertificateUpdate
	FieldChange       = authority.FieldChange
	PowerItem         = authority.PowerItem
	PowerItemChange   = authority.PowerItemChange
)

// Agency kinds.
const (
	AgencyRegular    = authority.AgencyRegular
	AgencyDispatched = authority.AgencyDispatched
	AgencyDelegated  = authority.AgencyDelegated
)

// Certificate statuses and the actions of a certificate's history.
const (
	CertificateValid     = authority.CertificateValid
	CertificateSuspended = authority.CertificateSuspended
	CertificateRevoked   = authority.CertificateRevoked
	CertCreated          = authority.CertCreated
	CertImported         = authority.CertImported
	CertUpdated          = authority.CertUpdated
	CertSuspended        = authority.CertSuspended
	CertRevoked          = authority.CertRevoked
	CertReinstated       = authority.CertReinstated
)

// Power item kinds and statuses.
const (
	KindPenalty             = authority.KindPenalty
	KindCompulsoryMeasure   = authority.KindCompulsoryMeasure
	KindCompulsoryExecution = authority.KindCompulsoryExecution
	PowerInForce            = authority.PowerInForce
	PowerCancelled          = authority.PowerCancelled
	PowerDevolved           = authority.PowerDevolved
	PowerDelegated          = authority.PowerDelegated
	PowerMerged             = authority.PowerMerged
	PowerInternal           = authority.PowerInternal
	PowerPending            = authority.PowerPending
)

func agencyToRow(a Agency) *agencyRow {
	kind := a.Kind
	if kind == "" {
		kind = AgencyRegular
	}
	return &agencyRow{ID: a.ID, ParentID: a.ParentID, Name: a.Name, Level: string(a.Level), Code: a.Code, Kind: string(kind)}
}

func agencyFromRow(r agencyRow) Agency {
	kind := AgencyKind(r.Kind)
	if kind == "" {
		kind = AgencyRegular
	}
	return Agency{ID: r.ID, ParentID: r.ParentID, Name: r.Name, Level: casefile.Level(r.Level), Code: r.Code, Kind: kind}
}

func certificateToRow(c Certificate) *certificateRow {
	return &certificateRow{Number: c.Number, OfficerID: c.OfficerID, IssuedBy: c.IssuedBy, Fields: strings.Join(c.Fields, ","),
		Region: c.Region, ValidFrom: c.ValidFrom.UTC(), ValidUntil: c.ValidUntil.UTC(), Status: c.Status}
}

func certificateFromRow(r certificateRow) Certificate {
	return Certificate{Number: r.Number, OfficerID: r.OfficerID, IssuedBy: r.IssuedBy, Fields: splitList(r.Fields),
		Region: r.Region, ValidFrom: r.ValidFrom, ValidUntil: r.ValidUntil, Status: r.Status}
}

func powerItemToRow(p PowerItem) *powerItemRow {
	return &powerItemRow{Code: p.Code, Name: p.Name, Kind: p.Kind, Field: p.Field, LegalBasis: p.LegalBasis,
		Levels: strings.Join(p.Levels, ","), Status: p.Status, AgencyID: p.AgencyID}
}

func powerItemFromRow(r powerItemRow) PowerItem {
	return PowerItem{Code: r.Code, Name: r.Name, Kind: r.Kind, Field: r.Field, LegalBasis: r.LegalBasis,
		Levels: splitList(r.Levels), Status: r.Status, AgencyID: r.AgencyID}
}

// splitList reads a comma-joined column; "" is an empty list.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// now is the clock of the history tables.
func now() time.Time { return time.Now().UTC() }
