package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// publicResp is an answer of a route anyone may call.
type publicResp struct {
	status int
	header http.Header
	body   string
}

// public requests a path of the server (/public/…, /api/v1/public/…)
// without a token, with headers given as name, value pairs.
func (e *env) public(path string, headers ...string) publicResp {
	e.t.Helper()
	req, err := http.NewRequest("GET", strings.TrimSuffix(e.app.url, "/api/v1")+path, nil)
	require.NoError(e.t, err)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	return publicResp{status: res.StatusCode, header: res.Header, body: string(raw)}
}

func (r publicResp) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.body), &m), r.body)
	return m
}

// The party of the published case: a natural person, whose ID number,
// mobile number, address and full name are in the facts and reasons.
var (
	personSecrets = []string{"王小明", "330102199001011234", "13812345678", "和平路 8 号"}
	personCase    = map[string]any{
		"power_item_code": "JN-SC-CF-0001",
		"party":           map[string]any{"kind": "person", "name": "王小明", "id_number": "330102199001011234", "address": "青山县城关镇和平路 8 号"},
		"facts":           "王小明（身份证号 330102199001011234，电话 13812345678）在农贸市场销售超过保质期的酸奶",
		"act_date":        "2026-09-20",
		"officer_ids":     []string{"qs-officer1", "qs-officer2"},
	}
	personReport = map[string]any{"facts": "当事人王小明（身份证号 330102199001011234，电话 13812345678，住青山县城关镇和平路 8 号）销售超过保质期的酸奶 12 盒",
		"proposal": map[string]any{"penalty": "警告并处罚款", "kinds": []string{"warning", "fine"}, "fine": "3000.00",
			"basis": "《中华人民共和国食品安全法》第一百二十四条"}}
	personDecision = map[string]any{"outcome": "penalty", "penalty": "警告并处罚款", "kinds": []string{"warning", "fine"}, "fine": "3000.00",
		"reasons": "王小明放弃陈述申辩，事实清楚，证据确实充分"}
)

// decidedPerson walks the person's case to a decision served, not yet
// published.
func (e *env) decidedPerson(p people) string {
	e.t.Helper()
	r := e.do("POST", "/cases", p.officer1, personCase)
	require.Equal(e.t, http.StatusCreated, r.status, string(r.raw))
	id := r.body["case"].(map[string]any)["id"].(string)
	e.decide(p, id, personReport, personDecision, "王小明")
	return id
}

func requireNoSecrets(t *testing.T, what, body string) {
	t.Helper()
	for _, s := range personSecrets {
		require.NotContains(t, body, s, "%s shows %q", what, s)
	}
}

