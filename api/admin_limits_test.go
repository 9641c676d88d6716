package api

// Every string a request of administration or identity carries has a
// declared limit (the limit and itemlimit tags checkLimits enforces), and openapi.json
// states the same limit as maxLength; the schemas of the account routes
// match their Go types.

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// limitedRequests are the request bodies of administration and identity;
// checkLimits bounds their text (for login and refresh, the handler
// itself with the same limits).
var limitedRequests = map[string]reflect.Type{
	"LoginRequest":              reflect.TypeFor[loginRequest](),
	"RefreshRequest":            reflect.TypeFor[refreshRequest](),
	"PasswordRequest":           reflect.TypeFor[passwordRequest](),
	"CreateAgencyRequest":       reflect.TypeFor[agencyRequest](),
	"AgencyPatch":               reflect.TypeFor[agencyPatch](),
	"CreateOfficerRequest":      reflect.TypeFor[createOfficerRequest](),
	"OfficerPatch":              reflect.TypeFor[officerPatch](),
	"RoleRequest":               reflect.TypeFor[roleRequest](),
	"PasswordResetRequest":      reflect.TypeFor[passwordResetRequest](),
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

// TestEveryRequestTextHasADocumentedLimit: each string and list of an
// administration or identity request, optional (pointer) fields included,
// declares its limit, and openapi.json states the same one.
func TestEveryRequestTextHasADocumentedLimit(t *testing.T) {
	doc := loadOpenAPI(t)
	for name, typ := range limitedRequests {
		t.Run(name, func(t *testing.T) {
			props := propsOf(doc.Components.Schemas[name])
			if props == nil {
				t.Fatalf("no schema %s", name)
			}
			for i := range typ.NumField() {
				f := typ.Field(i)
				json, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				want := func(key, tag string, s map[string]any) {
					n, err := strconv.Atoi(f.Tag.Get(tag))
					if err != nil {
						t.Errorf("%s.%s declares no %s", typ.Name(), f.Name, tag)
						return
					}
					if got, _ := s[key].(float64); int(got) != n {
						t.Errorf("%s.%s: %s is %v in openapi.json, the server allows %d", name, json, key, s[key], n)
					}
				}
				prop := resolve(t, doc, props[json])
				switch {
				case ft.Kind() == reflect.String:
					want("maxLength", "limit", prop)
				case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
					want("maxItems", "limit", prop)
					want("maxLength", "itemlimit", resolve(t, doc, prop["items"]))
				}
			}
		})
	}
}

func TestCheckLengthsNamesTheFieldAndTheLimit(t *testing.T) {
	long := strings.Repeat("长", 101)
	fields := []string{"ok", strings.Repeat("x", 33)}
	many := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}
	cases := []struct {
		name string
		req  any
		want string // "" when accepted
	}{
		{"at the limit", &officerPatch{Name: ptr(strings.Repeat("长", 100))}, ""},
		{"over, counted in characters", &officerPatch{Name: &long}, "name must be at most 100 characters"},
		{"a list item over", &certificatePatch{Fields: &fields, Reason: "x"}, "fields[1] must be at most 32 characters"},
		{"too many items", &certificatePatch{Fields: &many, Reason: "x"}, "fields must have at most 10 items"},
		{"a plain field", &reasonRequest{Reason: strings.Repeat("理", 501)}, "reason must be at most 500 characters"},
		{"absent fields", &certificatePatch{}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := checkLimits(c.req)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want != "" && err == nil:
				t.Fatal("accepted")
			case c.want != "":
				ae, ok := err.(*apiError)
				if !ok || ae.status != 422 || ae.code != "invalid_input" || !strings.Contains(ae.message, c.want) {
					t.Fatalf("got %v, want 422 invalid_input with %q", err, c.want)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestOpenAPIAccountSchemasMatchGoTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	responses := map[string]reflect.Type{
		"AuditList":             reflect.TypeFor[listResponse[store.AuditEntry]](),
		"PasswordResetResponse": reflect.TypeFor[passwordResetResponse](),
		"SessionsEnded":         reflect.TypeFor[sessionsEndedResponse](),
	}
	seen := map[string]bool{}
	for name, typ := range responses {
		checkFields(t, doc, name, typ, true, seen)
	}
	for _, name := range []string{"OfficerPatch", "PasswordResetRequest"} {
		checkFields(t, doc, name, limitedRequests[name], false, map[string]bool{})
		if doc.Components.Schemas[name]["additionalProperties"] != false {
			t.Errorf("schema %s: the server refuses unknown fields, so additionalProperties must be false", name)
		}
	}
}
