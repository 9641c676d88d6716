package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/redact"
)

func TestText(t *testing.T) {
	t.Parallel()
	person := redact.Known{Names: []string{"王小明"}, Addresses: []string{"杭州市西湖区文三路 100 号 3 幢 201 室"}}
	tests := []struct {
		name  string
		in    string
		known redact.Known
		want  string
		log   []redact.Entry
	}{
		{"an 18-digit ID number", "身份证号 330102199001011234，", redact.Known{},
			"身份证号 〔身份证号码已隐去〕，", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"an ID number ending in X", "身份证号码：11010519491231002X。", redact.Known{},
			"身份证号码：〔身份证号码已隐去〕。", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"an ID number ending in a small x", "证号11010519491231002x", redact.Known{},
			"证号〔身份证号码已隐去〕", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"an old 15-digit ID number", "旧身份证 330102900101123 号", redact.Known{},
			"旧身份证 〔身份证号码已隐去〕 号", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"an ID number right after Latin letters", "ID330102199001011234", redact.Known{},
			"ID〔身份证号码已隐去〕", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"a mobile number", "联系电话13812345678，", redact.Known{},
			"联系电话〔电话号码已隐去〕，", []redact.Entry{{redact.KindMobile, 1}}},
		{"a mobile number with the country code", "电话 +8613812345678", redact.Known{},
			"电话 +〔电话号码已隐去〕", []redact.Entry{{redact.KindMobile, 1}}},
		{"a mobile number in groups", "电话 138 1234 5678 或 139-8765-4321", redact.Known{},
			"电话 〔电话号码已隐去〕 或 〔电话号码已隐去〕", []redact.Entry{{redact.KindMobile, 2}}},
		{"a landline with a hyphen", "电话0571-88886666", redact.Known{},
			"电话〔电话号码已隐去〕", []redact.Entry{{redact.KindLandline, 1}}},
		{"a landline without a hyphen", "电话 01087654321。", redact.Known{},
			"电话 〔电话号码已隐去〕。", []redact.Entry{{redact.KindLandline, 1}}},
		{"a landline with a three-digit area code and seven digits", "电话 020-1234567", redact.Known{},
			"电话 〔电话号码已隐去〕", []redact.Entry{{redact.KindLandline, 1}}},
		{"a landline with the area code in brackets", "电话（0571）88886666", redact.Known{},
			"电话〔电话号码已隐去〕", []redact.Entry{{redact.KindLandline, 1}}},
		{"a 16-digit bank card", "卡号 6222021234567890 付款", redact.Known{},
			"卡号 〔银行账号已隐去〕 付款", []redact.Entry{{redact.KindBankAccount, 1}}},
		{"a 19-digit bank card", "卡号6222021234567890123", redact.Known{},
			"卡号〔银行账号已隐去〕", []redact.Entry{{redact.KindBankAccount, 1}}},
		{"an 18-digit account without a date of birth", "账号 622202123456789012", redact.Known{},
			"账号 〔银行账号已隐去〕", []redact.Entry{{redact.KindBankAccount, 1}}},
		{"a card number in groups of four", "卡号 6222 0212 3456 7890 123 转账", redact.Known{},
			"卡号 〔银行账号已隐去〕 转账", []redact.Entry{{redact.KindBankAccount, 1}}},
		{"a 20-digit number is no card", "编号 62220212345678901234", redact.Known{},
			"编号 62220212345678901234", []redact.Entry{}},
		{"the person's name, masked", "当事人王小明销售过期食品，王小明承认", person,
			"当事人王**销售过期食品，王**承认", []redact.Entry{{redact.KindName, 2}}},
		{"the person's address", "住所：杭州市西湖区文三路 100 号 3 幢 201 室。", person,
			"住所：〔住址已隐去〕。", []redact.Entry{{redact.KindAddress, 1}}},
		{"a known ID number written with spaces", "证号 3301 0219 9001 0112 34", redact.Known{IDNumbers: []string{"3301 0219 9001 0112 34"}},
			"证号 〔身份证号码已隐去〕", []redact.Entry{{redact.KindIDNumber, 1}}},
		{"the organization's credit code is kept", "统一社会信用代码 913301001234567890，法定代表人电话 13812345678",
			redact.Known{Keep: []string{"913301001234567890"}},
			"统一社会信用代码 913301001234567890，法定代表人电话 〔电话号码已隐去〕", []redact.Entry{{redact.KindMobile, 1}}},
		{"everything at once, logged in a fixed order",
			"王小明（身份证号 330102199001011234，电话 13812345678，住杭州市西湖区文三路 100 号 3 幢 201 室）通过 6222021234567890 收款", person,
			"王**（身份证号 〔身份证号码已隐去〕，电话 〔电话号码已隐去〕，住〔住址已隐去〕）通过 〔银行账号已隐去〕 收款",
			[]redact.Entry{{redact.KindIDNumber, 1}, {redact.KindMobile, 1}, {redact.KindBankAccount, 1}, {redact.KindAddress, 1}, {redact.KindName, 1}}},
		{"amounts, dates, case numbers and officers stay",
			"2026年9月20日，执法人员张伟、李娜（执法证号 JN-QS-2024-001）查明违法所得 360 元，处罚款 5000.00 元，青山县市监立〔2026〕1号",
			person,
			"2026年9月20日，执法人员张伟、李娜（执法证号 JN-QS-2024-001）查明违法所得 360 元，处罚款 5000.00 元，青山县市监立〔2026〕1号",
			[]redact.Entry{}},
		{"digits inside a longer number are not read as a phone", "批号 201381234567800", redact.Known{},
			"批号 201381234567800", []redact.Entry{}},
		{"an organization's alphanumeric credit code stays", "91330100MA2B7K3Q1X", redact.Known{}, "91330100MA2B7K3Q1X", []redact.Entry{}},
		{"nothing to remove", "销售超过保质期的酸奶", redact.Known{}, "销售超过保质期的酸奶", []redact.Entry{}},
		{"empty text", "", person, "", []redact.Entry{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, log := redact.Text(tt.in, tt.known)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.log, log)
		})
	}
}

// TestTextLeavesNoRemovedValue: whatever stands between them, none of the
// values removed survives in the result or in the log.
func TestTextLeavesNoRemovedValue(t *testing.T) {
	t.Parallel()
	secrets := []string{"330102199001011234", "13812345678", "0571-88886666", "6222021234567890", "王小明", "文三路 100 号"}
	for _, sep := range []string{"；", " ", "/", "\n", "a", "王小明"} {
		in := strings.Join(secrets, sep)
		got, log := redact.Text(in, redact.Known{Names: []string{"王小明"}, Addresses: []string{"文三路 100 号"}})
		for _, s := range secrets {
			require.NotContains(t, got, s, "joined by %q", sep)
			for _, e := range log {
				require.NotContains(t, string(e.Kind), s)
			}
		}
	}
}

func TestMaskName(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, want string }{
		{"王小明", "王**"},
		{"李四", "李*"},
		{"欧阳娜娜", "欧***"},
		{"王", "*"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, redact.MaskName(tt.name))
		})
	}
}

func TestMerge(t *testing.T) {
	t.Parallel()
	got := redact.Merge(
		[]redact.Entry{{redact.KindName, 2}, {redact.KindMobile, 1}},
		nil,
		[]redact.Entry{{redact.KindMobile, 2}, {redact.KindIDNumber, 1}},
	)
	require.Equal(t, []redact.Entry{{redact.KindIDNumber, 1}, {redact.KindMobile, 3}, {redact.KindName, 2}}, got)
	require.Equal(t, []redact.Entry{}, redact.Merge())
}
