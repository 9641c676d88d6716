package api_test

// Administration over HTTP: the power list decides what may be filed, the
// certificate for the case's field decides each act, imports are all or
// nothing, and an administrator's reach ends at their own agency's subtree.

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/workflows"
)

// upload posts content as the multipart field "file" named name.
func (e *env) upload(path, token, name string, content []byte) resp {
	e.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", name)
	require.NoError(e.t, err)
	_, err = fw.Write(content)
	require.NoError(e.t, err)
	require.NoError(e.t, w.Close())
	return e.do("POST", path, token, buf.String(), "Content-Type", w.FormDataContentType())
}

// loginAs logs in with a password other than the demo one.
func (e *env) loginAs(login, password string) string {
	e.t.Helper()
	r := e.do("POST", "/auth/login", "", map[string]string{"login": login, "password": password})
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	return r.body["token"].(string)
}

// want requires status and error code (code "" for a success).
func want(t testing.TB, r resp, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.status, string(r.raw))
	require.Equal(t, code, r.errCode(), string(r.raw))
	if code != "" {
		require.Contains(t, r.body["error"].(map[string]any)["message"], " / ", "message in Chinese and English")
	}
}

func filingOf(code string, officers ...string) map[string]any {
	return map[string]any{
		"power_item_code": code,
		"party":           map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"},
		"facts":           "销售超过保质期的酸奶",
		"act_date":        "2026-09-20",
		"officer_ids":     officers,
	}
}

func caseID(r resp) string { return r.body["case"].(map[string]any)["id"].(string) }

// townshipOfficers are two certified officers of 城关镇 (a township under
// 青山县), as a province publishes them.
const townshipOfficers = "login,name,agency_id,roles,password,certificate_number,issued_by,fields,region,valid_from,valid_until\n" +
	"cg-officer1,钱多多,jn-lj-qs-cg,执法人员,initial-pass-1,JN-CG-2026-001,江南省人民政府,食品安全,城关镇,2026-01-01,2030-12-31\n" +
	"cg-officer2,孙小小,jn-lj-qs-cg,执法人员,initial-pass-2,JN-CG-2026-002,江南省人民政府,食品安全、价格监管,城关镇,2026-01-01,2030-12-31\n"

func TestFilingFollowsThePowerList(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	officer := e.login("qs-officer1")
	tomorrow := calendar.DateOf(time.Now()).AddDays(1).String()

	// A cancelled item: "不得在清单之外行使行政权力".
	r := e.do("POST", "/cases", officer, filingOf("JN-SC-CF-0099", "qs-officer1", "qs-officer2"))
	want(t, r, 422, "power_item_not_in_force")
	require.Contains(t, r.body["error"].(map[string]any)["message"], "取消")

	// An item exercised by the province only.
	r = e.do("POST", "/power-items", admin, map[string]any{"code": "JN-SC-CF-0100", "name": "对跨市食品安全违法行为的行政处罚",
		"kind": "penalty", "field": "食品安全", "legal_basis": "《食品安全法》第一百二十六条", "levels": []string{"province"},
		"effective_on": "2026-01-01", "decision_number": "江市监法〔2026〕2号"})
	want(t, r, 201, "")
	require.Equal(t, "jn", r.body["item"].(map[string]any)["agency_id"])
	want(t, e.do("POST", "/cases", officer, filingOf("JN-SC-CF-0100", "qs-officer1", "qs-officer2")), 422, "power_item_wrong_level")
	want(t, e.do("POST", "/power-items", admin, map[string]any{"code": "JN-SC-CF-0100", "name": "x", "kind": "penalty", "field": "食品安全",
		"legal_basis": "x", "levels": []string{"county"}, "effective_on": "2026-01-01"}), 409, "power_item_exists")
	want(t, e.do("POST", "/power-items", admin, map[string]any{"code": "JN-SC-CF-0109", "name": "x", "kind": "fine", "field": "食品安全",
		"legal_basis": "x", "levels": []string{"county"}, "effective_on": "2026-01-01"}), 422, "invalid_input")

	// A county item devolved to townships from tomorrow, by a published provincial decision.
	want(t, e.do("POST", "/power-items", admin, map[string]any{"code": "JN-SC-CF-0101", "name": "对餐饮服务提供者未公示许可证的行政处罚",
		"kind": "penalty", "field": "食品安全", "legal_basis": "《食品安全法》第一百二十六条", "levels": []string{"county"},
		"effective_on": "2026-01-01"}), 201, "")
	devolution := map[string]any{"status": "devolved", "to_level": "township", "effective_on": tomorrow}
	want(t, e.do("POST", "/power-items/JN-SC-CF-0101/changes", admin, devolution), 422, "devolution_unpublished")
	devolution["decision_number"], devolution["decision_by"], devolution["published_on"] = "江政发〔2026〕11号", "江南省人民政府", "2026-11-01"
	r = e.do("POST", "/power-items/JN-SC-CF-0101/changes", admin, devolution)
	want(t, r, 201, "")
	require.Len(t, r.body["history"], 2)
	want(t, e.do("POST", "/power-items/JN-SC-CF-0101/changes", admin, devolution), 409, "power_item_change_exists")

	// Township officers, imported; they file under the item devolved in
	// March (the demo's), not under the one devolved from tomorrow, nor
	// under a county-only item.
	want(t, e.upload("/imports/officers", admin, "城关镇执法人员.csv", []byte(townshipOfficers)), 200, "")
	township := e.loginAs("cg-officer1", "initial-pass-1")
	want(t, e.do("POST", "/cases", township, filingOf("JN-SC-CF-0101", "cg-officer1", "cg-officer2")), 422, "power_item_wrong_level")
	want(t, e.do("POST", "/cases", township, filingOf("JN-SC-CF-0001", "cg-officer1", "cg-officer2")), 422, "power_item_wrong_level")
	r = e.do("POST", "/cases", township, filingOf("JN-SC-CF-0002", "cg-officer1", "cg-officer2"))
	want(t, r, 201, "")
	require.Equal(t, "jn-lj-qs-cg", r.body["summary"].(map[string]any)["agency_id"])

	// The power list as the administrator reads it: today's status.
	r = e.do("GET", "/power-items/JN-SC-CF-0002", admin, nil)
	want(t, r, 200, "")
	require.Equal(t, "devolved", r.body["item"].(map[string]any)["status"])
	require.ElementsMatch(t, []any{"city", "county", "township"}, r.body["item"].(map[string]any)["levels"])
	r = e.do("GET", "/power-items?status=cancelled", admin, nil)
	want(t, r, 200, "")
	require.Len(t, r.body["items"], 1)
	want(t, e.do("GET", "/power-items/JN-NO-SUCH", admin, nil), 404, "power_item_not_found")
}

