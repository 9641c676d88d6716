package engine

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"

	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
)

// serverLogger adapts an slog.Logger to the server's log.Logger and drops
// the noise an embedded server makes on every start and stop, so that what
// reaches zhifa's log at warn level is worth reading.
type serverLogger struct {
	slog *slog.Logger
	// with are the tags of With, added to a record when one is written:
	// the server derives a logger for nearly every request and task and
	// logs almost nothing at the levels kept, so they are not formatted
	// until then.
	with []tag.Tag
	// stopping is shared by every logger derived with With; Server.Stop sets
	// it. From then on the server's own pollers and long polls fail as they
	// are torn down (for ~0.2 s after Stop returns, too), which it logs as
	// warnings and "context canceled" errors.
	stopping *atomic.Bool
}

// nexusHTTPWarning starts the warning the frontend logs on every start when
// no HTTP port is configured; zhifa does not use Nexus, so it is info here.
const nexusHTTPWarning = "HTTP API port has not been set"

var (
	_ log.Logger      = serverLogger{}
	_ log.WithLogger  = serverLogger{}
	_ log.SLogWrapper = serverLogger{}
	_ slog.Handler    = minLevelHandler{}
)

func newServerLogger(l *slog.Logger) serverLogger {
	return serverLogger{slog: l, stopping: new(atomic.Bool)}
}

func (l serverLogger) Debug(msg string, tags ...tag.Tag) { l.log(slog.LevelDebug, msg, tags) }
func (l serverLogger) Info(msg string, tags ...tag.Tag)  { l.log(slog.LevelInfo, msg, tags) }
func (l serverLogger) Warn(msg string, tags ...tag.Tag)  { l.log(slog.LevelWarn, msg, tags) }
func (l serverLogger) Error(msg string, tags ...tag.Tag) { l.log(slog.LevelError, msg, tags) }

// DPanic, Panic and Fatal log at error level and return: an embedded server
// must not exit or panic the whole zhifa process (the temporal CLI's dev
// server makes the same choice). The attribute keeps the severity visible.
func (l serverLogger) DPanic(msg string, tags ...tag.Tag) {
	l.log(slog.LevelError, msg, withSeverity(tags, "dpanic"))
}

func (l serverLogger) Panic(msg string, tags ...tag.Tag) {
	l.log(slog.LevelError, msg, withSeverity(tags, "panic"))
}

func (l serverLogger) Fatal(msg string, tags ...tag.Tag) {
	l.log(slog.LevelError, msg, withSeverity(tags, "fatal"))
}

// withSeverity copies tags so that the caller's slice is never written to.
func withSeverity(tags []tag.Tag, severity string) []tag.Tag {
	return append(tags[:len(tags):len(tags)], tag.NewStringTag("severity", severity))
}

// With returns a logger that adds tags to every record.
func (l serverLogger) With(tags ...tag.Tag) log.Logger {
	return serverLogger{slog: l.slog, with: append(slices.Clip(l.with), tags...), stopping: l.stopping}
}

// SLog lets the server's log.NewSlogLogger hand out our slog.Logger directly.
func (l serverLogger) SLog() *slog.Logger {
	if len(l.with) == 0 {
		return l.slog
	}
	return slog.New(l.slog.Handler().WithAttrs(attrs(l.with)))
}

func (l serverLogger) log(level slog.Level, msg string, tags []tag.Tag) {
	if level == slog.LevelWarn && strings.HasPrefix(msg, nexusHTTPWarning) {
		level = slog.LevelInfo
	}
	if l.stopping.Load() && (level < slog.LevelError || canceled(tags)) {
		return
	}
	ctx := context.Background()
	if !l.slog.Enabled(ctx, level) {
		return
	}
	l.slog.LogAttrs(ctx, level, msg, attrs(append(slices.Clip(l.with), tags...))...)
}

// canceled reports whether a record's error is a context cancellation.
func canceled(tags []tag.Tag) bool {
	for _, t := range tags {
		if t.Key() == "error" && strings.Contains(fmt.Sprint(t.Value()), "context canceled") {
			return true
		}
	}
	return false
}

func attrs(tags []tag.Tag) []slog.Attr {
	out := make([]slog.Attr, len(tags))
	for i, t := range tags {
		out[i] = slog.Any(t.Key(), t.Value())
	}
	return out
}

// minLevelHandler drops records below min whatever level the wrapped handler
// accepts: the server and the SDK log a lot at info level.
type minLevelHandler struct {
	next slog.Handler
	min  slog.Level
}

func (h minLevelHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return level >= h.min && h.next.Enabled(ctx, level)
}

func (h minLevelHandler) Handle(ctx context.Context, r slog.Record) error {
	return h.next.Handle(ctx, r)
}

func (h minLevelHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return minLevelHandler{next: h.next.WithAttrs(as), min: h.min}
}

func (h minLevelHandler) WithGroup(name string) slog.Handler {
	return minLevelHandler{next: h.next.WithGroup(name), min: h.min}
}
