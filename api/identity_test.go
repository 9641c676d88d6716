package api_test

// Identity over HTTP: access tokens that are not ours, refresh-token
// rotation and reuse, logout, password change and the throttling of failed
// logins, on the same harness as the end-to-end tests.

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/demo"
)

// testSecret is the key newEnv's API signs tokens with.
var testSecret = []byte("test-secret-test-secret-test-secret!")

// session is what a login or a refresh hands the client.
type session struct{ token, refresh string }

func sessionOf(t testing.TB, r resp) session {
	t.Helper()
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	token, _ := r.body["token"].(string)
	refresh, _ := r.body["refresh_token"].(string)
	require.NotEmpty(t, token, string(r.raw))
	require.NotEmpty(t, refresh, string(r.raw))
	return session{token, refresh}
}

func (e *env) loginSession(login, password string) session {
	e.t.Helper()
	return sessionOf(e.t, e.do("POST", "/auth/login", "", map[string]string{"login": login, "password": password}))
}

func (e *env) refresh(refresh string) resp {
	e.t.Helper()
	return e.do("POST", "/auth/refresh", "", map[string]string{"refresh_token": refresh})
}

// me is the status of GET /me with token: 200 while the token is good.
func (e *env) me(token string) int {
	e.t.Helper()
	return e.do("GET", "/me", token, nil).status
}

// requireError checks status, code and a message in Chinese and English.
func requireError(t *testing.T, r resp, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.status, string(r.raw))
	require.Equal(t, code, r.errCode(), string(r.raw))
	require.Contains(t, r.body["error"].(map[string]any)["message"], " / ", "message in Chinese and English")
}

// claimsOf reads a token's claims without checking it.
func claimsOf(t *testing.T, token string) jwt.MapClaims {
	t.Helper()
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(token, claims)
	require.NoError(t, err)
	return claims
}

func sign(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	require.NoError(t, err)
	return s
}

// TestTokensNotIssuedByUsAreRefused: only an unexpired HS256 token signed
// with our key for a live session passes. Each bad token differs from a good
// one in one respect only: the claims are those of a real, live session.
func TestTokensNotIssuedByUsAreRefused(t *testing.T) {
	e := newEnv(t)
	issued := e.login("qs-officer1")
	live := claimsOf(t, issued)
	require.NotEmpty(t, live["sid"], "the access token names its session")
	with := func(changes jwt.MapClaims) jwt.MapClaims {
		c := jwt.MapClaims{}
		for k, v := range live {
			c[k] = v
		}
		for k, v := range changes {
			if v == nil {
				delete(c, k)
			} else {
				c[k] = v
			}
		}
		return c
	}
	inAnHour := time.Now().Add(time.Hour).Unix()
	hourAgo := time.Now().Add(-time.Hour).Unix()

	// The way this test builds tokens is right: with our key and a future
	// expiry, a hand-made token passes.
	good := sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"exp": inAnHour}))
	require.Equal(t, http.StatusOK, e.me(good))

	parts := strings.Split(issued, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	require.NoError(t, err)
	var forged map[string]any
	require.NoError(t, json.Unmarshal(payload, &forged))
	forged["sub"] = "jn-admin"
	forgedPayload, err := json.Marshal(forged)
	require.NoError(t, err)
	none, err := jwt.NewWithClaims(jwt.SigningMethodNone, with(nil)).SignedString(jwt.UnsafeAllowNoneSignatureType)
	require.NoError(t, err)

	cases := []struct{ name, token string }{
		{"expired", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"iat": hourAgo - 60, "exp": hourAgo}))},
		{"no expiry", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"exp": nil}))},
		{"tampered payload, signature of the real one", parts[0] + "." + base64.RawURLEncoding.EncodeToString(forgedPayload) + "." + parts[2]},
		{"tampered signature", parts[0] + "." + parts[1] + "." + strings.Repeat("A", len(parts[2]))},
		{"signed with another key", sign(t, jwt.SigningMethodHS256, []byte("another-secret-another-secret-another!"), with(nil))},
		{"alg none", none},
		{"alg none, header only swapped", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + "."},
		{"HS512 with our key", sign(t, jwt.SigningMethodHS512, testSecret, with(nil))},
		{"another issuer", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"iss": "someone-else"}))},
		{"no session", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"sid": nil}))},
		{"a session that does not exist", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"sid": "NOSUCHSESSION"}))},
		{"another officer on this session", sign(t, jwt.SigningMethodHS256, testSecret, with(jwt.MapClaims{"sub": "qs-head"}))},
		{"not a token", "not-a-token"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			requireError(t, e.do("GET", "/me", c.token, nil), http.StatusUnauthorized, "unauthenticated")
			requireError(t, e.do("GET", "/cases", c.token, nil), http.StatusUnauthorized, "unauthenticated")
		})
	}
	require.Equal(t, http.StatusOK, e.me(issued), "the issued token still works")
}

