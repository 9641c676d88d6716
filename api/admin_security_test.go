package api_test

// Administration under attack: login bursts, an administrator granting
// themselves a role, officers of other agencies probed by ID, disabled
// accounts and ended sessions, one-time passwords, the audit log, and text
// longer than the database holds. Run with ZHIFA_TEST_DATABASE_URL set, the
// same tests run on PostgreSQL and expect the same answers.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// postLoginRaw tries a login from any goroutine and returns the status and
// error code, without failing the test from there.
func (e *env) postLoginRaw(login, password string) (int, string, error) {
	body, err := json.Marshal(map[string]string{"login": login, "password": password})
	if err != nil {
		return 0, "", err
	}
	res, err := http.Post(e.app.url+"/auth/login", "application/json", strings.NewReader(string(body)))
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, "", err
	}
	var r resp
	r.status = res.StatusCode
	_ = json.Unmarshal(raw, &r.body)
	return r.status, r.errCode(), nil
}

// TestLoginBurstChecksAtMostTheLimit: twenty wrong passwords at once for one
// login are answered with exactly five password checks (401) and fifteen
// refusals (429); the right password afterwards is refused too, until the
// lock ends.
func TestLoginBurstChecksAtMostTheLimit(t *testing.T) {
	e := newEnv(t)
	const burst = 20
	statuses := make([]int, burst)
	codes := make([]string, burst)
	errs := make([]error, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Go(func() {
			statuses[i], codes[i], errs[i] = e.postLoginRaw("qs-officer1", fmt.Sprintf("wrong-password-%d", i))
		})
	}
	wg.Wait()
	count := map[string]int{}
	for i := range burst {
		require.NoError(t, errs[i])
		count[fmt.Sprintf("%d %s", statuses[i], codes[i])]++
	}
	require.Equal(t, map[string]int{"401 bad_credentials": 5, "429 too_many_attempts": 15}, count)

	r, retry := e.postLogin("qs-officer1", demo.Password)
	requireError(t, r, http.StatusTooManyRequests, "too_many_attempts")
	require.NotEmpty(t, retry)
	e.loginSession("qs-officer2", demo.Password) // another login from the same address is not locked
}

// TestLoginBurstWithTheRightPassword: once a burst of wrong passwords has
// reached the limit, the right password sent while the rest of the burst is
// still in flight is refused like the others.
func TestLoginBurstWithTheRightPassword(t *testing.T) {
	e := newEnv(t)
	const burst = 20
	answered := make(chan int, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Go(func() {
			status, _, err := e.postLoginRaw("qs-head", fmt.Sprintf("wrong-password-%d", i))
			if err != nil {
				status = 0
			}
			answered <- status
		})
	}
	// Five answers mean five attempts were counted: five failures, or a
	// refusal, which comes only once five are counted.
	checked := 0
	for range 5 {
		s := <-answered
		require.Contains(t, []int{401, 429}, s)
		if s == 401 {
			checked++
		}
	}
	status, code, err := e.postLoginRaw("qs-head", demo.Password)
	require.NoError(t, err)
	require.Equal(t, "429 too_many_attempts", fmt.Sprintf("%d %s", status, code))
	wg.Wait()
	close(answered)
	for s := range answered {
		require.Contains(t, []int{401, 429}, s)
		if s == 401 {
			checked++
		}
	}
	require.Equal(t, 5, checked, "exactly the limit of passwords were checked")
	r, _ := e.postLogin("qs-head", demo.Password)
	requireError(t, r, http.StatusTooManyRequests, "too_many_attempts")
}

// countyAdmin creates an administrator of 青山县 and returns their token.
func (e *env) countyAdmin(admin string) string {
	e.t.Helper()
	want(e.t, e.do("POST", "/officers", admin, map[string]any{"login": "qs-admin", "name": "青山管理员", "agency_id": "jn-lj-qs",
		"password": "initial-pass-a", "roles": []string{"admin"}}), 201, "")
	return e.loginAs("qs-admin", "initial-pass-a")
}