func TestCertificateFieldAndStatusDecideTheNextAct(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	p := e.people()

	r := e.do("POST", "/officers", admin, map[string]any{"login": "qs-officer9", "name": "冯敏", "agency_id": "jn-lj-qs",
		"password": "initial-pass-9", "roles": []string{"officer"}})
	want(t, r, 201, "")
	r = e.do("POST", "/certificates", admin, map[string]any{"number": "JN-QS-2026-009", "officer_id": "qs-officer9",
		"issued_by": "江南省人民政府", "fields": []string{"食品安全", "广告监管"}, "region": "青山县",
		"valid_from": "2026-01-01", "valid_until": "2030-12-31", "reason": "新发证"})
	want(t, r, 201, "")
	require.Equal(t, "valid", r.body["certificate"].(map[string]any)["state"])
	officer9 := e.loginAs("qs-officer9", "initial-pass-9")

	// Two cases with 冯敏 handling: one on food safety, one on advertising.
	r = e.do("POST", "/cases", p.officer1, filingOf("JN-SC-CF-0001", "qs-officer1", "qs-officer9"))
	want(t, r, 201, "")
	food := caseID(r)
	r = e.do("POST", "/cases", p.officer1, filingOf("JN-SC-CF-0003", "qs-officer1", "qs-officer9"))
	want(t, r, 201, "")
	ads := caseID(r)
	e.act(p.head, food, workflows.ActApproveFiling, nil, 200)
	e.act(p.head, ads, workflows.ActApproveFiling, nil, 200)

	// After the annual review her certificate covers advertising only.
	r = e.do("PATCH", "/certificates/JN-QS-2026-009", admin, map[string]any{"fields": []string{"广告监管"}, "reason": "年度审验调整执法领域"})
	want(t, r, 200, "")
	hist := r.body["history"].([]any)
	require.Len(t, hist, 2)
	last := hist[1].(map[string]any)
	require.Equal(t, "updated", last["action"])
	require.Equal(t, "jn-admin", last["actor_id"])
	require.Equal(t, "年度审验调整执法领域", last["reason"])

	evidenceBy := func(officers ...string) map[string]any {
		return map[string]any{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品", "collected_by": officers}
	}
	r = e.act(officer9, food, workflows.ActRecordEvidence, evidenceBy("qs-officer1", "qs-officer9"), http.StatusForbidden)
	require.NotContains(t, acts(e.do("GET", "/cases/"+food, officer9, nil)), "record-evidence")
	e.act(officer9, ads, workflows.ActRecordEvidence, evidenceBy("qs-officer1", "qs-officer9"), 200)
	want(t, e.do("POST", "/cases", p.officer1, filingOf("JN-SC-CF-0001", "qs-officer1", "qs-officer9")), 422, "invalid_input")

	// 张伟's certificate is suspended mid-case: his next act is refused; reinstated, he acts again.
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/suspend", admin, map[string]any{}), 422, "invalid_input")
	r = e.do("POST", "/certificates/JN-QS-2024-001/suspend", admin, map[string]any{"reason": "涉嫌执法过错，暂扣审查"})
	want(t, r, 200, "")
	require.Equal(t, "suspended", r.body["certificate"].(map[string]any)["status"])
	r = e.act(p.officer1, food, workflows.ActRecordEvidence, evidenceBy("qs-officer1", "qs-officer9"), http.StatusForbidden)
	require.Equal(t, "certificate_suspended", r.errCode())
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/suspend", admin, map[string]any{"reason": "再次"}), 409, "certificate_status")
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/reinstate", admin, map[string]any{"reason": "审查结束，恢复"}), 200, "")
	e.act(p.officer1, ads, workflows.ActRecordEvidence, evidenceBy("qs-officer1", "qs-officer9"), 200)

	r = e.do("GET", "/certificates/JN-QS-2024-001", admin, nil)
	want(t, r, 200, "")
	var got []string
	for _, h := range r.body["history"].([]any) {
		h := h.(map[string]any)
		require.Equal(t, "jn-admin", h["actor_id"])
		require.Equal(t, "系统管理员", h["actor_name"])
		got = append(got, h["action"].(string)+": "+h["reason"].(string))
	}
	require.Equal(t, []string{"suspended: 涉嫌执法过错，暂扣审查", "reinstated: 审查结束，恢复"}, got)

	// Revoked is final.
	want(t, e.do("POST", "/certificates/JN-QS-2026-009/revoke", admin, map[string]any{"reason": "调离执法岗位"}), 200, "")
	want(t, e.do("POST", "/certificates/JN-QS-2026-009/reinstate", admin, map[string]any{"reason": "误操作"}), 409, "certificate_status")
	r = e.act(officer9, ads, workflows.ActRecordEvidence, evidenceBy("qs-officer1", "qs-officer9"), http.StatusForbidden)
	require.Equal(t, "certificate_suspended", r.errCode())
	want(t, e.do("POST", "/certificates/NO-SUCH/revoke", admin, map[string]any{"reason": "x"}), 404, "certificate_not_found")
}

func TestImportsAreAllOrNothing(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")

	bad := townshipOfficers + "cg-officer3,周某,jn-lj-qs-cg,执法人员,initial-pass-3,JN-CG-2026-003,江南省人民政府,食品安全,城关镇,2026-01-01,2030-13-01\n"
	r := e.upload("/imports/officers", admin, "城关镇执法人员.csv", []byte(bad))
	want(t, r, 422, "import_rejected")
	rows := r.body["error"].(map[string]any)["rows"].([]any)
	require.Len(t, rows, 1)
	require.Equal(t, float64(4), rows[0].(map[string]any)["row"])
	require.Equal(t, "valid_until", rows[0].(map[string]any)["column"])
	require.Contains(t, rows[0].(map[string]any)["message"], " / ")
	r = e.do("GET", "/officers?agency_id=jn-lj-qs-cg", admin, nil)
	want(t, r, 200, "")
	require.Equal(t, float64(0), r.body["total"], "nothing imported")
	r = e.do("GET", "/certificates?agency_id=jn-lj-qs-cg", admin, nil)
	require.Equal(t, float64(0), r.body["total"])
	r = e.do("POST", "/auth/login", "", map[string]string{"login": "cg-officer1", "password": "initial-pass-1"})
	require.Equal(t, 401, r.status, "the good rows were not imported either")

	want(t, e.do("POST", "/imports/officers", admin, map[string]any{}), 400, "bad_request")
	want(t, e.upload("/imports/officers", admin, "名单.txt", []byte(townshipOfficers)), 422, "invalid_file")

	// The same list as a workbook imports.
	f := excelize.NewFile()
	header := []any{"login", "name", "agency_id", "roles", "password", "certificate_number", "issued_by", "fields", "region", "valid_from", "valid_until"}
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &header))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"cg-officer1", "钱多多", "jn-lj-qs-cg", "执法人员", "initial-pass-1", "JN-CG-2026-001", "江南省人民政府", "食品安全", "城关镇", "2026-01-01", "2030-12-31"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{"cg-officer2", "孙小小", "jn-lj-qs-cg", "执法人员", "initial-pass-2", "JN-CG-2026-002", "江南省人民政府", "食品安全、价格监管", "城关镇", "2026-01-01", "2030-12-31"}))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	r = e.upload("/imports/officers", admin, "城关镇执法人员.xlsx", buf.Bytes())
	want(t, r, 200, "")
	require.Equal(t, map[string]any{"officers_created": float64(2), "roles_assigned": float64(2), "certificates_created": float64(2),
		"certificates_updated": float64(0)}, r.body)
	r = e.do("GET", "/officers?agency_id=jn-lj-qs-cg", admin, nil)
	require.Equal(t, float64(2), r.body["total"])
	token := e.loginAs("cg-officer2", "initial-pass-2")
	r = e.do("GET", "/me", token, nil)
	want(t, r, 200, "")

	// A power list as a workbook: a new item, then its devolution to townships.
	f = excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"事项编码", "事项名称", "事项类型", "执法领域", "设定依据", "行使层级", "状态", "生效日期", "下放层级", "决定文号", "决定机关", "公布日期"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"JN-SC-CF-0400", "对食品摊贩未按规定登记的行政处罚", "行政处罚", "食品安全", "《江南省食品小作坊小餐饮和食品摊贩管理条例》第三十条", "县级", "实施", "2026-01-01"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{"JN-SC-CF-0400", "", "", "", "", "", "下放", "2026-04-01", "乡镇（街道）", "江政发〔2026〕5号", "江南省人民政府", "2026-03-20"}))
	buf.Reset()
	require.NoError(t, f.Write(&buf))
	r = e.upload("/imports/power-items", admin, "江南省权力清单.xlsx", buf.Bytes())
	want(t, r, 200, "")
	require.Equal(t, float64(1), r.body["items_created"])
	require.Equal(t, float64(1), r.body["changes_added"])
	r = e.do("POST", "/cases", token, filingOf("JN-SC-CF-0400", "cg-officer1", "cg-officer2"))
	want(t, r, 201, "")

	// A bad power list changes nothing.
	r = e.upload("/imports/power-items", admin, "清单.csv", []byte("code,name,kind,field,legal_basis,levels,status,effective_on\n"+
		"JN-SC-CF-0401,某事项,行政处罚,食品安全,某法,县级,实施,2026-01-01\n"+
		"JN-SC-CF-0400,,,,,,取消,2026-13-01\n"))
	want(t, r, 422, "import_rejected")
	want(t, e.do("GET", "/power-items/JN-SC-CF-0401", admin, nil), 404, "power_item_not_found")
}

