// Package demo seeds the demonstration data a newcomer logs in with: an
// agency tree of market regulators (province → city → two counties → a
// township and a dispatched market-supervision office) and a city tax
// bureau beside it, officers with certificates covering the demo fields
// (one expired per county), reviewers, heads, principal heads, a city
// manager, an administrator, and power lists with their status history (one
// item cancelled, one devolved to townships by a published provincial
// decision). It also loads the holiday calendar when the database has none.
//
// The agencies differ in the powers the law gives them. The tax bureau's
// rule pack grants it the power to freeze deposits (CL 29 ¶1) and to
// execute its own decisions (CL 13 ¶1, 34), both by the 税收征收管理法
// (38, 40); the market regulators keep the built-in pack, with neither:
// they apply to the people's court to execute a decision (CL 13 ¶2, 53–54).
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

// Fields are the fields (执法领域) l's certificate covers: the tax bureau's
// officers enforce the collection of taxes, everyone else the market
// regulators' CertificateFields.
func (l Login) Fields() []string {
	if l.AgencyID == TaxBureau {
		return TaxCertificateFields
	}
	return CertificateFields
}

// TaxBureau is the demo's tax bureau, the root of a tree of its own: a tax
// bureau answers to the tax administration above it, not to the province's
// market regulator.
const TaxBureau = "jn-lj-sw"

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
	{ID: TaxBureau, Name: "国家税务总局临江市税务局", Level: casefile.LevelCity, Code: "临江市税务", Kind: store.AgencyRegular},
}

// CertificateFields are the fields (执法领域) every demo market regulator's
// certificate covers: those of the demo power items its officers file under.
var CertificateFields = []string{"食品安全", "广告监管", "价格监管"}

// TaxCertificateFields are the fields the tax bureau's certificates cover.
var TaxCertificateFields = []string{"税收征管"}

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
	{"sw-officer1", "马超", TaxBureau, []casefile.Role{casefile.RoleOfficer}, "JN-SW-2024-001", "2029-12-31"},
	{"sw-officer2", "胡月", TaxBureau, []casefile.Role{casefile.RoleOfficer}, "JN-SW-2024-002", "2029-12-31"},
	{"sw-head", "钱峰", TaxBureau, []casefile.Role{casefile.RoleHead}, "", ""},
}

// ExtraRoles are roles demo accounts hold at an agency other than their
// own: the administrator administers the tax bureau too. A permission line
// applies at every agency, so changing one needs the power at every root
// of the tree; with this, one account still may.
var ExtraRoles = []store.RoleAssignment{
	{OfficerID: "jn-admin", AgencyID: TaxBureau, Role: casefile.RoleAdmin},
}

// RulePacks are the demo agencies' own rule packs, each seeded as the
// agency's first version: the tax bureau's grants the powers to freeze
// (CL 29 ¶1) and to execute its decisions (CL 13 ¶1, 34); its other
// figures are the built-in pack's. The market regulators have none and
// keep the built-in pack: no freezing, and execution by the people's court
// on the agency's application (CL 13 ¶2, 53–54).
var RulePacks = func() []casefile.Rules {
	tax := casefile.BuiltinRules()
	tax.AgencyID, tax.EffectiveFrom = TaxBureau, rulesFrom
	tax.Basis = "《中华人民共和国税收征收管理法》第三十八条、第四十条"
	tax.FreezePower, tax.ExecutionPower = true, true
	return []casefile.Rules{tax}
}()

// rulesFrom is the day the demo's rule packs take effect, and the day they
// are recorded: a pack cannot take effect before the day it is saved.
const rulesFrom = "2019-01-01"

// PowerItems are the demo power lists: the province's market regulators'
// (江南省), which every market regulator below it applies, and the tax
// bureau's own.
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
	// Without the power to execute (CL 13 ¶2), a market regulator applies
	// to the people's court to execute an unpaid penalty decision (CL 53–54;
	// PL 72).
	{Code: "JN-SC-ZX-0001", Name: "申请人民法院强制执行行政处罚决定", Kind: "compulsory-execution", Field: "食品安全",
		LegalBasis: "《中华人民共和国行政强制法》第五十三条、《中华人民共和国行政处罚法》第七十二条", Levels: []string{"city", "county"},
		Status: "in-force", AgencyID: "jn"},
	// The tax bureau's own list: the law empowers it to freeze a taxpayer's
	// deposits (CL 29 ¶1) and to execute by itself (CL 13 ¶1, 34).
	{Code: "JN-SW-QZ-0001", Name: "冻结纳税人存款（税收保全措施）", Kind: "compulsory-measure", Field: "税收征管",
		LegalBasis: "《中华人民共和国税收征收管理法》第三十八条", Levels: []string{"city"}, Status: "in-force", AgencyID: TaxBureau},
	{Code: "JN-SW-ZX-0001", Name: "从纳税人存款中扣缴税款、拍卖变卖查封扣押财产（强制执行措施）", Kind: "compulsory-execution", Field: "税收征管",
		LegalBasis: "《中华人民共和国税收征收管理法》第四十条", Levels: []string{"city"}, Status: "in-force", AgencyID: TaxBureau},
}

