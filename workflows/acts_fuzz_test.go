package workflows

import (
	"bytes"
	"encoding/json"
	"errors"
	"hash/crc32"
	"testing"

	"go.temporal.io/sdk/temporal"

	"github.com/zhifa/zhifa/internal/casefile"
)

// FuzzActInput reads an act's input as the workflow's validator does: the
// update's JSON payload decoded into the act's input, checked against the
// declared limits and by the input's own rules (validate), without the
// case's state. Whatever the bytes, it must not panic, and a refusal must
// be a rejection with a code; an input it accepts must respect every
// declared limit and read back the same after being written as JSON again
// (what the next run of the workflow, or a replay, decodes).
func FuzzActInput(f *testing.F) {
	acts := fuzzActs()
	for _, s := range actSeeds {
		f.Add(s.key, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, key string, body []byte) {
		a := pickAct(acts, key)
		in := a.newInput()
		if err := json.Unmarshal(body, in); err != nil {
			return // the kernel answers invalid_input with the decoder's words
		}
		err := validateInput(in)
		if err != nil {
			if code := RejectionCode(err); code == "" {
				t.Fatalf("%s: refusal is not a rejection: %v", a.key, err)
			}
			var app *temporal.ApplicationError
			if errors.As(err, &app) && !app.NonRetryable() {
				t.Fatalf("%s: a refused input would be retried: %v", a.key, err)
			}
			return
		}
		if e := casefile.CheckLimits(in); e != nil {
			t.Fatalf("%s: accepted input breaks a limit after validation: %v", a.key, e)
		}
		once, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("%s: accepted input does not encode: %v", a.key, err)
		}
		again := a.newInput()
		if err := json.Unmarshal(once, again); err != nil {
			t.Fatalf("%s: accepted input does not decode again: %v\n%s", a.key, err, once)
		}
		if err := validateInput(again); err != nil {
			t.Fatalf("%s: accepted input refused once re-encoded: %v\n%s", a.key, err, once)
		}
		twice, err := json.Marshal(again)
		if err != nil {
			t.Fatalf("%s: re-encoded input does not encode: %v", a.key, err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("%s: input changes when read back:\n%s\n%s", a.key, once, twice)
		}
	})
}

// validateInput is the validator's check of the input alone (kernel.go):
// limits, then the input's own rules.
func validateInput(in Input) error {
	if err := checkLimits(in); err != nil {
		return err
	}
	if v, ok := in.(interface{ validate() error }); ok {
		return v.validate()
	}
	return nil
}

// fuzzAct is one act of one procedure, named procedure/act.
type fuzzAct struct {
	key      string
	proc     Registered
	act      casefile.Act
	newInput func() Input
}

// fuzzActs lists every act a person performs through the API (all but the
// opening, which has its own request).
func fuzzActs() []fuzzAct {
	var out []fuzzAct
	for _, r := range All() {
		for _, act := range r.ActList() {
			if act == ActOpenCase {
				continue
			}
			out = append(out, fuzzAct{key: r.Name() + "/" + string(act), proc: r, act: act, newInput: func() Input {
				in, _ := r.NewInput(act)
				return in
			}})
		}
	}
	return out
}

// pickAct is the act named key, or, for any other key, one chosen by its
// hash: a mutated name still reaches some act.
func pickAct(acts []fuzzAct, key string) fuzzAct {
	for _, a := range acts {
		if a.key == key {
			return a
		}
	}
	return acts[crc32.ChecksumIEEE([]byte(key))%uint32(len(acts))]
}

