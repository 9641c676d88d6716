package engine

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.temporal.io/server/common/log/tag"
)

// The server's loggers derived with With carry their tags into every
// record, each its own: two loggers derived from one do not share tags.
func TestServerLoggerWithKeepsEachLoggersTags(t *testing.T) {
	var buf bytes.Buffer
	base := newServerLogger(slog.New(minLevelHandler{next: slog.NewTextHandler(&buf, nil), min: slog.LevelWarn}))
	shard := base.With(tag.NewStringTag("shard", "1")).(serverLogger)
	a := shard.With(tag.NewStringTag("wf", "a"))
	b := shard.With(tag.NewStringTag("wf", "b"))
	a.Warn("from a", tag.NewStringTag("n", "1"))
	b.Warn("from b")
	b.Info("dropped below warn")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2, buf.String())
	require.Contains(t, lines[0], `msg="from a" shard=1 wf=a n=1`)
	require.Contains(t, lines[1], `msg="from b" shard=1 wf=b`)
	require.NotContains(t, lines[1], "wf=a")

	buf.Reset()
	a.(serverLogger).SLog().Warn("through slog")
	require.Contains(t, buf.String(), `msg="through slog" shard=1 wf=a`)
}
