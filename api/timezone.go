package api

import (
	"bytes"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/calendar"
)

// Every time in a response is written one way: RFC 3339 in Beijing time
// (+08:00), the time the officers' documents and deadlines are in. Times
// reach responses from several places — the workflow's clock, the
// database (UTC), the calendar (Beijing) and case snapshots stored as JSON
// — so the one format is applied where the response leaves, to every JSON
// string that is a complete RFC 3339 time.

// beijingTimes rewrites the times of a JSON response into Beijing time.
// The API document is served byte for byte as written.
func beijingTimes(c *gin.Context) {
	if c.Request.URL.Path == "/api/v1/openapi.json" {
		return
	}
	w := &bufferedWriter{ResponseWriter: c.Writer}
	c.Writer = w
	defer func() {
		c.Writer = w.ResponseWriter
		body := w.buf.Bytes()
		if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
			body = inBeijing(body)
		}
		if len(body) > 0 {
			_, _ = w.ResponseWriter.Write(body)
		}
	}()
	c.Next()
}

// inBeijing rewrites every JSON string of body that is a whole RFC 3339
// time ("2006-01-02T15:04:05[.999999999](Z|±hh:mm)") into Beijing time.
// It scans once, without a regular expression: it runs on every response.
func inBeijing(body []byte) []byte {
	var out []byte // nil until a time is rewritten
	done := 0      // body[:done] is in out
	for i := 0; i < len(body); i++ {
		if body[i] != '"' {
			continue
		}
		n := rfc3339Len(body[i+1:])
		if n == 0 {
			continue
		}
		text := body[i+1 : i+1+n]
		if t, err := time.Parse(time.RFC3339Nano, string(text)); err == nil {
			b := t.In(calendar.Location()).AppendFormat(nil, time.RFC3339Nano)
			if !bytes.Equal(b, text) {
				if out == nil { // a "Z" time grows by five bytes
					out = make([]byte, 0, len(body)+len(body)/8)
				}
				out = append(append(out, body[done:i+1]...), b...)
				done = i + 1 + n
			}
		}
		i += n + 1 // past the closing quote
	}
	if out == nil {
		return body
	}
	return append(out, body[done:]...)
}

// rfc3339Len is the length of the RFC 3339 time that b starts with, if a
// closing quote follows it; 0 otherwise.
func rfc3339Len(b []byte) int {
	const layout = "dddd-dd-ddTdd:dd:dd" // then an optional fraction, then the zone
	if len(b) < len(layout)+2 {
		return 0
	}
	for i := range len(layout) {
		if layout[i] == 'd' {
			if b[i] < '0' || b[i] > '9' {
				return 0
			}
		} else if b[i] != layout[i] {
			return 0
		}
	}
	n := len(layout)
	if b[n] == '.' {
		digits := 0
		for n+1+digits < len(b) && b[n+1+digits] >= '0' && b[n+1+digits] <= '9' {
			digits++
		}
		if digits < 1 || digits > 9 {
			return 0
		}
		n += 1 + digits
	}
	switch {
	case n < len(b) && b[n] == 'Z':
		n++
	case n+6 <= len(b) && (b[n] == '+' || b[n] == '-') && isDigit(b[n+1]) && isDigit(b[n+2]) && b[n+3] == ':' && isDigit(b[n+4]) && isDigit(b[n+5]):
		n += 6
	default:
		return 0
	}
	if n >= len(b) || b[n] != '"' {
		return 0
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// bufferedWriter holds a JSON response's body until the handler is done.
// Any other body (a file download, up to hundreds of megabytes) goes
// straight through: it has no times to rewrite.
type bufferedWriter struct {
	gin.ResponseWriter
	buf     bytes.Buffer
	decided bool // at the first write, by the Content-Type set by then
	through bool
}

func (w *bufferedWriter) passes() bool {
	if !w.decided {
		w.decided = true
		w.through = !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json")
	}
	return w.through
}

func (w *bufferedWriter) Write(b []byte) (int, error) {
	if w.passes() {
		return w.ResponseWriter.Write(b)
	}
	return w.buf.Write(b)
}

func (w *bufferedWriter) WriteString(s string) (int, error) {
	if w.passes() {
		return w.ResponseWriter.WriteString(s)
	}
	return w.buf.WriteString(s)
}
