package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/internal/store"
)

var admin = store.Actor{ID: "jn-admin", Name: "系统管理员"}

// seeded is a migrated store holding the demo data.
func seeded(t *testing.T) (*store.Store, rawDB) {
	t.Helper()
	st, db := openWithSQL(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	return st, db
}

// refusalCode is the code of a store refusal, or "" for nil; any other
// error fails the test.
func refusalCode(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var r *store.Refusal
	require.True(t, errors.As(err, &r), "want a refusal, got %v", err)
	require.NotEmpty(t, r.Zh)
	require.NotEmpty(t, r.En)
	return r.Code
}

// filing asks whether agency may file under code at a Beijing date.
func filing(t *testing.T, st *store.Store, code, agencyID, day string) string {
	t.Helper()
	item, err := st.PowerItem(t.Context(), code)
	require.NoError(t, err)
	agency, err := st.Agency(t.Context(), agencyID)
	require.NoError(t, err)
	return refusalCode(t, st.CheckFiling(t.Context(), item, agency, beijing(t, day+"T10:00:00+08:00")))
}

const (
	township   = "jn-lj-qs-cg"  // 城关镇人民政府, a regular township government
	dispatched = "jn-lj-qs-cgs" // 城关市场监督管理所, dispatched by the county bureau
)

func TestFilingFollowsThePowerList(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	tests := []struct {
		name, code, agency, day, want string
	}{
		{"an item in force at the county", "JN-SC-CF-0001", qingshan, "2026-09-28", ""},
		{"the same item at the city", "JN-SC-CF-0001", linjiang, "2026-09-28", ""},
		{"not exercised by the province", "JN-SC-CF-0001", "jn", "2026-09-28", "power_item_wrong_level"},
		{"not exercised by a township", "JN-SC-CF-0001", township, "2026-09-28", "power_item_wrong_level"},
		{"a dispatched organ acts at its county's level", "JN-SC-CF-0001", dispatched, "2026-09-28", ""},
		{"before the list took effect", "JN-SC-CF-0001", qingshan, "2018-12-31", "power_item_not_in_force"},
		{"a cancelled item, after its cancellation", "JN-SC-CF-0099", qingshan, "2024-07-01", "power_item_not_in_force"},
		{"the cancelled item the day before", "JN-SC-CF-0099", qingshan, "2024-06-30", ""},
		{"devolved to townships: not the day before", "JN-SC-CF-0002", township, "2026-02-28", "power_item_wrong_level"},
		{"devolved to townships: from its effective date", "JN-SC-CF-0002", township, "2026-03-01", ""},
		{"the county keeps the devolved item", "JN-SC-CF-0002", qingshan, "2026-09-28", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, filing(t, st, tt.code, tt.agency, tt.day))
		})
	}

	// The refusal says why, in both languages.
	item, err := st.PowerItem(t.Context(), "JN-SC-CF-0099")
	require.NoError(t, err)
	require.Equal(t, store.PowerCancelled, item.Status, "the item's status is today's")
	agency, err := st.Agency(t.Context(), qingshan)
	require.NoError(t, err)
	var r *store.Refusal
	require.ErrorAs(t, st.CheckFiling(t.Context(), item, agency, time.Now()), &r)
	require.Contains(t, r.Zh, "取消")
	require.Contains(t, r.Zh, "江政发〔2024〕18号")
	require.Contains(t, r.En, "cancelled")
}