func TestAdministratorsReachOnlyTheirSubtree(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	want(t, e.do("POST", "/officers", admin, map[string]any{"login": "qs-admin", "name": "青山管理员", "agency_id": "jn-lj-qs",
		"password": "initial-pass-a", "roles": []string{"admin"}}), 201, "")
	want(t, e.do("POST", "/officers", admin, map[string]any{"login": "qs-admin", "name": "重名", "agency_id": "jn-lj-qs",
		"password": "initial-pass-a"}), 409, "login_taken")
	want(t, e.do("POST", "/officers", admin, map[string]any{"login": "qs-x", "name": "短密码", "agency_id": "jn-lj-qs",
		"password": "short"}), 422, "invalid_input")
	qs := e.loginAs("qs-admin", "initial-pass-a")

	// Another county's officers, certificates and agency do not exist for the county's administrator.
	want(t, e.do("GET", "/officers/bs-officer1", qs, nil), 404, "officer_not_found")
	want(t, e.do("POST", "/officers/bs-officer1/roles", qs, map[string]any{"agency_id": "jn-lj-bs", "role": "reviewer"}), 404, "officer_not_found")
	want(t, e.do("POST", "/certificates/JN-BS-2024-001/suspend", qs, map[string]any{"reason": "x"}), 404, "certificate_not_found")
	want(t, e.do("GET", "/agencies/jn-lj-bs", qs, nil), 404, "agency_not_found")
	want(t, e.do("PATCH", "/agencies/jn-lj-bs", qs, map[string]any{"name": "x"}), 404, "agency_not_found")
	// …and they cannot create there, nor give their own staff a role there.
	want(t, e.do("POST", "/officers", qs, map[string]any{"login": "bs-new", "name": "某", "agency_id": "jn-lj-bs", "password": "initial-pass-b"}), 403, "forbidden")
	want(t, e.do("POST", "/officers/qs-officer1/roles", qs, map[string]any{"agency_id": "jn-lj-bs", "role": "reviewer"}), 403, "forbidden")
	want(t, e.do("POST", "/agencies", qs, map[string]any{"id": "jn-lj-bs-x", "parent_id": "jn-lj-bs", "name": "某镇", "level": "township", "code": "某镇"}), 403, "forbidden")
	r := e.upload("/imports/officers", qs, "名单.csv", []byte("login,name,agency_id,password\nbs-new,某,jn-lj-bs,initial-pass-b\n"))
	want(t, r, 422, "import_rejected")
	require.Equal(t, "agency_id", r.body["error"].(map[string]any)["rows"].([]any)[0].(map[string]any)["column"])
	// The province's power list applies to them; they read it but do not change it.
	r = e.do("GET", "/power-items", qs, nil)
	want(t, r, 200, "")
	require.NotEmpty(t, r.body["items"])
	want(t, e.do("POST", "/power-items/JN-SC-CF-0001/changes", qs, map[string]any{"status": "cancelled", "effective_on": "2027-01-01"}), 403, "forbidden")

	// Their own county and what lies below it they manage.
	r = e.do("GET", "/officers", qs, nil)
	want(t, r, 200, "")
	for _, it := range r.body["items"].([]any) {
		require.Contains(t, []string{"jn-lj-qs", "jn-lj-qs-cg", "jn-lj-qs-cgs"}, it.(map[string]any)["agency_id"])
	}
	r = e.do("GET", "/officers/qs-officer1", qs, nil)
	want(t, r, 200, "")
	require.Len(t, r.body["certificates"], 1)
	want(t, e.do("POST", "/agencies", qs, map[string]any{"id": "jn-lj-qs-dz", "parent_id": "jn-lj-qs", "name": "青山县东镇人民政府",
		"level": "township", "code": "东镇"}), 201, "")
	want(t, e.do("POST", "/agencies", qs, map[string]any{"id": "jn-lj-qs-x", "parent_id": "jn-lj-qs", "name": "某县",
		"level": "county", "code": "某县"}), 422, "invalid_input")
	want(t, e.do("POST", "/officers", qs, map[string]any{"login": "dz-officer1", "name": "东镇执法员", "agency_id": "jn-lj-qs-dz",
		"password": "initial-pass-d", "roles": []string{"officer"}}), 201, "")
	want(t, e.do("POST", "/certificates/JN-QS-2024-002/suspend", qs, map[string]any{"reason": "县局暂扣"}), 200, "")

	// A supervisor reads personnel down the tree but manages nothing; an officer sees no one.
	manager := e.login("lj-manager")
	r = e.do("GET", "/certificates", manager, nil)
	want(t, r, 200, "")
	require.GreaterOrEqual(t, r.body["total"], float64(6))
	want(t, e.do("POST", "/certificates/JN-BS-2024-001/suspend", manager, map[string]any{"reason": "x"}), 403, "forbidden")
	officer := e.login("qs-officer1")
	r = e.do("GET", "/officers", officer, nil)
	want(t, r, 200, "")
	require.Equal(t, float64(0), r.body["total"])
	want(t, e.do("POST", "/officers", officer, map[string]any{"login": "x-1", "name": "某", "agency_id": "jn-lj-qs", "password": "initial-pass-x"}), 403, "forbidden")
}

