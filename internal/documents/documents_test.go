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

	"github.com/zhifa/zhifa/internal/casefile"
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
		toolMissing(t, err.Error())
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		toolMissing(t, "pdftotext is not installed")
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

func TestBuildMeasureAndExecution(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 4, 10, 1, 0, 0, 0, time.UTC)
	hearingAt := time.Date(2026, 4, 20, 1, 30, 0, 0, time.UTC) // 09:30 Beijing
	party := workflows.Party{Kind: "person", Name: "张三", IDNumber: "330102199001011234", Address: "青山县城关镇人民路1号"}
	tests := []struct {
		name      string
		procedure string
		snapshot  any
		want      []Type
		contains  map[Type][]string
		numbers   map[Type]string // stated by the case; a missing type is numbered by the caller
	}{
		{
			name: "a seizure taken, with its list", procedure: workflows.ProcedureMeasure,
			snapshot: workflows.MeasureCase{Core: workflows.Core{AgencyName: "青山县市场监督管理局", Party: party},
				Measure: &workflows.Measure{Kind: "seize", Reason: "涉嫌销售过期食品", Basis: "《中华人民共和国食品安全法》第一百一十条",
					Properties: []workflows.Property{{Name: "过期酸奶", Quantity: "24箱", Custodian: "青山县市场监督管理局"}}},
				Taken: &workflows.OnSite{At: at}},
			want:     []Type{Measure},
			contains: map[Type][]string{Measure: {"扣押决定书", "张三", "过期酸奶", "24箱", "2026年4月10日", "六十日内"}},
		},
		{
			name: "a freeze taken: its decision names the bank, the account and the amount (CL 31)", procedure: workflows.ProcedureMeasure,
			snapshot: workflows.MeasureCase{Core: workflows.Core{AgencyName: "济南市历下区税务局", Party: party,
				Deadlines: []casefile.Deadline{{Key: "freeze-duration", DueDate: "2026-05-10"}}},
				Measure: &workflows.Measure{Kind: "freeze", Reason: "涉嫌偷逃税款", Basis: "《中华人民共和国税收征收管理法》第三十八条",
					Freeze: &workflows.Freeze{Bank: "中国工商银行济南历下支行", Account: "1602000109200012345", Amount: 1234500, SumInvolved: 1234500}},
				Taken: &workflows.OnSite{At: at}},
			want: []Type{Measure},
			contains: map[Type][]string{Measure: {"冻结决定书", "张三", "中国工商银行济南历下支行", "1602000109200012345",
				"12345.00元", "2026年5月10日", "第三十二条", "六十日内"}},
		},
		{
			name: "a hearing scheduled: its notice names the time, the place, the host and the rights (PL 64)", procedure: workflows.ProcedureGeneral,
			snapshot: workflows.Case{Core: workflows.Core{AgencyName: "青山县市场监督管理局", Party: party, Facts: "销售超过保质期的酸奶"},
				Hearing: &workflows.Hearing{HostID: "qs-host", HostName: "周敏", At: &hearingAt, Place: "青山县市场监督管理局听证室",
					Public: false, NotPublicReason: "business-secret", NoticeServedAt: &at}},
			want: []Type{HearingNotice},
			contains: map[Type][]string{HearingNotice: {"听证通知书", "张三", "2026年4月20日 9时30分", "听证室", "周敏",
				"涉及商业秘密", "一至二人代理", "视为放弃听证权利"}},
		},
		{
			name: "an on-the-spot fine on its pre-numbered form (PL 52)", procedure: workflows.ProcedureSummary,
			snapshot: workflows.SummaryCase{Core: workflows.Core{AgencyName: "青山县市场监督管理局", Party: party, Facts: "占道经营",
				Officers: []workflows.Officer{{ID: "qs-officer1", Name: "张伟", Certificate: "33010020001"}}},
				Decision: &workflows.OnSpotDecision{Penalty: "fine", Fine: 5000, FormNumber: "临市监当罚〔2026〕000123",
					Basis: "《浙江省城市市容和环境卫生管理条例》第二十条", At: at}},
			want:     []Type{OnSpotDecision},
			contains: map[Type][]string{OnSpotDecision: {"当场行政处罚决定书", "张三", "占道经营", "50.00元（大写：伍拾元整）", "张伟", "33010020001", "十五日内", "六十日内"}},
			numbers:  map[Type]string{OnSpotDecision: "临市监当罚〔2026〕000123"},
		},
		{
			name: "a seizure proposed but not taken has none", procedure: workflows.ProcedureMeasure,
			snapshot: workflows.MeasureCase{Measure: &workflows.Measure{Kind: "seize"}},
		},
		{
			name: "a demand and a decision with their stated numbers, closed", procedure: workflows.ProcedureExecution,
			snapshot: workflows.ExecutionCase{Core: workflows.Core{AgencyName: "青山县市场监督管理局", Party: party, ClosedAt: &at, OpenedAt: at},
				Obligation: workflows.Obligation{Decision: "青山县市监罚〔2026〕3号", Kind: "money", Amount: 500000, DueDate: "2026-03-17", ServedOn: "2026-03-02"},
				Demand: &workflows.Demand{Reference: "青市监催〔2026〕1号", PerformBy: "2026-04-20", Manner: "到银行缴纳罚款及加处罚款",
					Amount: 1000000, Payment: "中国工商银行青山支行代收", ServedAt: at},
				Decision: &workflows.ExecutionDecision{Reference: "青市监强执〔2026〕1号", Method: "transfer", Basis: "《中华人民共和国行政强制法》第四十七条", At: at}},
			want: []Type{Demand, ExecutionDecision, Closing},
			contains: map[Type][]string{
				Demand:            {"催告书", "青山县市监罚〔2026〕3号", "2026年3月17日", "2026年4月20日", "10000.00元（大写：壹万元整）", "陈述和申辩"},
				ExecutionDecision: {"行政强制执行决定书", "划拨存款、汇款", "第四十七条"},
				Closing:           {"结案审批表", "2026年4月10日"},
			},
			numbers: map[Type]string{Demand: "青市监催〔2026〕1号", ExecutionDecision: "青市监强执〔2026〕1号", Closing: "青山县市监立〔2026〕9号"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			raw, err := json.Marshal(tt.snapshot)
			require.NoError(t, err)
			docs, err := Build(tt.procedure, "青山县市监立〔2026〕9号", raw)
			require.NoError(t, err)
			var types []Type
			for _, d := range docs {
				types = append(types, d.Type)
				if n, ok := tt.numbers[d.Type]; ok {
					require.Equal(t, n, d.Number)
					require.Empty(t, d.Mark)
				} else {
					require.NotEmpty(t, d.Mark, "%s is numbered on its own", d.Type)
				}
				page, err := HTML(d)
				require.NoError(t, err)
				for _, want := range tt.contains[d.Type] {
					require.Contains(t, string(page), want, d.Type)
				}
			}
			require.Equal(t, tt.want, types)
		})
	}
}

func TestAgencyTemplate(t *testing.T) {
	t.Parallel()
	d := Doc{Type: Decision, Title: "行政处罚决定书", Number: "青山县市监罚〔2026〕2号", Agency: "青山县市场监督管理局"}
	page, err := HTMLWith(d, `<h1>{{.Agency}}{{.Title}}</h1><p>{{.Number}}</p><p>{{.DateText}}</p>`)
	require.NoError(t, err)
	require.Equal(t, "<h1>青山县市场监督管理局行政处罚决定书</h1><p>青山县市监罚〔2026〕2号</p><p></p>", string(page))
	require.NoError(t, Check(Builtin()))
	for name, text := range map[string]string{
		"does not parse":    `{{.Title`,
		"names no field":    `{{.Fee}}`,
		"calls no function": `{{exec "rm"}}`,
	} {
		require.ErrorIs(t, Check(text), ErrTemplate, name)
	}
}

// toolMissing skips a test whose font or pdftotext is not installed — or
// fails it where they are required (.ci/run sets ZHIFA_TEST_REQUIRE_TOOLS).
func toolMissing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("ZHIFA_TEST_REQUIRE_TOOLS") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}
