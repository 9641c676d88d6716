package api_test

// Administration under attack: login bursts. Run with
// ZHIFA_TEST_DATABASE_URL set, the same tests run on PostgreSQL and expect
// the same answers.

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
