package api_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// clock is the watcher's clock, which a test moves.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// watch runs a deadline watcher on the env's database by clk until the
// returned stop is called.
func (e *env) watch(clk *clock) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		api.Watcher{Store: e.app.store, Every: 30 * time.Millisecond, Now: clk.Now}.Run(ctx)
	}()
	return func() { cancel(); <-done }
}

// receiver is an agency's webhook endpoint: it checks each request's
// signature with the secret and answers fail (500) while failing is set.
type receiver struct {
	*httptest.Server
	secret  string
	mu      sync.Mutex
	failing int // how many requests still to refuse
	got     []received
}

type received struct {
	delivery     string
	signatureOK  bool
	officerID    string
	kind         string
	notification float64
}

func newReceiver(t *testing.T, secret string) *receiver {
	r := &receiver{secret: secret}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		m := hmac.New(sha256.New, []byte(r.secret))
		m.Write([]byte(req.Header.Get("X-Zhifa-Timestamp") + "." + string(body)))
		want := "sha256=" + hex.EncodeToString(m.Sum(nil))
		var payload struct {
			Event        string         `json:"event"`
			Notification map[string]any `json:"notification"`
		}
		_ = json.Unmarshal(body, &payload)
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.failing > 0 {
			r.failing--
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		officer, _ := payload.Notification["officer_id"].(string)
		id, _ := payload.Notification["id"].(float64)
		r.got = append(r.got, received{delivery: req.Header.Get("X-Zhifa-Delivery"), officerID: officer, kind: payload.Event, notification: id,
			signatureOK: hmac.Equal([]byte(want), []byte(req.Header.Get("X-Zhifa-Signature"))) && req.Header.Get("X-Zhifa-Event") == payload.Event})
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) fail(n int) { r.mu.Lock(); defer r.mu.Unlock(); r.failing = n }

// received lists "officer kind" of what arrived, and that every signature held.
func (r *receiver) received(t *testing.T) []string {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, g := range r.got {
		require.True(t, g.signatureOK, "delivery %s: the signature holds", g.delivery)
		out = append(out, g.officerID+" "+strings.TrimPrefix(g.kind, "deadline-"))
	}
	slices.Sort(out)
	return out
}

// TestDeadlineNoticesAndWebhooks: at a deadline's warn-at the officers of
// the step are warned; once it is past due they, the county's heads and the
// city's manager are told; nobody else. Each reads only their own. The
// county's notices reach its webhook, signed, retried after a failure and
// after a restart, with the state visible to the administrator.
func TestDeadlineNoticesAndWebhooks(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			p := e.people()
			admin := e.login("jn-admin")
			chief := e.login("qs-chief")
			tokens := map[string]string{"qs-officer1": p.officer1, "qs-officer2": p.officer2, "qs-reviewer": p.reviewer,
				"qs-head": p.head, "qs-chief": chief, "lj-manager": p.manager, "bs-officer1": p.otherCounty,
				"qs-officer3": p.expired, "jn-admin": admin}
			unread := func() map[string]int {
				out := map[string]int{}
				for who, token := range tokens {
					r := e.do("GET", "/notifications/unread-count", token, nil)
					require.Equal(t, 200, r.status, string(r.raw))
					if n := int(r.body["unread"].(float64)); n > 0 {
						out[who] = n
					}
				}
				return out
			}

			// The county's administrator points its notices at a receiver.
			hook := newReceiver(t, "qs-webhook-secret-2026")
			r := e.do("PUT", "/admin/agencies/jn-lj-qs/webhook", admin, map[string]any{"url": hook.URL + "/zhifa", "secret": hook.secret})
			require.Equal(t, 200, r.status, string(r.raw))
			require.Equal(t, true, r.body["secret_set"])
			require.NotContains(t, string(r.raw), hook.secret, "the secret is never shown")
			r = e.do("GET", "/admin/agencies/jn-lj-qs/webhook", admin, nil)
			require.Equal(t, hook.URL+"/zhifa", r.body["url"])
			require.NotContains(t, string(r.raw), hook.secret)

			id := e.openCase(p.officer1)
			e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
			var warnAt, dueAt time.Time
			for _, dl := range e.do("GET", "/cases/"+id, p.officer1, nil).body["case"].(map[string]any)["deadlines"].([]any) {
				if dl := dl.(map[string]any); dl["key"] == "decision" {
					warnAt, _ = time.Parse(time.RFC3339, dl["warn_at"].(string))
					dueAt, _ = time.Parse(time.RFC3339, dl["due_at"].(string))
				}
			}
			require.False(t, dueAt.IsZero(), "the decision deadline (PL 60)")

			clk := &clock{now: time.Now()}
			stop := e.watch(clk)
			time.Sleep(200 * time.Millisecond)
			require.Empty(t, unread(), "nothing is due yet")

			// Warn-at: the handling officers, whose step it is, and nobody else.
			hook.fail(1)
			clk.set(warnAt.Add(time.Minute))
			require.Eventually(t, func() bool { return unread()["qs-officer2"] == 1 }, 10*time.Second, 20*time.Millisecond)
			require.Equal(t, map[string]int{"qs-officer1": 1, "qs-officer2": 1}, unread())
			list := e.do("GET", "/notifications", p.officer1, nil)
			require.Equal(t, 200, list.status, string(list.raw))
			warning := list.body["items"].([]any)[0].(map[string]any)
			require.Equal(t, "deadline-warning", warning["kind"])
			require.Equal(t, "responsible", warning["reason"])
			require.Equal(t, id, warning["case_id"])
			require.Contains(t, warning["message"], "「作出处罚决定」期限将于 "+dueAt.Add(-time.Nanosecond).In(time.FixedZone("CST", 8*3600)).Format(time.DateOnly)+" 届满")

			// The receiver refused the first delivery: the administrator sees
			// it waiting, with the receiver's answer; the other arrived.
			deliveries := func() []map[string]any {
				r := e.do("GET", "/admin/agencies/jn-lj-qs/webhook/deliveries", admin, nil)
				require.Equal(t, 200, r.status, string(r.raw))
				var out []map[string]any
				for _, it := range r.body["items"].([]any) {
					out = append(out, it.(map[string]any))
				}
				return out
			}
			var waiting map[string]any
			require.Eventually(t, func() bool {
				waiting = nil
				states := ""
				for _, dl := range deliveries() {
					states += dl["state"].(string) + " "
					// An attempt is claimed before it is made: wait for its answer.
					if dl["state"] == "pending" && dl["attempts"] == float64(1) && dl["last_status"] != nil && dl["last_status"] != float64(0) {
						waiting = dl
					}
				}
				return waiting != nil && strings.Count(states, "delivered") == 1
			}, 10*time.Second, 20*time.Millisecond)
			require.Equal(t, float64(500), waiting["last_status"])
			require.Contains(t, waiting["last_error"], "HTTP 500")
			next, err := time.Parse(time.RFC3339, waiting["next_attempt_at"].(string))
			require.NoError(t, err)
			require.WithinDuration(t, clk.Now().Add(30*time.Second), next, time.Second, "retried after 30 s")
			require.Len(t, hook.received(t), 1)

			// Thirty seconds on, the retry gets through.
			clk.set(clk.Now().Add(31 * time.Second))
			require.Eventually(t, func() bool { return len(hook.received(t)) == 2 }, 10*time.Second, 20*time.Millisecond)
			require.Equal(t, []string{"qs-officer1 warning", "qs-officer2 warning"}, hook.received(t))

			// Past due: the officers again, the county's heads and the city's
			// manager; nobody else.
			hook.fail(1000)
			clk.set(dueAt.Add(time.Minute))
			require.Eventually(t, func() bool { return unread()["lj-manager"] == 1 }, 10*time.Second, 20*time.Millisecond)
			require.Equal(t, map[string]int{"qs-officer1": 2, "qs-officer2": 2, "qs-head": 1, "qs-chief": 1, "lj-manager": 1}, unread())
			r = e.do("GET", "/notifications", p.manager, nil)
			escalated := r.body["items"].([]any)[0].(map[string]any)
			require.Equal(t, "deadline-overdue", escalated["kind"])
			require.Equal(t, "supervisor", escalated["reason"])
			require.Contains(t, escalated["message"], "已逾期")

			// The manager's overdue list names who must act.
			r = e.do("GET", "/deadlines?state=overdue&as_of="+dueAt.Add(time.Minute).UTC().Format(time.RFC3339), p.manager, nil)
			require.Equal(t, 200, r.status, string(r.raw))
			item := r.body["items"].([]any)[0].(map[string]any)
			require.Equal(t, "decision", item["key"])
			require.Equal(t, []any{map[string]any{"officer_id": "qs-officer1", "name": "张伟"}, map[string]any{"officer_id": "qs-officer2", "name": "李娜"}}, item["responsible"])

			// The receiver is down while Zhifa restarts: nothing is lost.
			require.Eventually(t, func() bool {
				for _, dl := range deliveries() {
					if dl["attempts"] == float64(0) {
						return false
					}
				}
				return true
			}, 10*time.Second, 20*time.Millisecond)
			stop()
			e.restart()
			admin = e.login("jn-admin")
			hook.fail(0)
			clk.set(clk.Now().Add(time.Hour))
			stop = e.watch(clk)
			defer stop()
			require.Eventually(t, func() bool { return len(hook.received(t)) == 6 }, 10*time.Second, 20*time.Millisecond)
			require.Equal(t, []string{"qs-chief overdue", "qs-head overdue", "qs-officer1 overdue", "qs-officer1 warning",
				"qs-officer2 overdue", "qs-officer2 warning"}, hook.received(t), "the city's manager is not the county's to send")
			require.Eventually(t, func() bool {
				for _, dl := range deliveries() {
					if dl["state"] != "delivered" {
						return false
					}
				}
				return true
			}, 10*time.Second, 20*time.Millisecond)
		})
	}
}

