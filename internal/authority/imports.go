package authority

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zhifa/zhifa/internal/casefile"
)

// The rows of an imported table (an officer roster, a power list): which
// columns there are and the words administrations write in them, and how a
// refused row is reported.

// RowError is what is wrong with one cell of an imported table: its line in
// the file (the header is line 1), its column and why, in Chinese and
// English.
type RowError struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// ImportError refuses a whole import and lists every row error: nothing of
// the file was written.
type ImportError struct {
	Rows []RowError
}

func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "import refused, %d errors, nothing imported", len(e.Rows))
	for _, r := range e.Rows {
		fmt.Fprintf(&b, "\n  row %d, column %s: %s", r.Row, r.Column, r.Message)
	}
	return b.String()
}

// RowErrors collects the errors of an import's rows.
type RowErrors struct{ Rows []RowError }

// Add records that the cell of column on line is wrong, and why.
func (e *RowErrors) Add(line int, column, zh, en string) {
	e.Rows = append(e.Rows, RowError{Row: line, Column: column, Message: zh + " / " + en})
}

// Refusal records a rule's refusal of a row, at the field the refusal
// names, or at column if it names none.
func (e *RowErrors) Refusal(line int, column string, r *Refusal) {
	if r.Field != "" {
		column = r.Field
	}
	e.Add(line, column, r.Zh, r.En)
}

// Err is the ImportError of the rows collected, in the file's order, or nil
// if there are none.
func (e *RowErrors) Err() error {
	if len(e.Rows) == 0 {
		return nil
	}
	rows := slices.Clone(e.Rows)
	slices.SortStableFunc(rows, func(a, b RowError) int { return a.Row - b.Row })
	return &ImportError{Rows: rows}
}

// Column is a column an import reads: its name in errors and the headers
// that mean it (compared without case, spaces and a trailing *).
type Column struct {
	Name     string
	Aliases  []string
	Required bool
}

// OfficerColumns are the columns of an officer and certificate list.
var OfficerColumns = []Column{
	{"login", []string{"登录名", "账号", "用户名"}, true},
	{"name", []string{"姓名"}, true},
	{"agency_id", []string{"机关编号", "所属机关编号", "机关"}, true},
	{"roles", []string{"角色"}, false},
	{"password", []string{"初始密码", "密码"}, false},
	{"certificate_number", []string{"执法证号", "证件编号", "执法证编号"}, false},
	{"issued_by", []string{"发证机关"}, false},
	{"fields", []string{"执法领域", "执法类别"}, false},
	{"region", []string{"执法区域"}, false},
	{"valid_from", []string{"有效期起", "有效期自", "发证日期"}, false},
	{"valid_until", []string{"有效期至", "有效期止", "有效期截止"}, false},
}

// PowerItemColumns are the columns of a power list.
var PowerItemColumns = []Column{
	{"code", []string{"事项编码", "编码"}, true},
	{"name", []string{"事项名称", "名称"}, false},
	{"kind", []string{"事项类型", "类型", "权力类型"}, false},
	{"field", []string{"执法领域", "领域"}, false},
	{"legal_basis", []string{"设定依据", "法律依据", "实施依据"}, false},
	{"levels", []string{"行使层级", "层级"}, false},
	{"agency_id", []string{"清单机关", "所属机关编号"}, false},
	{"status", []string{"状态", "调整方式"}, false},
	{"effective_on", []string{"生效日期", "施行日期"}, true},
	{"to_level", []string{"下放层级", "下放至"}, false},
	{"merged_into", []string{"合并至", "并入事项"}, false},
	{"delegated_to", []string{"受委托组织"}, false},
	{"decision_number", []string{"决定文号", "文号"}, false},
	{"decision_by", []string{"决定机关"}, false},
	{"published_on", []string{"公布日期", "发布日期"}, false},
	{"note", []string{"备注"}, false},
}

// ColumnNames are the names of cols, in order, for templates.
func ColumnNames(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// OfficerHeader and PowerItemHeader are the header lines of the templates.
var (
	OfficerHeader   = ColumnNames(OfficerColumns)
	PowerItemHeader = ColumnNames(PowerItemColumns)
)

func normHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimSuffix(strings.TrimSuffix(h, "*"), "＊")
	return strings.Join(strings.Fields(h), "")
}