// actSeeds are acts as the README's walk-throughs perform them.
var actSeeds = []struct{ key, body string }{
	{"general-penalty/approve-filing", `{"opinion": "同意立案"}`},
	{"general-penalty/record-evidence", `{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品", "collected_by": ["qs-officer1", "qs-officer2"]}`},
	{"general-penalty/submit-report", `{"facts": "当事人销售过期酸奶 12 盒", "proposal": {"penalty": "没收违法所得并处罚款", "kinds": ["confiscate-gains", "fine"], "fine": "5000.00", "basis": "《食品安全法》第一百二十四条"}}`},
	{"general-penalty/return-review", `{"opinion": "请补充进货票据"}`},
	{"general-penalty/approve-review", `{"opinion": "同意"}`},
	{"general-penalty/approve-penalty", `{}`},
	{"general-penalty/serve-notice", `{"method": "direct", "receiver": "店主"}`},
	{"general-penalty/serve-notice", `{"method": "mail", "received_on": "2026-11-27"}`},
	{"general-penalty/record-waiver", `{"statement": "本人自愿放弃陈述、申辩和要求听证的权利", "document": "放弃声明书 青市监〔2026〕1号", "received_by": "qs-officer1"}`},
	{"general-penalty/record-statement", `{"text": "当事人要求听证", "hearing_requested": true}`},
	{"general-penalty/schedule-hearing", `{"host": "qs-host", "clerk": "qs-reviewer", "at": "2026-12-10T09:30:00+08:00", "place": "本局听证室", "public": true, "notice_served_at": "2026-11-30T10:00:00+08:00", "notice_method": "direct"}`},
	{"general-penalty/record-hearing", `{"outcome": "held", "record": "…", "signed": true, "report": "…"}`},
	{"general-penalty/decide", `{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": ["confiscate-gains", "fine"], "fine": "5000.00", "reasons": "当事人放弃陈述申辩，事实清楚，证据确凿"}`},
	{"general-penalty/decide", `{"outcome": "penalty", "penalty": "罚款", "fine": "5000", "reasons": "—"}`},
	{"general-penalty/serve-decision", `{"method": "direct"}`},
	{"general-penalty/publish", `{"channel": "临江市人民政府门户网站"}`},
	{"general-penalty/record-payment", `{"amount": "5000.00", "receipt": "ICBC-2026-0001"}`},
	{"general-penalty/record-execution", `{"penalty": "confiscate-gains", "description": "违法所得 360 元已缴入国库"}`},
	{"general-penalty/request-closing", `{"opinion": "罚没款已缴清"}`},
	{"general-penalty/approve-closing", `{}`},
	{"summary-penalty/hear-party", `{"text": "当事人承认占道经营"}`},
	{"summary-penalty/decide-on-spot", `{"penalty": "fine", "fine": "200.01", "form_number": "青市监当罚〔2026〕0007", "basis": "《食品安全法》第一百三十二条", "certificate_shown": true}`},
	{"summary-penalty/decide-on-spot", `{"penalty": "fine", "fine": "50.00", "form_number": "青市监当罚〔2026〕0007", "basis": "《食品安全法》第一百三十二条", "certificate_shown": true}`},
	{"summary-penalty/collect-on-spot", `{"amount": "50.00", "receipt": "浙财罚 0001"}`},
	{"summary-penalty/hand-in-cash", `{"voucher": "SK-0009"}`},
	{"summary-penalty/file-with-agency", `{}`},
	{"compulsory-measure/propose-measure", `{"kind": "seize", "reason": "涉嫌不符合食品安全标准", "basis": "《食品安全法》第一百一十条", "properties": [{"name": "过期酸奶", "quantity": "24 盒", "custodian": "本局仓库"}]}`},
	{"compulsory-measure/approve-measure", `{}`},
	{"compulsory-measure/take-measure", `{"officers": ["qs-officer1", "qs-officer2"], "party_present": true, "party_signed": true, "party_heard": "当事人无异议", "decision_ref": "青市监扣〔2026〕1号及清单"}`},
	{"compulsory-measure/extend-measure", `{"days": 30, "notice": "延长扣押期限告知书", "reason": "待检验"}`},
	{"compulsory-measure/release-measure", `{"reference": "解除扣押决定书", "reason": "检验合格"}`},
	{"compulsory-execution/serve-demand", `{"method": "direct", "reference": "青市监催〔2026〕1号", "perform_by": "2026-12-10", "manner": "到银行缴纳", "amount": "5000.00", "payment": "工商银行代收"}`},
	{"compulsory-execution/apply-to-court", `{"court": "青山县人民法院", "reference": "青市监申执〔2026〕1号", "materials": ["申请书", "处罚决定书", "催告情况"]}`},
}
