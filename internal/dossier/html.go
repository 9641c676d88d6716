package dossier

import (
	"bytes"
	"fmt"
	"html/template"
	"time"

	"github.com/zhifa/zhifa/internal/calendar"
)

// indexPage is index.html: the index in Chinese for a reader, each file
// linked by its path in the ZIP.
var indexPage = template.Must(template.New("index").Funcs(template.FuncMap{
	"time": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(calendar.Location()).Format("2006年1月2日 15:04")
	},
	"size": func(n int64) string {
		switch {
		case n >= 1<<20:
			return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
		case n >= 1<<10:
			return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
		}
		return fmt.Sprintf("%d 字节", n)
	},
}).Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>案卷目录 {{.Case.Number}}</title>
<style>
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
.sum { font-family: monospace; font-size: 80%; word-break: break-all; }
</style>
</head>
<body>
<h1>案卷目录</h1>
<table>
<tr><th>案件编号</th><td>{{.Case.Number}}</td></tr>
<tr><th>程序</th><td>{{.Case.ProcedureTitle}}</td></tr>
<tr><th>执法机关</th><td>{{.Case.Agency}}</td></tr>
<tr><th>当事人</th><td>{{.Case.Party}}</td></tr>
<tr><th>办理状态</th><td>{{if .Case.Closed}}已结案{{else}}办理中（{{.Case.Stage}}）{{end}}</td></tr>
<tr><th>导出时间</th><td>{{time .ExportedAt}}</td></tr>
<tr><th>执法全过程记录</th><td>共 {{.Record.Events}} 条，末条第 {{.Record.HeadSeq}} 号，哈希值 <span class="sum">{{.Record.HeadHash}}</span></td></tr>
</table>
<p>正卷、副卷按《市场监督管理行政处罚程序规定》第七十八条的顺序排列。每个文件以其 SHA-256 哈希值命名；
用 <code>zhifa audit verify --file 本文件.zip</code> 可离线核验记录哈希链和每个文件。</p>
<table>
<tr><th>序号</th><th>卷别</th><th>类别</th><th>题名</th><th>文号</th><th>文件</th><th>大小</th></tr>
{{range .Entries}}<tr><td>{{.No}}</td><td>{{.Volume}}</td><td>{{.Section}}</td><td>{{.Title}}{{with .Evidence}}<br>
证据种类：{{.Kind}}；采集时间：{{time .CapturedAt}}；采集地点：{{.Place}}；采集人：{{range $i, $o := .CollectedBy}}{{if $i}}、{{end}}{{$o.Name}}{{end}}；证明对象：{{.Proves}}{{with .Device}}；采集设备：{{.}}{{end}}{{with .Description}}；说明：{{.}}{{end}}{{end}}</td>
<td>{{.Number}}</td><td><a href="{{.Path}}">{{.Path}}</a><br><span class="sum">SHA-256 {{.SHA256}}</span></td><td>{{size .Size}}</td></tr>
{{end}}</table>
</body>
</html>
`))

func indexHTML(idx Index) ([]byte, error) {
	var buf bytes.Buffer
	if err := indexPage.Execute(&buf, idx); err != nil {
		return nil, fmt.Errorf("case file %s: index.html: %w", idx.Case.ID, err)
	}
	return buf.Bytes(), nil
}
