package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"hash/crc32"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/workflows"
)

// FuzzActBody reads a request body as the act handler does (decodeStrict,
// then checkLimits) into the input of an act of some procedure, or into the
// request that opens a case. Whatever the bytes: no panic, and a refusal is
// a client error (4xx) with a stable code; a body it accepts holds only
// text within every declared limit, and the input, written as the JSON the
// workflow receives, reads back and passes the limits again unchanged.
func FuzzActBody(f *testing.F) {
	kinds := bodyKinds()
	for _, s := range []struct{ key, body string }{
		{"create-case", `{"power_item_code": "JN-SC-CF-0001", "party": {"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"}, "facts": "销售超过保质期的酸奶", "act_date": "2026-09-20", "officer_ids": ["qs-officer1", "qs-officer2"]}`},
		{"general-penalty/approve-filing", `{"opinion": "同意立案"}`},
		{"general-penalty/record-evidence", `{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品", "collected_by": ["qs-officer1", "qs-officer2"]}`},
		{"general-penalty/decide", `{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": ["confiscate-gains", "fine"], "fine": "5000.00", "reasons": "当事人放弃陈述申辩，事实清楚，证据确凿"}`},
		{"general-penalty/schedule-hearing", `{"host": "qs-host", "clerk": "qs-reviewer", "at": "2026-12-10T09:30:00+08:00", "place": "本局听证室", "public": true, "notice_served_at": "2026-11-30T10:00:00+08:00", "notice_method": "direct"}`},
		{"summary-penalty/decide-on-spot", `{"penalty": "fine", "fine": "50.00", "form_number": "青市监当罚〔2026〕0007", "basis": "《食品安全法》第一百三十二条", "certificate_shown": true}`},
		{"compulsory-measure/propose-measure", `{"kind": "seize", "reason": "涉嫌不符合食品安全标准", "basis": "《食品安全法》第一百一十条", "properties": [{"name": "过期酸奶", "quantity": "24 盒", "custodian": "本局仓库"}]}`},
		{"compulsory-execution/apply-to-court", `{"court": "青山县人民法院", "reference": "青市监申执〔2026〕1号", "materials": ["申请书", "处罚决定书", "催告情况"]}`},
		{"general-penalty/approve-filing", `{"opinion": "\u0000"}`},
		{"general-penalty/approve-filing", `{"opinion": "同意"} {}`},
		{"general-penalty/approve-filing", `{"opinion": "\ud800"}`},
		{"general-penalty/record-payment", `{"amount": 5000.5, "receipt": "ICBC-2026-0001"}`},
	} {
		f.Add(s.key, []byte(s.body))
	}
	gin.SetMode(gin.ReleaseMode)
	f.Fuzz(func(t *testing.T, key string, body []byte) {
		k := pickKind(kinds, key)
		in := k.new()
		err := decodeBody(body, in)
		if err == nil {
			err = checkLimits(in)
		}
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) {
				t.Fatalf("%s: refusal is no API error (would be a 500): %v", k.key, err)
			}
			if ae.status < 400 || ae.status > 499 || ae.code == "" || !strings.Contains(ae.message, " / ") {
				t.Fatalf("%s: refusal %d %q %q, want a 4xx with a code and a message in Chinese and English", k.key, ae.status, ae.code, ae.message)
			}
			return
		}
		checkDeclaredText(t, k.key, reflect.ValueOf(in), "", "")
		once, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("%s: accepted input does not encode: %v", k.key, err)
		}
		again := k.new()
		if err := json.Unmarshal(once, again); err != nil {
			t.Fatalf("%s: accepted input does not decode again: %v\n%s", k.key, err, once)
		}
		if err := checkLimits(again); err != nil {
			t.Fatalf("%s: accepted input refused once re-encoded: %v\n%s", k.key, err, once)
		}
		twice, err := json.Marshal(again)
		if err != nil {
			t.Fatalf("%s: re-encoded input does not encode: %v", k.key, err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("%s: input changes when read back:\n%s\n%s", k.key, once, twice)
		}
	})
}

// decodeBody runs decodeStrict on body as a POST's.
func decodeBody(body []byte, dst any) error {
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
	return decodeStrict(c, dst)
}

// bodyKind is one kind of body a case route reads.
type bodyKind struct {
	key string
	new func() any
}

// bodyKinds are the request that opens a case and every act's input, by
// procedure/act.
func bodyKinds() []bodyKind {
	out := []bodyKind{{key: "create-case", new: func() any { return &createCaseRequest{} }}}
	for _, r := range workflows.All() {
		for _, act := range r.ActList() {
			if act == workflows.ActOpenCase {
				continue
			}
			out = append(out, bodyKind{key: r.Name() + "/" + string(act), new: func() any {
				in, _ := r.NewInput(act)
				return in
			}})
		}
	}
	return out
}

// pickKind is the kind named key, or one chosen by the key's hash.
func pickKind(kinds []bodyKind, key string) bodyKind {
	for _, k := range kinds {
		if k.key == key {
			return k
		}
	}
	return kinds[crc32.ChecksumIEEE([]byte(key))%uint32(len(kinds))]
}

// checkDeclaredText walks an accepted input on its own, apart from
// casefile.CheckLimits: every string a client can set is valid UTF-8
// without NUL and within the limit declared on its field, every list within
// its count and its items within their item limit.
func checkDeclaredText(t *testing.T, key string, v reflect.Value, path, limit string) {
	t.Helper()
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		n, err := strconv.Atoi(limit)
		if err != nil {
			t.Fatalf("%s: %s holds %q but declares no limit", key, path, s)
		}
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 || utf8.RuneCountInString(s) > n {
			t.Fatalf("%s: accepted %s = %q breaks its limit of %d characters", key, path, s, n)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 || v.Len() == 0 {
			return
		}
		n, err := strconv.Atoi(limit)
		if err != nil || v.Len() > n {
			t.Fatalf("%s: accepted %s has %d items, limit %q", key, path, v.Len(), limit)
		}
	case reflect.Struct:
		if v.Type().PkgPath() == "time" {
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			tag := f.Tag.Get("limit")
			if !f.IsExported() || tag == "server" {
				continue
			}
			fp := path + "." + f.Name
			fv := v.Field(i)
			if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() != reflect.Uint8 {
				checkDeclaredText(t, key, fv, fp, tag)
				for j := range fv.Len() {
					item := f.Tag.Get("itemlimit")
					if fv.Index(j).Kind() != reflect.String {
						item = ""
					}
					checkDeclaredText(t, key, fv.Index(j), fp+"["+strconv.Itoa(j)+"]", item)
				}
				continue
			}
			checkDeclaredText(t, key, fv, fp, tag)
		}
	}
}
