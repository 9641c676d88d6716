package api

// The public record (行政执法公示, 事后公开; PL 48; GB118; HB (六)): the
// decisions the agencies published, for anyone, without login — Chinese
// pages under /public/, an Atom feed, and the same as JSON under
// /api/v1/public/. Only what the store's projection holds is served: a
// decision published and within its term (SAMR-PUB 13), redacted (PL 50;
// SAMR-PUB 6–7), with the versions its corrections made (SAMR-PUB 12); a
// decision withdrawn because it was changed, revoked, or confirmed illegal
// or void is served as the notice of its withdrawal with the public
// reason, its text no longer (PL 48 ¶2). Every answer carries an ETag and
// may be kept a minute; each client address is held to a rate.
// Before publishing, the handling officer reviews the record as it will
// be published, with what was removed: the publication preview.

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/redact"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

var (
	errDecisionNotFound = newError(http.StatusNotFound, "decision_not_found",
		"该公示信息不存在，或已届满公示期限", "no such published decision, or its publication has ended")
	errNothingToPublish = newError(http.StatusNotFound, "nothing_to_publish",
		"该案件尚无须公示的决定", "the case has no decision to publish yet")
)

// Limits of the public routes.
const (
	// publicRate and publicBurst hold each client address to 5 requests a
	// second on average, 50 at once: a reader loads one page at a time
	// (no script, no image, the style inline), a harvester is slowed.
	publicRate  rate.Limit = 5
	publicBurst            = 50
	// publicMaxAge is how long a browser or proxy may keep an answer.
	publicMaxAge = 60 * time.Second
	// feedSize is the number of decisions in the feed, newest first.
	feedSize = 50
	// pageSize is the number of decisions on a page of the list.
	pageSize = 20
	// maxSearch bounds a search term, in characters.
	maxSearch = 100
)

// Statuses of a published decision.
const (
	statusPublished = "published"
	statusWithdrawn = "withdrawn" // 已撤回 (PL 48 ¶2)
)

// publicDecision is a published decision as anyone may read it. A natural
// person is named masked (王**), and the text is redacted. A withdrawn
// decision is the notice of its withdrawal: when and why, with what names
// the decision, not what it decided (no basis, penalty, fine or text).
type publicDecision struct {
	ID             string          `json:"id"`
	AgencyID       string          `json:"agency_id"`
	AgencyName     string          `json:"agency_name"`
	DecisionNumber string          `json:"decision_number"`
	Party          string          `json:"party"`
	PartyKind      string          `json:"party_kind"` // person or organization
	Violation      string          `json:"violation"`
	Basis          string          `json:"basis"`
	Penalty        string          `json:"penalty"`
	Fine           *workflows.Yuan `json:"fine,omitempty"`
	DecisionDate   string          `json:"decision_date"` // YYYY-MM-DD, Beijing
	// PublishedAt is absent from a preview of a decision not yet published.
	PublishedAt *time.Time `json:"published_at,omitempty"`
	// PublicUntil is the last day of publication (SAMR-PUB 13).
	PublicUntil string `json:"public_until"`
	Text        string `json:"text"`
	// Status is published or withdrawn; WithdrawnAt and Withdrawal, of a
	// withdrawn decision, when and the reason made public (PL 48 ¶2).
	Status      string     `json:"status"`
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
	Withdrawal  string     `json:"withdrawal,omitempty"`
	// Version is the text's version, one more for each correction;
	// Versions, with one decision, lists them all, the first first.
	Version  int             `json:"version"`
	Versions []publicVersion `json:"versions,omitempty"`
}

// publicVersion is one version of a published text: from which day, and
// the reason of the correction that made it (none for the first).
type publicVersion struct {
	Version int    `json:"version"`
	Date    string `json:"date"` // YYYY-MM-DD, Beijing
	Reason  string `json:"reason,omitempty"`
}