func TestDevolutionToTownshipsNeedsAPublishedProvincialDecision(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	require.NoError(t, st.CreatePowerItem(ctx, store.PowerItem{Code: "JN-SC-CF-0200", Name: "对销售未经检疫肉类的行政处罚", Kind: store.KindPenalty,
		Field: "食品安全", LegalBasis: "《食品安全法》第一百二十三条", Levels: []string{"county"}, AgencyID: "jn"},
		store.PowerItemChange{Status: store.PowerInForce, EffectiveOn: "2026-01-01"}, admin))

	// Without a document number or a publication date the change is refused and nothing is written.
	for _, c := range []store.PowerItemChange{
		{Code: "JN-SC-CF-0200", Status: store.PowerDevolved, EffectiveOn: "2027-01-01", ToLevel: "township"},
		{Code: "JN-SC-CF-0200", Status: store.PowerDevolved, EffectiveOn: "2027-01-01", ToLevel: "township", DecisionNumber: "江政发〔2026〕9号"},
	} {
		_, err := st.AddPowerItemChange(ctx, c, admin)
		require.Equal(t, "devolution_unpublished", refusalCode(t, err))
	}
	require.Equal(t, 1, rows(t, db, "power_item_history", "code = ?", "JN-SC-CF-0200"))

	// A decision effective 1 January, published on 10 January: townships exercise it from publication.
	_, err := st.AddPowerItemChange(ctx, store.PowerItemChange{Code: "JN-SC-CF-0200", Status: store.PowerDevolved, EffectiveOn: "2027-01-01",
		ToLevel: "township", DecisionNumber: "江政发〔2026〕9号", DecisionBy: "江南省人民政府", PublishedOn: "2027-01-10"}, admin)
	require.NoError(t, err)
	require.Equal(t, "power_item_wrong_level", filing(t, st, "JN-SC-CF-0200", township, "2026-12-31"))
	require.Equal(t, "power_item_devolution_unpublished", filing(t, st, "JN-SC-CF-0200", township, "2027-01-05"))
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0200", township, "2027-01-10"))
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0200", qingshan, "2027-01-10"))

	// The same change again is one line.
	_, err = st.AddPowerItemChange(ctx, store.PowerItemChange{Code: "JN-SC-CF-0200", Status: store.PowerDevolved, EffectiveOn: "2027-01-01",
		ToLevel: "township", DecisionNumber: "江政发〔2026〕9号", PublishedOn: "2027-01-10"}, admin)
	require.Equal(t, "power_item_change_exists", refusalCode(t, err))

	// An item written with a township level but no history has no published decision.
	require.NoError(t, st.PutPowerItem(ctx, store.PowerItem{Code: "JN-SC-CF-0201", Name: "旧数据", Kind: store.KindPenalty, Field: "食品安全",
		LegalBasis: "—", Levels: []string{"county", "township"}, Status: store.PowerInForce, AgencyID: "jn"}))
	require.Equal(t, "power_item_devolution_unpublished", filing(t, st, "JN-SC-CF-0201", township, "2026-09-28"))
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0201", qingshan, "2026-09-28"))
}

