package authority

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// Certificate is an enforcement certificate (执法证).
type Certificate struct {
	Number     string    `json:"number"`
	OfficerID  string    `json:"officer_id"`
	IssuedBy   string    `json:"issued_by"`
	Fields     []string  `json:"fields"` // 执法领域 covered, e.g. 食品安全, 广告监管
	Region     string    `json:"region"`
	ValidFrom  time.Time `json:"valid_from"`
	ValidUntil time.Time `json:"valid_until"`
	Status     string    `json:"status"` // valid, suspended, revoked
}

// Certificate statuses.
const (
	CertificateValid     = "valid"
	CertificateSuspended = "suspended"
	CertificateRevoked   = "revoked"
)

// Certificate history actions.
const (
	CertCreated    = "created"
	CertImported   = "imported"
	CertUpdated    = "updated"
	CertSuspended  = "suspended"  // 暂扣
	CertRevoked    = "revoked"    // 吊销/注销
	CertReinstated = "reinstated" // 恢复
)

// StateAt tells whether the certificate lets its holder act at instant t.
func (c Certificate) StateAt(t time.Time) casefile.Certificate {
	switch {
	case c.Status == CertificateSuspended || c.Status == CertificateRevoked:
		return casefile.CertSuspended
	case t.Before(c.ValidFrom) || !t.Before(c.ValidUntil):
		return casefile.CertExpired
	default:
		return casefile.CertValid
	}
}

// Covers tells whether the certificate covers field; an item with no field
// needs only a valid certificate.
func (c Certificate) Covers(field string) bool {
	return field == "" || slices.Contains(c.Fields, strings.TrimSpace(field))
}

// CheckCertificate checks a certificate's own fields.
func CheckCertificate(c Certificate) *Refusal {
	if r := first(CheckCode("number", c.Number, 64), CheckText("issued_by", c.IssuedBy, true, 200),
		CheckList("fields", c.Fields, true), CheckText("region", c.Region, false, 200)); r != nil {
		return r
	}
	if c.ValidFrom.IsZero() || c.ValidUntil.IsZero() {
		return Refuse("invalid_input", "须填写有效期起止日期", "valid_from and valid_until are required").On("valid_from")
	}
	if !c.ValidFrom.Before(c.ValidUntil) {
		return Refuse("invalid_input", "有效期截止日期不能早于起始日期", "valid_until must not be before valid_from").On("valid_until")
	}
	return nil
}

// StatusChange is the part of a line of a certificate's history that moved
// its status.
type StatusChange struct {
	Number   string
	At       time.Time
	From, To string
}

// StatusAt is the status c had at instant at, given its history (any
// order): the status a later change moved it from, or its status now if
// nothing changed it since.
func StatusAt(c Certificate, hist []StatusChange, at time.Time) string {
	for _, h := range hist {
		if h.Number == c.Number && h.At.After(at) && h.From != h.To && h.From != "" {
			return h.From
		}
	}
	return c.Status
}

// ChooseCertificate picks, among certs (with their status at instant at),
// the one an officer acts with in field (PL 42), and says what it allows:
//   - valid: a certificate valid at that instant covering field (the one
//     valid longest when several are);
//   - suspended or expired: the officer's certificate for field is
//     suspended/revoked or outside its validity, which is what they need to
//     hear even if another certificate is valid for other fields;
//   - wrong-field: a certificate is valid but none covers field;
//   - then suspended, expired, none for the certificates of other fields.
func ChooseCertificate(certs []Certificate, field string, at time.Time) (casefile.Certificate, Certificate) {
	rank := func(c Certificate) int {
		state, covers := c.StateAt(at), c.Covers(field)
		switch {
		case state == casefile.CertValid && covers:
			return 0
		case state == casefile.CertSuspended && covers:
			return 1
		case state == casefile.CertExpired && covers:
			return 2
		case state == casefile.CertValid:
			return 3
		case state == casefile.CertSuspended:
			return 4
		default:
			return 5
		}
	}
	if len(certs) == 0 {
		return casefile.CertNone, Certificate{}
	}
	best := slices.MinFunc(certs, func(a, b Certificate) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), b.ValidUntil.Compare(a.ValidUntil), cmp.Compare(a.Number, b.Number))
	})
	switch rank(best) {
	case 0:
		return casefile.CertValid, best
	case 3:
		return casefile.CertWrongField, best
	default:
		return best.StateAt(at), best
	}
}