func publicView(d store.PublishedDecision) publicDecision {
	fine := workflows.Yuan(d.Fine)
	v := publicDecision{ID: d.CaseID, AgencyID: d.AgencyID, AgencyName: d.AgencyName, DecisionNumber: d.Number,
		Party: d.PartyDisplay, PartyKind: d.PartyKind, Violation: d.Violation, Basis: d.Basis, Penalty: d.Penalty,
		Fine: &fine, DecisionDate: calendar.DateOf(d.DecidedAt).String(), PublishedAt: d.PublishedAt,
		PublicUntil: calendar.DateOf(d.TermEnd.Add(-time.Nanosecond)).String(), Text: d.Text,
		Status: statusPublished, Version: max(d.Version, 1)}
	for _, ver := range d.Versions {
		v.Versions = append(v.Versions, publicVersion{Version: ver.Version, Date: calendar.DateOf(ver.At).String(), Reason: ver.Reason})
	}
	if d.WithdrawnAt != nil && d.PublishedAt != nil {
		// Withdrawn: the decision is no longer shown, only the notice.
		v.Status, v.WithdrawnAt, v.Withdrawal = statusWithdrawn, d.WithdrawnAt, d.Withdrawal
		v.Basis, v.Penalty, v.Fine, v.Text = "", "", nil, ""
	}
	return v
}

// publicationPreview is a decision as it will be published, and what the
// redaction removed from it, by kind and count.
type publicationPreview struct {
	Decision   publicDecision `json:"decision"`
	Redactions []redact.Entry `json:"redactions"`
}

// previewPublication answers, for whoever may read the case, the record
// its decision will have once published (as it has, once it is).
func (s *Server) previewPublication(c *gin.Context) {
	_, state, err := s.readCase(c.Request.Context(), caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	d, err := store.PublicationOf(state.snapshot, time.Now())
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errNothingToPublish)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, publicationPreview{Decision: publicView(d), Redactions: d.Redactions})
}

// publicQuery is a search of the public record as the client wrote it.
type publicQuery struct {
	AgencyID, From, To, Party, Number, Violation string
}

// values are the query's parameters, empty ones left out.
func (q publicQuery) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"agency_id": q.AgencyID, "from": q.From, "to": q.To, "party": q.Party, "number": q.Number, "violation": q.Violation} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

// publicFilter reads the search parameters: agency_id, from and to (the
// decision's Beijing days, both included), party (part of an
// organization's name), number (part of the decision number) and
// violation (a keyword).
func publicFilter(c *gin.Context) (publicQuery, store.PublicFilter, error) {
	q := publicQuery{AgencyID: c.Query("agency_id"), From: c.Query("from"), To: c.Query("to"),
		Party: strings.TrimSpace(c.Query("party")), Number: strings.TrimSpace(c.Query("number")), Violation: strings.TrimSpace(c.Query("violation"))}
	f := store.PublicFilter{AgencyID: q.AgencyID, Party: q.Party, Number: q.Number, Violation: q.Violation, AsOf: time.Now()}
	for _, term := range []string{q.AgencyID, q.Party, q.Number, q.Violation} {
		if len([]rune(term)) > maxSearch {
			return q, f, badRequest(fmt.Sprintf("查询条件不得超过 %d 个字", maxSearch), fmt.Sprintf("a search term is at most %d characters", maxSearch))
		}
	}
	if q.From != "" {
		d, err := calendar.ParseDate(q.From)
		if err != nil {
			return q, f, badRequest("from 须为 YYYY-MM-DD 格式的日期", "from must be a date, YYYY-MM-DD")
		}
		start := calendar.StartOfDay(d)
		f.DecidedFrom = &start
	}
	if q.To != "" {
		d, err := calendar.ParseDate(q.To)
		if err != nil {
			return q, f, badRequest("to 须为 YYYY-MM-DD 格式的日期", "to must be a date, YYYY-MM-DD")
		}
		end := calendar.EndOfDay(d)
		f.DecidedBefore = &end
	}
	return q, f, nil
}