func TestMergedInternalAndDelegatedItems(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	add := func(c store.PowerItemChange) string {
		t.Helper()
		_, err := st.AddPowerItemChange(ctx, c, admin)
		return refusalCode(t, err)
	}
	require.Equal(t, "", add(store.PowerItemChange{Code: "JN-SC-CF-0004", Status: store.PowerMerged, EffectiveOn: "2026-07-01", MergedInto: "JN-SC-CF-0001",
		DecisionNumber: "江政发〔2026〕7号"}))
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0004", qingshan, "2026-06-30"))
	item, err := st.PowerItem(ctx, "JN-SC-CF-0004")
	require.NoError(t, err)
	agency, err := st.Agency(ctx, qingshan)
	require.NoError(t, err)
	var r *store.Refusal
	require.ErrorAs(t, st.CheckFiling(ctx, item, agency, beijing(t, "2026-07-01T09:00:00+08:00")), &r)
	require.Equal(t, "power_item_not_in_force", r.Code)
	require.Contains(t, r.Zh, "合并至 JN-SC-CF-0001")
	require.Equal(t, "invalid_input", add(store.PowerItemChange{Code: "JN-SC-CF-0003", Status: store.PowerMerged, EffectiveOn: "2026-07-01", MergedInto: "JN-NO-SUCH"}))

	require.Equal(t, "", add(store.PowerItemChange{Code: "JN-SC-CF-0003", Status: store.PowerInternal, EffectiveOn: "2026-08-01"}))
	require.Equal(t, "power_item_not_in_force", filing(t, st, "JN-SC-CF-0003", qingshan, "2026-08-01"))

	// A delegated organization (受委托组织) under the county bureau.
	require.NoError(t, st.CreateAgency(ctx, store.Agency{ID: "jn-lj-qs-zd", ParentID: qingshan, Name: "青山县市场监管综合执法大队",
		Level: casefile.LevelCounty, Code: "青山执法大队", Kind: store.AgencyDelegated}))
	require.Equal(t, "power_item_not_delegated", filing(t, st, "JN-SC-CF-0001", "jn-lj-qs-zd", "2026-09-28"))
	require.Equal(t, "delegation_unpublished", add(store.PowerItemChange{Code: "JN-SC-CF-0001", Status: store.PowerDelegated, EffectiveOn: "2026-09-01",
		DelegatedTo: "jn-lj-qs-zd"}))
	require.Equal(t, "not_delegable", add(store.PowerItemChange{Code: "JN-SC-QZ-0001", Status: store.PowerDelegated, EffectiveOn: "2026-09-01",
		DelegatedTo: "jn-lj-qs-zd", DecisionNumber: "青市监委〔2026〕1号", PublishedOn: "2026-08-20"}), "CL 17")
	require.Equal(t, "invalid_input", add(store.PowerItemChange{Code: "JN-SC-CF-0001", Status: store.PowerDelegated, EffectiveOn: "2026-09-01",
		DelegatedTo: qingshan, DecisionNumber: "青市监委〔2026〕1号", PublishedOn: "2026-08-20"}), "only to a delegated organization")
	require.Equal(t, "", add(store.PowerItemChange{Code: "JN-SC-CF-0001", Status: store.PowerDelegated, EffectiveOn: "2026-09-01",
		DelegatedTo: "jn-lj-qs-zd", DecisionNumber: "青市监委〔2026〕1号", PublishedOn: "2026-08-20"}))
	require.Equal(t, "power_item_not_delegated", filing(t, st, "JN-SC-CF-0001", "jn-lj-qs-zd", "2026-08-31"))
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0001", "jn-lj-qs-zd", "2026-09-01"))
	require.Equal(t, "power_item_not_delegated", filing(t, st, "JN-SC-CF-0002", "jn-lj-qs-zd", "2026-09-28"), "only what was delegated")

	// No sub-delegation: nothing goes under a delegated organization (PL 20).
	err = st.CreateAgency(ctx, store.Agency{ID: "jn-lj-qs-zd-1", ParentID: "jn-lj-qs-zd", Name: "一中队", Level: casefile.LevelTownship,
		Code: "一中队", Kind: store.AgencyDelegated})
	require.Equal(t, "invalid_input", refusalCode(t, err))
}

