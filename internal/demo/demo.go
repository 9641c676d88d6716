// Package demo seeds the demonstration data a newcomer logs in with: an
// agency tree (province → city → two counties → a township and a dispatched
// market-supervision office), officers with certificates covering the demo
// fields (one expired per county), reviewers, heads, principal heads, a city
// manager, an administrator, and a power list with its status history (one
// item cancelled, one devolved to townships by a published provincial
// decision). It also loads the holiday calendar when the database has none.
package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// Password is every demo login's password.
const Password = "zhifa-demo"

// Login is a demo account as the README lists it.
type Login struct {
	Login, Name, AgencyID string
	Roles                 []casefile.Role
	Certificate           string // "" = none
	ValidUntil            string
}

// Agencies of the demo tree.
var Agencies = []store.Agency{
	{ID: "jn", Name: "江南省市场监督管理局", Level: casefile.LevelProvince, Code: "江南省市监", Kind: store.AgencyRegular},
	{ID: "jn-lj", ParentID: "jn", Name: "临江市市场监督管理局", Level: casefile.LevelCity, Code: "临江市监", Kind: store.AgencyRegular},
	{ID: "jn-lj-qs", ParentID: "jn-lj", Name: "青山县市场监督管理局", Level: casefile.LevelCounty, Code: "青山县市监", Kind: store.AgencyRegular},
	{ID: "jn-lj-bs", ParentID: "jn-lj", Name: "白水县市场监督管理局", Level: casefile.LevelCounty, Code: "白水县市监", Kind: store.AgencyRegular},
	{ID: "jn-lj-qs-cg", ParentID: "jn-lj-qs", Name: "青山县城关镇人民政府", Level: casefile.LevelTownship, Code: "城关镇", Kind: store.AgencyRegular},
	// A 市场监管所 acts in the county bureau's name (SAMR 7–11).
	{ID: "jn-lj-qs-cgs", ParentID: "jn-lj-qs", Name: "青山县市场监督管理局城关市场监督管理所", Level: casefile.LevelTownship,
		Code: "青山城关所", Kind: store.AgencyDispatched},
}

// CertificateFields are the fields (执法领域) every demo certificate covers:
// those of the demo power items officers file under.
var CertificateFields = []string{"食品安全", "广告监管", "价格监管"}

// Logins are the demo accounts.
var Logins = []Login{
	{"qs-officer1", "张伟", "jn-lj-qs", []casefile.Role{casefile.RoleOfficer}, "JN-QS-2024-001", "2029-12-31"},
	{"qs-officer2", "李娜", "jn-lj-qs", []casefile.Role{casefile.RoleOfficer}, "JN-QS-2024-002", "2029-12-31"},
	{"qs-officer3", "王强", "jn-lj-qs", []casefile.Role{casefile.RoleOfficer}, "JN-QS-2021-003", "2026-06-30"},
	{"qs-reviewer", "赵敏", "jn-lj-qs", []casefile.Role{casefile.RoleReviewer}, "", ""},
	{"qs-head", "陈刚", "jn-lj-qs", []casefile.Role{casefile.RoleHead}, "", ""},
	{"qs-chief", "刘建国", "jn-lj-qs", []casefile.Role{casefile.RolePrincipalHead}, "", ""},
	{"qs-host", "孙磊", "jn-lj-qs", []casefile.Role{casefile.RoleHearingHost}, "", ""},
	{"bs-officer1", "刘洋", "jn-lj-bs", []casefile.Role{casefile.RoleOfficer}, "JN-BS-2024-001", "2029-12-31"},
	{"bs-officer2", "杨静", "jn-lj-bs", []casefile.Role{casefile.RoleOfficer}, "JN-BS-2024-002", "2029-12-31"},
	{"bs-officer3", "黄磊", "jn-lj-bs", []casefile.Role{casefile.RoleOfficer}, "JN-BS-2021-003", "2026-06-30"},
	{"bs-reviewer", "周婷", "jn-lj-bs", []casefile.Role{casefile.RoleReviewer}, "", ""},
	{"bs-head", "吴军", "jn-lj-bs", []casefile.Role{casefile.RoleHead}, "", ""},
	{"bs-chief", "郑华", "jn-lj-bs", []casefile.Role{casefile.RolePrincipalHead}, "", ""},
	{"lj-manager", "孙丽", "jn-lj", []casefile.Role{casefile.RoleManager}, "", ""},
	{"jn-admin", "系统管理员", "jn", []casefile.Role{casefile.RoleAdmin}, "", ""},
}

// PowerItems are the demo power list, the province's (江南省).
var PowerItems = []store.PowerItem{
	{Code: "JN-SC-CF-0001", Name: "对经营不符合食品安全标准的食品的行政处罚", Kind: "penalty", Field: "食品安全",
		LegalBasis: "《中华人民共和国食品安全法》第一百二十四条", Levels: []string{"city", "county"}, Status: "in-force", AgencyID: "jn"},
	{Code: "JN-SC-CF-0002", Name: "对未取得食品经营许可从事食品经营活动的行政处罚", Kind: "penalty", Field: "食品安全",
		LegalBasis: "《中华人民共和国食品安全法》第一百二十二条", Levels: []string{"city", "county"}, Status: "in-force", AgencyID: "jn"},
	{Code: "JN-SC-CF-0003", Name: "对发布虚假广告的行政处罚", Kind: "penalty", Field: "广告监管",
		LegalBasis: "《中华人民共和国广告法》第五十五条", Levels: []string{"province", "city", "county"}, Status: "in-force", AgencyID: "jn"},
	{Code: "JN-SC-CF-0004", Name: "对经营者不明码标价的行政处罚", Kind: "penalty", Field: "价格监管",
		LegalBasis: "《中华人民共和国价格法》第四十二条", Levels: []string{"city", "county"}, Status: "in-force", AgencyID: "jn"},
	{Code: "JN-SC-QZ-0001", Name: "查封、扣押不符合食品安全标准的食品", Kind: "compulsory-measure", Field: "食品安全",
		LegalBasis: "《中华人民共和国食品安全法》第一百一十条", Levels: []string{"city", "county"}, Status: "in-force", AgencyID: "jn"},
	{Code: "JN-SC-CF-0099", Name: "对未按规定办理年检的行政处罚（已取消）", Kind: "penalty", Field: "登记注册",
		LegalBasis: "（已取消）", Levels: []string{"county"}, Status: "cancelled", AgencyID: "jn"},
}