func (s *Server) publicDecisionsJSON(c *gin.Context) {
	_, f, err := publicFilter(c)
	if err != nil {
		fail(c, err)
		return
	}
	if f.Limit, f.Offset, err = page(c); err != nil {
		fail(c, err)
		return
	}
	items, total, err := s.store.PublicDecisions(c.Request.Context(), f)
	if err != nil {
		fail(c, err)
		return
	}
	out := listResponse[publicDecision]{Items: make([]publicDecision, len(items)), Total: total, Page: f.Offset/f.Limit + 1, Size: f.Limit}
	for i, d := range items {
		out.Items[i] = publicView(d)
	}
	s.publicJSON(c, out)
}

func (s *Server) publicDecisionJSON(c *gin.Context) {
	d, err := s.store.PublicDecision(c.Request.Context(), c.Param("id"), time.Now())
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errDecisionNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	s.publicJSON(c, publicView(d))
}

func (s *Server) publicJSON(c *gin.Context, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		fail(c, err)
		return
	}
	cacheable(c, "application/json; charset=utf-8", body)
}

// cacheable answers body, tagged with its hash: a client that sends the
// tag back in If-None-Match gets 304 and no body. Any cache may keep it
// for publicMaxAge — the public record has nothing personal — which is
// also how long a withdrawn decision may linger in one.
func cacheable(c *gin.Context, contentType string, body []byte) {
	if strings.HasPrefix(contentType, "application/json") {
		body = inBeijing(body) // as beijingTimes would: the tag is of the bytes sent
	}
	sum := sha256.Sum256(body)
	tag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Writer.Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(publicMaxAge/time.Second)))
	if etagMatches(c.GetHeader("If-None-Match"), tag) {
		c.Status(http.StatusNotModified)
		return
	}
	// Written without a Content-Length: beijingTimes holds the body until
	// the handler returns, and net/http counts it then.
	h.Set("Content-Type", contentType)
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(body)
}

// etagMatches tells whether an If-None-Match header names tag (weakly, as
// RFC 9110 §13.1.2 compares for it), or is *.
func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == tag {
			return true
		}
	}
	return false
}

// The pages: html/template, the templates and their style embedded. The
// style is inline and allowed by its hash alone; nothing else loads.
var (
	//go:embed public_templates/*.tmpl
	publicTemplateFS embed.FS
	//go:embed public_templates/style.css
	publicCSS string

	publicTemplates = template.Must(template.New("public").Funcs(template.FuncMap{
		"css":    func() template.CSS { return template.CSS(publicCSS) },
		"date":   func(t *time.Time) string { return calendar.DateOf(*t).String() },
		"notice": withdrawalNotice,
		"partyKind": func(k string) string {
			return map[string]string{"person": "自然人", "organization": "法人或其他组织"}[k]
		},
	}).ParseFS(publicTemplateFS, "public_templates/*.tmpl"))

	publicCSP = func() string {
		sum := sha256.Sum256([]byte(publicCSS))
		return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	}()
)

// listPage is what the list template shows.
type listPage struct {
	Title    string
	Query    publicQuery
	Agencies []store.Agency
	Items    []publicDecision
	Total    int64
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	Decision *publicDecision
	Message  string
	Code     string
}

func (s *Server) publicDecisionsPage(c *gin.Context) {
	ctx := c.Request.Context()
	q, f, err := publicFilter(c)
	if err != nil {
		s.publicError(c, err)
		return
	}
	pg := 1
	if v := c.Query("page"); v != "" {
		if pg, err = strconv.Atoi(v); err != nil || pg < 1 || pg > math.MaxInt32/pageSize {
			s.publicError(c, badRequest("page 须为正整数", "page must be a positive integer"))
			return
		}
	}
	f.Limit, f.Offset = pageSize, (pg-1)*pageSize
	items, total, err := s.store.PublicDecisions(ctx, f)
	if err != nil {
		s.publicError(c, err)
		return
	}
	agencies, err := s.store.Agencies(ctx)
	if err != nil {
		s.publicError(c, err)
		return
	}
	p := listPage{Title: "公示列表", Query: q, Agencies: agencies, Total: total, Page: pg, Pages: int((total + pageSize - 1) / pageSize)}
	for _, d := range items {
		p.Items = append(p.Items, publicView(d))
	}
	link := func(n int) string {
		v := q.values()
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return "/public/decisions"
		}
		return "/public/decisions?" + v.Encode()
	}
	if pg > 1 {
		p.PrevURL = link(min(pg-1, max(p.Pages, 1)))
	}
	if pg < p.Pages {
		p.NextURL = link(pg + 1)
	}
	s.publicPage(c, http.StatusOK, "list", p)
}