// The decisions behind the demo power lists' history (made up for the demo).
const (
	listDecision     = "江市监法〔2019〕1号" // the province's power list, in force 2019-01-01
	taxListDecision  = "临税发〔2019〕1号"  // the tax bureau's power list, in force 2019-01-01
	cancelDecision   = "江政发〔2024〕18号" // cancels JN-SC-CF-0099 from 2024-07-01
	DevolutionNumber = "江政发〔2026〕3号"  // devolves JN-SC-CF-0002 to townships (PL 24)
)

// PowerChanges are the demo power lists' status history: every item in
// force from 2019 by its list's decision; JN-SC-CF-0099 cancelled from
// 2024-07-01; JN-SC-CF-0002 devolved to townships from 2026-03-01 by the
// province's decision published on 2026-02-10 (PL 24).
var PowerChanges = func() []store.PowerItemChange {
	var out []store.PowerItemChange
	for _, p := range PowerItems {
		number, by := listDecision, "江南省市场监督管理局"
		if p.AgencyID == TaxBureau {
			number, by = taxListDecision, "国家税务总局临江市税务局"
		}
		out = append(out, store.PowerItemChange{Code: p.Code, Status: store.PowerInForce, EffectiveOn: "2019-01-01", Levels: p.Levels,
			DecisionNumber: number, DecisionBy: by, PublishedOn: "2018-12-20"})
	}
	return append(out,
		store.PowerItemChange{Code: "JN-SC-CF-0099", Status: store.PowerCancelled, EffectiveOn: "2024-07-01",
			DecisionNumber: cancelDecision, DecisionBy: "江南省人民政府", PublishedOn: "2024-06-15", Note: "取消年检制度"},
		store.PowerItemChange{Code: "JN-SC-CF-0002", Status: store.PowerDevolved, EffectiveOn: "2026-03-01", ToLevel: "township",
			DecisionNumber: DevolutionNumber, DecisionBy: "江南省人民政府", PublishedOn: "2026-02-10",
			Note: "江南省人民政府关于赋予乡镇（街道）部分县级行政处罚权的决定"},
	)
}()

// seedActor records what the demo data writes.
var seedActor = store.Actor{ID: "seed", Name: "演示数据"}

// Seed writes the demo data. It is idempotent: running it again restores
// the demo accounts and their passwords; a rule pack is written only for
// an agency that has none yet, so that a version saved since stays in force.
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
			Fields: l.Fields(), Region: "临江市", ValidFrom: time.Date(2021, 1, 1, 0, 0, 0, 0, calendar.Location()),
			ValidUntil: calendar.EndOfDay(until), Status: "valid"}); err != nil {
			return fmt.Errorf("seed certificate %s: %w", l.Certificate, err)
		}
	}
	for _, r := range ExtraRoles {
		if err := st.PutRole(ctx, r); err != nil {
			return fmt.Errorf("seed role of %s at %s: %w", r.OfficerID, r.AgencyID, err)
		}
	}
	for _, r := range RulePacks {
		versions, err := st.RuleVersions(ctx, r.AgencyID)
		if err != nil {
			return err
		}
		if len(versions) > 0 {
			continue
		}
		day, err := calendar.ParseDate(r.EffectiveFrom)
		if err != nil {
			return err
		}
		if _, err := st.SaveRules(ctx, r, seedActor, calendar.StartOfDay(day)); err != nil {
			return fmt.Errorf("seed rule pack of %s: %w", r.AgencyID, err)
		}
	}
	for _, p := range PowerItems {
		if err := st.PutPowerItem(ctx, p); err != nil {
			return fmt.Errorf("seed power item %s: %w", p.Code, err)
		}
	}
	for _, c := range PowerChanges {
		if err := st.PutPowerItemChange(ctx, c, seedActor); err != nil {
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
