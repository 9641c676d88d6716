package api_test

// End-to-end tests: real HTTP, a real embedded Temporal server (SQLite file
// in a temp folder, so it survives restarts) and a real database
// (PostgreSQL when ZHIFA_TEST_DATABASE_URL is set, SQLite otherwise).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/zhifa/zhifa/activities"
	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/engine"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// app is one running Zhifa: engine, worker and API over a data folder and a database.
type app struct {
	t        testing.TB
	url      string
	store    *store.Store
	temporal client.Client
	stopFn   func()
}

type env struct {
	t     testing.TB
	dir   string
	dbURL string
	app   *app
	// evidence is the blob store of evidence files; nil: a folder in dir.
	evidence blob.Store
}

// envOption changes how an env is started.
type envOption func(*env)

// withEvidence keeps the env's evidence files in s.
func withEvidence(s blob.Store) envOption { return func(e *env) { e.evidence = s } }

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvOn(t, storetest.URL(t))
}

// newEnvOn starts Zhifa on the database at dbURL ("" = SQLite).
func newEnvOn(t testing.TB, dbURL string, opts ...envOption) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir(), dbURL: dbURL}
	for _, o := range opts {
		o(e)
	}
	st := e.openStore()
	require.NoError(t, demo.SeedCalendar(context.Background(), st))
	require.NoError(t, demo.Seed(context.Background(), st))
	require.NoError(t, st.Close())
	e.start()
	t.Cleanup(func() { e.app.stop() })
	return e
}

func (e *env) openStore() *store.Store {
	st, err := store.Open(e.dbURL, e.dir)
	require.NoError(e.t, err)
	require.NoError(e.t, st.Migrate(context.Background()))
	return st
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// start runs the engine, a worker and the API on the env's data.
func (e *env) start() {
	t := e.t
	ctx := context.Background()
	st := e.openStore()
	srv, err := engine.Start(ctx, engine.Options{DataDir: e.dir, Port: 0, Logger: quiet})
	require.NoError(t, err)
	tc, err := client.Dial(client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace(), Logger: tlog.NewStructuredLogger(quiet)})
	require.NoError(t, err)
	w := worker.New(tc, workflows.TaskQueue, worker.Options{})
	workflows.Register(w)
	activities.Register(w, &activities.Activities{Store: st})
	require.NoError(t, w.Start())
	enf, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(ctx, st, enf))
	blobs := e.evidence
	if blobs == nil {
		blobs, err = blob.NewDir(filepath.Join(e.dir, "evidence"))
		require.NoError(t, err)
	}
	s, err := api.New(api.Options{Store: st, Enforcer: enf, Temporal: tc, TaskQueue: workflows.TaskQueue,
		TokenSecret: []byte("test-secret-test-secret-test-secret!"), TokenTTL: time.Hour,
		Evidence: blobs, MaxEvidence: testMaxEvidence})
	require.NoError(t, err)
	hs := httptest.NewServer(s.Handler())
	watchCtx, stopWatching := context.WithCancel(ctx)
	go s.WatchEndedCases(watchCtx, 300*time.Millisecond)
	stopped := false
	e.app = &app{t: t, url: hs.URL + "/api/v1", store: st, temporal: tc, stopFn: func() {
		if stopped {
			return
		}
		stopped = true
		stopWatching()
		hs.Close()
		w.Stop()
		tc.Close()
		_ = srv.Stop()
		_ = st.Close()
	}}
}

func (a *app) stop() { a.stopFn() }

// restart stops everything and starts it again on the same data: what an
// operator does with `zhifa serve`.
func (e *env) restart() {
	e.app.stop()
	e.start()
}

type resp struct {
	status int
	body   map[string]any
	raw    []byte
}

func (r resp) errCode() string {
	if e, ok := r.body["error"].(map[string]any); ok {
		return e["code"].(string)
	}
	return ""
}