// TestNotificationsAreTheCallersOwn: reading one, all, pages and the
// unread filter, and the refusals.
func TestNotificationsAreTheCallersOwn(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	clk := &clock{now: time.Now().AddDate(1, 0, 0)} // far past every deadline of the case
	stop := e.watch(clk)
	require.Eventually(t, func() bool {
		r := e.do("GET", "/notifications/unread-count", p.officer1, nil)
		return r.body["unread"] == float64(1)
	}, 10*time.Second, 20*time.Millisecond)
	// Opened after its warn time was past: the overdue notice alone.
	head := e.do("GET", "/notifications", p.head, nil).body["items"].([]any)
	require.Len(t, head, 1)
	headsID := strconv.Itoa(int(head[0].(map[string]any)["id"].(float64)))

	// Two notices for officer1: a second case's.
	stop()
	id2 := e.openCase(p.officer1)
	e.act(p.head, id2, workflows.ActApproveFiling, nil, 200)
	defer e.watch(clk)()
	require.Eventually(t, func() bool {
		return e.do("GET", "/notifications/unread-count", p.officer1, nil).body["unread"] == float64(2)
	}, 10*time.Second, 20*time.Millisecond)

	page := e.do("GET", "/notifications?limit=1", p.officer1, nil)
	require.Equal(t, 200, page.status, string(page.raw))
	first := page.body["items"].([]any)[0].(map[string]any)
	require.Equal(t, id2, first["case_id"], "newest first")
	rest := e.do("GET", fmt.Sprintf("/notifications?limit=1&before=%v", int(page.body["next_before"].(float64))), p.officer1, nil)
	require.Equal(t, id, rest.body["items"].([]any)[0].(map[string]any)["case_id"])

	firstID := strconv.Itoa(int(first["id"].(float64)))
	r := e.do("POST", "/notifications/"+headsID+"/read", p.officer1, nil)
	require.Equal(t, 404, r.status, "another's notice does not exist for the caller")
	require.Equal(t, "notification_not_found", r.errCode())
	r = e.do("POST", "/notifications/"+firstID+"/read", p.officer1, nil)
	require.Equal(t, 200, r.status, string(r.raw))
	require.NotEmpty(t, r.body["read_at"])
	unread := e.do("GET", "/notifications?unread=true", p.officer1, nil).body["items"].([]any)
	require.Len(t, unread, 1)
	require.Equal(t, id, unread[0].(map[string]any)["case_id"])
	r = e.do("POST", "/notifications/read-all", p.officer1, nil)
	require.Equal(t, 200, r.status, string(r.raw))
	require.Equal(t, float64(1), r.body["marked"])
	require.Equal(t, float64(0), e.do("GET", "/notifications/unread-count", p.officer1, nil).body["unread"])
	require.Equal(t, float64(2), e.do("GET", "/notifications/unread-count", p.head, nil).body["unread"], "the head's stay unread")

	for _, c := range []struct {
		method, path string
		body         any
		status       int
		code         string
	}{
		{"GET", "/notifications?limit=0", nil, 400, "bad_request"},
		{"GET", "/notifications?limit=201", nil, 400, "bad_request"},
		{"GET", "/notifications?before=abc", nil, 400, "bad_request"},
		{"GET", "/notifications?unread=maybe", nil, 400, "bad_request"},
		{"POST", "/notifications/abc/read", nil, 404, "notification_not_found"},
		{"POST", "/notifications/99999999999999999999/read", nil, 404, "notification_not_found"},
		{"POST", "/notifications/read-all", map[string]any{"up_to_id": -1}, 422, "invalid_input"},
		{"POST", "/notifications/read-all", map[string]any{"all": true}, 400, "bad_request"},
	} {
		r := e.do(c.method, c.path, p.officer1, c.body)
		require.Equal(t, c.status, r.status, "%s %s: %s", c.method, c.path, r.raw)
		require.Equal(t, c.code, r.errCode())
		require.Contains(t, r.body["error"].(map[string]any)["message"], " / ")
	}
	require.Equal(t, 401, e.do("GET", "/notifications", "", nil).status)
}