func TestRoleAssignmentTakesEffectOnTheNextRequest(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	officer2 := e.login("qs-officer2")

	want(t, e.do("GET", "/deadlines", officer2, nil), 403, "forbidden")
	r := e.do("POST", "/officers/qs-officer2/roles", admin, map[string]any{"agency_id": "jn-lj", "role": "manager"})
	want(t, r, 200, "")
	require.Len(t, r.body["roles"], 2, "officer at the county, manager at the city: roles in two agencies")
	want(t, e.do("GET", "/deadlines", officer2, nil), 200, "")

	want(t, e.do("DELETE", "/officers/qs-officer2/roles/jn-lj/manager", admin, nil), 200, "")
	want(t, e.do("GET", "/deadlines", officer2, nil), 403, "forbidden")
	want(t, e.do("DELETE", "/officers/qs-officer2/roles/jn-lj/manager", admin, nil), 404, "role_not_found")
	want(t, e.do("POST", "/officers/qs-officer2/roles", admin, map[string]any{"agency_id": "jn-lj", "role": "chief"}), 422, "invalid_input")
	want(t, e.do("POST", "/officers/qs-officer2/roles", admin, map[string]any{"agency_id": "nowhere", "role": "manager"}), 422, "invalid_input")
	want(t, e.do("POST", "/officers/qs-officer2/roles", admin, map[string]any{"agency_id": "jn-lj", "role": "manager", "extra": 1}), 400, "bad_request")
}