// TestAdministratorsCannotChangeTheirOwnRoles: a county administrator
// cannot grant themselves the head's role (to approve a filing with it and
// drop it again) nor remove a role of their own; another administrator can.
func TestAdministratorsCannotChangeTheirOwnRoles(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	qs := e.countyAdmin(admin)

	r := e.do("POST", "/officers/qs-admin/roles", qs, map[string]any{"agency_id": "jn-lj-qs", "role": "head"})
	want(t, r, 403, "self_role_change")
	require.Contains(t, r.body["error"].(map[string]any)["message"], "separation of duties")
	want(t, e.do("DELETE", "/officers/qs-admin/roles/jn-lj-qs/admin", qs, nil), 403, "self_role_change")
	r = e.do("GET", "/officers/qs-admin", admin, nil)
	want(t, r, 200, "")
	require.Len(t, r.body["roles"], 1, "nothing changed")

	// Another administrator may; the county administrator manages others.
	want(t, e.do("POST", "/officers/qs-admin/roles", admin, map[string]any{"agency_id": "jn-lj-qs", "role": "reviewer"}), 200, "")
	want(t, e.do("DELETE", "/officers/qs-admin/roles/jn-lj-qs/reviewer", admin, nil), 200, "")
	want(t, e.do("POST", "/officers/qs-officer2/roles", qs, map[string]any{"agency_id": "jn-lj-qs", "role": "reviewer"}), 200, "")

	// Nor their own account: disabling it, resetting its password.
	want(t, e.do("POST", "/officers/qs-admin/disable", qs, map[string]any{"reason": "x"}), 403, "self_account_change")
	want(t, e.do("POST", "/officers/qs-admin/password-reset", qs, map[string]any{}), 403, "self_account_change")
}

// TestOfficersOfOtherAgenciesReadAsUnknown: to a county administrator, an
// officer of the other county is answered exactly like an ID that does not
// exist, on every officer route; nothing names them.
func TestOfficersOfOtherAgenciesReadAsUnknown(t *testing.T) {
	e := newEnv(t)
	qs := e.countyAdmin(e.login("jn-admin"))
	probes := []struct {
		method, path string
		body         any
	}{
		{"GET", "/officers/%s", nil},
		{"PATCH", "/officers/%s", map[string]any{"name": "某"}},
		{"POST", "/officers/%s/roles", map[string]any{"agency_id": "jn-lj-qs", "role": "officer"}},
		{"DELETE", "/officers/%s/roles/jn-lj-qs/officer", nil},
		{"POST", "/officers/%s/disable", map[string]any{"reason": "x"}},
		{"POST", "/officers/%s/enable", map[string]any{}},
		{"POST", "/officers/%s/sessions/end", nil},
		{"POST", "/officers/%s/password-reset", map[string]any{}},
	}
	for _, p := range probes {
		t.Run(p.method+" "+p.path, func(t *testing.T) {
			other := e.do(p.method, fmt.Sprintf(p.path, "bs-officer2"), qs, p.body)
			unknown := e.do(p.method, fmt.Sprintf(p.path, "no-such-officer"), qs, p.body)
			want(t, other, 404, "officer_not_found")
			require.Equal(t, string(unknown.raw), string(other.raw))
			require.NotContains(t, string(other.raw), "杨静")
		})
	}
	// A certificate for them: the same answer as for nobody.
	cert := func(holder string) resp {
		return e.do("POST", "/certificates", qs, map[string]any{"number": "JN-X-1", "officer_id": holder, "issued_by": "江南省人民政府",
			"fields": []string{"食品安全"}, "valid_from": "2026-01-01", "valid_until": "2030-12-31"})
	}
	other, unknown := cert("bs-officer2"), cert("no-such-officer")
	want(t, other, 422, "invalid_input")
	require.Equal(t, strings.ReplaceAll(string(unknown.raw), "no-such-officer", "bs-officer2"), string(other.raw))
	require.NotContains(t, string(other.raw), "杨静")
	// The audit log does not show them either.
	r := e.do("GET", "/admin/audit?officer_id=bs-officer2", qs, nil)
	want(t, r, 200, "")
	require.Empty(t, r.body["items"])
}

