// Package redact takes personal information out of a decision's text before
// it is published (PL 50; SAMR-PUB 6–7; HB: information that must be
// published is published "after appropriate processing", 适当处理):
// national ID numbers, mobile and landline numbers, bank card and account
// numbers, a natural person's home address and name. What it removed is
// told by kind and count, never by value, so that the officer can review
// the result before publishing without the log itself leaking anything.
package redact

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind is a kind of personal information.
type Kind string

// The kinds removed, in the order a log lists them.
const (
	KindIDNumber    Kind = "id-number"    // 居民身份证号码, 18 digits (the last may be X) or the old 15
	KindMobile      Kind = "mobile"       // 手机号码 1[3-9]xxxxxxxxx
	KindLandline    Kind = "landline"     // 固定电话 0xx(x)-xxxxxxx(x)
	KindBankAccount Kind = "bank-account" // 银行卡号、账号, 16–19 digits
	KindAddress     Kind = "address"      // a natural person's home address (住址)
	KindName        Kind = "name"         // a natural person's name, kept as its first character
)

var kinds = []Kind{KindIDNumber, KindMobile, KindLandline, KindBankAccount, KindAddress, KindName}

// What takes the place of a removed value. A name is masked instead
// (MaskName), so that the reader still sees a person was named.
var placeholder = map[Kind]string{
	KindIDNumber:    "〔身份证号码已隐去〕",
	KindMobile:      "〔电话号码已隐去〕",
	KindLandline:    "〔电话号码已隐去〕",
	KindBankAccount: "〔银行账号已隐去〕",
	KindAddress:     "〔住址已隐去〕",
}

// Entry is one line of a redaction log: how many values of a kind were
// removed.
type Entry struct {
	Kind  Kind `json:"kind"`
	Count int  `json:"count"`
}

// Known is what the case itself says about the people in it.
type Known struct {
	// Names are natural persons' names to mask wherever they occur: the
	// party's, when the party is a person. Officers' names are not here:
	// they act as public officials and are published (GB118 事中公示).
	Names []string
	// Addresses are natural persons' home addresses to remove.
	Addresses []string
	// IDNumbers are ID numbers to remove even where the patterns would
	// not find them (written with spaces, say).
	IDNumbers []string
	// Keep are public identifiers left as they are though they look like
	// a number the patterns remove: an organization's unified social
	// credit code (统一社会信用代码) may be 18 digits.
	Keep []string
}

// Text removes from text what Known names and every ID, telephone and
// bank number, and returns the result with a log of what was removed (one
// entry for each kind found, in a fixed order; empty when nothing was).
func Text(text string, known Known) (string, []Entry) {
	counts := map[Kind]int{}
	// Public identifiers are set aside first, so that no pattern reads them.
	var kept []string
	for _, k := range known.Keep {
		if k == "" || !strings.Contains(text, k) {
			continue
		}
		token := keepToken(len(kept))
		kept = append(kept, k)
		text = strings.ReplaceAll(text, k, token)
	}
	// Longer strings first: a name inside an address goes with the address.
	text = replaceKnown(text, known.IDNumbers, KindIDNumber, counts, func(string) string { return placeholder[KindIDNumber] })
	text = replaceKnown(text, known.Addresses, KindAddress, counts, func(string) string { return placeholder[KindAddress] })
	text = replaceKnown(text, known.Names, KindName, counts, MaskName)
	text = replacePatterns(text, counts)
	for i, k := range kept {
		text = strings.ReplaceAll(text, keepToken(i), k)
	}
	log := []Entry{}
	for _, k := range kinds {
		if counts[k] > 0 {
			log = append(log, Entry{Kind: k, Count: counts[k]})
		}
	}
	return text, log
}

// keepToken stands in for a kept identifier while the patterns run: it
// holds no digit and nothing a user could type (a private-use character).
func keepToken(i int) string {
	return "\uE000" + strings.Repeat("\uE001", i+1) + "\uE000"
}

// Merge adds logs together, kind by kind, in the fixed order.
func Merge(logs ...[]Entry) []Entry {
	counts := map[Kind]int{}
	for _, l := range logs {
		for _, e := range l {
			counts[e.Kind] += e.Count
		}
	}
	out := []Entry{}
	for _, k := range kinds {
		if counts[k] > 0 {
			out = append(out, Entry{Kind: k, Count: counts[k]})
		}
	}
	return out
}