func (e *env) do(method, path, token string, body any, headers ...string) resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		require.NoError(e.t, err)
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, e.app.url+path, rd)
	require.NoError(e.t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	r := resp{status: res.StatusCode, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

func (e *env) login(login string) string {
	e.t.Helper()
	r := e.do("POST", "/auth/login", "", map[string]string{"login": login, "password": demo.Password})
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	return r.body["token"].(string)
}

// act performs an act and requires the status.
func (e *env) act(token, caseID string, act casefile.Act, body any, want int) resp {
	e.t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	r := e.do("POST", "/cases/"+caseID+"/acts/"+string(act), token, body)
	require.Equal(e.t, want, r.status, "%s: %s", act, r.raw)
	return r
}

func stage(r resp) string { return r.body["case"].(map[string]any)["stage"].(string) }

func acts(r resp) []string {
	var out []string
	for _, a := range r.body["available_acts"].([]any) {
		out = append(out, a.(map[string]any)["act"].(string))
	}
	return out
}

var newCase = map[string]any{
	"power_item_code": "JN-SC-CF-0001",
	"party":           map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"},
	"facts":           "销售超过保质期的酸奶",
	"act_date":        "2026-09-20",
	"officer_ids":     []string{"qs-officer1", "qs-officer2"},
}

func (e *env) openCase(token string) string {
	e.t.Helper()
	r := e.do("POST", "/cases", token, newCase)
	require.Equal(e.t, http.StatusCreated, r.status, string(r.raw))
	require.Equal(e.t, "filing", stage(r))
	return r.body["case"].(map[string]any)["id"].(string)
}

type people struct{ officer1, officer2, reviewer, head, manager, otherCounty, expired string }

func (e *env) people() people {
	return people{e.login("qs-officer1"), e.login("qs-officer2"), e.login("qs-reviewer"), e.login("qs-head"),
		e.login("lj-manager"), e.login("bs-officer1"), e.login("qs-officer3")}
}

var (
	evidence = map[string]any{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品",
		"collected_by": []string{"qs-officer1", "qs-officer2"}}
	report = map[string]any{"facts": "当事人销售超过保质期的酸奶 12 盒",
		"proposal": map[string]any{"penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"}, "fine": "5000.00",
			"basis": "《食品安全法》第一百二十四条"}}
	// signedWaiver is the party's signed waiver, received by qs-officer1 (SAMR 57).
	signedWaiver = map[string]any{"statement": "本人自愿放弃陈述、申辩和要求听证的权利", "document": "放弃声明书 青市监〔2026〕1号", "received_by": "qs-officer1"}
	// confiscated records the confiscation of the illegal gains carried out.
	confiscated = map[string]any{"penalty": "confiscate-gains", "description": "违法所得 360 元已缴入国库"}
	decision    = map[string]any{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"},
		"fine": "5000.00", "reasons": "当事人放弃陈述申辩，事实清楚"}
)

// TestGeneralPenaltyFromFilingToClosing walks a case through every step of
// the general procedure (PL 54–65) over HTTP, as the README's walk-through does.
func TestGeneralPenaltyFromFilingToClosing(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)

	inbox := e.do("GET", "/tasks", p.head, nil)
	require.Contains(t, string(inbox.raw), id, "the head's inbox shows the filing approval")

	r := e.act(p.head, id, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, 200)
	require.Equal(t, "investigation", stage(r))
	r = e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	require.Subset(t, acts(r), []string{"record-evidence", "submit-report"})
	require.NotContains(t, acts(r), "decide", "an officer never sees the head's acts")
	e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)

	inbox = e.do("GET", "/tasks", p.reviewer, nil)
	require.Contains(t, string(inbox.raw), "review#1", "the reviewer's inbox shows the review task")
	e.act(p.reviewer, id, workflows.ActReturnReview, map[string]any{"opinion": "请补充进货票据"}, 200)
	e.act(p.officer1, id, workflows.ActSubmitReport, report, 200)
	e.act(p.reviewer, id, workflows.ActApproveReview, map[string]any{"opinion": "同意"}, 200)
	e.act(p.head, id, workflows.ActApprovePenalty, nil, 200)
	r = e.act(p.officer1, id, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "店主"}, 200)
	require.Equal(t, "statement", stage(r))
	e.act(p.officer1, id, workflows.ActRecordWaiver, signedWaiver, 200)
	r = e.act(p.head, id, workflows.ActDecide, decision, 200)
	require.Equal(t, "service", stage(r))

	// The supervisor of the city sees the county's open deadlines, oldest first.
	dl := e.do("GET", "/deadlines?state=open", p.manager, nil)
	require.Equal(t, 200, dl.status, string(dl.raw))
	items := dl.body["items"].([]any)
	require.NotEmpty(t, items)
	var steps []string
	for _, it := range items {
		steps = append(steps, it.(map[string]any)["step"].(string))
	}
	require.Subset(t, steps, []string{"service", "publication"})

	e.act(p.officer1, id, workflows.ActServeDecision, map[string]any{"method": "direct"}, 200)
	e.act(p.officer2, id, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	e.act(p.officer1, id, workflows.ActRecordPayment, map[string]any{"amount": "5000.00", "receipt": "ICBC-2026-0001"}, 200)
	r = e.act(p.officer1, id, workflows.ActRequestClosing, map[string]any{"opinion": "罚没款已缴清"}, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "the confiscation is not carried out yet (SAMR 77)")
	e.act(p.officer2, id, workflows.ActRecordExecution, confiscated, 200)
	e.act(p.officer1, id, workflows.ActRequestClosing, map[string]any{"opinion": "罚没款已缴清"}, 200)
	r = e.act(p.head, id, workflows.ActApproveClosing, nil, 200)
	require.Equal(t, "closed", stage(r))
	require.Empty(t, acts(r), "nothing can be done on a closed case")

	// The record is complete, in order, and its hash chain holds.
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.Len(t, events, 17)
	require.NoError(t, casefile.VerifyChain(events))
	for _, d := range e.do("GET", "/cases/"+id, p.manager, nil).body["case"].(map[string]any)["deadlines"].([]any) {
		require.Equal(t, "met", d.(map[string]any)["state"], "deadline %v", d)
	}

	// A closed case takes no more acts.
	r = e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, http.StatusConflict)
	require.Equal(t, "case_closed", r.errCode())
}