// TestRefreshRotatesAndReuseEndsTheSession: each refresh gives a new access
// token and a new refresh token and retires the one presented; presenting a
// retired one again ends the whole session.
func TestRefreshRotatesAndReuseEndsTheSession(t *testing.T) {
	e := newEnv(t)
	first := e.loginSession("qs-officer1", demo.Password)

	r := e.refresh(first.refresh)
	second := sessionOf(t, r)
	require.NotEqual(t, first.refresh, second.refresh, "the refresh token rotates")
	require.Equal(t, claimsOf(t, first.token)["sid"], claimsOf(t, second.token)["sid"], "same session")
	exp, err := time.Parse(time.RFC3339, r.body["expires_at"].(string))
	require.NoError(t, err)
	require.WithinDuration(t, time.Now().Add(time.Hour), exp, time.Minute, "access token lifetime as configured")
	refreshExp, err := time.Parse(time.RFC3339, r.body["refresh_expires_at"].(string))
	require.NoError(t, err)
	require.WithinDuration(t, time.Now().Add(168*time.Hour), refreshExp, time.Minute, "refresh token lifetime by default")
	require.Equal(t, http.StatusOK, e.me(second.token))

	third := sessionOf(t, e.refresh(second.refresh))
	require.Equal(t, http.StatusOK, e.me(third.token))

	// The first refresh token was retired two rotations ago: whoever shows
	// it again holds a copy, so the session ends for everybody.
	requireError(t, e.refresh(first.refresh), http.StatusUnauthorized, "refresh_token_reused")
	requireError(t, e.refresh(third.refresh), http.StatusUnauthorized, "invalid_refresh_token")
	require.Equal(t, http.StatusUnauthorized, e.me(third.token), "the live access token of the session stops working")
	require.Equal(t, http.StatusUnauthorized, e.me(first.token))

	// Another session of the same officer is not touched.
	other := e.loginSession("qs-officer1", demo.Password)
	require.Equal(t, http.StatusOK, e.me(other.token))

	t.Run("bad requests", func(t *testing.T) {
		requireError(t, e.refresh("not-a-refresh-token"), http.StatusUnauthorized, "invalid_refresh_token")
		requireError(t, e.refresh(strings.Repeat("x", 10000)), http.StatusUnauthorized, "invalid_refresh_token")
		requireError(t, e.do("POST", "/auth/refresh", "", map[string]string{}), http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/refresh", "", "{not json"), http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/refresh", "", map[string]string{"refresh": other.refresh}), http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/refresh", "", map[string]any{"refresh_token": 42}), http.StatusBadRequest, "bad_request")
		requireError(t, e.refresh(other.token), http.StatusUnauthorized, "invalid_refresh_token")
	})
}

// TestLogoutEndsTheSessionAtOnce: after logout the session's access and
// refresh tokens are refused; the officer's other sessions go on.
func TestLogoutEndsTheSessionAtOnce(t *testing.T) {
	e := newEnv(t)
	phone := e.loginSession("qs-officer1", demo.Password)
	desk := e.loginSession("qs-officer1", demo.Password)
	require.Equal(t, http.StatusOK, e.me(phone.token))

	r := e.do("POST", "/auth/logout", phone.token, nil)
	require.Equal(t, http.StatusNoContent, r.status, string(r.raw))
	requireError(t, e.do("GET", "/me", phone.token, nil), http.StatusUnauthorized, "unauthenticated")
	requireError(t, e.refresh(phone.refresh), http.StatusUnauthorized, "invalid_refresh_token")
	requireError(t, e.do("POST", "/auth/logout", phone.token, nil), http.StatusUnauthorized, "unauthenticated")
	requireError(t, e.do("POST", "/auth/logout", "", nil), http.StatusUnauthorized, "unauthenticated")

	require.Equal(t, http.StatusOK, e.me(desk.token), "the other session goes on")
	sessionOf(t, e.refresh(desk.refresh))
}

// TestPasswordChangeEndsEverySession: the current password is checked, a
// weak new one refused, and once changed every earlier token of the officer
// is refused and only the new password logs in.
func TestPasswordChangeEndsEverySession(t *testing.T) {
	e := newEnv(t)
	phone := e.loginSession("qs-officer2", demo.Password)
	desk := e.loginSession("qs-officer2", demo.Password)
	bystander := e.loginSession("qs-officer1", demo.Password)
	const newPassword = "qingshan-2026-secure"
	change := func(token, old, new string) resp {
		return e.do("POST", "/auth/password", token, map[string]string{"old_password": old, "new_password": new})
	}

	refused := []struct {
		name, old, new string
		status         int
		code           string
	}{
		{"wrong current password", "zhifa-demo-wrong", newPassword, 403, "wrong_password"},
		{"shorter than 10 characters", demo.Password, "abc123def", 422, "weak_password"},
		{"no digits", demo.Password, "qingshan-market", 422, "weak_password"},
		{"no letters", demo.Password, "2026-0101-2027", 422, "weak_password"},
		{"ten Chinese characters without digits", demo.Password, "青山县市场监督管理局", 422, "weak_password"},
		{"same as the current one", "zhifa-demo-1", "zhifa-demo-1", 422, "weak_password"},
		{"longer than bcrypt reads", demo.Password, strings.Repeat("ab12", 20), 422, "invalid_input"},
		{"no new password", demo.Password, "", 400, "bad_request"},
		{"no current password", "", newPassword, 400, "bad_request"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			requireError(t, change(phone.token, c.old, c.new), c.status, c.code)
		})
	}
	requireError(t, e.do("POST", "/auth/password", phone.token, map[string]string{"old": demo.Password, "new": newPassword}), 400, "bad_request")
	requireError(t, change("", demo.Password, newPassword), 401, "unauthenticated")
	require.Equal(t, http.StatusOK, e.me(phone.token), "refusals changed nothing")

	fresh := sessionOf(t, change(phone.token, demo.Password, newPassword))
	for name, s := range map[string]session{"the session that changed it": phone, "another session": desk} {
		require.Equal(t, http.StatusUnauthorized, e.me(s.token), "%s: old access token", name)
		requireError(t, e.refresh(s.refresh), http.StatusUnauthorized, "invalid_refresh_token")
	}
	require.Equal(t, http.StatusOK, e.me(fresh.token), "the change answers with a new session")
	require.Equal(t, http.StatusOK, e.me(bystander.token), "another officer is not affected")
	requireError(t, e.do("POST", "/auth/login", "", map[string]string{"login": "qs-officer2", "password": demo.Password}),
		http.StatusUnauthorized, "bad_credentials")
	again := e.loginSession("qs-officer2", newPassword)
	require.Equal(t, http.StatusOK, e.me(again.token))

	// Guessing the current password with a stolen token counts towards the
	// same lock as failed logins.
	for range 5 {
		requireError(t, change(again.token, "guess-1234567", "another-pass-2026"), 403, "wrong_password")
	}
	requireError(t, change(again.token, newPassword, "another-pass-2026"), http.StatusTooManyRequests, "too_many_attempts")
	requireError(t, e.do("POST", "/auth/login", "", map[string]string{"login": "qs-officer2", "password": newPassword}),
		http.StatusTooManyRequests, "too_many_attempts")
}