type feed struct {
	Entries []struct {
		ID    string `xml:"id"`
		Title string `xml:"title"`
		Link  struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func parseFeed(t *testing.T, r publicResp) feed {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, r.body)
	require.Equal(t, "application/atom+xml; charset=utf-8", r.header.Get("Content-Type"))
	var f feed
	require.NoError(t, xml.Unmarshal([]byte(r.body), &f), r.body)
	return f
}

var styleElement = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// TestPublicRecordOverHTTP_PL48: the officer previews the decision on a
// natural person with what the redaction removes; once it is published,
// anyone finds it on the public pages, in the feed and as JSON, without
// the person's ID number, phone number, address or full name (PL 50); an
// answer not changed since is 304; once the decision is revoked and the
// publication withdrawn its text is gone from all of them at once, only the
// notice of the withdrawal left (PL 48 ¶2). No case that is not published
// can be read there, whatever its ID.
func TestPublicRecordOverHTTP_PL48(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.decidedPerson(p)
	caseNumber := e.do("GET", "/cases/"+id, p.officer1, nil).body["case"].(map[string]any)["number"].(string)

	// Nothing is public before the publish act.
	require.Equal(t, float64(0), e.public("/api/v1/public/decisions").json(t)["total"])
	require.Equal(t, http.StatusNotFound, e.public("/public/decisions/"+id).status)

	// The preview, for whoever may read the case.
	r := e.do("GET", "/cases/"+id+"/publication-preview", p.officer1, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	requireNoSecrets(t, "the preview", string(r.raw))
	preview := r.body["decision"].(map[string]any)
	require.Equal(t, "王**", preview["party"])
	require.Equal(t, caseNumber, preview["decision_number"])
	require.Nil(t, preview["published_at"], "not published yet")
	require.Contains(t, preview["text"], "〔身份证号码已隐去〕")
	removed := map[string]float64{}
	for _, entry := range r.body["redactions"].([]any) {
		m := entry.(map[string]any)
		removed[m["kind"].(string)] = m["count"].(float64)
	}
	require.Equal(t, map[string]float64{"id-number": 1, "mobile": 1, "address": 1, "name": 2}, removed)
	r = e.do("GET", "/cases/"+id+"/publication-preview", p.otherCounty, nil)
	require.Equal(t, http.StatusNotFound, r.status)
	require.Equal(t, "case_not_found", r.errCode())

	e.act(p.officer2, id, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)

	// JSON.
	list := e.public("/api/v1/public/decisions")
	require.Equal(t, http.StatusOK, list.status, list.body)
	requireNoSecrets(t, "the JSON list", list.body)
	body := list.json(t)
	require.Equal(t, float64(1), body["total"])
	item := body["items"].([]any)[0].(map[string]any)
	require.Equal(t, id, item["id"])
	require.Equal(t, "王**", item["party"])
	require.Equal(t, "person", item["party_kind"])
	require.Equal(t, "3000.00", item["fine"])
	require.Equal(t, "对经营不符合食品安全标准的食品的行政处罚", item["violation"])
	require.NotEmpty(t, item["published_at"])
	require.Equal(t, "public, max-age=60", list.header.Get("Cache-Control"))
	one := e.public("/api/v1/public/decisions/" + id)
	require.Equal(t, http.StatusOK, one.status, one.body)
	requireNoSecrets(t, "the JSON decision", one.body)
	require.Contains(t, one.json(t)["text"], "王**")
	for _, q := range []struct {
		query url.Values
		want  float64
	}{
		{url.Values{"violation": {"食品安全"}}, 1},
		{url.Values{"party": {"王"}}, 0}, // a person is not found by name
		{url.Values{"party": {"王小明"}}, 0},
		{url.Values{"agency_id": {"jn-lj-qs"}}, 1},
		{url.Values{"agency_id": {"jn-lj-bs"}}, 0},
		{url.Values{"from": {"2000-01-01"}, "to": {"2999-12-31"}}, 1},
		{url.Values{"to": {"2000-01-01"}}, 0},
		{url.Values{"number": {caseNumber}}, 1},
	} {
		r := e.public("/api/v1/public/decisions?" + q.query.Encode())
		require.Equal(t, http.StatusOK, r.status, "%v: %s", q.query, r.body)
		require.Equal(t, q.want, r.json(t)["total"], q.query)
	}
	bad := e.public("/api/v1/public/decisions?from=yesterday")
	require.Equal(t, http.StatusBadRequest, bad.status)
	require.Equal(t, "bad_request", bad.json(t)["error"].(map[string]any)["code"])

	// The pages.
	page := e.public("/public/decisions")
	require.Equal(t, http.StatusOK, page.status, page.body)
	require.Equal(t, "text/html; charset=utf-8", page.header.Get("Content-Type"))
	require.Contains(t, page.body, caseNumber)
	require.Contains(t, page.body, "王**")
	require.Contains(t, page.body, "/public/decisions/"+id)
	requireNoSecrets(t, "the list page", page.body)
	require.NotContains(t, page.body, "<script")
	style := styleElement.FindStringSubmatch(page.body)
	require.NotNil(t, style, "the style is inline")
	sum := sha256.Sum256([]byte(style[1]))
	require.Contains(t, page.header.Get("Content-Security-Policy"), "style-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'",
		"the inline style, and nothing else, is allowed")
	decisionPage := e.public("/public/decisions/" + id)
	require.Equal(t, http.StatusOK, decisionPage.status, decisionPage.body)
	require.Contains(t, decisionPage.body, "王**")
	require.Contains(t, decisionPage.body, "警告并处罚款")
	require.Contains(t, decisionPage.body, "3000.00 元")
	require.Contains(t, decisionPage.body, "〔身份证号码已隐去〕")
	requireNoSecrets(t, "the decision page", decisionPage.body)
	searched := e.public("/public/decisions?party=%E7%8E%8B") // 王
	require.Equal(t, http.StatusOK, searched.status)
	require.NotContains(t, searched.body, "/public/decisions/"+id, "a person is not found by name")

	// The feed.
	atom := e.public("/public/decisions.atom")
	requireNoSecrets(t, "the feed", atom.body)
	f := parseFeed(t, atom)
	require.Len(t, f.Entries, 1)
	require.Equal(t, "urn:uuid:"+id, f.Entries[0].ID)
	require.Equal(t, "/public/decisions/"+id, f.Entries[0].Link.Href)
	require.Contains(t, f.Entries[0].Title, "王**")

	// Unchanged answers are 304 to a client that has them.
	for path, before := range map[string]publicResp{"/api/v1/public/decisions": list, "/api/v1/public/decisions/" + id: one,
		"/public/decisions": page, "/public/decisions/" + id: decisionPage, "/public/decisions.atom": atom} {
		tag := before.header.Get("ETag")
		require.NotEmpty(t, tag, path)
		again := e.public(path, "If-None-Match", tag)
		require.Equal(t, http.StatusNotModified, again.status, path)
		require.Empty(t, again.body, path)
		require.Equal(t, tag, again.header.Get("ETag"), path)
		require.Equal(t, http.StatusOK, e.public(path, "If-None-Match", `"something else"`).status, path)
	}

	// No case but the published one can be read there, whatever its ID:
	// one being opened, a fine decided and served but not published.
	opened := e.openCase(p.officer1)
	r = e.do("GET", "/cases/"+opened+"/publication-preview", p.officer1, nil)
	require.Equal(t, http.StatusNotFound, r.status)
	require.Equal(t, "nothing_to_publish", r.errCode())
	e.decidedFine(p)
	ctx := context.Background()
	agencies, err := e.app.store.Agencies(ctx)
	require.NoError(t, err)
	var ids []string
	for _, a := range agencies {
		ids = append(ids, a.ID)
	}
	all, total, err := e.app.store.Cases(ctx, store.CaseFilter{AgencyIDs: ids, Limit: 1000})
	require.NoError(t, err)
	require.GreaterOrEqual(t, total, int64(3))
	for _, c := range append(all, casefile.Summary{ID: "00000000-0000-0000-0000-000000000000"}) {
		if c.ID == id {
			continue
		}
		pg := e.public("/public/decisions/" + c.ID)
		require.Equal(t, http.StatusNotFound, pg.status, "page of %s", c.ID)
		require.Contains(t, pg.body, "decision_not_found")
		js := e.public("/api/v1/public/decisions/" + c.ID)
		require.Equal(t, http.StatusNotFound, js.status, "JSON of %s", c.ID)
		require.Equal(t, "decision_not_found", js.json(t)["error"].(map[string]any)["code"])
	}
	require.Equal(t, float64(1), e.public("/api/v1/public/decisions").json(t)["total"], "only the published case is listed")

	// Revoked on reconsideration and withdrawn: the text is gone at once.
	today := time.Now().In(beijingZone).Format(time.DateOnly)
	e.act(p.officer1, id, workflows.ActRecordRemedy, map[string]any{"kind": "reconsideration", "organ": "青山县人民政府", "on": today}, 200)
	e.act(p.officer1, id, workflows.ActEndRemedy, map[string]any{"kind": "reconsideration", "organ": "青山县人民政府", "on": today,
		"result": "青政复决〔2026〕5号：撤销原处罚决定", "outcome": "revoked"}, 200)
	e.act(p.officer1, id, workflows.ActWithdrawPublication, map[string]any{"opinion": "该行政处罚决定已被复议机关撤销"}, 200)

	gone := e.public("/api/v1/public/decisions", "If-None-Match", list.header.Get("ETag"))
	require.Equal(t, http.StatusOK, gone.status, "the list changed: no 304")
	require.Equal(t, float64(1), gone.json(t)["total"])
	require.Equal(t, "withdrawn", gone.json(t)["items"].([]any)[0].(map[string]any)["status"])
	withdrawn := e.public("/api/v1/public/decisions/" + id)
	require.Equal(t, http.StatusOK, withdrawn.status)
	require.Equal(t, "", withdrawn.json(t)["text"])
	pg := e.public("/public/decisions/" + id)
	require.Equal(t, http.StatusOK, pg.status)
	require.Contains(t, pg.body, "撤回理由：该行政处罚决定已被复议机关撤销")
	require.NotContains(t, pg.body, "〔身份证号码已隐去〕")
	require.NotContains(t, e.public("/public/decisions").body, "警告并处罚款")
	entries := parseFeed(t, e.public("/public/decisions.atom")).Entries
	require.Len(t, entries, 1)
	require.Contains(t, entries[0].Title, "【已撤回】")
}

// TestPublicRecordIsRateLimited: a client address that asks too fast is
// answered 429 rate_limited with the seconds to wait, on every public route.
func TestPublicRecordIsRateLimited(t *testing.T) {
	e := newEnv(t)
	var limited publicResp
	for range 1000 {
		r := e.public("/api/v1/public/decisions")
		if r.status == http.StatusTooManyRequests {
			limited = r
			break
		}
		require.Equal(t, http.StatusOK, r.status, r.body)
	}
	require.Equal(t, http.StatusTooManyRequests, limited.status, "never limited")
	secs, err := strconv.Atoi(limited.header.Get("Retry-After"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, secs, 1)
	e1 := limited.json(t)["error"].(map[string]any)
	require.Equal(t, "rate_limited", e1["code"])
	require.Contains(t, e1["message"], " / ")
	require.Equal(t, http.StatusTooManyRequests, e.public("/public/decisions").status, "the pages share the address's rate")
	require.Equal(t, http.StatusTooManyRequests, e.public("/public/decisions.atom").status)
	// Officers' routes are not held to it.
	require.Equal(t, http.StatusOK, e.do("GET", "/cases", e.login("qs-officer1"), nil).status)
}
