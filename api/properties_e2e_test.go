package api_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"mime"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// download is a GET of a file: its status, headers and body.
type download struct {
	status int
	header http.Header
	body   []byte
}

func (e *env) download(path, token string) download {
	e.t.Helper()
	req, err := http.NewRequest("GET", e.app.url+path, nil)
	require.NoError(e.t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	return download{status: res.StatusCode, header: res.Header, body: body}
}

// propertyCSV downloads a case's property list and reads it as Excel
// would: UTF-8 behind a byte-order mark, then CSV.
func (e *env) propertyCSV(id, token string) (rows [][]string, filename string) {
	e.t.Helper()
	d := e.download("/cases/"+id+"/properties.csv", token)
	require.Equal(e.t, http.StatusOK, d.status, string(d.body))
	require.Equal(e.t, "text/csv; charset=utf-8", d.header.Get("Content-Type"))
	body, ok := bytes.CutPrefix(d.body, []byte("\xEF\xBB\xBF"))
	require.True(e.t, ok, "the file opens with a UTF-8 byte-order mark")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	require.NoError(e.t, err)
	disposition, params, err := mime.ParseMediaType(d.header.Get("Content-Disposition"))
	require.NoError(e.t, err)
	require.Equal(e.t, "attachment", disposition)
	require.Contains(e.t, d.header.Get("Content-Disposition"), `filename="properties-`+id+`.csv"`, "an ASCII name for old clients")
	return rows, params["filename"]
}

// TestPropertyListExportOverHTTP_CL24: the property list of a seizure, as
// proposed, is exported as CSV named after the case number, its Chinese and
// its commas intact; a freeze exports its bank, account and amount. Only
// whoever may read the case may export it; a case without a list answers
// no_property_list.
func TestPropertyListExportOverHTTP_CL24(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openMeasure(p.officer1)
	want(t, e.do("GET", "/cases/"+id+"/properties.csv", p.officer1, nil), http.StatusNotFound, "no_property_list")

	seize := map[string]any{"kind": "seize", "reason": "涉嫌不符合食品安全标准", "basis": "《中华人民共和国食品安全法》第一百一十条",
		"properties": []map[string]any{
			{"name": "过期酸奶（250ml）", "quantity": "24 盒", "condition": "外包装完好,未开封", "custodian": "本局罚没物品仓库"},
			{"name": "“鲜乐”牌巧克力", "quantity": "3 箱", "condition": `标有"特价"字样`, "custodian": "当事人（封存于店内冷柜）"},
		}}
	e.act(p.officer1, id, workflows.ActProposeMeasure, seize, http.StatusOK)
	r := e.do("GET", "/cases/"+id, p.officer1, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	number := r.body["summary"].(map[string]any)["number"].(string)
	require.NotEmpty(t, number)

	rows, filename := e.propertyCSV(id, p.officer1)
	require.Equal(t, [][]string{
		{"序号", "名称", "数量", "状况", "保管人"},
		{"1", "过期酸奶（250ml）", "24 盒", "外包装完好,未开封", "本局罚没物品仓库"},
		{"2", "“鲜乐”牌巧克力", "3 箱", `标有"特价"字样`, "当事人（封存于店内冷柜）"},
	}, rows)
	require.Equal(t, "财物清单-"+number+".csv", filename)
	supervised, _ := e.propertyCSV(id, p.manager)
	require.Equal(t, rows, supervised, "the city's supervisor reads the county's cases")

	// Another county's officer may not read the case: as for reading it.
	want(t, e.do("GET", "/cases/"+id, p.otherCounty, nil), http.StatusNotFound, "case_not_found")
	want(t, e.do("GET", "/cases/"+id+"/properties.csv", p.otherCounty, nil), http.StatusNotFound, "case_not_found")
	want(t, e.do("GET", "/cases/"+id+"/properties.csv", "", nil), http.StatusUnauthorized, "unauthenticated")

	general := e.openCase(p.officer1)
	want(t, e.do("GET", "/cases/"+general+"/properties.csv", p.officer1, nil), http.StatusNotFound, "no_property_list")

	tax := e.login("sw-officer1")
	frozen := e.openTaxFreeze(tax)
	e.act(tax, frozen, workflows.ActProposeMeasure, taxFreeze, http.StatusOK)
	rows, _ = e.propertyCSV(frozen, tax)
	require.Equal(t, [][]string{
		{"序号", "金融机构", "账户", "冻结金额（元）"},
		{"1", "中国建设银行临江分行", "6217000000000000001", "128000.00"},
	}, rows)
	want(t, e.do("GET", "/cases/"+frozen+"/properties.csv", p.officer1, nil), http.StatusNotFound, "case_not_found")
}
