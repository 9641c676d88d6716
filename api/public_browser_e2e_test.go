package api_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// chromium finds Debian's headless browser (.ci/run installs it).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	toolMissing(t, "chromium is not installed (apt-get install chromium)")
	return ""
}

// toolMissing skips a test whose outside tool (a browser, pdftotext, a
// font) is not installed — or fails it where the tools are required:
// .ci/run installs them and sets ZHIFA_TEST_REQUIRE_TOOLS, so CI never
// passes by skipping.
func toolMissing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("ZHIFA_TEST_REQUIRE_TOOLS") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// TestPublicPagesInABrowser opens the public list and a decision's page in
// headless Chromium at a phone's size: the page as the browser builds it
// shows the decision with the person's name masked and none of the
// redacted numbers, and its screenshot is a full phone screen with
// something drawn on it (not a blank or error page).
func TestPublicPagesInABrowser(t *testing.T) {
	browser := chromium(t)
	e := newEnv(t)
	p := e.people()
	id := e.decidedPerson(p)
	e.act(p.officer2, id, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	site := strings.TrimSuffix(e.app.url, "/api/v1")
	dir := t.TempDir()
	run := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(browser, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
			"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=390,844"}, args...)...)
		out, err := cmd.Output()
		require.NoError(t, err, "chromium %v", args)
		return out
	}
	for _, page := range []struct{ name, path string }{{"list", "/public/decisions"}, {"decision", "/public/decisions/" + id}} {
		dom := string(run("--dump-dom", site+page.path))
		require.Contains(t, dom, "王**", page.name)
		requireNoSecrets(t, page.name+" in the browser", dom)

		shot := filepath.Join(dir, page.name+".png")
		run("--screenshot="+shot, site+page.path)
		raw, err := os.ReadFile(shot)
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(raw))
		require.NoError(t, err)
		require.Equal(t, image.Pt(390, 844), img.Bounds().Size(), "a phone's screen")
		colours := map[uint32]bool{}
		for y := 0; y < 844; y += 4 {
			for x := 0; x < 390; x += 4 {
				r, g, b, _ := img.At(x, y).RGBA()
				colours[r>>8<<16|g>>8<<8|b>>8] = true
			}
		}
		require.Greater(t, len(colours), 20, "%s: the screenshot shows a rendered page, not a blank one", page.name)
		t.Logf("%s: %s (%d bytes, %d colours)", page.name, shot, len(raw), len(colours))
	}
}
