package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzRead reads any bytes as an uploaded CSV or XLSX file. It must not
// panic; a refusal wraps ErrFormat (what the API answers 400 with); an
// accepted table has a header, at most MaxRows data rows, none of them
// blank, each on a line after the header's and after the row before, and
// only text both databases keep alike (valid UTF-8 without NUL).
func FuzzRead(f *testing.F) {
	f.Add(false, []byte("login,name,agency_id,roles,password,certificate_number,issued_by,fields,region,valid_from,valid_until\n"+
		"cg-officer1,钱多多,jn-lj-qs-cg,officer,initial-pass-1,JN-CG-2026-001,江南省人民政府,食品安全,城关镇,2026-01-01,2030-12-31\n"))
	f.Add(false, []byte("\xef\xbb\xbfcode,name,kind,field,legal_basis,levels,effective_on\n\n"+
		"JN-SC-CF-0005,\"销售\"\"过期\"\"食品\",penalty,食品安全,《食品安全法》,\"county,city\",2026-01-01\r\n"))
	gbk := []byte{0xb5, 0xc7, 0xc2, 0xbc, 0xc3, 0xfb, ',', 0xd0, 0xd5, 0xc3, 0xfb, '\n', 'a', ',', 'b', '\n'} // 登录名,姓名 in GB18030
	f.Add(false, gbk)
	f.Add(false, []byte("a,\"b\nc\",d\n,,\n1,2"))
	f.Add(true, sampleXLSX(f))
	// A row numbered in the billions and a cell in the last column: a few
	// bytes that once had the reader pad them into billions of cells.
	f.Add(true, patchSheet(f, sampleXLSX(f), `<row r="4"`, `<row r="2000000000"`))
	f.Add(true, patchSheet(f, sampleXLSX(f), `r="C4"`, `r="XFD4"`))
	f.Add(true, []byte("PK\x03\x04 not a workbook"))
	f.Fuzz(func(t *testing.T, xlsx bool, data []byte) {
		name := "upload.csv"
		if xlsx {
			name = "upload.xlsx"
		}
		tb, err := Read(name, bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("refusal does not wrap ErrFormat: %v", err)
			}
			return
		}
		if tb.Header == nil {
			t.Fatal("accepted a table without a header")
		}
		if len(tb.Rows) > MaxRows {
			t.Fatalf("accepted %d rows, more than %d", len(tb.Rows), MaxRows)
		}
		for _, h := range tb.Header {
			requireText(t, 1, h)
		}
		last := 0
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				requireText(t, r.Line, c)
			}
			if blank(r.Cells) {
				t.Fatalf("line %d: a blank row is kept", r.Line)
			}
			if r.Line <= last {
				t.Fatalf("line %d comes after line %d", r.Line, last)
			}
			last = r.Line
		}
	})
}

func requireText(t *testing.T, line int, cell string) {
	t.Helper()
	if !utf8.ValidString(cell) || strings.IndexByte(cell, 0) >= 0 {
		t.Fatalf("line %d: accepted cell %q holds NUL or invalid UTF-8", line, cell)
	}
}

// FuzzDate reads any cell as a date. It must not panic; a date it accepts
// is a real day, and reading its YYYY-MM-DD form gives the same day.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2026-01-01", "2026/1/1", "2026年1月1日", "20260101", "46023", "2030-02-30", " 2026.2.28 ", "61", "2958465", "1e5", "-1-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Date(s)
		if err != nil {
			return
		}
		if !d.IsValid() {
			t.Fatalf("%q read as %v, no day", s, d)
		}
		back, err := Date(d.String())
		if err != nil || back != d {
			t.Fatalf("%q read as %v, whose form %q reads as %v (%v)", s, d, d.String(), back, err)
		}
	})
}

// FuzzList splits any cell. It must not panic, and no item is empty or
// padded.
func FuzzList(f *testing.F) {
	for _, s := range []string{"食品安全、广告监管", "city,county", " a ;; b |c\n", "，、；"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range List(s) {
			if v == "" || v != strings.TrimSpace(v) {
				t.Fatalf("%q: item %q is empty or padded", s, v)
			}
		}
	})
}

// sampleXLSX is a small officer list as an administrator saves it from Excel.
func sampleXLSX(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"登录名", "姓名", "机关编号", "角色", "初始密码", "执法证号", "发证机关", "执法领域", "执法区域", "有效期起", "有效期至"},
		{"bs-officer9", "马丽", "jn-lj-bs", "执法人员", "initial-pass-9", "JN-BS-2026-009", "江南省人民政府", "价格监管", "白水县", 46023, "2030-12-31"},
		{},
		{"bs-officer8", "王芳", "jn-lj-bs"},
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			tb.Fatal(err)
		}
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// patchSheet replaces old with new in the first worksheet's XML of an XLSX
// file, as a hand-edited or forged upload would.
func patchSheet(tb testing.TB, xlsx []byte, old, new string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, file := range zr.File {
		r, err := file.Open()
		if err != nil {
			tb.Fatal(err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		if file.Name == "xl/worksheets/sheet1.xml" {
			if !bytes.Contains(content, []byte(old)) {
				tb.Fatalf("%s not in %s", old, content)
			}
			content = bytes.ReplaceAll(content, []byte(old), []byte(new))
		}
		w, err := zw.Create(file.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(content); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
