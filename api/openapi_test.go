package api

// Checks that api/openapi.json, the document served at /api/v1/openapi.json,
// stays true to the code: every route is documented and nothing else is,
// every act has its input schema, the schemas carry exactly the JSON fields
// of the Go types behind them, and the error codes have the statuses the
// handlers give them.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/sdk/temporal"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

type oasDoc struct {
	OpenAPI    string                               `json:"openapi"`
	Paths      map[string]map[string]map[string]any `json:"paths"`
	Components struct {
		Schemas    map[string]map[string]any `json:"schemas"`
		Parameters map[string]map[string]any `json:"parameters"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) oasDoc {
	t.Helper()
	var doc oasDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("api/openapi.json is not valid JSON: %v", err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Fatalf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
	return doc
}

// engine builds the real route table. Handler dereferences none of the
// Server's dependencies while building it, so a zero Server will do.
func engine(t *testing.T) *gin.Engine {
	t.Helper()
	e, ok := (&Server{}).Handler().(*gin.Engine)
	if !ok {
		t.Fatalf("Handler() returned %T, want *gin.Engine", (&Server{}).Handler())
	}
	return e
}

var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	routes := map[string]bool{}
	for _, r := range engine(t).Routes() {
		path := ginParam.ReplaceAllString(r.Path, "{$1}")
		method := strings.ToLower(r.Method)
		routes[method+" "+path] = true
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("route %s %s is not in openapi.json paths", r.Method, path)
		}
	}
	if len(routes) == 0 {
		t.Fatal("the engine has no routes")
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			switch method {
			case "parameters", "summary", "description", "servers":
				continue
			}
			if !routes[method+" "+path] {
				t.Errorf("openapi.json documents %s %s, which is no route", strings.ToUpper(method), path)
			}
		}
	}
}

func TestOpenAPIServedAsIs(t *testing.T) {
	rec := httptest.NewRecorder()
	engine(t).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK || rec.Body.String() != string(openAPI) {
		t.Fatalf("GET /api/v1/openapi.json: %d, body equal to the embedded document: %v", rec.Code, rec.Body.String() == string(openAPI))
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestOpenAPIActs(t *testing.T) {
	doc := loadOpenAPI(t)
	op := doc.Paths["/api/v1/cases/{id}/acts/{act}"]["post"]
	if op == nil {
		t.Fatal("POST /api/v1/cases/{id}/acts/{act} is not documented")
	}

	// The act path parameter's enum is exactly the acts on a case, in procedure order.
	actParam := doc.Components.Parameters["Act"]
	if actParam == nil || actParam["name"] != "act" || actParam["in"] != "path" {
		t.Fatalf("components.parameters.Act is not the act path parameter: %v", actParam)
	}
	// Every procedure's acts (an act's name means one input, whatever the
	// procedure), the opening act aside: it has its own route.
	var want []string
	inputs := map[casefile.Act]workflows.Input{}
	var caseActs []casefile.Act
	for _, r := range workflows.All() {
		for _, a := range r.ActList() {
			if _, seen := inputs[a]; seen || a == workflows.ActOpenCase {
				continue
			}
			inputs[a], _ = r.NewInput(a)
			caseActs = append(caseActs, a)
			want = append(want, string(a))
		}
	}
	if got := strings.Join(enumOf(t, doc, resolve(t, doc, actParam["schema"])), ","); got != strings.Join(want, ",") {
		t.Errorf("act enum = %s\nwant        %s", got, strings.Join(want, ","))
	}

	// Every act names its input schema, and that schema is the Go input type.
	mapping, _ := op["x-zhifa-act-inputs"].(map[string]any)
	if len(mapping) != len(caseActs) {
		t.Errorf("x-zhifa-act-inputs has %d acts, want %d", len(mapping), len(caseActs))
	}
	oneOf := bodyOneOf(t, op)
	used := map[string]bool{}
	for _, act := range caseActs {
		in := inputs[act]
		typ := reflect.TypeOf(in).Elem()
		refStr, _ := mapping[string(act)].(string)
		name := strings.TrimPrefix(refStr, "#/components/schemas/")
		if name != typ.Name() {
			t.Errorf("act %s: x-zhifa-act-inputs names %q, want the schema of %s", act, refStr, typ.Name())
			continue
		}
		schema := doc.Components.Schemas[name]
		if schema == nil {
			t.Errorf("act %s: no schema %s", act, name)
			continue
		}
		for _, f := range serverSet(typ) {
			if _, ok := propsOf(schema)[f]; ok {
				t.Errorf("schema %s documents %q, which the server sets, never the client", name, f)
			}
		}
		if schema["additionalProperties"] != false {
			t.Errorf("schema %s: the server refuses unknown fields, so additionalProperties must be false", name)
		}
		checkFields(t, doc, name, typ, false, map[string]bool{})

		// The body's oneOf lists the schema, or one of the same shape.
		covered := ""
		for _, alt := range oneOf {
			if alt == name || sameKeys(propsOf(doc.Components.Schemas[alt]), propsOf(schema)) {
				covered = alt
				break
			}
		}
		if covered == "" {
			t.Errorf("act %s: the request body's oneOf lists neither %s nor a schema of its shape", act, name)
		}
		used[covered] = true
	}
	for _, alt := range oneOf {
		if !used[alt] {
			t.Errorf("the request body's oneOf lists %s, which no act takes", alt)
		}
	}
	// The oneOf must stay exclusive: no two alternatives of the same shape.
	for i := range oneOf {
		for j := i + 1; j < len(oneOf); j++ {
			if sameKeys(propsOf(doc.Components.Schemas[oneOf[i]]), propsOf(doc.Components.Schemas[oneOf[j]])) {
				t.Errorf("oneOf alternatives %s and %s have the same shape", oneOf[i], oneOf[j])
			}
		}
	}
}

// TestOpenAPISchemasMatchGoTypes compares each documented body with the Go
// type the handler encodes or decodes: the same JSON fields, compatible
// types and, for responses, a field is required exactly when it is always
// written (no omitempty).
func TestOpenAPISchemasMatchGoTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	responses := map[string]reflect.Type{
		"LoginResponse": reflect.TypeFor[loginResponse](),
		"MeResponse":    reflect.TypeFor[meResponse](),
		"CaseView":      reflect.TypeFor[caseView](),
		"Case":          reflect.TypeFor[workflows.Case](), // caseView.Case is the raw snapshot
		"CaseList":      reflect.TypeFor[listResponse[casefile.Summary]](),
		"DeadlineList":  reflect.TypeFor[deadlineList](),
		"TaskList": reflect.TypeFor[struct {
			Items []store.InboxTask `json:"items"`
		}](),
		"TokenResponse":        reflect.TypeFor[tokenResponse](),
		"Agency":               reflect.TypeFor[store.Agency](),
		"AgencyList":           reflect.TypeFor[itemsResponse[store.Agency]](),
		"OfficerList":          reflect.TypeFor[listResponse[store.Officer]](),
		"OfficerView":          reflect.TypeFor[officerView](),
		"CertificateList":      reflect.TypeFor[listResponse[certificateView]](),
		"CertificateDetail":    reflect.TypeFor[certificateDetail](),
		"PowerItemList":        reflect.TypeFor[itemsResponse[store.PowerItem]](),
		"PowerItemDetail":      reflect.TypeFor[powerItemDetail](),
		"EvidenceFile":         reflect.TypeFor[store.EvidenceFile](),
		"EvidenceFileList":     reflect.TypeFor[itemsResponse[store.EvidenceFile]](),
		"OfficerImport":        reflect.TypeFor[store.OfficerImport](),
		"PowerImport":          reflect.TypeFor[store.PowerImport](),
		"RowError":             reflect.TypeFor[store.RowError](),
		"PolicyLines":          reflect.TypeFor[policyLinesResponse](),
		"PolicyChangeResponse": reflect.TypeFor[policyChangeResponse](),
		"PolicyAuditList":      reflect.TypeFor[listResponse[store.PolicyChange]](),
		"RulesView":            reflect.TypeFor[rulesView](),
		"PublicDecision":       reflect.TypeFor[publicDecision](),
		"PublicDecisionList":   reflect.TypeFor[listResponse[publicDecision]](),
		"PublicationPreview":   reflect.TypeFor[publicationPreview](),
		"ChainReport":          reflect.TypeFor[store.ChainReport](),
	}
	requests := map[string]reflect.Type{
		"LoginRequest":              reflect.TypeFor[loginRequest](),
		"CreateCaseRequest":         reflect.TypeFor[createCaseRequest](),
		"RefreshRequest":            reflect.TypeFor[refreshRequest](),
		"PasswordRequest":           reflect.TypeFor[passwordRequest](),
		"CreateAgencyRequest":       reflect.TypeFor[agencyRequest](),
		"AgencyPatch":               reflect.TypeFor[agencyPatch](),
		"CreateOfficerRequest":      reflect.TypeFor[createOfficerRequest](),
		"RoleRequest":               reflect.TypeFor[roleRequest](),
		"CreateCertificateRequest":  reflect.TypeFor[createCertificateRequest](),
		"CertificatePatch":          reflect.TypeFor[certificatePatch](),
		"ReasonRequest":             reflect.TypeFor[reasonRequest](),
		"CreatePowerItemRequest":    reflect.TypeFor[createPowerItemRequest](),
		"PowerItemChangeRequest":    reflect.TypeFor[powerItemChangeRequest](),
		"PolicyRule":                reflect.TypeFor[policies.Rule](),
		"RulesRequest":              reflect.TypeFor[rulesRequest](),
		"LegalQualificationRequest": reflect.TypeFor[legalQualificationRequest](),
		"OptionalReasonRequest":     reflect.TypeFor[reasonRequest](),
	}
	seen := map[string]bool{}
	for name, typ := range responses {
		checkFields(t, doc, name, typ, true, seen)
	}
	for name, typ := range requests {
		checkFields(t, doc, name, typ, false, map[string]bool{})
		// Every body is decoded strictly: unknown fields are a 400.
		if doc.Components.Schemas[name]["additionalProperties"] != false {
			t.Errorf("schema %s: the handler refuses unknown fields, so additionalProperties must be false", name)
		}
	}
	// The error envelope is what fail writes.
	rec := httptest.NewRecorder()
	engine(t).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/no/such/route", nil))
	var body map[string]map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body["error"]["code"] == "" || body["error"]["message"] == "" {
		t.Fatalf("the 404 body %s is not the error envelope", rec.Body.String())
	}
	errProps := propsOf(resolve(t, doc, propsOf(doc.Components.Schemas["Error"])["error"]))
	if !sameKeys(errProps, map[string]any{"code": nil, "message": nil}) {
		t.Errorf("schema Error.error has %v, want code and message", keys(errProps))
	}
}

// serverSet are the fields of an act's input that the API fills in itself:
// the actor from the token, and the officers a reassignment adds, as the
// API checked them.
func serverSet(typ reflect.Type) []string {
	if !strings.HasSuffix(typ.Name(), "Input") || typ.PkgPath() != reflect.TypeFor[workflows.Actor]().PkgPath() {
		return nil
	}
	out := []string{"actor"}
	for _, f := range jsonFields(typ) {
		if f.tag.Get("limit") == "server" && f.name != "actor" {
			out = append(out, f.name)
		}
	}
	return out
}

// sharedWithRequests are schemas that responses use and requests too: their
// required list states what a request must send, so it may be shorter than
// what a response always has.
var sharedWithRequests = map[string]bool{"Party": true, "Proposal": true, "PolicyRule": true}

// checkFields compares schema name with Go struct typ and recurses into the
// schemas its fields refer to.
func checkFields(t *testing.T, doc oasDoc, name string, typ reflect.Type, response bool, seen map[string]bool) {
	t.Helper()
	if seen[name] {
		return
	}
	seen[name] = true
	schema := doc.Components.Schemas[name]
	if schema == nil {
		t.Errorf("no schema %s", name)
		return
	}
	props := propsOf(schema)
	fields := jsonFields(typ)
	var goNames []string
	for _, f := range fields {
		if slices.Contains(serverSet(typ), f.name) {
			continue // set by the server, never by the client
		}
		goNames = append(goNames, f.name)
		p, ok := props[f.name]
		if !ok {
			t.Errorf("schema %s lacks %q (field %s.%s)", name, f.name, typ.Name(), f.goName)
			continue
		}
		checkType(t, doc, name+"."+f.name, p, f.typ, response, seen)
		if !response {
			checkLimit(t, doc, name+"."+f.name, p, f)
		}
	}
	for k := range props {
		if !slices.Contains(goNames, k) {
			t.Errorf("schema %s documents %q, which %s does not have", name, k, typ)
		}
	}
	if !response {
		return
	}
	required := map[string]bool{}
	for _, r := range asSlice(schema["required"]) {
		required[r.(string)] = true
	}
	for _, f := range fields {
		switch {
		case required[f.name] && f.omitempty:
			t.Errorf("schema %s requires %q, but it is omitted when empty", name, f.name)
		case !required[f.name] && !f.omitempty && !sharedWithRequests[name]:
			t.Errorf("schema %s: %q is always written; list it in required", name, f.name)
		}
	}
}

// checkLimit compares a request field's declared limit (the limit and
// itemlimit tags casefile.CheckLimits enforces) with maxLength / maxItems in
// the document: every text a client sends has one, and the same.
func checkLimit(t *testing.T, doc oasDoc, where string, prop any, f jsonField) {
	t.Helper()
	s := resolve(t, doc, prop)
	want := func(key, tag string, s map[string]any) {
		n, err := strconv.Atoi(f.tag.Get(tag))
		if err != nil {
			t.Errorf("%s: no declared %s (struct tag %s)", where, key, tag)
			return
		}
		if got, _ := s[key].(float64); int(got) != n {
			t.Errorf("%s: %s is %v in openapi.json, the code allows %d", where, key, s[key], n)
		}
	}
	typ := f.typ
	switch {
	case typ.Kind() == reflect.String:
		want("maxLength", "limit", s)
	case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.String:
		want("maxItems", "limit", s)
		want("maxLength", "itemlimit", resolve(t, doc, s["items"]))
	case typ.Kind() == reflect.Slice && typ != rawType:
		want("maxItems", "limit", s)
	}
}

var (
	timeType = reflect.TypeFor[time.Time]()
	rawType  = reflect.TypeFor[json.RawMessage]()
	yuanType = reflect.TypeFor[workflows.Yuan]()
)

func checkType(t *testing.T, doc oasDoc, where string, prop any, typ reflect.Type, response bool, seen map[string]bool) {
	t.Helper()
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	refName := refOf(prop)
	s := resolve(t, doc, prop)
	got, _ := s["type"].(string)
	switch {
	case typ == yuanType:
		if refName != "Yuan" {
			t.Errorf("%s: a Yuan amount must refer to the Yuan schema", where)
		}
	case typ == timeType:
		if got != "string" || s["format"] != "date-time" {
			t.Errorf("%s: want a date-time string, have %v", where, s)
		}
	case typ == rawType:
		if got != "object" {
			t.Errorf("%s: want an object, have %v", where, s)
		}
	case typ.Kind() == reflect.String:
		if got != "string" {
			t.Errorf("%s: want a string, have %v", where, s)
		}
	case typ.Kind() == reflect.Bool:
		if got != "boolean" {
			t.Errorf("%s: want a boolean, have %v", where, s)
		}
	case typ.Kind() >= reflect.Int && typ.Kind() <= reflect.Uint64:
		if got != "integer" {
			t.Errorf("%s: want an integer, have %v", where, s)
		}
	case typ.Kind() == reflect.Slice:
		if got != "array" {
			t.Errorf("%s: want an array, have %v", where, s)
			return
		}
		checkType(t, doc, where+"[]", s["items"], typ.Elem(), response, seen)
	case typ.Kind() == reflect.Map && typ.Key().Kind() == reflect.String:
		if got != "object" || s["additionalProperties"] == nil {
			t.Errorf("%s: a map must be an object with additionalProperties, have %v", where, s)
			return
		}
		checkType(t, doc, where+"{}", s["additionalProperties"], typ.Elem(), response, seen)
	case typ.Kind() == reflect.Struct:
		if got != "object" || refName == "" {
			t.Errorf("%s: want a reference to an object schema, have %v", where, prop)
			return
		}
		checkFields(t, doc, refName, typ, response, seen)
	default:
		t.Errorf("%s: Go type %s not handled by this test", where, typ)
	}
}

type jsonField struct {
	name, goName string
	typ          reflect.Type
	omitempty    bool
	tag          reflect.StructTag
}

// jsonFields lists the JSON fields encoding/json gives a struct type,
// including those of embedded structs.
func jsonFields(typ reflect.Type) []jsonField {
	var out []jsonField
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name: name, goName: f.Name, typ: f.Type, omitempty: slices.Contains(strings.Split(opts, ","), "omitempty"), tag: f.Tag})
	}
	return out
}

// TestOpenAPIErrorCodes checks the ErrorCode enum and its table against the
// codes and statuses the handlers produce, and every error response of every
// operation against the table.
func TestOpenAPIErrorCodes(t *testing.T) {
	doc := loadOpenAPI(t)
	actual := sourceCodes(t)
	for code, status := range workflowCodes(t) {
		if prev, ok := actual[code]; ok && prev != status {
			t.Errorf("code %s has two statuses: %d and %d", code, prev, status)
		}
		actual[code] = status
	}
	for _, probe := range []struct{ method, path string }{{http.MethodGet, "/no/such/route"}, {http.MethodDelete, "/healthz"}} {
		rec := httptest.NewRecorder()
		engine(t).ServeHTTP(rec, httptest.NewRequest(probe.method, probe.path, nil))
		var body map[string]map[string]string
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s %s: %v", probe.method, probe.path, err)
		}
		actual[body["error"]["code"]] = rec.Code
	}

	codeSchema := doc.Components.Schemas["ErrorCode"]
	enum := enumOf(t, doc, codeSchema)
	table := map[string]int{}
	desc, _ := codeSchema["description"].(string)
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| ([0-9]{3}) \\|").FindAllStringSubmatch(desc, -1) {
		table[m[1]], _ = strconv.Atoi(m[2])
	}
	for code, status := range actual {
		if !slices.Contains(enum, code) {
			t.Errorf("error code %s (HTTP %d) is not in the ErrorCode enum", code, status)
		}
		if table[code] != status {
			t.Errorf("error code %s: the ErrorCode table says HTTP %d, the handlers give %d", code, table[code], status)
		}
	}
	for _, code := range enum {
		if _, ok := actual[code]; !ok {
			t.Errorf("the ErrorCode enum lists %s, which no handler produces", code)
		}
		if _, ok := table[code]; !ok {
			t.Errorf("the ErrorCode table lacks %s", code)
		}
	}

	// Each operation's error responses name codes of their own status.
	var raw struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Responses map[string]struct {
				Description string `json:"description"`
			} `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &raw); err != nil {
		t.Fatal(err)
	}
	backticked := regexp.MustCompile("`([a-z_]+)`")
	for path, ops := range raw.Paths {
		for method, opRaw := range ops {
			var op struct {
				Responses map[string]struct {
					Ref         string `json:"$ref"`
					Description string `json:"description"`
				} `json:"responses"`
			}
			if err := json.Unmarshal(opRaw, &op); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
			for status, r := range op.Responses {
				n, _ := strconv.Atoi(status)
				if n < 400 || path == "/readyz" {
					continue
				}
				d := r.Description
				if r.Ref != "" {
					d = raw.Components.Responses[strings.TrimPrefix(r.Ref, "#/components/responses/")].Description
				}
				_, listed, _ := strings.Cut(d, "Codes:")
				codes := backticked.FindAllStringSubmatch(listed, -1)
				if len(codes) == 0 {
					t.Errorf("%s %s %s: the description names no error code", strings.ToUpper(method), path, status)
				}
				for _, c := range codes {
					if table[c[1]] != n {
						t.Errorf("%s %s: response %s names code %s, which is HTTP %d", strings.ToUpper(method), path, status, c[1], table[c[1]])
					}
				}
			}
		}
	}
}

