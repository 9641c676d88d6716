package api

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/workflows"
)

// The property list (财物清单) of a sealing or seizure is delivered to the
// party with the decision (CL 24 ¶2); a freeze has its bank, account and
// amount instead (CL 30–31). It is exported as CSV for the paper forms and
// the case file, in UTF-8 with a byte-order mark so that Excel reads the
// Chinese right.

var errNoPropertyList = newError(http.StatusNotFound, "no_property_list",
	"该案件没有财物清单：只有查封、扣押、冻结案件在拟采取强制措施后才有", "the case has no property list: only a sealing, seizure or freeze case has one, once the measure is proposed")

// measureSnapshot is the part of a compulsory measure's snapshot the export
// reads.
type measureSnapshot struct {
	Measure *struct {
		Kind       string `json:"kind"`
		Properties []struct {
			Name      string `json:"name"`
			Quantity  string `json:"quantity"`
			Condition string `json:"condition"`
			Custodian string `json:"custodian"`
		} `json:"properties"`
		Freeze *struct {
			Bank    string         `json:"bank"`
			Account string         `json:"account"`
			Amount  workflows.Yuan `json:"amount"`
		} `json:"freeze"`
	} `json:"measure"`
}

// utf8BOM opens the file: without it Excel takes a CSV for the local ANSI
// code page and garbles the Chinese.
const utf8BOM = "\uFEFF"

func (s *Server) propertyList(c *gin.Context) {
	sum, state, err := s.readCase(c.Request.Context(), caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	var snap measureSnapshot
	if sum.Procedure == workflows.ProcedureMeasure {
		if err := json.Unmarshal(state.snapshot, &snap); err != nil {
			fail(c, fmt.Errorf("case %s: read the measure: %w", sum.ID, err))
			return
		}
	}
	m := snap.Measure
	if m == nil || (m.Kind == "freeze" && m.Freeze == nil) {
		fail(c, errNoPropertyList)
		return
	}
	rows := [][]string{{"序号", "名称", "数量", "状况", "保管人"}}
	if m.Kind == "freeze" {
		rows = [][]string{{"序号", "金融机构", "账户", "冻结金额（元）"}, {"1", m.Freeze.Bank, m.Freeze.Account, m.Freeze.Amount.String()}}
	} else {
		for i, p := range m.Properties {
			rows = append(rows, []string{strconv.Itoa(i + 1), p.Name, p.Quantity, p.Condition, p.Custodian})
		}
	}
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	for _, r := range rows {
		for i := range r {
			r[i] = inertCell(r[i])
		}
	}
	if err := w.WriteAll(rows); err != nil {
		fail(c, fmt.Errorf("case %s: write the property list: %w", sum.ID, err))
		return
	}
	name := "财物清单-" + cmp.Or(sum.Number, sum.ID) + ".csv"
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="properties-%s.csv"; filename*=UTF-8''%s`, sum.ID, rfc5987(name)))
	c.Data(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

// inertCell keeps a spreadsheet from reading a cell as a formula: text that
// starts like one (=, +, -, @, a tab or a carriage return) gets a leading
// apostrophe, which Excel shows as text.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// rfc5987 percent-encodes s as an ext-value's value (RFC 5987 §3.2.1):
// every byte but the attr-chars.
func rfc5987(s string) string {
	const attrChars = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte(attrChars, ch) >= 0 {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}