// MapColumns finds each known column in header, by name or alias, and
// returns its index; an unknown, repeated or missing required column is an
// error of line 1.
func MapColumns(header []string, cols []Column) (map[string]int, []RowError) {
	at := map[string]int{}
	var errs []RowError
	for i, h := range header {
		if h == "" {
			continue
		}
		n := normHeader(h)
		found := ""
		for _, c := range cols {
			if n == c.Name || slices.ContainsFunc(c.Aliases, func(a string) bool { return normHeader(a) == n }) {
				found = c.Name
				break
			}
		}
		switch _, dup := at[found]; {
		case found == "":
			errs = append(errs, RowError{1, h, fmt.Sprintf("未知的列 %q / unknown column %q (known: %s)", h, h, strings.Join(ColumnNames(cols), ", "))})
		case dup:
			errs = append(errs, RowError{1, h, fmt.Sprintf("列 %s 出现了两次 / column %s appears twice", found, found)})
		default:
			at[found] = i
		}
	}
	for _, c := range cols {
		if _, ok := at[c.Name]; !ok && c.Required {
			errs = append(errs, RowError{1, c.Name, fmt.Sprintf("缺少必填列 %s / required column %s is missing", c.Name, c.Name)})
		}
	}
	return at, errs
}

// The words administrations write in a roster or a power list for the
// roles, levels, kinds and statuses.
var (
	roleAliases = map[string]casefile.Role{
		"执法人员": casefile.RoleOfficer, "办案人员": casefile.RoleOfficer, "法制审核人员": casefile.RoleReviewer, "审核人员": casefile.RoleReviewer,
		"负责人": casefile.RoleHead, "行政机关负责人": casefile.RoleHead, "主要负责人": casefile.RolePrincipalHead,
		"听证主持人": casefile.RoleHearingHost, "执法监督": casefile.RoleManager, "执法监督人员": casefile.RoleManager,
		"系统管理员": casefile.RoleAdmin, "管理员": casefile.RoleAdmin,
	}
	levelAliases = map[string]casefile.Level{
		"省": casefile.LevelProvince, "省级": casefile.LevelProvince, "市": casefile.LevelCity, "市级": casefile.LevelCity,
		"设区的市": casefile.LevelCity, "县": casefile.LevelCounty, "县级": casefile.LevelCounty, "区": casefile.LevelCounty,
		"县（区）": casefile.LevelCounty, "县(区)": casefile.LevelCounty, "乡": casefile.LevelTownship, "镇": casefile.LevelTownship,
		"乡镇": casefile.LevelTownship, "街道": casefile.LevelTownship, "乡镇（街道）": casefile.LevelTownship, "乡镇(街道)": casefile.LevelTownship,
		"乡镇街道": casefile.LevelTownship,
	}
	kindAliases = map[string]string{"行政处罚": KindPenalty, "处罚": KindPenalty, "行政强制措施": KindCompulsoryMeasure,
		"强制措施": KindCompulsoryMeasure, "行政强制执行": KindCompulsoryExecution, "强制执行": KindCompulsoryExecution}
	statusAliases = map[string]string{"实施": PowerInForce, "在用": PowerInForce, "保留": PowerInForce, "新增": PowerInForce,
		"有效": PowerInForce, "直接行使": PowerInForce, "取消": PowerCancelled, "下放": PowerDevolved, "委托": PowerDelegated,
		"委托下放": PowerDelegated, "合并": PowerMerged, "转为内部管理": PowerInternal, "内部管理": PowerInternal}
)

func alias[T ~string](v string, aliases map[string]T) string {
	if a, ok := aliases[v]; ok {
		return string(a)
	}
	return strings.ToLower(v)
}

// RoleCell reads a role as a roster writes it: 执法人员 or officer.
func RoleCell(v string) casefile.Role { return casefile.Role(alias(v, roleAliases)) }

// LevelCell reads a level as a power list writes it: 县级 or county.
func LevelCell(v string) string { return alias(v, levelAliases) }

// KindCell reads a power item's kind: 行政处罚 or penalty.
func KindCell(v string) string { return alias(v, kindAliases) }

// StatusCell reads a power item's status change: 下放 or devolved; an
// empty cell puts the item in force.
func StatusCell(v string) string {
	if s := alias(v, statusAliases); s != "" {
		return s
	}
	return PowerInForce
}
