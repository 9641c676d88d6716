package documents

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

func TestDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		at   time.Time
		want string
	}{
		{"a Beijing morning", time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("CST", 8*3600)), "2026年3月2日"},
		{"late evening UTC is the next Beijing day", time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC), "2026年3月2日"},
		{"two-digit month and day", time.Date(2026, 12, 31, 4, 0, 0, 0, time.UTC), "2026年12月31日"},
		{"no time", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, Date(tt.at))
		})
	}
	require.Equal(t, "2026年5月6日", DateOf("2026-05-06"))
	require.Equal(t, "不是日期", DateOf("不是日期"))
}

func TestAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		fen  workflows.Yuan
		want string
	}{
		{"the fine", 500000, "伍仟元整"},
		{"zeros inside", 1020345, "壹万零贰佰零叁元肆角伍分"},
		{"jiao only", 50, "伍角"},
		{"fen without jiao", 100001, "壹仟元零壹分"},
		{"ten thousand and five hundred", 1000050000, "壹仟万零伍佰元整"},
		{"a hundred million", 10000000000, "壹亿元整"},
		{"nothing", 0, "零元整"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, Capitals(tt.fen))
		})
	}
	require.Equal(t, "5000.00元（大写：伍仟元整）", Amount(500000))
}

// decided is a decided and served fine, as a case's snapshot holds it.
func decided(t *testing.T) json.RawMessage {
	at := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
	c := workflows.Case{
		Core: workflows.Core{ID: "c1", AgencyName: "青山县市场监督管理局", Facts: "销售超过保质期的酸奶",
			Party:     workflows.Party{Kind: "organization", Name: "青山县好味食品店", IDNumber: "91330100MA2B7K3Q1X"},
			PowerItem: workflows.PowerItem{Name: "对销售超过保质期食品的处罚", LegalBasis: "《中华人民共和国食品安全法》第一百二十四条"},
			OpenedAt:  at},
		FiledAt:  &at,
		Decision: &workflows.Decision{Outcome: "penalty", Penalty: "警告并处罚款", Fine: 500000, At: at},
		Service: &workflows.Service{Method: "direct", At: at,
			Remedies: &workflows.Remedies{ReconsiderationBy: "2026-05-01", LawsuitBy: "2026-09-02"}},
	}
	raw, err := json.Marshal(c)
	require.NoError(t, err)
	return raw
}

func TestBuildDecision(t *testing.T) {
	t.Parallel()
	docs, err := Build(workflows.ProcedureGeneral, "青山县市监立〔2026〕1号", decided(t))
	require.NoError(t, err)
	var types []Type
	for _, d := range docs {
		types = append(types, d.Type)
	}
	require.Equal(t, []Type{Filing, Decision, ServiceReceipt}, types, "no notice was served in this snapshot")
	filing, _ := Find(docs, Filing)
	require.Equal(t, "青山县市监立〔2026〕1号", filing.Number, "the filing form carries the case number")
	d, ok := Find(docs, Decision)
	require.True(t, ok)
	require.Equal(t, "罚", d.Mark)
	require.Equal(t, 2026, d.Year)
	d.Number = "青山县市监罚〔2026〕1号"
	page, err := HTML(d)
	require.NoError(t, err)
	for _, want := range []string{"青山县好味食品店", "青山县市监罚〔2026〕1号", "5000.00元（大写：伍仟元整）",
		"2026年3月2日", "2026年5月1日", "2026年9月2日", "size: A4", "青山县市场监督管理局"} {
		require.Contains(t, string(page), want)
	}
}

func TestPDF(t *testing.T) {
	t.Parallel()
	font, err := FontPath()
	if err != nil {
		t.Skip(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	docs, err := Build(workflows.ProcedureGeneral, "", decided(t))
	require.NoError(t, err)
	d, _ := Find(docs, Decision)
	d.Number = "青山县市监罚〔2026〕7号"
	pdf, err := PDF(d, font, LatinFontPath())
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(pdf), "%PDF-"))
	path := filepath.Join(t.TempDir(), "decision.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	require.NoError(t, err)
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"行政处罚决定书", "青山县好味食品店", "青山县市监罚〔2026〕7号", "5000.00元", "伍仟元整", "2026年3月2日"} {
		require.Contains(t, text, want)
	}
}

func TestPDFWithoutFont(t *testing.T) {
	t.Setenv("ZHIFA_PDF_FONT", filepath.Join(t.TempDir(), "none.ttf"))
	_, err := FontPath()
	require.ErrorIs(t, err, ErrNoFont)
}