// TestDisablingAnOfficerEndsTheirSessionsAtOnce: the officer's live tokens
// are refused from the next request, login is refused with a clear
// message, enabling lets them in again, and their history stays.
func TestDisablingAnOfficerEndsTheirSessionsAtOnce(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	phone := e.loginSession("qs-officer1", demo.Password)
	desk := e.loginSession("qs-officer1", demo.Password)
	require.Equal(t, 200, e.me(phone.token))

	want(t, e.do("POST", "/officers/qs-officer1/disable", admin, map[string]any{}), 422, "invalid_input")
	r := e.do("POST", "/officers/qs-officer1/disable", admin, map[string]any{"reason": "调离执法岗位"})
	want(t, r, 200, "")
	officer := r.body["officer"].(map[string]any)
	require.Equal(t, true, officer["disabled"])
	require.Equal(t, "调离执法岗位", officer["disabled_reason"])
	require.NotEmpty(t, r.body["certificates"], "history and certificates stay")

	for _, s := range []session{phone, desk} {
		requireError(t, e.do("GET", "/me", s.token, nil), 401, "unauthenticated")
		requireError(t, e.do("GET", "/cases", s.token, nil), 401, "unauthenticated")
		requireError(t, e.refresh(s.refresh), 401, "invalid_refresh_token")
	}
	r, _ = e.postLogin("qs-officer1", demo.Password)
	requireError(t, r, 403, "officer_disabled")
	r, _ = e.postLogin("qs-officer1", "wrong-password")
	requireError(t, r, 401, "bad_credentials") // only the right password learns it is disabled
	want(t, e.do("POST", "/officers/qs-officer1/disable", admin, map[string]any{"reason": "again"}), 409, "officer_status")

	r = e.do("POST", "/officers/qs-officer1/enable", admin, map[string]any{"reason": "返岗"})
	want(t, r, 200, "")
	require.Equal(t, false, r.body["officer"].(map[string]any)["disabled"])
	want(t, e.do("POST", "/officers/qs-officer1/enable", admin, map[string]any{}), 409, "officer_status")
	back := e.loginSession("qs-officer1", demo.Password)
	require.Equal(t, 200, e.me(back.token))

	// A manager reads officers below but does not manage them.
	want(t, e.do("POST", "/officers/qs-officer1/disable", e.login("lj-manager"), map[string]any{"reason": "x"}), 403, "forbidden")
}

// TestAdministratorEndsEverySessionOfAnOfficer.
func TestAdministratorEndsEverySessionOfAnOfficer(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	a := e.loginSession("qs-officer2", demo.Password)
	b := e.loginSession("qs-officer2", demo.Password)
	bystander := e.loginSession("qs-officer1", demo.Password)

	r := e.do("POST", "/officers/qs-officer2/sessions/end", admin, nil)
	want(t, r, 200, "")
	require.EqualValues(t, 2, r.body["sessions_ended"])
	for _, s := range []session{a, b} {
		require.Equal(t, 401, e.me(s.token))
		requireError(t, e.refresh(s.refresh), 401, "invalid_refresh_token")
	}
	require.Equal(t, 200, e.me(bystander.token))
	require.Equal(t, 200, e.me(e.loginSession("qs-officer2", demo.Password).token), "they log in again")
}

// TestOneTimePasswordMustBeChangedFirst: after an administrator's reset the
// officer's sessions end; the one-time password logs in, but until it is
// changed every route but the password change is refused.
func TestOneTimePasswordMustBeChangedFirst(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	before := e.loginSession("qs-reviewer", demo.Password)

	want(t, e.do("POST", "/officers/qs-reviewer/password-reset", admin, map[string]any{"password": "short"}), 422, "invalid_input")
	r := e.do("POST", "/officers/qs-reviewer/password-reset", admin, map[string]any{})
	want(t, r, 200, "")
	otp, _ := r.body["one_time_password"].(string)
	require.Len(t, otp, 14)
	require.EqualValues(t, 1, r.body["sessions_ended"])
	require.Equal(t, 401, e.me(before.token))
	r, _ = e.postLogin("qs-reviewer", demo.Password)
	requireError(t, r, 401, "bad_credentials")

	r = e.do("POST", "/auth/login", "", map[string]string{"login": "qs-reviewer", "password": otp})
	want(t, r, 200, "")
	require.Equal(t, true, r.body["must_change_password"])
	require.Equal(t, true, r.body["officer"].(map[string]any)["must_change_password"])
	token, refresh := r.body["token"].(string), r.body["refresh_token"].(string)
	requireError(t, e.do("GET", "/cases", token, nil), 403, "password_change_required")
	requireError(t, e.do("GET", "/me", token, nil), 403, "password_change_required")
	r = e.refresh(refresh)
	want(t, r, 200, "")
	require.Equal(t, true, r.body["must_change_password"], "a refresh does not lift it")
	token = r.body["token"].(string)

	r = e.do("POST", "/auth/password", token, map[string]string{"old_password": otp, "new_password": "reviewer-2026-new"})
	want(t, r, 200, "")
	require.Equal(t, false, r.body["must_change_password"])
	require.Equal(t, 200, e.me(r.body["token"].(string)))
	require.Equal(t, 200, e.do("GET", "/cases", r.body["token"].(string), nil).status)

	// A password the administrator chooses is shown nowhere.
	r = e.do("POST", "/officers/qs-reviewer/password-reset", admin, map[string]any{"password": "chosen-by-admin-1"})
	want(t, r, 200, "")
	require.NotContains(t, string(r.raw), "chosen-by-admin-1")
	r = e.do("POST", "/auth/login", "", map[string]string{"login": "qs-reviewer", "password": "chosen-by-admin-1"})
	want(t, r, 200, "")
	require.Equal(t, true, r.body["must_change_password"])
}