// postLogin tries a login and returns the answer and its Retry-After header.
func (e *env) postLogin(login, password string) (resp, string) {
	e.t.Helper()
	body, err := json.Marshal(map[string]string{"login": login, "password": password})
	require.NoError(e.t, err)
	res, err := http.Post(e.app.url+"/auth/login", "application/json", strings.NewReader(string(body)))
	require.NoError(e.t, err)
	defer res.Body.Close()
	var r resp
	r.status = res.StatusCode
	require.NoError(e.t, json.NewDecoder(res.Body).Decode(&r.body))
	r.raw, _ = json.Marshal(r.body)
	return r, res.Header.Get("Retry-After")
}

// TestFailedLoginsAreThrottled: five failures lock the login name for
// fifteen minutes, whether the login exists or not, without locking other
// logins from the same address; a success resets the count.
func TestFailedLoginsAreThrottled(t *testing.T) {
	e := newEnv(t)
	for _, login := range []string{"qs-officer1", "no-such-officer"} {
		t.Run(login, func(t *testing.T) {
			for i := range 5 {
				r, retry := e.postLogin(login, "wrong-password")
				requireError(t, r, http.StatusUnauthorized, "bad_credentials")
				require.Empty(t, retry, "failure %d", i+1)
			}
			// Locked: even the right password is not checked.
			r, retry := e.postLogin(login, demo.Password)
			requireError(t, r, http.StatusTooManyRequests, "too_many_attempts")
			secs, err := strconv.Atoi(retry)
			require.NoError(t, err, "Retry-After %q", retry)
			require.InDelta(t, 15*60, secs, 30, "locked for fifteen minutes")
			require.Contains(t, r.body["error"].(map[string]any)["message"], "15 分钟")
		})
	}

	// A locked existing login and a locked unknown one answer alike.
	a, _ := e.postLogin("qs-officer1", "x")
	b, _ := e.postLogin("no-such-officer", "x")
	require.Equal(t, a.raw, b.raw, "the answer does not tell whether the login exists")

	// Another login from the same address is not locked.
	e.loginSession("qs-officer2", demo.Password)

	// A success resets the count: 4 failures, a success, 4 failures, a success.
	for range 2 {
		for range 4 {
			r, _ := e.postLogin("qs-head", "wrong-password")
			requireError(t, r, http.StatusUnauthorized, "bad_credentials")
		}
		e.loginSession("qs-head", demo.Password)
	}

	t.Run("bad input is a 400, never a 500", func(t *testing.T) {
		requireError(t, e.do("POST", "/auth/login", "", "{not json"), http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/login", "", map[string]string{"login": "qs-head"}), http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/login", "", map[string]string{"login": strings.Repeat("长", 65), "password": "x"}),
			http.StatusBadRequest, "bad_request")
		requireError(t, e.do("POST", "/auth/login", "", map[string]string{"login": "qs-head", "password": strings.Repeat("x", 2000)}),
			http.StatusBadRequest, "bad_request")
	})
}

// TestFailedLoginsFromOneAddressAreCapped: twenty failures from one address
// within fifteen minutes lock every login from it, even when each login
// name stays under its own limit.
func TestFailedLoginsFromOneAddressAreCapped(t *testing.T) {
	e := newEnv(t)
	failures := 0
	for i := 0; failures < 19; i++ {
		for range 4 {
			if failures == 19 {
				break
			}
			r, _ := e.postLogin("guess-"+strconv.Itoa(i), "wrong-password")
			requireError(t, r, http.StatusUnauthorized, "bad_credentials")
			failures++
		}
	}
	e.loginSession("qs-officer1", demo.Password) // 19 failures: not yet

	r, _ := e.postLogin("guess-last", "wrong-password")
	requireError(t, r, http.StatusUnauthorized, "bad_credentials")
	r, retry := e.postLogin("qs-officer1", demo.Password)
	requireError(t, r, http.StatusTooManyRequests, "too_many_attempts")
	require.NotEmpty(t, retry)
}
