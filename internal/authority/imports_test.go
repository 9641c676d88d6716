package authority_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

func TestMapColumns(t *testing.T) {
	t.Parallel()
	at, errs := authority.MapColumns([]string{"登录名", " 姓名 *", "", "机关编号", "Roles"}, authority.OfficerColumns)
	require.Empty(t, errs)
	require.Equal(t, map[string]int{"login": 0, "name": 1, "agency_id": 3, "roles": 4}, at)

	_, errs = authority.MapColumns([]string{"登录名", "账号", "生日"}, authority.OfficerColumns)
	require.Equal(t, []authority.RowError{
		{Row: 1, Column: "账号", Message: "列 login 出现了两次 / column login appears twice"},
		{Row: 1, Column: "生日", Message: `未知的列 "生日" / unknown column "生日" (known: login, name, agency_id, roles, password, certificate_number, issued_by, fields, region, valid_from, valid_until)`},
		{Row: 1, Column: "name", Message: "缺少必填列 name / required column name is missing"},
		{Row: 1, Column: "agency_id", Message: "缺少必填列 agency_id / required column agency_id is missing"},
	}, errs)
}

func TestCells(t *testing.T) {
	t.Parallel()
	require.Equal(t, casefile.RoleReviewer, authority.RoleCell("法制审核人员"))
	require.Equal(t, casefile.RoleHead, authority.RoleCell("Head"))
	require.Equal(t, "township", authority.LevelCell("乡镇（街道）"))
	require.Equal(t, authority.KindCompulsoryMeasure, authority.KindCell("强制措施"))
	require.Equal(t, authority.PowerDevolved, authority.StatusCell("下放"))
	require.Equal(t, authority.PowerInForce, authority.StatusCell(""))
}

func TestRowErrors(t *testing.T) {
	t.Parallel()
	var e authority.RowErrors
	require.NoError(t, e.Err())
	e.Add(5, "name", "姓名不能为空", "name is required")
	e.Refusal(3, "login", authority.Refuse("invalid_input", "未知的角色：%q", "unknown role: %q", "x", "x").On("roles"))
	var ie *authority.ImportError
	require.ErrorAs(t, e.Err(), &ie)
	require.Equal(t, []authority.RowError{
		{Row: 3, Column: "roles", Message: `未知的角色："x" / unknown role: "x"`},
		{Row: 5, Column: "name", Message: "姓名不能为空 / name is required"},
	}, ie.Rows)
}
