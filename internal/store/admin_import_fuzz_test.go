package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// The imports are fuzzed against one seeded database per fuzzing process:
// what one input imports stays for the next, as in a real database.

// FuzzImportOfficers imports any CSV as an officer list. It must not panic
// and every refusal is the importer's own (*ImportError row by row, or a
// *Refusal), never a database error, which the API would answer with 500;
// what it accepts is stored within every limit, as text both databases keep.
func FuzzImportOfficers(f *testing.F) {
	header := "login,name,agency_id,roles,password,certificate_number,issued_by,fields,region,valid_from,valid_until\n"
	f.Add([]byte(header +
		"cg-officer1,钱多多,jn-lj-qs-cg,officer,initial-pass-1,JN-CG-2026-001,江南省人民政府,食品安全,城关镇,2026-01-01,2030-12-31\n" +
		"cg-officer2,孙小小,jn-lj-qs-cg,执法人员,initial-pass-2,JN-CG-2026-002,江南省人民政府,食品安全、价格监管,城关镇,2026-01-01,2030-02-28\n" +
		"cg-officer2,孙小小,jn-lj-qs-cg,,,JN-CG-2026-003,江南省人民政府,广告监管,城关镇,2026/1/1,2030年2月28日\n"))
	f.Add([]byte(header + "qs-officer1,张伟,jn-lj-qs,,,JN-QS-2024-002,江南省人民政府,食品安全,临江市,2021-01-01,2029-12-31\n" +
		"cg-officer3,周某,jn-lj-nowhere,officer,short,,,,,,\n"))
	f.Add([]byte("登录名,姓名,机关编号,角色,初始密码\nbs-officer9,马丽,jn-lj-bs,法制审核人员,initial-pass-9\n"))
	f.Add([]byte("login,name,agency_id,password\nqs-officer1,张伟,jn-lj-qs,new-password-1\ncg-officer9,新人,jn-lj-qs-cg,\n"))
	st := seededStore(f)
	opts := store.ImportOptions{By: admin, BcryptCost: bcrypt.MinCost}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := sheet.Read("officers.csv", bytes.NewReader(data))
		if err != nil {
			return // FuzzRead covers the reader
		}
		_, err = st.ImportOfficers(t.Context(), tb, opts)
		if err != nil {
			requireImportRefusal(t, err)
			return
		}
		at, _ := authority.MapColumns(tb.Header, authority.OfficerColumns)
		for _, r := range tb.Rows {
			login := cell(r, at, "login")
			o, err := st.OfficerByLogin(t.Context(), login)
			if err != nil {
				t.Fatalf("line %d: officer %q accepted but not found: %v", r.Line, login, err)
			}
			requireText(t, "login", o.Login, 64)
			requireText(t, "name", o.Name, 100)
			certs, err := st.CertificatesOf(t.Context(), o.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range certs {
				requireText(t, "certificate number", c.Number, 64)
				requireText(t, "issued_by", c.IssuedBy, 200)
				requireText(t, "region", c.Region, 200)
				requireText(t, "fields", strings.Join(c.Fields, ","), 200)
				if !c.ValidFrom.Before(c.ValidUntil) {
					t.Fatalf("certificate %s valid from %v until %v", c.Number, c.ValidFrom, c.ValidUntil)
				}
			}
		}
	})
}

// FuzzImportPowerItems imports any CSV as a power list, with the same
// expectations as FuzzImportOfficers.
func FuzzImportPowerItems(f *testing.F) {
	header := "code,name,kind,field,legal_basis,levels,status,effective_on,to_level,decision_number,decision_by,published_on\n"
	f.Add([]byte(header +
		"JN-SC-CF-0300,对生产经营标签不合格食品的行政处罚,行政处罚,食品安全,《食品安全法》第一百二十五条,县级,实施,2026-01-01,,,,\n" +
		"JN-SC-CF-0300,,,,,,下放,2026-03-01,乡镇,江政发〔2026〕3号,江南省人民政府,2026-02-10\n" +
		"JN-SC-CF-0099,,,,,,取消,2024-07-01,,江政发〔2024〕18号,江南省人民政府,2024-06-15\n"))
	f.Add([]byte(header +
		"JN-SC-CF-0301,对某事项的行政处罚,行政处罚,食品安全,某法,县级、村级,实施,2026-01-01,,,,\n" +
		"JN-SC-CF-0300,,,,,,下放,2026-03-01,乡镇,,,\n"))
	f.Add([]byte("事项编码,事项名称,事项类型,执法领域,设定依据,行使层级,清单机关,状态,生效日期,合并至,备注\n" +
		"JN-SC-QZ-0002,查封经营场所,compulsory-measure,食品安全,《食品安全法》第一百一十条,\"county,city\",jn,in-force,2026-01-01,,新增\n" +
		"JN-SC-CF-0004,,,,,,,merged,2026-06-01,JN-SC-CF-0001,\n"))
	st := seededStore(f)
	opts := store.ImportOptions{By: admin, DefaultAgencyID: "jn"}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := sheet.Read("power.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		_, err = st.ImportPowerItems(t.Context(), tb, opts)
		if err != nil {
			requireImportRefusal(t, err)
			return
		}
		at, _ := authority.MapColumns(tb.Header, authority.PowerItemColumns)
		for _, r := range tb.Rows {
			code := cell(r, at, "code")
			p, err := st.PowerItem(t.Context(), code)
			if err != nil {
				t.Fatalf("line %d: item %q accepted but not found: %v", r.Line, code, err)
			}
			requireText(t, "code", p.Code, 64)
			requireText(t, "name", p.Name, 300)
			requireText(t, "field", p.Field, 32)
			requireText(t, "legal_basis", p.LegalBasis, 1000)
			hist, err := st.PowerItemHistory(t.Context(), code)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hist {
				requireText(t, "decision_number", h.DecisionNumber, 200)
				requireText(t, "decision_by", h.DecisionBy, 200)
				requireText(t, "note", h.Note, 1000)
				requireText(t, "merged_into", h.MergedInto, 64)
				requireText(t, "delegated_to", h.DelegatedTo, 64)
			}
		}
	})
}

// seededStore is a migrated database of the fuzzing process's own, with the
// demo agencies, officers and power list.
func seededStore(f *testing.F) *store.Store {
	f.Helper()
	st := storetest.Open(f)
	if err := demo.Seed(f.Context(), st); err != nil {
		f.Fatal(err)
	}
	return st
}

// requireImportRefusal fails unless err is one of the importer's refusals.
func requireImportRefusal(t *testing.T, err error) {
	t.Helper()
	var ie *store.ImportError
	var r *store.Refusal
	switch {
	case errors.As(err, &ie):
		for _, row := range ie.Rows {
			if row.Row < 1 || !strings.Contains(row.Message, " / ") {
				t.Fatalf("row error %+v: want a line and a message in Chinese and English", row)
			}
		}
	case errors.As(err, &r):
	default:
		t.Fatalf("refused with an error of its own, not a row error: %v", err)
	}
}

// requireText fails unless v is text both databases keep alike (valid
// UTF-8 without NUL, which PostgreSQL refuses) of at most max characters.
func requireText(t *testing.T, field, v string, max int) {
	t.Helper()
	if !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 || utf8.RuneCountInString(v) > max {
		t.Fatalf("%s %q accepted: want at most %d characters of text without NUL", field, v, max)
	}
}

// cell is the trimmed value of the row's column name, "" if absent.
func cell(r sheet.Row, at map[string]int, name string) string {
	i, ok := at[name]
	if !ok {
		return ""
	}
	return r.Cell(i)
}