// MaskName keeps a name's first character and stars the rest, one star
// for each character: 王小明 → 王**. A one-character name is a star.
func MaskName(name string) string {
	n := utf8.RuneCountInString(name)
	if n <= 1 {
		return strings.Repeat("*", n)
	}
	first, _ := utf8.DecodeRuneInString(name)
	return string(first) + strings.Repeat("*", n-1)
}

// replaceKnown replaces every occurrence of each value, the longest first,
// with what by makes of it, counting them as kind.
func replaceKnown(text string, values []string, kind Kind, counts map[Kind]int, by func(string) string) string {
	vs := slices.Clone(values)
	slices.SortFunc(vs, func(a, b string) int { return len(b) - len(a) })
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if n := strings.Count(text, v); n > 0 {
			counts[kind] += n
			text = strings.ReplaceAll(text, v, by(v))
		}
	}
	return text
}

var (
	// digits are runs of ASCII digits, an ID's X check character included.
	digits = regexp.MustCompile(`[0-9]+[Xx]?`)
	// landline is an area code and a number joined by a hyphen; without
	// the hyphen it is a digit run (classify).
	landline = regexp.MustCompile(`0[0-9]{2,3}-[0-9]{7,8}`)
	// bracketed is an area code in brackets: (0571)88886666, （0571）8888-6666.
	bracketed = regexp.MustCompile(`[(（]0[0-9]{2,3}[)）] ?[0-9]{3,4}-?[0-9]{4}`)
	// spacedMobile is a mobile number written in groups: 138 1234 5678,
	// 138-1234-5678.
	spacedMobile = regexp.MustCompile(`1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}`)
	// grouped is a card number written in groups of four, as printed on
	// the card: 6222 0212 3456 7890 123.
	grouped = regexp.MustCompile(`[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,4})?`)
	mobile  = regexp.MustCompile(`^(?:86)?1[3-9][0-9]{9}$`)
)

// replacePatterns removes the numbers found by their shape. A number is a
// whole run of digits: the digits of a longer run are never read as a
// shorter number inside it.
func replacePatterns(text string, counts map[Kind]int) string {
	text = replaceWhole(text, landline, func(string) Kind { return KindLandline }, counts)
	text = replaceWhole(text, bracketed, func(string) Kind { return KindLandline }, counts)
	text = replaceWhole(text, spacedMobile, func(string) Kind { return KindMobile }, counts)
	text = replaceWhole(text, grouped, func(m string) Kind {
		if n := len(strings.NewReplacer(" ", "", "-", "").Replace(m)); n >= 16 && n <= 19 {
			return KindBankAccount
		}
		return ""
	}, counts)
	return replaceWhole(text, digits, classify, counts)
}

// replaceWhole replaces the matches of re that kind names, each only when
// no digit adjoins it (it is not part of a longer number).
func replaceWhole(text string, re *regexp.Regexp, kind func(string) Kind, counts map[Kind]int) string {
	var b strings.Builder
	last := 0
	for _, loc := range re.FindAllStringIndex(text, -1) {
		m := text[loc[0]:loc[1]]
		if (loc[0] > 0 && isDigit(text[loc[0]-1])) || (loc[1] < len(text) && isDigit(text[loc[1]])) {
			continue
		}
		k := kind(m)
		if k == "" {
			continue
		}
		counts[k]++
		b.WriteString(text[last:loc[0]])
		b.WriteString(placeholder[k])
		last = loc[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// classify tells what a run of digits is by its length and shape: an ID
// number (18 characters ending in a digit or X with a date of birth at
// 7–14, or 15 digits with one at 7–12), a mobile number (11 digits,
// 1[3-9]…, with or without 86 before it), a landline with its area code
// (10–12 digits starting with 0), a bank card or account (16–19 digits,
// an 18-digit one without a date of birth); anything else is left alone
// (amounts, dates, document numbers). When in doubt between two kinds it
// removes the number all the same.
func classify(run string) Kind {
	n := len(run)
	x := run[n-1] == 'X' || run[n-1] == 'x'
	switch {
	case n == 18 && (x || birthDate(run[10:12], run[12:14])):
		return KindIDNumber
	case x:
		return "" // an X ends only an 18-character ID
	case n == 15 && birthDate(run[8:10], run[10:12]):
		return KindIDNumber
	case mobile.MatchString(run):
		return KindMobile
	case n >= 16 && n <= 19:
		return KindBankAccount
	case n >= 10 && n <= 12 && run[0] == '0' && run[1] != '0':
		return KindLandline
	}
	return ""
}

// birthDate tells whether mm and dd can be a month and a day.
func birthDate(mm, dd string) bool {
	return mm >= "01" && mm <= "12" && dd >= "01" && dd <= "31"
}
