package sheet_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhifa/zhifa/internal/sheet"
)

func TestReadCSV(t *testing.T) {
	t.Parallel()
	text := "登录名,姓名\n\nzhang,张伟\n,\nli,李娜\n"
	gbk, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	require.NoError(t, err)
	for name, data := range map[string]string{"utf-8": text, "utf-8 with BOM": "\xef\xbb\xbf" + text, "GB18030 (Excel on Chinese Windows)": gbk} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tb, err := sheet.Read("名单.CSV", strings.NewReader(data))
			require.NoError(t, err)
			require.Equal(t, []string{"登录名", "姓名"}, tb.Header)
			require.Equal(t, []sheet.Row{{Line: 3, Cells: []string{"zhang", "张伟"}}, {Line: 5, Cells: []string{"li", "李娜"}}}, tb.Rows,
				"blank lines are skipped, line numbers kept")
		})
	}
}

func TestReadRefusesWhatIsNotATable(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct{ file, data string }{
		"unknown extension": {"名单.txt", "a,b\n"},
		"empty":             {"名单.csv", "\n\n"},
		"broken workbook":   {"名单.xlsx", "not a zip"},
	} {
		_, err := sheet.Read(c.file, strings.NewReader(c.data))
		require.True(t, errors.Is(err, sheet.ErrFormat), "%s: %v", name, err)
	}
}

func TestReadXLSXFirstSheet(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"code", "effective_on"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{"JN-1", 46023})) // 2026-01-01 as Excel stores it
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	tb, err := sheet.Read("清单.xlsx", &buf)
	require.NoError(t, err)
	require.Len(t, tb.Rows, 1)
	require.Equal(t, 3, tb.Rows[0].Line)
	d, err := sheet.Date(tb.Rows[0].Cell(1))
	require.NoError(t, err)
	require.Equal(t, "2026-01-01", d.String())
	require.Equal(t, "", tb.Rows[0].Cell(7), "past the row's end")
}

func TestDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2026-01-01": "2026-01-01", "2026/1/1": "2026-01-01", "2026年1月1日": "2026-01-01", "20260101": "2026-01-01",
		"2026.12.31": "2026-12-31", "46023": "2026-01-01", "45292.5": "2024-01-01", " 2024-02-29 ": "2024-02-29",
	} {
		d, err := sheet.Date(in)
		require.NoError(t, err, in)
		require.Equal(t, want, d.String(), in)
	}
	for _, bad := range []string{"", "2026-02-30", "明天", "1/1/26", "2026-13-01", "12"} {
		_, err := sheet.Date(bad)
		require.Error(t, err, bad)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	require.Equal(t, []string{"食品安全", "广告监管", "价格监管", "county"}, sheet.List(" 食品安全、广告监管，价格监管; county ,"))
	require.Empty(t, sheet.List(""))
}