// TestSuspendedCertificateCountsFromTheNextRequest: the officer's live token
// sees the suspension at once; no new login is needed.
func TestSuspendedCertificateCountsFromTheNextRequest(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	officer := e.login("qs-officer1")
	state := func() string {
		r := e.do("GET", "/me", officer, nil)
		want(t, r, 200, "")
		return r.body["certificate_state"].(string)
	}
	require.Equal(t, "valid", state())
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/suspend", admin, map[string]any{"reason": "暂扣审查"}), 200, "")
	require.Equal(t, "suspended", state())
	want(t, e.do("POST", "/cases", officer, filingOf("JN-SC-CF-0001", "qs-officer1", "qs-officer2")), 403, "certificate_suspended")
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/reinstate", admin, map[string]any{"reason": "恢复"}), 200, "")
	require.Equal(t, "valid", state())
}

// TestAuditLogRecordsEveryAdministrativeChange: one list, newest first,
// with who, when, what, why, before and after; an administrator sees the
// entries of the agencies they administer.
func TestAuditLogRecordsEveryAdministrativeChange(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	qs := e.countyAdmin(admin)

	want(t, e.do("POST", "/officers/qs-officer2/roles", qs, map[string]any{"agency_id": "jn-lj-qs", "role": "reviewer"}), 200, "")
	want(t, e.do("DELETE", "/officers/qs-officer2/roles/jn-lj-qs/reviewer", qs, nil), 200, "")
	want(t, e.do("PATCH", "/officers/qs-officer2", qs, map[string]any{"name": "李娜娜"}), 200, "")
	want(t, e.do("POST", "/certificates/JN-QS-2024-002/suspend", qs, map[string]any{"reason": "暂扣审查"}), 200, "")
	want(t, e.do("PATCH", "/certificates/JN-QS-2024-002", qs, map[string]any{"region": "青山县全域", "reason": "更正区域"}), 200, "")
	want(t, e.do("POST", "/officers/qs-officer2/disable", qs, map[string]any{"reason": "调查期间停用"}), 200, "")
	want(t, e.do("POST", "/officers/qs-officer2/enable", qs, map[string]any{}), 200, "")
	want(t, e.do("POST", "/officers/qs-officer2/sessions/end", qs, nil), 200, "")
	want(t, e.do("POST", "/officers/qs-officer2/password-reset", qs, map[string]any{}), 200, "")
	want(t, e.do("POST", "/officers/bs-officer2/disable", admin, map[string]any{"reason": "白水县的事"}), 200, "")
	want(t, e.do("POST", "/admin/policies", admin, map[string]any{"role": "manager", "scope": "below", "object": "power-item",
		"act": "read", "cert": "-"}), 201, "")

	r := e.do("GET", "/admin/audit?officer_id=qs-officer2", qs, nil)
	want(t, r, 200, "")
	var actions []string
	for _, it := range r.body["items"].([]any) {
		entry := it.(map[string]any)
		actions = append(actions, entry["action"].(string))
		require.Equal(t, "qs-admin", entry["actor_id"])
		require.Equal(t, "青山管理员", entry["actor_name"])
		require.Equal(t, "jn-lj-qs", entry["agency_id"])
		require.NotEmpty(t, entry["at"])
	}
	require.Equal(t, []string{"password-reset", "sessions-ended", "officer-enabled", "officer-disabled", "certificate-updated",
		"certificate-suspended", "officer-updated", "role-removed", "role-assigned"}, actions)
	items := r.body["items"].([]any)
	renamed := items[6].(map[string]any)
	require.Equal(t, map[string]any{"name": "李娜"}, renamed["before"])
	require.Equal(t, map[string]any{"name": "李娜娜"}, renamed["after"])
	suspended := items[5].(map[string]any)
	require.Equal(t, "JN-QS-2024-002", suspended["target"])
	require.Equal(t, "暂扣审查", suspended["reason"])
	require.Equal(t, map[string]any{"status": "suspended"}, suspended["after"])
	assigned := items[8].(map[string]any)
	require.Equal(t, map[string]any{"agency_id": "jn-lj-qs", "role": "reviewer"}, assigned["after"])
	require.NotContains(t, string(r.raw), "password\":\"", "never a password")

	// The county administrator sees 青山县 only; the province's sees all,
	// permission lines included, paged like every listing.
	r = e.do("GET", "/admin/audit?page_size=100", qs, nil)
	want(t, r, 200, "")
	require.NotContains(t, string(r.raw), "bs-officer2")
	require.NotContains(t, string(r.raw), "白水县的事")
	require.Contains(t, string(r.raw), "policy-added", "they may read the permission lines")
	r = e.do("GET", "/admin/audit?page_size=2", admin, nil)
	want(t, r, 200, "")
	require.Len(t, r.body["items"], 2)
	require.Greater(t, r.body["total"].(float64), float64(12))
	first := r.body["items"].([]any)[0].(map[string]any)
	require.Equal(t, "policy-added", first["action"])
	require.Equal(t, "p, manager, below, power-item, read, -", first["target"])
	require.Contains(t, string(e.do("GET", "/admin/audit?page_size=3", admin, nil).raw), "白水县的事")

	// The permission lines' own audit route goes on.
	r = e.do("GET", "/admin/policies/audit?page_size=1", admin, nil)
	want(t, r, 200, "")
	require.Equal(t, "added", r.body["items"].([]any)[0].(map[string]any)["change"])

	want(t, e.do("GET", "/admin/audit", e.login("qs-officer1"), nil), 403, "forbidden")
	want(t, e.do("GET", "/admin/audit?page=0", admin, nil), 400, "bad_request")
}