func TestAgencyTreeRules(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	tests := []struct {
		name string
		a    store.Agency
		want string
	}{
		{"a county under a county", store.Agency{ID: "x-1", ParentID: qingshan, Name: "某县", Level: casefile.LevelCounty, Code: "某县"}, "invalid_input"},
		{"an unknown level", store.Agency{ID: "x-2", ParentID: qingshan, Name: "某", Level: "village", Code: "某"}, "invalid_input"},
		{"an unknown kind", store.Agency{ID: "x-3", ParentID: qingshan, Name: "某", Level: casefile.LevelTownship, Code: "某", Kind: "branch"}, "invalid_input"},
		{"no such parent", store.Agency{ID: "x-4", ParentID: "nowhere", Name: "某", Level: casefile.LevelTownship, Code: "某"}, "invalid_input"},
		{"a bad id", store.Agency{ID: "X 5", ParentID: qingshan, Name: "某", Level: casefile.LevelTownship, Code: "某"}, "invalid_input"},
		{"an existing id", store.Agency{ID: qingshan, ParentID: linjiang, Name: "某", Level: casefile.LevelCounty, Code: "某"}, "agency_exists"},
		{"under a dispatched organ", store.Agency{ID: "x-6", ParentID: dispatched, Name: "某", Level: casefile.LevelTownship, Code: "某"}, "invalid_input"},
		{"a township under a county", store.Agency{ID: "jn-lj-bs-dz", ParentID: baishui, Name: "白水县东镇人民政府", Level: casefile.LevelTownship, Code: "东镇"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, refusalCode(t, st.CreateAgency(ctx, tt.a)))
		})
	}
	// Moving the city under one of its counties would make a cycle.
	city, err := st.Agency(ctx, linjiang)
	require.NoError(t, err)
	city.ParentID = qingshan
	require.Equal(t, "invalid_input", refusalCode(t, st.UpdateAgency(ctx, city)))
	// Making the county a township would put it level with its township.
	county, err := st.Agency(ctx, qingshan)
	require.NoError(t, err)
	county.Level = casefile.LevelTownship
	require.Equal(t, "invalid_input", refusalCode(t, st.UpdateAgency(ctx, county)))
	county, err = st.Agency(ctx, qingshan)
	require.NoError(t, err)
	require.Equal(t, casefile.LevelCounty, county.Level, "a refused update changes nothing")
	county.Name = "青山县市场监督管理局（新）"
	require.NoError(t, st.UpdateAgency(ctx, county))
	county, err = st.Agency(ctx, qingshan)
	require.NoError(t, err)
	require.Equal(t, "青山县市场监督管理局（新）", county.Name)
	require.Equal(t, store.AgencyRegular, county.Kind)
}

func TestCertificateHistory(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	cert := store.Certificate{Number: "JN-QS-2026-009", OfficerID: "qs-officer2", IssuedBy: "江南省人民政府", Fields: []string{"广告监管"},
		Region: "青山县", ValidFrom: beijing(t, "2026-01-01T00:00:00+08:00"), ValidUntil: beijing(t, "2031-01-01T00:00:00+08:00")}
	require.NoError(t, st.CreateCertificate(ctx, cert, admin, "新发证"))
	require.Equal(t, "certificate_exists", refusalCode(t, st.CreateCertificate(ctx, cert, admin, "")))
	bad := cert
	bad.Number, bad.Fields = "JN-QS-2026-010", nil
	require.Equal(t, "invalid_input", refusalCode(t, st.CreateCertificate(ctx, bad, admin, "")))
	bad.Fields, bad.ValidUntil = []string{"广告监管"}, bad.ValidFrom
	require.Equal(t, "invalid_input", refusalCode(t, st.CreateCertificate(ctx, bad, admin, "")))

	steps := []struct {
		action, reason, want string
	}{
		{store.CertSuspended, "涉嫌执法过错，暂扣审查", ""},
		{store.CertSuspended, "再次暂扣", "certificate_status"},
		{store.CertReinstated, "审查结束，恢复", ""},
		{store.CertRevoked, "调离执法岗位", ""},
		{store.CertReinstated, "误操作", "certificate_status"},
		{store.CertSuspended, "", "invalid_input"},
	}
	for _, s := range steps {
		_, err := st.ChangeCertificateStatus(ctx, cert.Number, s.action, s.reason, admin)
		require.Equal(t, s.want, refusalCode(t, err), "%s %s", s.action, s.reason)
	}
	_, err := st.ChangeCertificateStatus(ctx, "NO-SUCH", store.CertSuspended, "x", admin)
	require.ErrorIs(t, err, store.ErrNotFound)
	_, err = st.UpdateCertificate(ctx, cert.Number, store.CertificateUpdate{Region: ptr("临江市")}, admin, "更正区域")
	require.Equal(t, "certificate_revoked", refusalCode(t, err))

	hist, err := st.CertificateHistory(ctx, cert.Number)
	require.NoError(t, err)
	var got []string
	for _, h := range hist {
		got = append(got, h.Action+":"+h.FromStatus+"→"+h.ToStatus+":"+h.Reason)
		require.Equal(t, "jn-admin", h.ActorID)
		require.Equal(t, "系统管理员", h.ActorName)
		require.False(t, h.At.IsZero())
	}
	require.Equal(t, []string{
		"created:→valid:新发证",
		"suspended:valid→suspended:涉嫌执法过错，暂扣审查",
		"reinstated:suspended→valid:审查结束，恢复",
		"revoked:valid→revoked:调离执法岗位",
	}, got)
	require.Equal(t, 4, rows(t, db, "certificate_history", "number = ?", cert.Number))

	// An update records what changed.
	other := store.Certificate{Number: "JN-QS-2026-011", OfficerID: "qs-officer2", IssuedBy: "江南省人民政府", Fields: []string{"广告监管"},
		ValidFrom: beijing(t, "2026-01-01T00:00:00+08:00"), ValidUntil: beijing(t, "2031-01-01T00:00:00+08:00")}
	require.NoError(t, st.CreateCertificate(ctx, other, admin, ""))
	fields := []string{"广告监管", "价格监管"}
	until := beijing(t, "2033-01-01T00:00:00+08:00")
	_, err = st.UpdateCertificate(ctx, other.Number, store.CertificateUpdate{Fields: &fields, ValidUntil: &until}, admin, "年度审验")
	require.NoError(t, err)
	hist, err = st.CertificateHistory(ctx, other.Number)
	require.NoError(t, err)
	require.Len(t, hist, 2)
	require.Equal(t, []store.FieldChange{{Field: "fields", From: "广告监管", To: "广告监管、价格监管"},
		{Field: "valid_until", From: "2030-12-31", To: "2032-12-31"}}, hist[1].Changes)
	_, err = st.UpdateCertificate(ctx, other.Number, store.CertificateUpdate{Fields: &fields}, admin, "无变化")
	require.Equal(t, "invalid_input", refusalCode(t, err), "nothing to change")
}