// TestWebhookAdministration: only an administrator of the agency sets its
// webhook; bad input is refused with a reason.
func TestWebhookAdministration(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			admin := e.login("jn-admin")
			good := map[string]any{"url": "https://hooks.example.cn/zhifa", "secret": "0123456789abcdef"}
			for _, c := range []struct {
				name, token, method, path string
				body                      any
				status                    int
				code                      string
			}{
				{"an officer", e.login("qs-officer1"), "PUT", "/admin/agencies/jn-lj-qs/webhook", good, 404, "agency_not_found"},
				{"a manager", e.login("lj-manager"), "GET", "/admin/agencies/jn-lj-qs/webhook", nil, 404, "agency_not_found"},
				{"no such agency", admin, "PUT", "/admin/agencies/nowhere/webhook", good, 404, "agency_not_found"},
				{"none set yet", admin, "GET", "/admin/agencies/jn-lj-qs/webhook", nil, 404, "webhook_not_found"},
				{"none to remove", admin, "DELETE", "/admin/agencies/jn-lj-qs/webhook", nil, 404, "webhook_not_found"},
				{"not http", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "ftp://hooks.example.cn/x", "secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"javascript", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "javascript:alert(1)", "secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"relative", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "/hooks", "secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"no url", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"password in url", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://u:p@hooks.example.cn/", "secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"url too long", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://hooks.example.cn/" + strings.Repeat("a", 2000), "secret": "0123456789abcdef"}, 422, "invalid_input"},
				{"short secret", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://hooks.example.cn/", "secret": "short"}, 422, "invalid_input"},
				{"secret too long", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://hooks.example.cn/", "secret": strings.Repeat("s", 257)}, 422, "invalid_input"},
				{"no secret the first time", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://hooks.example.cn/"}, 422, "invalid_input"},
				{"unknown field", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", map[string]any{"url": "https://hooks.example.cn/", "secrte": "x"}, 400, "bad_request"},
				{"NUL", admin, "PUT", "/admin/agencies/jn-lj-qs/webhook", `{"url": "https://hooks.example.cn/\u0000"}`, 400, "invalid_text"},
				{"bad page", admin, "GET", "/admin/agencies/jn-lj-qs/webhook/deliveries?limit=x", nil, 400, "bad_request"},
			} {
				r := e.do(c.method, c.path, c.token, c.body)
				require.Equal(t, c.status, r.status, "%s: %s", c.name, r.raw)
				require.Equal(t, c.code, r.errCode(), c.name)
			}

			r := e.do("PUT", "/admin/agencies/jn-lj-qs/webhook", admin, good)
			require.Equal(t, 200, r.status, string(r.raw))
			// The URL changes; the secret stays when left out.
			r = e.do("PUT", "/admin/agencies/jn-lj-qs/webhook", admin, map[string]any{"url": "http://10.1.2.3:8080/notify"})
			require.Equal(t, 200, r.status, string(r.raw))
			require.Equal(t, "http://10.1.2.3:8080/notify", r.body["url"])
			require.Equal(t, true, r.body["secret_set"])
			require.Equal(t, "jn-admin", r.body["updated_by"])
			r = e.do("GET", "/admin/agencies/jn-lj-qs/webhook/deliveries", admin, nil)
			require.Equal(t, 200, r.status, string(r.raw))
			require.Empty(t, r.body["items"])
			require.Equal(t, 204, e.do("DELETE", "/admin/agencies/jn-lj-qs/webhook", admin, nil).status)
			require.Equal(t, 404, e.do("GET", "/admin/agencies/jn-lj-qs/webhook", admin, nil).status)
		})
	}
}