// limitCase is one text field of an administration request, sent at its
// limit and one character over it.
type limitCase struct {
	method, path string
	field        string
	limit        int
	list         bool                       // the field is a list: one item at or over the limit
	body         func(i int) map[string]any // a valid body, unique by i
	value        func(n int) string         // n characters that are otherwise valid; default Chinese text
	at           int                        // the status at the limit: 200 or 201 when accepted, 422 when the value names nothing that exists
}

func (c limitCase) send(e *env, token string, i int, n int) resp {
	b := c.body(i)
	v := strings.Repeat("长", n)
	if c.value != nil {
		v = c.value(n)
	}
	if c.list {
		b[c.field] = []string{v}
	} else {
		b[c.field] = v
	}
	return e.do(c.method, c.path, token, b)
}

func lower(n int) string  { return strings.Repeat("a", n) }
func nobody(n int) string { return strings.Repeat("x", n) } // names nothing that exists
func upper(n int) string  { return strings.Repeat("A", n) }
func secret(n int) string { return strings.Repeat("a1", n/2) + strings.Repeat("b", n%2) }

// adminLimitCases are the text fields of every administration create and
// update route.
func adminLimitCases() []limitCase {
	agency := func(i int) map[string]any {
		return map[string]any{"id": fmt.Sprintf("lim-%d", i), "parent_id": "jn-lj-qs", "name": fmt.Sprintf("某镇%d", i), "level": "township", "code": "某镇"}
	}
	agencyPatch := func(i int) map[string]any { return map[string]any{"name": fmt.Sprintf("城关镇%d", i)} }
	officer := func(i int) map[string]any {
		return map[string]any{"login": fmt.Sprintf("lim-%d", i), "name": "某", "agency_id": "jn-lj-qs", "password": "initial-pass-1"}
	}
	named := func(i int) map[string]any { return map[string]any{"name": fmt.Sprintf("王强%d", i)} }
	role := func(int) map[string]any { return map[string]any{"agency_id": "jn-lj-qs", "role": "reviewer"} }
	cert := func(i int) map[string]any {
		return map[string]any{"number": fmt.Sprintf("LIM-%d", i), "officer_id": "qs-officer3", "issued_by": "江南省人民政府",
			"fields": []string{"食品安全"}, "valid_from": "2026-01-01", "valid_until": "2030-12-31"}
	}
	certPatch := func(i int) map[string]any {
		return map[string]any{"region": fmt.Sprintf("区域%d", i), "reason": "审验"}
	}
	reason := func(int) map[string]any { return map[string]any{"reason": "x"} }
	noBody := func(int) map[string]any { return map[string]any{} }
	item := func(i int) map[string]any {
		return map[string]any{"code": fmt.Sprintf("LIM-%d", i), "name": "某事项", "kind": "penalty", "field": "食品安全",
			"legal_basis": "《食品安全法》", "levels": []string{"county"}, "effective_on": "2026-01-01"}
	}
	change := func(i int) map[string]any {
		return map[string]any{"status": "in-force", "effective_on": fmt.Sprintf("2031-%02d-%02d", 1+i/28, 1+i%28)}
	}
	line := func(int) map[string]any {
		return map[string]any{"role": "manager", "scope": "below", "object": "power-item", "act": "read", "cert": "-"}
	}
	date := func(n int) string { return "2026-01-01" + strings.Repeat("0", n-10) }
	return []limitCase{
		{method: "POST", path: "/agencies", field: "id", limit: 64, body: agency, value: lower, at: 201},
		{method: "POST", path: "/agencies", field: "name", limit: 200, body: agency, at: 201},
		{method: "POST", path: "/agencies", field: "code", limit: 32, body: agency, at: 201},
		{method: "POST", path: "/agencies", field: "parent_id", limit: 64, body: agency, value: nobody, at: 422},
		{method: "POST", path: "/agencies", field: "level", limit: 16, body: agency, value: lower, at: 422},
		{method: "POST", path: "/agencies", field: "kind", limit: 16, body: agency, value: lower, at: 422},
		{method: "PATCH", path: "/agencies/jn-lj-qs-cg", field: "name", limit: 200, body: agencyPatch, at: 200},
		{method: "PATCH", path: "/agencies/jn-lj-qs-cg", field: "code", limit: 32, body: agencyPatch, at: 200},
		{method: "PATCH", path: "/agencies/jn-lj-qs-cg", field: "parent_id", limit: 64, body: agencyPatch, value: nobody, at: 422},
		{method: "PATCH", path: "/agencies/jn-lj-qs-cg", field: "level", limit: 16, body: agencyPatch, value: lower, at: 422},
		{method: "PATCH", path: "/agencies/jn-lj-qs-cg", field: "kind", limit: 16, body: agencyPatch, value: lower, at: 422},
		{method: "POST", path: "/officers", field: "login", limit: 64, body: officer, value: lower, at: 201},
		{method: "POST", path: "/officers", field: "name", limit: 100, body: officer, at: 201},
		{method: "POST", path: "/officers", field: "password", limit: 72, body: officer, value: secret, at: 201},
		{method: "POST", path: "/officers", field: "agency_id", limit: 64, body: officer, value: nobody, at: 422},
		{method: "POST", path: "/officers", field: "roles", limit: 32, list: true, body: officer, value: lower, at: 422},
		{method: "PATCH", path: "/officers/qs-officer3", field: "name", limit: 100, body: named, at: 200},
		{method: "POST", path: "/officers/qs-officer3/roles", field: "agency_id", limit: 64, body: role, value: nobody, at: 422},
		{method: "POST", path: "/officers/qs-officer3/roles", field: "role", limit: 32, body: role, value: lower, at: 422},
		{method: "POST", path: "/certificates", field: "number", limit: 64, body: cert, value: upper, at: 201},
		{method: "POST", path: "/certificates", field: "issued_by", limit: 200, body: cert, at: 201},
		{method: "POST", path: "/certificates", field: "fields", limit: 32, list: true, body: cert, at: 201},
		{method: "POST", path: "/certificates", field: "region", limit: 200, body: cert, at: 201},
		{method: "POST", path: "/certificates", field: "reason", limit: 500, body: cert, at: 201},
		{method: "POST", path: "/certificates", field: "valid_from", limit: 10, body: cert, value: date, at: 201},
		{method: "POST", path: "/certificates", field: "officer_id", limit: 64, body: cert, value: nobody, at: 422},
		{method: "PATCH", path: "/certificates/JN-QS-2021-003", field: "issued_by", limit: 200, body: certPatch, at: 200},
		{method: "PATCH", path: "/certificates/JN-QS-2021-003", field: "fields", limit: 32, list: true, body: certPatch, at: 200},
		{method: "PATCH", path: "/certificates/JN-QS-2021-003", field: "region", limit: 200, body: certPatch, at: 200},
		{method: "PATCH", path: "/certificates/JN-QS-2021-003", field: "reason", limit: 500, body: certPatch, at: 200},
		{method: "POST", path: "/certificates/JN-QS-2021-003/suspend", field: "reason", limit: 500, body: reason, at: 200},
		{method: "POST", path: "/certificates/JN-QS-2021-003/reinstate", field: "reason", limit: 500, body: reason, at: 200},
		{method: "POST", path: "/officers/qs-officer3/disable", field: "reason", limit: 500, body: reason, at: 200},
		{method: "POST", path: "/officers/qs-officer3/enable", field: "reason", limit: 500, body: reason, at: 200},
		{method: "POST", path: "/officers/qs-officer3/password-reset", field: "password", limit: 72, body: noBody, value: secret, at: 200},
		{method: "POST", path: "/power-items", field: "code", limit: 64, body: item, value: upper, at: 201},
		{method: "POST", path: "/power-items", field: "name", limit: 300, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "field", limit: 32, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "legal_basis", limit: 1000, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "decision_number", limit: 200, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "decision_by", limit: 200, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "note", limit: 1000, body: item, at: 201},
		{method: "POST", path: "/power-items", field: "kind", limit: 32, body: item, value: lower, at: 422},
		{method: "POST", path: "/power-items", field: "levels", limit: 16, list: true, body: item, value: lower, at: 422},
		{method: "POST", path: "/power-items", field: "agency_id", limit: 64, body: item, value: nobody, at: 422},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "decision_number", limit: 200, body: change, at: 201},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "decision_by", limit: 200, body: change, at: 201},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "note", limit: 1000, body: change, at: 201},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "status", limit: 16, body: change, value: lower, at: 422},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "merged_into", limit: 64, body: change, value: upper, at: 422},
		{method: "POST", path: "/power-items/JN-SC-CF-0003/changes", field: "delegated_to", limit: 64, body: change, value: nobody, at: 422},
		{method: "POST", path: "/admin/policies", field: "role", limit: 32, body: line, value: lower, at: 422},
		{method: "POST", path: "/admin/policies", field: "act", limit: 32, body: line, value: lower, at: 422},
	}
}