var statusByName = map[string]int{
	"StatusBadRequest": 400, "StatusUnauthorized": 401, "StatusForbidden": 403, "StatusNotFound": 404,
	"StatusMethodNotAllowed": 405, "StatusConflict": 409, "StatusRequestEntityTooLarge": 413, "StatusUnsupportedMediaType": 415, "StatusUnprocessableEntity": 422,
	"StatusTooManyRequests": 429, "StatusInternalServerError": 500, "StatusServiceUnavailable": 503,
}

// sourceCodes finds the error codes the API's handlers, the store's and
// authority's refusals write, with their HTTP status, by reading the sources: a new
// code cannot go undocumented.
func sourceCodes(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	add := func(file, code string, status int) {
		if prev, ok := out[code]; ok && prev != status {
			t.Errorf("%s: code %s has two statuses: %d and %d", file, code, prev, status)
		}
		out[code] = status
	}
	scan := func(glob string, patterns map[*regexp.Regexp]func(m []string) int) {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("no sources at %s: %v", glob, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for re, status := range patterns {
				for _, m := range re.FindAllStringSubmatch(string(src), -1) {
					add(f, m[len(m)-1], status(m))
				}
			}
		}
	}
	scan("*.go", map[*regexp.Regexp]func([]string) int{
		regexp.MustCompile(`newError\(\s*http\.(Status\w+),\s*"([a-z_]+)"`): func(m []string) int {
			s, ok := statusByName[m[1]]
			if !ok {
				t.Errorf("status %s: add it to statusByName", m[1])
			}
			return s
		},
		regexp.MustCompile(`AbortWithStatusJSON\(http\.(Status\w+),[^\n]*\n?[^\n]*"code":\s*"([a-z_]+)"`): func(m []string) int { return statusByName[m[1]] },
	})
	add("errors.go", badRequest("", "").code, badRequest("", "").status)
	add("errors.go", invalid("", "").code, invalid("", "").status)
	scan("../internal/store/*.go", map[*regexp.Regexp]func([]string) int{
		regexp.MustCompile(`refuse\(\s*"([a-z_]+)"`):   func([]string) int { return http.StatusUnprocessableEntity },
		regexp.MustCompile(`conflict\(\s*"([a-z_]+)"`): func([]string) int { return http.StatusConflict },
	})
	// The rules' refusals, which the store and the handlers pass on.
	scan("../internal/authority/*.go", map[*regexp.Regexp]func([]string) int{
		regexp.MustCompile(`Refuse\(\s*"([a-z_]+)"`):   func([]string) int { return http.StatusUnprocessableEntity },
		regexp.MustCompile(`Conflict\(\s*"([a-z_]+)"`): func([]string) int { return http.StatusConflict },
	})
	return out
}

