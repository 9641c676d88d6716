package api_test

import (
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/documents"
)

// documentNumbers are the numbers of a case's documents by type, as listed.
func (e *env) documentNumbers(token, id string) map[string]string {
	e.t.Helper()
	r := e.do("GET", "/cases/"+id+"/documents", token, nil)
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	out := map[string]string{}
	for _, it := range r.body["items"].([]any) {
		d := it.(map[string]any)
		require.Equal(e.t, []any{"html", "pdf"}, d["formats"])
		require.NotEmpty(e.t, d["title"])
		out[d["type"].(string)] = d["number"].(string)
	}
	return out
}

var decisionNumber = regexp.MustCompile(`^青山县市监罚〔(\d{4})〕(\d+)号$`)

// TestCaseDocumentsOverHTTP: a fine of 5,000 元 decided and served lists
// its filing form, prior notice, decision and service receipt, not yet a
// closing form. The decision, as HTML and as PDF, names the party, its
// number (青山县市监罚〔year〕n号) and the fine; the number is the same on
// every fetch, the next case's decision gets the next one, and an officer
// of another county finds no such case.
func TestCaseDocumentsOverHTTP(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.decidedFine(p)

	nums := e.documentNumbers(p.officer1, id)
	require.ElementsMatch(t, []string{"filing", "notice", "decision", "service-receipt"}, slices.Collect(maps.Keys(nums)))
	require.Regexp(t, `^青山县市监立〔\d{4}〕\d+号$`, nums["filing"], "the filing form carries the case number")
	require.Regexp(t, `^青山县市监告〔\d{4}〕\d+号$`, nums["notice"])
	m := decisionNumber.FindStringSubmatch(nums["decision"])
	require.NotNil(t, m, nums["decision"])
	first, _ := strconv.Atoi(m[2])

	r := e.do("GET", "/cases/"+id+"/documents/decision?format=html", p.head, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	page := string(r.raw)
	for _, want := range []string{"<h1>行政处罚决定书</h1>", "青山县好味食品店", nums["decision"], "5000.00元", "伍仟元整", "青山县市场监督管理局", "size: A4"} {
		require.Contains(t, page, want)
	}

	again := e.documentNumbers(p.officer2, id)
	require.Equal(t, nums, again, "a document keeps its number")

	second := e.decidedFine(p)
	m2 := decisionNumber.FindStringSubmatch(e.documentNumbers(p.officer1, second)["decision"])
	require.NotNil(t, m2)
	require.Equal(t, m[1], m2[1])
	require.Equal(t, strconv.Itoa(first+1), m2[2], "the next case's decision gets the next number")
	require.Equal(t, nums["decision"], e.documentNumbers(p.officer1, id)["decision"])

	for _, path := range []string{"/cases/" + id + "/documents", "/cases/" + id + "/documents/decision"} {
		r := e.do("GET", path, p.otherCounty, nil)
		require.Equal(t, http.StatusNotFound, r.status, path)
		require.Equal(t, "case_not_found", r.errCode())
	}
	r = e.do("GET", "/cases/"+id+"/documents/closing", p.officer1, nil)
	require.Equal(t, http.StatusNotFound, r.status)
	require.Equal(t, "document_not_found", r.errCode())
	r = e.do("GET", "/cases/"+id+"/documents/decision?format=doc", p.officer1, nil)
	require.Equal(t, http.StatusUnprocessableEntity, r.status)

	t.Run("pdf", func(t *testing.T) {
		if _, err := documents.FontPath(); err != nil {
			toolMissing(t, err.Error())
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			toolMissing(t, "pdftotext is not installed")
		}
		r := e.do("GET", "/cases/"+id+"/documents/decision", p.officer1, nil, "Accept", "application/pdf")
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		require.True(t, strings.HasPrefix(string(r.raw), "%PDF-"))
		path := filepath.Join(t.TempDir(), "decision.pdf")
		require.NoError(t, os.WriteFile(path, r.raw, 0o600))
		out, err := exec.Command("pdftotext", path, "-").Output()
		require.NoError(t, err)
		text := strings.Join(strings.Fields(string(out)), "")
		for _, want := range []string{"行政处罚决定书", "青山县好味食品店", nums["decision"], "5000.00元", "伍仟元整"} {
			require.Contains(t, text, want)
		}
	})

	t.Run("no font", func(t *testing.T) {
		t.Setenv("ZHIFA_PDF_FONT", filepath.Join(t.TempDir(), "none.ttf"))
		r := e.do("GET", "/cases/"+id+"/documents/decision?format=pdf", p.officer1, nil)
		require.Equal(t, http.StatusUnprocessableEntity, r.status)
		require.Equal(t, "pdf_font_missing", r.errCode())
	})
}

// TestAgencyDocumentTemplatesOverHTTP: the administrator adapts the city's
// template of the decision, each save a new version; the county's cases print
// with the latest version of the nearest agency that has one, the built-in
// before. A template that cannot render a document is refused, and an
// officer cannot change one.
func TestAgencyDocumentTemplatesOverHTTP(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.decidedFine(p)
	admin := e.login("jn-admin")
	const county, city = "/admin/agencies/jn-lj-qs/document-templates/decision", "/admin/agencies/jn-lj/document-templates/decision"

	r := e.do("GET", county, admin, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.EqualValues(t, 0, r.body["version"], "the built-in")
	require.Contains(t, r.body["template"], "size: A4")

	r = e.do("POST", city, admin, map[string]any{"template": "<p>{{.Fee}}</p>"})
	require.Equal(t, http.StatusUnprocessableEntity, r.status, string(r.raw))
	require.Equal(t, "invalid_input", r.errCode())
	r = e.do("POST", "/admin/agencies/jn-lj/document-templates/receipt", admin, map[string]any{"template": "<p>{{.Title}}</p>"})
	require.Equal(t, http.StatusUnprocessableEntity, r.status, string(r.raw))
	r = e.do("POST", city, p.officer1, map[string]any{"template": "<p>{{.Title}}</p>"})
	require.Contains(t, []int{http.StatusForbidden, http.StatusNotFound}, r.status, string(r.raw))

	for v, text := range []string{`<h1>{{.Title}}</h1><p>第一版</p>`, `<h1>{{.Agency}}{{.Title}}</h1><p>{{.Number}}</p><p>第二版</p>`} {
		r = e.do("POST", city, admin, map[string]any{"template": text})
		require.Equal(t, http.StatusCreated, r.status, string(r.raw))
		require.EqualValues(t, v+1, r.body["version"])
		require.Equal(t, "jn-lj", r.body["agency_id"])
	}
	r = e.do("GET", county, admin, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.EqualValues(t, 2, r.body["version"], "the county prints with the city's latest")

	number := e.documentNumbers(p.officer1, id)["decision"]
	r = e.do("GET", "/cases/"+id+"/documents/decision", p.officer1, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.Equal(t, "<h1>青山县市场监督管理局行政处罚决定书</h1><p>"+number+"</p><p>第二版</p>", string(r.raw))
	r = e.do("GET", "/cases/"+id+"/documents/notice", p.officer1, nil)
	require.Contains(t, string(r.raw), "size: A4", "other documents keep the built-in")
}
