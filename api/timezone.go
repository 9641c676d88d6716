package api

import (
	"bytes"
	"regexp"
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

var rfc3339 = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})"`)

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

func inBeijing(body []byte) []byte {
	return rfc3339.ReplaceAllFunc(body, func(q []byte) []byte {
		t, err := time.Parse(time.RFC3339Nano, string(q[1:len(q)-1]))
		if err != nil {
			return q
		}
		return []byte(`"` + t.In(calendar.Location()).Format(time.RFC3339Nano) + `"`)
	})
}

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
