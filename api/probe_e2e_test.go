package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

var refs = regexp.MustCompile(`"#/components/schemas/(\w+)"`)

// TestHostileInputNeverBreaksTheServer sends malformed, oversized,
// NUL-laden, wrongly typed and cross-agency requests to every operation of
// the API document, as nobody, as a county officer and as the province's
// administrator, on SQLite and on PostgreSQL. No answer may be a 5xx, and
// a county officer never reads the name of another county's staff.
func TestHostileInputNeverBreaksTheServer(t *testing.T) {
	raw, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	// fieldBodies fills every field an operation's body schemas name with
	// the same hostile value: far too long, NUL-laden, of the wrong type.
	fieldBodies := func(op json.RawMessage) []string {
		var names []string
		for _, ref := range refs.FindAllStringSubmatch(string(op), -1) {
			for name := range doc.Components.Schemas[ref[1]].Properties {
				names = append(names, name)
			}
		}
		if len(names) == 0 {
			return nil
		}
		var out []string
		for _, v := range []any{strings.Repeat("长", 100000), "值\x00值", 12345, map[string]any{"x": []int{1}}, true, -1} {
			body := map[string]any{}
			for _, n := range names {
				body[n] = v
			}
			b, _ := json.Marshal(body)
			out = append(out, string(b))
		}
		return out
	}

	// Names of 白水县's staff: a 青山县 officer must never see them.
	otherCounty := []string{"刘洋", "杨静", "黄磊", "周婷", "吴军", "郑华"}

	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			officer := e.login("qs-officer1")
			caseID := e.openCase(officer)
			e.act(e.login("qs-head"), caseID, workflows.ActApproveFiling, nil, 200)
			valid := map[string]string{"id": "qs-officer3", "agency_id": "jn-lj-qs", "role": "officer", "number": "JN-QS-2024-003",
				"code": "JN-SC-CF-0001", "act": "record-evidence"}
			hostile := []string{"%00", "a%00b", "%E4%B8", strings.Repeat("x", 3000), "..%2F..%2Fetc", "bs-officer2", "jn-lj-bs",
				"%F0%9F%98%80", "%20", "0"}
			bodies := []string{"", "null", "[]", "123", "{", `{"x":1}`, `"text"`, `{"a":"\u0000"}`,
				`{"name":` + strings.Repeat("[", 5000) + `}`, strings.Repeat(" ", 3<<20) + "{}"}
			queries := []string{"page=-1", "page_size=999999", "agency_id=%00", "state=%00", "as_of=yesterday", "closed=maybe",
				"page=99999999999999999999", "attention=%FF", "officer_id=bs-officer2"}

			var paths []string
			for p := range doc.Paths {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			requests, fails := 0, []string{}
			send := func(who, token, method, path, body string) {
				requests++
				req, err := http.NewRequest(method, strings.TrimSuffix(e.app.url, "/api/v1")+path, strings.NewReader(body))
				require.NoError(t, err)
				req.Header.Set("Content-Type", "application/json")
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				res, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				got, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode >= 500 {
					fails = append(fails, fmt.Sprintf("%s %s %.60q as %s: %d %.200s", method, path, body, who, res.StatusCode, got))
				}
				if who == "officer" {
					for _, name := range otherCounty {
						if strings.Contains(string(got), name) {
							fails = append(fails, fmt.Sprintf("%s %s as officer: leaks %s", method, path, name))
						}
					}
				}
			}
			fill := func(path string, vals map[string]string) string {
				for k, v := range vals {
					path = strings.ReplaceAll(path, "{"+k+"}", v)
				}
				return strings.ReplaceAll(path, "{id}", caseID)
			}
			for _, who := range []string{"nobody", "officer", "admin"} {
				for _, path := range paths {
					for method := range doc.Paths[path] {
						if method == "parameters" {
							continue
						}
						m := strings.ToUpper(method)
						token := ""
						switch who {
						case "officer":
							token = e.login("qs-officer1")
						case "admin":
							token = e.login("jn-admin")
						}
						base := valid
						if strings.HasPrefix(path, "/api/v1/cases/{id}") {
							base = map[string]string{"act": "record-evidence", "id": caseID}
						}
						for _, b := range append(bodies, fieldBodies(doc.Paths[path][method])...) {
							send(who, token, m, fill(path, base), b)
						}
						if strings.Contains(path, "{") {
							for _, h := range hostile {
								vals := map[string]string{}
								for k := range base {
									vals[k] = h
								}
								send(who, token, m, fill(path, vals), "{}")
							}
						}
						if m == "GET" {
							for _, q := range queries {
								send(who, token, m, fill(path, base)+"?"+q, "")
							}
						}
					}
				}
			}
			// Wrong passwords and NULs at the unauthenticated door.
			for _, b := range []string{`{"login":"qs-officer1\u0000","password":"x"}`, `{"login":1,"password":[]}`,
				`{"login":"` + strings.Repeat("界", 10000) + `","password":"` + demo.Password + `"}`} {
				send("nobody", "", "POST", "/api/v1/auth/login", b)
			}
			t.Logf("%d hostile requests", requests)
			require.Empty(t, fails)
		})
	}
}