// TestActsOutOfOrderOrByTheWrongPersonAreRefused checks the errors an officer
// reads when the law or the policy says no; none of them changes the case.
func TestActsOutOfOrderOrByTheWrongPersonAreRefused(t *testing.T) {
	e := newEnv(t)
	// qs-officer2 also holds the reviewer role, to show the workflow keeps a
	// handling officer from reviewing their own case (SAMR 49).
	st := e.openStore()
	require.NoError(t, st.PutRole(context.Background(), store.RoleAssignment{OfficerID: "qs-officer2", AgencyID: "jn-lj-qs", Role: casefile.RoleReviewer}))
	require.NoError(t, st.Close())
	e.restart()
	p := e.people()
	id := e.openCase(p.officer1)

	cases := []struct {
		name, token string
		act         casefile.Act
		body        any
		status      int
		code        string
	}{
		{"officer cannot approve filing", p.officer1, workflows.ActApproveFiling, nil, 403, "forbidden"},
		{"evidence before filing is approved", p.officer1, workflows.ActRecordEvidence, evidence, 409, "wrong_step"},
		{"decision before legal review (PL 58)", p.head, workflows.ActDecide, decision, 409, "review_required"},
		{"another county's officer does not see the case", p.otherCounty, workflows.ActRecordEvidence, evidence, 404, "case_not_found"},
		{"unknown act", p.officer1, "pay-bribe", nil, 404, "unknown_act"},
		{"malformed JSON", p.head, workflows.ActApproveFiling, "{not json", 400, "bad_request"},
		{"unknown field", p.head, workflows.ActApproveFiling, map[string]any{"opinon": "typo"}, 400, "bad_request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := e.act(c.token, id, c.act, c.body, c.status)
			require.Equal(t, c.code, r.errCode(), string(r.raw))
			require.Contains(t, r.body["error"].(map[string]any)["message"], " / ", "message in Chinese and English")
		})
	}

	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	e.act(p.officer1, id, workflows.ActSubmitReport, report, 200)
	r := e.act(p.officer2, id, workflows.ActApproveReview, nil, http.StatusForbidden)
	require.Equal(t, "separation_of_duties", r.errCode(), "a handling officer cannot review (SAMR 49)")
	r = e.act(p.reviewer, id, workflows.ActReturnReview, map[string]any{}, http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode(), "a return needs a written opinion")
	r = e.act(p.expired, id, workflows.ActRecordEvidence, evidence, http.StatusForbidden)
	require.Equal(t, "certificate_expired", r.errCode())

	// Refused acts left nothing: the record holds exactly the accepted acts.
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.Len(t, events, 4)
}

// TestRequestsWithoutValidIdentityAreRefused covers logins and tokens.
func TestRequestsWithoutValidIdentityAreRefused(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/auth/login", "", map[string]string{"login": "qs-officer1", "password": "wrong"})
	require.Equal(t, 401, r.status)
	require.Equal(t, "bad_credentials", r.errCode())
	require.Equal(t, 401, e.do("GET", "/cases", "", nil).status)
	token := e.login("qs-officer1")
	require.Equal(t, 401, e.do("GET", "/cases", token+"x", nil).status, "tampered token")
	parts := strings.Split(token, ".")
	none := "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + "."
	require.Equal(t, 401, e.do("GET", "/cases", none, nil).status, "alg none")

	// An officer whose certificate has expired cannot open a case (PL 42).
	r = e.do("POST", "/cases", e.login("qs-officer3"), newCase)
	require.Equal(t, 403, r.status, string(r.raw))
	require.Equal(t, "certificate_expired", r.errCode())

	// Filing needs two certified officers: one with an expired certificate does not count.
	bad := map[string]any{}
	for k, v := range newCase {
		bad[k] = v
	}
	bad["officer_ids"] = []string{"qs-officer1", "qs-officer3"}
	r = e.do("POST", "/cases", token, bad)
	require.Equal(t, 422, r.status, string(r.raw))

	// A cancelled power item cannot be used ("不得在清单之外行使行政权力").
	bad["officer_ids"] = []string{"qs-officer1", "qs-officer2"}
	bad["power_item_code"] = "JN-SC-CF-0099"
	r = e.do("POST", "/cases", token, bad)
	require.Equal(t, 422, r.status, string(r.raw))

	// Bad paging is a 400, never a 500.
	require.Equal(t, 400, e.do("GET", "/cases?page=-1", token, nil).status)
	require.Equal(t, 400, e.do("GET", "/deadlines?as_of=yesterday", e.login("lj-manager"), nil).status)
}