func (s *Server) publicDecisionPage(c *gin.Context) {
	d, err := s.store.PublicDecision(c.Request.Context(), c.Param("id"), time.Now())
	if errors.Is(err, store.ErrNotFound) {
		s.publicError(c, errDecisionNotFound)
		return
	} else if err != nil {
		s.publicError(c, err)
		return
	}
	v := publicView(d)
	s.publicPage(c, http.StatusOK, "decision", listPage{Title: d.Number, Decision: &v})
}

// publicError answers a page's error as a page: the message in Chinese and
// the code. Anything unexpected is logged and shown as the internal error.
func (s *Server) publicError(c *gin.Context, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case databaseDown(err):
		// The database is down: a reader comes back later (Retry-After).
		slog.Warn("public record unavailable", "path", c.FullPath(), "err", err)
		ae = errDatabaseDown
		c.Header("Retry-After", strconv.Itoa(int(retryAfterUnavailable/time.Second)))
	default:
		slog.Error("request failed", "method", c.Request.Method, "path", c.FullPath(), "err", err)
		ae = errInternal
	}
	zh, _, _ := strings.Cut(ae.message, " / ")
	if ae == errDatabaseDown {
		zh = "公示系统暂时无法访问，请稍后再试"
	}
	s.publicPage(c, ae.status, "error", listPage{Title: zh, Message: zh, Code: ae.code})
}

func (s *Server) publicPage(c *gin.Context, status int, name string, data listPage) {
	var buf bytes.Buffer
	if err := publicTemplates.ExecuteTemplate(&buf, name, data); err != nil {
		fail(c, fmt.Errorf("public page %s: %w", name, err))
		return
	}
	c.Header("Content-Security-Policy", publicCSP)
	if status != http.StatusOK {
		c.Header("Cache-Control", "no-store")
		c.Header("Content-Type", "text/html; charset=utf-8")
		c.Status(status)
		_, _ = c.Writer.Write(buf.Bytes())
		return
	}
	cacheable(c, "text/html; charset=utf-8", buf.Bytes())
}

// The Atom feed (RFC 4287) of the newest decisions. Links are relative to
// the feed's own address, which the reader knows: the request's Host is
// not trusted to write them.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Link      atomLink   `xml:"link"`
	Author    atomPerson `xml:"author"`
	Summary   atomText   `xml:"summary"`
	Content   atomText   `xml:"content"`
}

// feedID names the feed for ever, whatever address serves it.
const feedID = "urn:uuid:5b0c3a52-4f0e-4d1e-9a57-2f1c6f0e8d31"

func atomTime(t time.Time) string { return t.In(calendar.Location()).Format(time.RFC3339) }

func (s *Server) publicFeed(c *gin.Context) {
	ctx := c.Request.Context()
	items, _, err := s.store.PublicDecisions(ctx, store.PublicFilter{AsOf: time.Now(), Limit: feedSize, ByChange: true})
	if err != nil {
		fail(c, err)
		return
	}
	changed, err := s.store.PublicRecordChanged(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	if changed.IsZero() {
		changed = time.Unix(0, 0)
	}
	feed := atomFeed{Lang: "zh-CN", Title: "行政处罚决定公示", ID: feedID, Updated: atomTime(changed),
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: "/public/decisions.atom"}, {Rel: "alternate", Type: "text/html", Href: "/public/decisions"}},
		Author: atomPerson{Name: "行政执法公示"}}
	for _, d := range items {
		feed.Entries = append(feed.Entries, feedEntry(d))
	}
	body, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		fail(c, err)
		return
	}
	cacheable(c, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), body...))
}