// The decisions behind the demo power list's history (made up for the demo).
const (
	listDecision     = "江市监法〔2019〕1号" // the province's power list, in force 2019-01-01
	cancelDecision   = "江政发〔2024〕18号" // cancels JN-SC-CF-0099 from 2024-07-01
	DevolutionNumber = "江政发〔2026〕3号"  // devolves JN-SC-CF-0002 to townships (PL 24)
)

// PowerChanges are the demo power list's status history: every item in
// force from 2019; JN-SC-CF-0099 cancelled from 2024-07-01; JN-SC-CF-0002
// devolved to townships from 2026-03-01 by the province's decision
// published on 2026-02-10 (PL 24).
var PowerChanges = func() []store.PowerItemChange {
	var out []store.PowerItemChange
	for _, p := range PowerItems {
		out = append(out, store.PowerItemChange{Code: p.Code, Status: store.PowerInForce, EffectiveOn: "2019-01-01", Levels: p.Levels,
			DecisionNumber: listDecision, DecisionBy: "江南省市场监督管理局", PublishedOn: "2018-12-20"})
	}
	return append(out,
		store.PowerItemChange{Code: "JN-SC-CF-0099", Status: store.PowerCancelled, EffectiveOn: "2024-07-01",
			DecisionNumber: cancelDecision, DecisionBy: "江南省人民政府", PublishedOn: "2024-06-15", Note: "取消年检制度"},
		store.PowerItemChange{Code: "JN-SC-CF-0002", Status: store.PowerDevolved, EffectiveOn: "2026-03-01", ToLevel: "township",
			DecisionNumber: DevolutionNumber, DecisionBy: "江南省人民政府", PublishedOn: "2026-02-10",
			Note: "江南省人民政府关于赋予乡镇（街道）部分县级行政处罚权的决定"},
	)
}()

// Seed writes the demo data. It is idempotent: running it again restores
// the demo accounts and their passwords.
func Seed(ctx context.Context, st *store.Store) error {
	for _, a := range Agencies {
		if err := st.PutAgency(ctx, a); err != nil {
			return fmt.Errorf("seed agency %s: %w", a.ID, err)
		}
	}
	hash, err := authority.HashPassword(Password, 0)
	if err != nil {
		return err
	}
	for _, l := range Logins {
		if err := st.PutOfficer(ctx, store.Officer{ID: l.Login, Login: l.Login, Name: l.Name, AgencyID: l.AgencyID, PasswordHash: hash}); err != nil {
			return fmt.Errorf("seed officer %s: %w", l.Login, err)
		}
		for _, r := range l.Roles {
			if err := st.PutRole(ctx, store.RoleAssignment{OfficerID: l.Login, AgencyID: l.AgencyID, Role: r}); err != nil {
				return fmt.Errorf("seed role of %s: %w", l.Login, err)
			}
		}
		if slices.Contains(l.Roles, casefile.RoleReviewer) {
			// Legal reviewers hold the legal professional qualification (PL 58 ¶2).
			q := authority.LegalQualification{Number: "A2019" + strings.ToUpper(strings.ReplaceAll(l.Login, "-", "")), ObtainedOn: "2019-12-20"}
			if err := st.PutLegalQualification(ctx, l.Login, q, time.Date(2021, 1, 1, 0, 0, 0, 0, calendar.Location())); err != nil {
				return fmt.Errorf("seed legal qualification of %s: %w", l.Login, err)
			}
		}
		if l.Certificate == "" {
			continue
		}
		until, err := calendar.ParseDate(l.ValidUntil)
		if err != nil {
			return err
		}
		if err := st.PutCertificate(ctx, store.Certificate{Number: l.Certificate, OfficerID: l.Login, IssuedBy: "江南省人民政府",
			Fields: CertificateFields, Region: "临江市", ValidFrom: time.Date(2021, 1, 1, 0, 0, 0, 0, calendar.Location()),
			ValidUntil: calendar.EndOfDay(until), Status: "valid"}); err != nil {
			return fmt.Errorf("seed certificate %s: %w", l.Certificate, err)
		}
	}
	for _, p := range PowerItems {
		if err := st.PutPowerItem(ctx, p); err != nil {
			return fmt.Errorf("seed power item %s: %w", p.Code, err)
		}
	}
	for _, c := range PowerChanges {
		if err := st.PutPowerItemChange(ctx, c, store.Actor{ID: "seed", Name: "演示数据"}); err != nil {
			return fmt.Errorf("seed power item %s %s: %w", c.Code, c.Status, err)
		}
	}
	return nil
}

// SeedCalendar loads the embedded holiday table when the database holds no
// calendar yet.
func SeedCalendar(ctx context.Context, st *store.Store) error {
	cal, err := st.Calendar(ctx)
	if err != nil {
		return err
	}
	if len(cal.Years()) > 0 {
		return nil
	}
	def, err := calendar.Default()
	if err != nil {
		return err
	}
	return st.ImportCalendar(ctx, def.Entries(), def.Years())
}
