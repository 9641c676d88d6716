package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSummaryProcedureOverHTTP: an on-the-spot penalty (简易程序, PL 51–52)
// runs on the same kernel, in the same inboxes, deadline lists and record
// as the general procedure: a person fined 200.01 元 is refused (use the
// general procedure), 200.00 元 is decided, paid at the bank, filed with
// the agency, and the case closes.
func TestSummaryProcedureOverHTTP(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	body := withParty("王小明")
	body["party"] = map[string]any{"kind": "person", "name": "王小明"}
	body["procedure"] = "summary-penalty"
	r := e.do("POST", "/cases", p.officer1, body)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	id := r.body["case"].(map[string]any)["id"].(string)
	require.Equal(t, "on-site", stage(r))
	require.Equal(t, "summary-penalty", r.body["summary"].(map[string]any)["procedure"])
	require.ElementsMatch(t, []string{"hear-party", "apply-recusal"}, acts(r), "no decision before the party is heard")

	e.act(p.officer1, id, "hear-party", map[string]any{"text": "当事人承认在店外占道经营"}, 200)
	decide := map[string]any{"penalty": "fine", "fine": "200.01", "form_number": "青市监当罚〔2026〕0007",
		"basis": "《食品安全法》第一百三十二条", "reasons": "当场查明", "certificate_shown": true}
	over := e.act(p.officer1, id, "decide-on-spot", decide, 422)
	require.Contains(t, string(over.raw), "一般程序")
	decide["fine"] = "200.00"
	r = e.act(p.officer1, id, "decide-on-spot", decide, 200)
	require.Equal(t, "executing", stage(r))

	inbox := e.do("GET", "/tasks", p.officer2, nil)
	require.Contains(t, string(inbox.raw), id, "the second officer's inbox holds the payment step")
	dl := e.do("GET", "/deadlines?state=open", p.manager, nil)
	require.Contains(t, string(dl.raw), "SAMR 70", "the supervisor sees the 7-working-day filing deadline")

	e.act(p.officer1, id, "record-payment", map[string]any{"amount": "200.00", "receipt": "ICBC-2026-0777"}, 200)
	r = e.act(p.officer2, id, "file-with-agency", map[string]any{"opinion": "报备"}, 200)
	require.Equal(t, "closed", stage(r))
	// An act of the general procedure does not exist on this case.
	e.act(p.officer1, id, "record-evidence", evidence, 404)
	list := e.do("GET", "/cases?state=closed", p.manager, nil)
	require.Contains(t, string(list.raw), id)
}

// TestCoSigningOfficerNeedsAValidCertificate (PL 42): evidence collected
// with an officer whose certificate was suspended after filing is refused,
// as if that officer had acted alone; the case stays usable.
func TestCoSigningOfficerNeedsAValidCertificate(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, "approve-filing", nil, 200)
	admin := e.login("jn-admin")
	r := e.do("POST", "/certificates/JN-QS-2024-002/suspend", admin, map[string]any{"reason": "暂扣审查"})
	require.Equal(t, 200, r.status, string(r.raw))
	refused := e.act(p.officer1, id, "record-evidence", evidence, 422)
	require.Contains(t, string(refused.raw), "李娜", "the message names the co-signer without a valid certificate")
	one := map[string]any{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品",
		"collected_by": []string{"qs-officer1"}}
	e.act(p.officer1, id, "record-evidence", one, 422) // and one collector is not enough (PL 42, 55)
}

// TestSuspendedHandlerAsksTheHeadToReassign (PL 42): when a handling
// officer's certificate is suspended mid-case, the case counts them as
// lapsed and the head's inbox asks for a reassignment, as on expiry.
func TestSuspendedHandlerAsksTheHeadToReassign(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, "approve-filing", nil, 200)
	admin := e.login("jn-admin")
	r := e.do("POST", "/certificates/JN-QS-2024-002/suspend", admin, map[string]any{"reason": "暂扣审查"})
	require.Equal(t, 200, r.status, string(r.raw))
	require.Eventually(t, func() bool {
		inbox := e.do("GET", "/tasks", p.head, nil)
		return strings.Contains(string(inbox.raw), `"key":"reassignment"`)
	}, 10*time.Second, 100*time.Millisecond, "the head is asked to reassign")
	c := e.do("GET", "/cases/"+id, p.head, nil)
	require.Contains(t, c.body["case"].(map[string]any)["lapsed_certificates"], "qs-officer2")
	require.Contains(t, acts(c), "reassign-officers")
}

// TestFilingRefusedAfterTheLimitationPeriod_PL36: the application gives the
// day of the act; one not discovered within two years is refused, and an
// application without the day is incomplete.
func TestFilingRefusedAfterTheLimitationPeriod_PL36(t *testing.T) {
	e := newEnv(t)
	officer := e.login("qs-officer1")
	stale := withParty("青山县好味食品店")
	stale["act_date"] = "2023-06-30"
	stale["discovered_at"] = "2026-11-02T09:00:00+08:00"
	r := e.do("POST", "/cases", officer, stale)
	require.Equal(t, 422, r.status, string(r.raw))
	require.Contains(t, string(r.raw), "第三十六条")
	stale["grave_harm"] = true // five years where health was harmed
	r = e.do("POST", "/cases", officer, stale)
	require.Equal(t, 201, r.status, string(r.raw))
	undated := withParty("青山县好味食品店")
	delete(undated, "act_date")
	r = e.do("POST", "/cases", officer, undated)
	require.Equal(t, 422, r.status, string(r.raw))
}