func ptr[T any](v T) *T { return &v }

func TestCertificateForAField(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	// 李娜 (qs-officer2) holds the demo certificate; give her a second one for 登记注册 that ends later.
	require.NoError(t, st.CreateCertificate(ctx, store.Certificate{Number: "JN-QS-2026-020", OfficerID: "qs-officer2", IssuedBy: "江南省人民政府",
		Fields: []string{"登记注册"}, ValidFrom: beijing(t, "2026-01-01T00:00:00+08:00"), ValidUntil: beijing(t, "2035-01-01T00:00:00+08:00")}, admin, ""))
	at := beijing(t, "2026-09-28T10:00:00+08:00")
	check := func(officer, field string, wantState casefile.Certificate, wantNumber string) {
		t.Helper()
		state, cert, err := st.CertificateFor(ctx, officer, field, at)
		if at.IsZero() {
			state, cert, err = st.CertificateFor(ctx, officer, field, time.Now())
		}
		require.NoError(t, err)
		require.Equal(t, wantState, state, "%s %s", officer, field)
		require.Equal(t, wantNumber, cert.Number, "%s %s", officer, field)
	}
	check("qs-officer2", "食品安全", casefile.CertValid, "JN-QS-2024-002")
	check("qs-officer2", "登记注册", casefile.CertValid, "JN-QS-2026-020")
	check("qs-officer2", "", casefile.CertValid, "JN-QS-2026-020")
	check("qs-officer1", "登记注册", casefile.CertWrongField, "JN-QS-2024-001")
	check("qs-officer3", "食品安全", casefile.CertExpired, "JN-QS-2021-003")
	check("qs-reviewer", "食品安全", casefile.CertNone, "")

	// Suspending her 食品安全 certificate is what she hears about for that
	// field, though another certificate is valid; the other field goes on.
	suspendedAt := time.Now()
	_, err := st.ChangeCertificateStatus(ctx, "JN-QS-2024-002", store.CertSuspended, "暂扣", admin)
	require.NoError(t, err)
	at = time.Time{} // from now on: now
	check("qs-officer2", "食品安全", casefile.CertSuspended, "JN-QS-2024-002")
	check("qs-officer2", "登记注册", casefile.CertValid, "JN-QS-2026-020")

	// Validity at an instant follows the history: before the suspension it was valid.
	state, _, err := st.CertificateFor(ctx, "qs-officer2", "食品安全", suspendedAt.Add(-time.Minute))
	require.NoError(t, err)
	require.Equal(t, casefile.CertValid, state)
	state, _, err = st.CertificateFor(ctx, "qs-officer2", "食品安全", beijing(t, "2026-09-28T10:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, casefile.CertValid, state)
	state, _, err = st.CertificateFor(ctx, "qs-officer2", "食品安全", time.Now())
	require.NoError(t, err)
	require.Equal(t, casefile.CertSuspended, state)
}

// csvTable reads CSV text as an upload.
func csvTable(t *testing.T, text string) sheet.Table {
	t.Helper()
	tb, err := sheet.Read("upload.csv", strings.NewReader(text))
	require.NoError(t, err)
	return tb
}

var fastHash = store.ImportOptions{By: admin, BcryptCost: bcrypt.MinCost}

func TestImportOfficersWithABadRowImportsNothing(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	officers := rows(t, db, "officers", "")
	certs := rows(t, db, "certificates", "")
	roles := rows(t, db, "role_assignments", "")
	text := "login,name,agency_id,roles,password,certificate_number,issued_by,fields,region,valid_from,valid_until\n" +
		"cg-officer1,钱多多,jn-lj-qs-cg,officer,initial-pass-1,JN-CG-2026-001,江南省人民政府,食品安全,城关镇,2026-01-01,2030-12-31\n" +
		"cg-officer2,孙小小,jn-lj-qs-cg,执法人员,initial-pass-2,JN-CG-2026-002,江南省人民政府,食品安全、价格监管,城关镇,2026-01-01,2030-02-30\n" +
		"qs-officer1,张伟,jn-lj-qs,,,JN-QS-2024-002,江南省人民政府,食品安全,临江市,2021-01-01,2029-12-31\n" +
		"cg-officer3,周某,jn-lj-nowhere,officer,short,,,,,,\n" +
		"cg-officer4,吴某,jn-lj-qs-cg,boss,initial-pass-4,,,,,,\n"
	_, err := st.ImportOfficers(ctx, csvTable(t, text), fastHash)
	var ie *store.ImportError
	require.ErrorAs(t, err, &ie)
	type cell struct {
		row    int
		column string
	}
	var got []cell
	for _, r := range ie.Rows {
		got = append(got, cell{r.Row, r.Column})
		require.Contains(t, r.Message, " / ")
	}
	require.Equal(t, []cell{
		{3, "valid_until"},        // 30 February
		{4, "certificate_number"}, // 李娜's certificate, not 张伟's
		{5, "agency_id"},          // no such agency
		{6, "roles"},              // no such role
	}, got)
	require.Equal(t, officers, rows(t, db, "officers", ""), "nothing imported")
	require.Equal(t, certs, rows(t, db, "certificates", ""))
	require.Equal(t, roles, rows(t, db, "role_assignments", ""))
	require.Equal(t, 0, rows(t, db, "certificate_history", ""))

	// Fixed, it imports; a second run changes nothing; a changed validity is recorded.
	fixed := "login,name,agency_id,roles,password,certificate_number,issued_by,fields,region,valid_from,valid_until\n" +
		"cg-officer1,钱多多,jn-lj-qs-cg,officer,initial-pass-1,JN-CG-2026-001,江南省人民政府,食品安全,城关镇,2026-01-01,2030-12-31\n" +
		"cg-officer2,孙小小,jn-lj-qs-cg,执法人员,initial-pass-2,JN-CG-2026-002,江南省人民政府,食品安全、价格监管,城关镇,2026-01-01,2030-02-28\n" +
		"cg-officer2,孙小小,jn-lj-qs-cg,,,JN-CG-2026-003,江南省人民政府,广告监管,城关镇,2026/1/1,2030年2月28日\n"
	res, err := st.ImportOfficers(ctx, csvTable(t, fixed), fastHash)
	require.NoError(t, err)
	require.Equal(t, store.OfficerImport{OfficersCreated: 2, RolesAssigned: 2, CertificatesCreated: 3}, res)
	res, err = st.ImportOfficers(ctx, csvTable(t, fixed), fastHash)
	require.NoError(t, err)
	require.Equal(t, store.OfficerImport{}, res, "importing the same file again changes nothing")
	o, err := st.OfficerByLogin(ctx, "cg-officer2")
	require.NoError(t, err)
	require.NoError(t, bcrypt.CompareHashAndPassword([]byte(o.PasswordHash), []byte("initial-pass-2")))
	state, cert, err := st.CertificateFor(ctx, "cg-officer2", "价格监管", beijing(t, "2030-02-28T23:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, casefile.CertValid, state)
	require.Equal(t, "JN-CG-2026-002", cert.Number)

	renewed := strings.Replace(fixed, "2030-12-31", "2032-12-31", 1)
	res, err = st.ImportOfficers(ctx, csvTable(t, renewed), fastHash)
	require.NoError(t, err)
	require.Equal(t, store.OfficerImport{CertificatesUpdated: 1}, res)
	hist, err := st.CertificateHistory(ctx, "JN-CG-2026-001")
	require.NoError(t, err)
	require.Len(t, hist, 2)
	require.Equal(t, store.CertImported, hist[1].Action)
	require.Equal(t, []store.FieldChange{{Field: "valid_until", From: "2030-12-31", To: "2032-12-31"}}, hist[1].Changes)

	// A new officer needs an initial password; an existing one keeps theirs.
	_, err = st.ImportOfficers(ctx, csvTable(t, "login,name,agency_id,password\nqs-officer1,张伟,jn-lj-qs,new-password-1\ncg-officer9,新人,jn-lj-qs-cg,\n"), fastHash)
	require.ErrorAs(t, err, &ie)
	require.Equal(t, []store.RowError{{Row: 3, Column: "password", Message: ie.Rows[0].Message}}, ie.Rows)
	_, err = st.ImportOfficers(ctx, csvTable(t, "login,name,agency_id,password\nqs-officer1,张伟,jn-lj-qs,new-password-1\n"), fastHash)
	require.NoError(t, err)
	o, err = st.OfficerByLogin(ctx, "qs-officer1")
	require.NoError(t, err)
	require.NoError(t, bcrypt.CompareHashAndPassword([]byte(o.PasswordHash), []byte(demo.Password)), "the password is not changed by an import")

	// Headers: unknown and missing columns are errors of line 1.
	_, err = st.ImportOfficers(ctx, csvTable(t, "login,姓名,colour\nx,y,z\n"), fastHash)
	require.ErrorAs(t, err, &ie)
	require.Equal(t, 1, ie.Rows[0].Row)
	require.Len(t, ie.Rows, 2, "colour unknown, agency_id missing")
}

func TestImportOfficersFromXLSXWithChineseHeaders(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"登录名", "姓名", "机关编号", "角色", "初始密码", "执法证号", "发证机关", "执法领域", "执法区域", "有效期起", "有效期至"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"bs-officer9", "马丽", "jn-lj-bs", "执法人员", "initial-pass-9", "JN-BS-2026-009", "江南省人民政府", "价格监管", "白水县", "2026-01-01", "2030-12-31"}))
	// A date typed into Excel is a serial number under a date format.
	require.NoError(t, f.SetCellValue("Sheet1", "J2", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	tb, err := sheet.Read("名单.xlsx", &buf)
	require.NoError(t, err)
	res, err := st.ImportOfficers(t.Context(), tb, fastHash)
	require.NoError(t, err)
	require.Equal(t, store.OfficerImport{OfficersCreated: 1, RolesAssigned: 1, CertificatesCreated: 1}, res)
	cert, err := st.Certificate(t.Context(), "JN-BS-2026-009")
	require.NoError(t, err)
	require.Equal(t, []string{"价格监管"}, cert.Fields)
	require.Equal(t, "2026-01-01", calendar.DateOf(cert.ValidFrom).String())
	require.Equal(t, "2031-01-01", calendar.DateOf(cert.ValidUntil).String(), "valid through 24:00 of 31 December 2030")
	roles, err := st.Roles(t.Context(), "bs-officer9")
	require.NoError(t, err)
	require.Equal(t, []store.RoleAssignment{{OfficerID: "bs-officer9", AgencyID: baishui, Role: casefile.RoleOfficer}}, roles)
}

func TestImportPowerList(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	before := rows(t, db, "power_item_history", "")
	header := "code,name,kind,field,legal_basis,levels,status,effective_on,to_level,decision_number,decision_by,published_on\n"
	bad := header +
		"JN-SC-CF-0300,对生产经营标签不合格食品的行政处罚,行政处罚,食品安全,《食品安全法》第一百二十五条,县级,实施,2026-01-01,,,,\n" +
		"JN-SC-CF-0300,,,,,,下放,2026-03-01,乡镇,,,\n" +
		"JN-SC-CF-0301,对某事项的行政处罚,行政处罚,食品安全,某法,县级、村级,实施,2026-01-01,,,,\n" +
		"JN-SC-CF-0099,,,,,,取消,2024-07-01,,江政发〔2024〕18号,江南省人民政府,2024-06-15\n"
	_, err := st.ImportPowerItems(ctx, csvTable(t, bad), store.ImportOptions{By: admin, DefaultAgencyID: "jn"})
	var ie *store.ImportError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Rows, 2, "%v", ie.Rows)
	require.Equal(t, 3, ie.Rows[0].Row)
	require.Equal(t, "decision_number", ie.Rows[0].Column, "a devolution to townships needs its decision (PL 24)")
	require.Equal(t, 4, ie.Rows[1].Row)
	require.Equal(t, "levels", ie.Rows[1].Column)
	_, err = st.PowerItem(ctx, "JN-SC-CF-0300")
	require.ErrorIs(t, err, store.ErrNotFound, "the good first row was not kept")
	require.Equal(t, before, rows(t, db, "power_item_history", ""))

	good := header +
		"JN-SC-CF-0300,对生产经营标签不合格食品的行政处罚,行政处罚,食品安全,《食品安全法》第一百二十五条,县级,实施,2026-01-01,,,,\n" +
		"JN-SC-CF-0300,,,,,,下放,2026-03-01,乡镇,江政发〔2026〕3号,江南省人民政府,2026-02-10\n" +
		"JN-SC-CF-0099,,,,,,取消,2024-07-01,,江政发〔2024〕18号,江南省人民政府,2024-06-15\n"
	res, err := st.ImportPowerItems(ctx, csvTable(t, good), store.ImportOptions{By: admin, DefaultAgencyID: "jn"})
	require.NoError(t, err)
	require.Equal(t, store.PowerImport{ItemsCreated: 1, ChangesAdded: 1, Unchanged: 1}, res)
	item, err := st.PowerItem(ctx, "JN-SC-CF-0300")
	require.NoError(t, err)
	require.Equal(t, "jn", item.AgencyID)
	require.Equal(t, []string{"county", "township"}, item.Levels)
	require.Equal(t, "devolved", item.Status)
	require.Equal(t, "", filing(t, st, "JN-SC-CF-0300", township, "2026-03-01"))
	require.Equal(t, "power_item_wrong_level", filing(t, st, "JN-SC-CF-0300", township, "2026-02-28"))

	res, err = st.ImportPowerItems(ctx, csvTable(t, good), store.ImportOptions{By: admin, DefaultAgencyID: "jn"})
	require.NoError(t, err)
	require.Equal(t, store.PowerImport{Unchanged: 3}, res, "importing the same list again changes nothing")
}