// feedEntry is a decision's entry in the feed. The entry is updated, not
// added again, when the decision is corrected or withdrawn: a withdrawn
// decision's entry becomes the notice of its withdrawal (PL 48 ¶2), a
// corrected one carries the new version and why.
func feedEntry(d store.PublishedDecision) atomEntry {
	v := publicView(d)
	e := atomEntry{
		Title: fmt.Sprintf("%s %s：%s", v.DecisionNumber, v.Party, v.Violation), ID: "urn:uuid:" + v.ID,
		Updated: atomTime(d.UpdatedAt()), Published: atomTime(*d.PublishedAt),
		Link:   atomLink{Rel: "alternate", Type: "text/html", Href: "/public/decisions/" + url.PathEscape(v.ID)},
		Author: atomPerson{Name: v.AgencyName}, Summary: atomText{Type: "text", Body: v.Penalty},
		Content: atomText{Type: "text", Body: v.Text}}
	switch {
	case v.Status == statusWithdrawn:
		notice := withdrawalNotice(v)
		e.Title = "【已撤回】" + e.Title
		e.Summary.Body, e.Content.Body = notice, notice
	case v.Version > 1:
		e.Title = fmt.Sprintf("%s（已更正，第 %d 版）", e.Title, v.Version)
		if d.CorrectedAt != nil {
			e.Summary.Body = fmt.Sprintf("%s（%s 更正）", v.Penalty, calendar.DateOf(*d.CorrectedAt))
		}
	}
	return e
}

// withdrawalNotice is the public notice of a withdrawn decision.
func withdrawalNotice(v publicDecision) string {
	return fmt.Sprintf("该行政处罚决定信息已于 %s 撤回。理由：%s", calendar.DateOf(*v.WithdrawnAt), v.Withdrawal)
}

// ipLimiter holds each client address to a rate. An address idle long
// enough to have its whole burst back is forgotten: keeping it would
// change nothing.
type ipLimiter struct {
	rate  rate.Limit
	burst int
	mu    sync.Mutex
	seen  map[string]*ipBucket
	swept time.Time
}

type ipBucket struct {
	limiter *rate.Limiter
	last    time.Time
}

func newIPLimiter(r rate.Limit, burst int) *ipLimiter {
	return &ipLimiter{rate: r, burst: burst, seen: map[string]*ipBucket{}}
}

// reserve takes a token for ip now, or tells how long until one is free.
func (l *ipLimiter) reserve(ip string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	refill := time.Duration(float64(l.burst) / float64(l.rate) * float64(time.Second))
	if now.Sub(l.swept) > refill {
		for k, b := range l.seen {
			if now.Sub(b.last) > refill {
				delete(l.seen, k)
			}
		}
		l.swept = now
	}
	b := l.seen[ip]
	if b == nil {
		b = &ipBucket{limiter: rate.NewLimiter(l.rate, l.burst)}
		l.seen[ip] = b
	}
	b.last = now
	r := b.limiter.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// throttled holds the public routes to the client address's rate: over
// it, 429 rate_limited with Retry-After.
func (s *Server) throttled(h gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.publicLimit != nil {
			if ok, wait := s.publicLimit.reserve(c.ClientIP(), time.Now()); !ok {
				secs := max(int((wait+time.Second-1)/time.Second), 1)
				c.Header("Retry-After", strconv.Itoa(secs))
				fail(c, newError(http.StatusTooManyRequests, "rate_limited",
					fmt.Sprintf("访问过于频繁，请 %d 秒后再试", secs), fmt.Sprintf("too many requests, try again in %d seconds", secs)))
				return
			}
		}
		h(c)
	}
}