// TestCasesAreVisibleOnlyWithinTheAgencyAndToSupervisors: an officer of one
// county cannot list or read another county's cases; the city manager can.
func TestCasesAreVisibleOnlyWithinTheAgencyAndToSupervisors(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)

	require.Equal(t, 404, e.do("GET", "/cases/"+id, p.otherCounty, nil).status)
	list := e.do("GET", "/cases", p.otherCounty, nil)
	require.Equal(t, float64(0), list.body["total"])
	list = e.do("GET", "/cases", p.manager, nil)
	require.Equal(t, float64(1), list.body["total"])
	r := e.do("GET", "/cases/"+id, p.manager, nil)
	require.Equal(t, 200, r.status)
	require.Empty(t, acts(r), "a supervisor reads but does not act")
}

// TestIdempotencyKeyMakesARetriedActHappenOnce: a client that retries an act
// with the same Idempotency-Key gets the first result, not a second act.
func TestIdempotencyKeyMakesARetriedActHappenOnce(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	for range 2 {
		r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, evidence, "Idempotency-Key", "evidence-1")
		require.Equal(t, 200, r.status, string(r.raw))
	}
	r := e.do("GET", "/cases/"+id, p.officer1, nil)
	require.Len(t, r.body["case"].(map[string]any)["evidence"], 1)

	// The same key on case creation opens one case.
	var ids []string
	for range 2 {
		r := e.do("POST", "/cases", p.officer1, newCase, "Idempotency-Key", "new-case-1")
		require.Equal(t, 201, r.status, string(r.raw))
		ids = append(ids, r.body["case"].(map[string]any)["id"].(string))
	}
	require.Equal(t, ids[0], ids[1])
}

// TestCaseContinuesAfterRestart stops the engine, worker and API mid-case
// and starts them again on the same data: the case and its timers go on.
func TestCaseContinuesAfterRestart(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)

	e.restart()
	p = e.people()
	r := e.do("GET", "/cases/"+id, p.officer1, nil)
	require.Equal(t, 200, r.status, string(r.raw))
	require.Equal(t, "investigation", stage(r))
	e.act(p.officer1, id, workflows.ActSubmitReport, report, 200)
	r = e.act(p.reviewer, id, workflows.ActApproveReview, nil, 200)
	require.Equal(t, "penalty-approval", stage(r))
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events))
	require.Len(t, events, 5)
}

func TestMain(m *testing.M) {
	if os.Getenv(storetest.EnvURL) != "" {
		fmt.Fprintln(os.Stderr, "end-to-end tests on PostgreSQL")
	}
	os.Exit(m.Run())
}

// TestRecusalOverHTTP (PL 43; SAMR 4): the party's recusal application is
// recorded, the head decides, the recused officer is refused from then on,
// and the head cannot bring in an officer whose certificate has expired.
func TestRecusalOverHTTP(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActApplyRecusal, map[string]any{"target": "qs-officer2", "target_role": "officer",
		"by_party": true, "reason": "与当事人系近亲属"}, 200)
	inbox := e.do("GET", "/tasks", p.head, nil)
	require.Contains(t, string(inbox.raw), "recusal#1", "the head is asked to decide")
	// The investigation goes on meanwhile.
	e.act(p.officer2, id, workflows.ActRecordEvidence, evidence, 200)
	e.act(p.head, id, workflows.ActDecideRecusal, map[string]any{"recusal": 1, "granted": true, "reason": "理由成立"}, 200)

	r := e.act(p.officer2, id, workflows.ActSubmitReport, report, http.StatusForbidden)
	require.Equal(t, "recused", r.errCode())
	r = e.act(p.head, id, workflows.ActReassignOfficers, map[string]any{"add": []string{"qs-officer3"}, "reason": "补充办案人员"}, http.StatusUnprocessableEntity)
	require.Contains(t, r.body["error"].(map[string]any)["message"], "王强")
	r = e.do("GET", "/cases/"+id, p.head, nil)
	require.Contains(t, acts(r), "reassign-officers", "fewer than two handlers: the head must reassign")
}
