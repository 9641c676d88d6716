package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zhifa/zhifa/internal/casefile"
	"gorm.io/gorm"
)

// adminTables are the tables of administrable master data and its history,
// migrated by Migrate.
var adminTables = []any{&certificateChangeRow{}, &powerItemChangeRow{}}

// Refusal is input the administrable data cannot take, or a change its rules
// forbid: a stable code and the reason in Chinese with English. Conflict
// marks a clash with what is already stored (a login taken, a certificate
// already revoked) rather than bad input.
type Refusal struct {
	Code     string
	Zh, En   string
	Conflict bool
	Field    string // the input field at fault, when one is
}

func (r *Refusal) Error() string { return r.Code + ": " + r.Zh + " / " + r.En }

// refuse builds a Refusal; args hold the Chinese message's arguments, then
// the English one's.
func refuse(code, zh, en string, args ...any) *Refusal {
	n := min(verbs(zh), len(args))
	return &Refusal{Code: code, Zh: fmt.Sprintf(zh, args[:n]...), En: fmt.Sprintf(en, args[n:]...)}
}

// verbs counts the formatting verbs of a format string.
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}

// taken turns a unique-key clash (a row written meanwhile by someone else)
// into the conflict the earlier check would have given.
func taken(err error, r *Refusal) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return r
	}
	return err
}

// on names the field at fault.
func (r *Refusal) on(field string) *Refusal {
	r.Field = field
	return r
}

func conflict(code, zh, en string, args ...any) *Refusal {
	r := refuse(code, zh, en, args...)
	r.Conflict = true
	return r
}

// Actor is who changes administrable data, for the history tables.
type Actor struct {
	ID   string
	Name string
}

// AgencyKind says how an agency exercises powers.
type AgencyKind string

// Agency kinds (SAMR 7–11; PL 20–21).
const (
	AgencyRegular    AgencyKind = "regular"    // 行政执法机关
	AgencyDispatched AgencyKind = "dispatched" // 派出机构: acts in its parent's name within assigned powers
	AgencyDelegated  AgencyKind = "delegated"  // 受委托组织: acts in the delegating parent's name, cannot sub-delegate
)

// AgencyKinds lists the kinds in the order forms show them.
var AgencyKinds = []AgencyKind{AgencyRegular, AgencyDispatched, AgencyDelegated}

// Levels lists the agency levels from the top of the tree down.
var Levels = []casefile.Level{casefile.LevelProvince, casefile.LevelCity, casefile.LevelCounty, casefile.LevelTownship}

// levelRank is 0 for a province, 3 for a township; -1 for an unknown level.
func levelRank(l casefile.Level) int { return slices.Index(Levels, l) }

var levelNames = map[casefile.Level]string{casefile.LevelProvince: "省级", casefile.LevelCity: "市级",
	casefile.LevelCounty: "县级", casefile.LevelTownship: "乡镇（街道）"}

func levelName(l string) string {
	if n, ok := levelNames[casefile.Level(l)]; ok {
		return n
	}
	return l
}

func levelNamesOf(levels []string) string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = levelName(l)
	}
	return strings.Join(out, "、")
}

// Certificate statuses.
const (
	CertificateValid     = "valid"
	CertificateSuspended = "suspended"
	CertificateRevoked   = "revoked"
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

// checkText refuses an empty (when required) or overlong text field.
func checkText(field, value string, required bool, max int) *Refusal {
	switch {
	case required && strings.TrimSpace(value) == "":
		return refuse("invalid_input", "%s 不能为空", "%s is required", field, field).on(field)
	case utf8.RuneCountInString(value) > max:
		return refuse("invalid_input", "%s 不能超过 %d 个字符", "%s must be at most %d characters", field, max, field, max).on(field)
	}
	return nil
}

// checkList refuses an empty list (when required) and items that are empty,
// repeated, hold a comma (lists are stored comma-joined) or are too long.
func checkList(field string, values []string, required bool) *Refusal {
	if required && len(values) == 0 {
		return refuse("invalid_input", "%s 不能为空", "%s is required", field, field).on(field)
	}
	for i, v := range values {
		switch {
		case strings.TrimSpace(v) == "" || v != strings.TrimSpace(v):
			return refuse("invalid_input", "%s 含有空白项", "%s has an empty or padded item", field, field).on(field)
		case strings.ContainsAny(v, ",，"):
			return refuse("invalid_input", "%s 的每一项不能含逗号：%s", "an item of %s may not contain a comma: %s", field, v, field, v).on(field)
		case utf8.RuneCountInString(v) > 32:
			return refuse("invalid_input", "%s 的每一项不能超过 32 个字符", "each item of %s must be at most 32 characters", field, field).on(field)
		case slices.Contains(values[:i], v):
			return refuse("invalid_input", "%s 重复列出了 %s", "%s lists %s twice", field, v, field, v).on(field)
		}
	}
	if utf8.RuneCountInString(strings.Join(values, ",")) > 200 {
		return refuse("invalid_input", "%s 过长", "%s is too long", field, field).on(field)
	}
	return nil
}

// checkCode refuses an identifier that is empty, too long or holds
// characters that do not belong in a URL path segment or a CSV cell.
func checkCode(field, v string, max int) *Refusal {
	if v == "" {
		return refuse("invalid_input", "%s 不能为空", "%s is required", field, field).on(field)
	}
	if utf8.RuneCountInString(v) > max {
		return refuse("invalid_input", "%s 不能超过 %d 个字符", "%s must be at most %d characters", field, max, field, max).on(field)
	}
	for _, r := range v {
		if r <= ' ' || strings.ContainsRune("/\\?#%,，\"'", r) || r == 0x7f {
			return refuse("invalid_input", "%s 含有不允许的字符：%q", "%s holds a character not allowed: %q", field, r, field, r).on(field)
		}
	}
	return nil
}

// now is the clock of the history tables.
func now() time.Time { return time.Now().UTC() }