// StatusTransition says which status an action on a certificate moves it
// to from which (a revoked certificate stays revoked; only a suspended one
// can be reinstated), and refuses the action from any other status. ok is
// false for an unknown action.
func StatusTransition(number, status, action string) (to string, r *Refusal, ok bool) {
	var from []string
	switch action {
	case CertSuspended:
		from, to = []string{CertificateValid}, CertificateSuspended
	case CertRevoked:
		from, to = []string{CertificateValid, CertificateSuspended}, CertificateRevoked
	case CertReinstated:
		from, to = []string{CertificateSuspended}, CertificateValid
	default:
		return "", nil, false
	}
	if !slices.Contains(from, status) {
		return "", Conflict("certificate_status", "执法证 %s 当前状态为「%s」，不能%s", "certificate %s is %s and cannot be %s",
			number, statusName(status), actionName(action), number, status, action), true
	}
	return to, nil, true
}

func statusName(s string) string {
	switch s {
	case CertificateValid:
		return "有效"
	case CertificateSuspended:
		return "暂扣"
	case CertificateRevoked:
		return "吊销"
	}
	return s
}

func actionName(a string) string {
	switch a {
	case CertSuspended:
		return "暂扣"
	case CertRevoked:
		return "吊销"
	case CertReinstated:
		return "恢复"
	}
	return a
}

// CheckCertificateChange refuses a change to a revoked certificate.
func CheckCertificateChange(old Certificate) *Refusal {
	if old.Status == CertificateRevoked {
		return Conflict("certificate_revoked", "执法证 %s 已吊销（注销），不能再修改", "certificate %s is revoked and cannot change", old.Number, old.Number)
	}
	return nil
}

// CertificateUpdate names the fields of a certificate to change; nil leaves
// a field as it is.
type CertificateUpdate struct {
	IssuedBy   *string
	Fields     *[]string
	Region     *string
	ValidFrom  *time.Time
	ValidUntil *time.Time
}

// FieldChange is one field a change altered.
type FieldChange struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// ApplyCertificateUpdate returns c with u applied and the fields that
// changed, as a person reads them.
func ApplyCertificateUpdate(c Certificate, u CertificateUpdate) (Certificate, []FieldChange) {
	var changes []FieldChange
	str := func(field string, dst *string, v *string) {
		if v != nil && *v != *dst {
			changes = append(changes, FieldChange{field, *dst, *v})
			*dst = *v
		}
	}
	day := func(field string, dst *time.Time, v *time.Time, end bool) {
		if v != nil && !v.Equal(*dst) {
			changes = append(changes, FieldChange{field, ShowDay(*dst, end), ShowDay(*v, end)})
			*dst = *v
		}
	}
	str("issued_by", &c.IssuedBy, u.IssuedBy)
	if u.Fields != nil && !slices.Equal(*u.Fields, c.Fields) {
		changes = append(changes, FieldChange{"fields", strings.Join(c.Fields, "、"), strings.Join(*u.Fields, "、")})
		c.Fields = slices.Clone(*u.Fields)
	}
	str("region", &c.Region, u.Region)
	day("valid_from", &c.ValidFrom, u.ValidFrom, false)
	day("valid_until", &c.ValidUntil, u.ValidUntil, true)
	return c, changes
}

// ShowDay writes a validity bound as the Beijing date a person reads: the
// first day for a start, the last valid day for an end (24:00 of that day).
func ShowDay(t time.Time, end bool) string {
	if end {
		t = t.Add(-time.Nanosecond)
	}
	return calendar.DateOf(t).String()
}