// TestAdminTextLimitsAreTheSameOnSQLiteAndPostgreSQL: every text field of
// every administration create and update route is accepted at its limit
// and refused one character over it with 422 invalid_input naming the
// field and the limit, never a 500: the columns hold what the checks
// allow, on PostgreSQL (which enforces column sizes) as on SQLite (which
// does not).
func TestAdminTextLimitsAreTheSameOnSQLiteAndPostgreSQL(t *testing.T) {
	cases := adminLimitCases()
	got := map[string][]int{}
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			admin := e.login("jn-admin")
			for i, c := range cases {
				name := fmt.Sprintf("%s %s %s", c.method, c.path, c.field)
				over := c.send(e, admin, i, c.limit+1)
				require.Equal(t, 422, over.status, "%s over its limit: %.300s", name, over.raw)
				require.Equal(t, "invalid_input", over.errCode(), name)
				require.Contains(t, over.body["error"].(map[string]any)["message"], fmt.Sprintf("must be at most %d characters", c.limit), name)
				require.Contains(t, over.body["error"].(map[string]any)["message"], c.field, name)
				at := c.send(e, admin, i, c.limit)
				require.Equal(t, c.at, at.status, "%s at its limit: %.300s", name, at.raw)
				if at.status == 422 {
					require.NotContains(t, at.body["error"].(map[string]any)["message"], "must be at most", name)
				}
				got[d.Name] = append(got[d.Name], over.status, at.status)
			}
			// A password change: the current one is checked, the new one
			// bounded like the others.
			head := e.login("qs-head")
			change := func(old, new string) resp {
				return e.do("POST", "/auth/password", head, map[string]string{"old_password": old, "new_password": new})
			}
			want(t, change(secret(1025), "head-2026-password"), 422, "invalid_input")
			want(t, change(demo.Password, secret(73)), 422, "invalid_input")
			want(t, change(demo.Password, secret(72)), 200, "")
		})
	}
	if len(got) == 2 {
		require.Equal(t, got["sqlite"], got["postgres"], "both databases answer every input alike")
	}
}
