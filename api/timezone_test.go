package api

import (
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/calendar"
)

// rfc3339Pattern is what inBeijing rewrites, said as a regular expression.
var rfc3339Pattern = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})"`)

// byPattern is inBeijing written with the regular expression.
func byPattern(body []byte) []byte {
	return rfc3339Pattern.ReplaceAllFunc(body, func(q []byte) []byte {
		t, err := time.Parse(time.RFC3339Nano, string(q[1:len(q)-1]))
		if err != nil {
			return q
		}
		return []byte(`"` + t.In(calendar.Location()).Format(time.RFC3339Nano) + `"`)
	})
}

func TestResponseTimesAreInBeijing(t *testing.T) {
	for in, want := range map[string]string{
		`{"at":"2026-11-30T01:02:03Z","n":1}`:             `{"at":"2026-11-30T09:02:03+08:00","n":1}`,
		`{"at":"2026-11-30T01:02:03.5Z"}`:                 `{"at":"2026-11-30T09:02:03.5+08:00"}`,
		`{"at":"2026-11-30T09:02:03+08:00"}`:              `{"at":"2026-11-30T09:02:03+08:00"}`,
		`["2026-11-29T23:59:59-05:00","2026-01-01"]`:      `["2026-11-30T12:59:59+08:00","2026-01-01"]`,
		`{"facts":"于 2026-11-30T01:02:03Z 检查"}`:           `{"facts":"于 2026-11-30T01:02:03Z 检查"}`,
		`{"at":"2026-13-30T01:02:03Z"}`:                   `{"at":"2026-13-30T01:02:03Z"}`,
		`{"at":"2026-11-30T01:02:03.1234567890Z"}`:        `{"at":"2026-11-30T01:02:03.1234567890Z"}`,
		`"2026-11-30T01:02:03Z""2026-11-30T01:02:04Z"`:    `"2026-11-30T09:02:03+08:00""2026-11-30T09:02:04+08:00"`,
		`"2026-11-30T01:02:03Z`:                           `"2026-11-30T01:02:03Z`,
		`{"a":"x","at":"2026-02-28T16:00:00.000000001Z"}`: `{"a":"x","at":"2026-03-01T00:00:00.000000001+08:00"}`,
	} {
		require.Equal(t, want, string(inBeijing([]byte(in))), in)
	}
}

// FuzzInBeijing holds the scanner to the regular expression it replaced.
func FuzzInBeijing(f *testing.F) {
	for _, s := range []string{`{"at":"2026-11-30T01:02:03Z"}`, `"2026-11-30T01:02:03.123+05:30"`, `""2026-11-30T01:02:03Z"`,
		`"1999-12-31T23:59:60Z"`, `"2026-11-30T01:02:03.Z"`, `"2026-11-30T01:02:03+0800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		require.Equal(t, string(byPattern(body)), string(inBeijing(body)))
	})
}