// workflowCodes are the workflow's rejection codes (the Code constants of
// workflows/contract.go) with the status fail gives each.
func workflowCodes(t *testing.T) map[string]int {
	t.Helper()
	src, err := os.ReadFile("../workflows/contract.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, m := range regexp.MustCompile(`(?m)^\s*Code\w+\s*=\s*"([a-z_]+)"`).FindAllStringSubmatch(string(src), -1) {
		rec := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(rec)
		c.Request = httptest.NewRequest(http.MethodPost, "/", nil)
		fail(c, temporal.NewNonRetryableApplicationError("rejected", m[1], nil))
		out[m[1]] = rec.Code
	}
	if len(out) == 0 {
		t.Fatal("no Code constants found in workflows/contract.go")
	}
	return out
}

// ---- small helpers over the decoded document

func refOf(s any) string {
	m, _ := s.(map[string]any)
	if r, ok := m["$ref"].(string); ok {
		return strings.TrimPrefix(r, "#/components/schemas/")
	}
	if all := asSlice(m["allOf"]); len(all) == 1 {
		return refOf(all[0])
	}
	return ""
}

// resolve follows a $ref, or a description wrapper {"allOf": [$ref]}.
func resolve(t *testing.T, doc oasDoc, s any) map[string]any {
	t.Helper()
	if name := refOf(s); name != "" {
		target := doc.Components.Schemas[name]
		if target == nil {
			t.Fatalf("dangling reference to schema %s", name)
		}
		return target
	}
	m, _ := s.(map[string]any)
	return m
}

func enumOf(t *testing.T, doc oasDoc, s map[string]any) []string {
	t.Helper()
	var out []string
	for _, v := range asSlice(resolve(t, doc, s)["enum"]) {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

func bodyOneOf(t *testing.T, op map[string]any) []string {
	t.Helper()
	rb, _ := op["requestBody"].(map[string]any)
	content, _ := rb["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	schema, _ := media["schema"].(map[string]any)
	var out []string
	for _, alt := range asSlice(schema["oneOf"]) {
		name := refOf(alt)
		if name == "" {
			t.Fatalf("a oneOf alternative of the act body is not a schema reference: %v", alt)
		}
		out = append(out, name)
	}
	if len(out) == 0 {
		t.Fatal("the act request body has no oneOf")
	}
	return out
}

func propsOf(s map[string]any) map[string]any {
	p, _ := s["properties"].(map[string]any)
	return p
}

func asSlice(v any) []any { s, _ := v.([]any); return s }

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sameKeys(a, b map[string]any) bool { return slices.Equal(keys(a), keys(b)) }
