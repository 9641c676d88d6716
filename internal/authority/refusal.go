// Package authority holds the pure rules of who may act where, and on what
// standing: the agency tree and its levels, certificates and which one an
// officer acts with, the power list and whether an agency may file under an
// item on a given day, the password rule, and the checks of administrable
// data and of the rows of an imported table. It reads no database and keeps
// no state: the store loads the data and calls it, the API calls it before
// the store. A rule refuses with a *Refusal whose reason, in Chinese and
// English, cites the law where the law is the reason.
package authority

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhifa/zhifa/internal/calendar"
)

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

// Refuse builds a Refusal; args hold the Chinese message's arguments, then
// the English one's.
func Refuse(code, zh, en string, args ...any) *Refusal {
	n := min(verbs(zh), len(args))
	return &Refusal{Code: code, Zh: fmt.Sprintf(zh, args[:n]...), En: fmt.Sprintf(en, args[n:]...)}
}

// Conflict is Refuse for a clash with what is stored.
func Conflict(code, zh, en string, args ...any) *Refusal {
	r := Refuse(code, zh, en, args...)
	r.Conflict = true
	return r
}

// On names the field at fault.
func (r *Refusal) On(field string) *Refusal {
	r.Field = field
	return r
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

// first returns the first refusal of rs that is not nil.
func first(rs ...*Refusal) *Refusal {
	for _, r := range rs {
		if r != nil {
			return r
		}
	}
	return nil
}

// CheckText refuses an empty (when required) or overlong text field.
func CheckText(field, value string, required bool, max int) *Refusal {
	switch {
	case required && strings.TrimSpace(value) == "":
		return Refuse("invalid_input", "%s 不能为空", "%s is required", field, field).On(field)
	case utf8.RuneCountInString(value) > max:
		return Refuse("invalid_input", "%s 不能超过 %d 个字符", "%s must be at most %d characters", field, max, field, max).On(field)
	}
	return nil
}

// CheckList refuses an empty list (when required) and items that are empty,
// repeated, hold a comma (lists are stored comma-joined) or are too long.
func CheckList(field string, values []string, required bool) *Refusal {
	if required && len(values) == 0 {
		return Refuse("invalid_input", "%s 不能为空", "%s is required", field, field).On(field)
	}
	for i, v := range values {
		switch {
		case strings.TrimSpace(v) == "" || v != strings.TrimSpace(v):
			return Refuse("invalid_input", "%s 含有空白项", "%s has an empty or padded item", field, field).On(field)
		case strings.ContainsAny(v, ",，"):
			return Refuse("invalid_input", "%s 的每一项不能含逗号：%s", "an item of %s may not contain a comma: %s", field, v, field, v).On(field)
		case utf8.RuneCountInString(v) > 32:
			return Refuse("invalid_input", "%s 的每一项不能超过 32 个字符", "each item of %s must be at most 32 characters", field, field).On(field)
		case slices.Contains(values[:i], v):
			return Refuse("invalid_input", "%s 重复列出了 %s", "%s lists %s twice", field, v, field, v).On(field)
		}
	}
	if utf8.RuneCountInString(strings.Join(values, ",")) > 200 {
		return Refuse("invalid_input", "%s 过长", "%s is too long", field, field).On(field)
	}
	return nil
}

// CheckCode refuses an identifier that is empty, too long or holds
// characters that do not belong in a URL path segment or a CSV cell.
func CheckCode(field, v string, max int) *Refusal {
	if v == "" {
		return Refuse("invalid_input", "%s 不能为空", "%s is required", field, field).On(field)
	}
	if utf8.RuneCountInString(v) > max {
		return Refuse("invalid_input", "%s 不能超过 %d 个字符", "%s must be at most %d characters", field, max, field, max).On(field)
	}
	for _, r := range v {
		if r <= ' ' || strings.ContainsRune("/\\?#%,，\"'", r) || r == 0x7f {
			return Refuse("invalid_input", "%s 含有不允许的字符：%q", "%s holds a character not allowed: %q", field, r, field, r).On(field)
		}
	}
	return nil
}

// CheckDate refuses a date not written YYYY-MM-DD; "" passes unless
// required.
func CheckDate(field, v string, required bool) *Refusal {
	if v == "" && !required {
		return nil
	}
	if _, err := calendar.ParseDate(v); err != nil {
		return Refuse("invalid_input", "%s 须为 YYYY-MM-DD 格式的日期：%q", "%s must be a date written YYYY-MM-DD: %q", field, v, field, v).On(field)
	}
	return nil
}

// CheckReason refuses a missing (when required) or overlong reason for a
// change.
func CheckReason(reason string, required bool) *Refusal {
	return CheckText("reason", reason, required, 500)
}

// joinList writes a list as the store keeps it and messages show it.
func joinList(l []string) string { return strings.Join(l, ",") }
