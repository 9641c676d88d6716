package authority

import (
	"regexp"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/casefile"
)

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// CheckOfficer checks a new officer's login (which is also their ID) and
// name.
func CheckOfficer(login, name string) *Refusal {
	if !loginPattern.MatchString(login) {
		return Refuse("invalid_input", "登录名须为 2–64 个小写字母、数字或 . _ -，并以字母或数字开头：%q",
			"login must be 2–64 lowercase letters, digits or . _ -, starting with a letter or digit: %q", login, login)
	}
	// Role links are transitive: an officer named like a role would make
	// everyone holding that role a member of the officer.
	if slices.Contains(casefile.Roles, casefile.Role(login)) {
		return Refuse("invalid_input", "登录名不能与角色同名：%s", "login may not be a role name: %s", login, login)
	}
	return CheckText("name", name, true, 100)
}

// CheckRole checks that role is a role and agencyID an agency of all.
func CheckRole(role casefile.Role, agencyID string, all Agencies) *Refusal {
	if !slices.Contains(casefile.Roles, role) {
		return Refuse("invalid_input", "未知的角色：%q", "unknown role: %q", role, role)
	}
	if _, ok := all[agencyID]; !ok {
		return Refuse("invalid_input", "机关不存在：%s", "no such agency: %s", agencyID, agencyID)
	}
	return nil
}

// The password rule. bcrypt reads at most 72 bytes; a longer password would
// be cut without a word, so it is refused. An administrator sets an initial
// or one-time password of at least MinInitialPassword characters; the
// officer then chooses their own, of at least MinPassword characters with
// letters and digits.
const (
	MaxPasswordBytes   = 72
	MinInitialPassword = 8
	MinPassword        = 10
)

// CheckPassword refuses an initial or one-time password that is too short,
// or longer than bcrypt can hash.
func CheckPassword(pw string) *Refusal {
	switch {
	case utf8.RuneCountInString(pw) < MinInitialPassword:
		return Refuse("invalid_input", "密码至少 8 个字符", "the password must be at least 8 characters")
	case len(pw) > MaxPasswordBytes:
		return Refuse("invalid_input", "密码不能超过 72 个字节", "the password must be at most 72 bytes")
	}
	return nil
}

// CheckNewPassword refuses a password an officer chooses to replace old:
// too long for bcrypt, too short, without both letters and digits, or the
// same as old.
func CheckNewPassword(pw, old string) *Refusal {
	weak := func(zh, en string) *Refusal { return Refuse("weak_password", zh, en) }
	var letter, digit bool
	for _, r := range pw {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	switch {
	case len(pw) > MaxPasswordBytes:
		return Refuse("invalid_input", "新密码过长，最多 72 字节", "the new password is too long: at most 72 bytes")
	case utf8.RuneCountInString(pw) < MinPassword || !letter || !digit:
		return weak("新密码至少 10 个字符，且须同时包含字母和数字", "the new password needs at least 10 characters, with both letters and digits")
	case pw == old:
		return weak("新密码不能与原密码相同", "the new password must differ from the current one")
	}
	return nil
}

// HashPassword hashes a password for storage with bcrypt at cost (its
// default when 0).
func HashPassword(pw string, cost int) (string, error) {
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if err != nil {
		return "", err
	}
	return string(h), nil
}

// PasswordMatches reports whether pw is the password hash was made from.
func PasswordMatches(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}
