package documents

import (
	"fmt"
	"strings"
	"time"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

func beijing() *time.Location { return calendar.Location() }

// penaltyDocs are the documents of a general-procedure penalty case.
func penaltyDocs(c *workflows.Case) []Doc {
	var docs []Doc
	if c.FiledAt != nil {
		docs = append(docs, filingDoc(&c.Core, *c.FiledAt))
	}
	if n := c.Notice; n != nil {
		docs = append(docs, noticeDoc(c, n))
	}
	if h := c.Hearing; h != nil && h.At != nil && h.NoticeServedAt != nil {
		docs = append(docs, hearingNoticeDoc(c, h))
	}
	if d := c.Decision; d != nil {
		docs = append(docs, decisionDoc(c, d))
		if s := c.Service; s != nil {
			docs = append(docs, receiptDoc(c, s))
		}
	}
	return docs
}

func noticeDoc(c *workflows.Case, n *workflows.Notice) Doc {
	facts := n.Facts
	p := n.Proposal
	if c.Report != nil {
		facts = cmpOr(facts, c.Report.Facts)
		if p == nil {
			p = &c.Report.Proposal
		}
	}
	facts = cmpOr(facts, c.Facts)
	body := []string{
		fmt.Sprintf("经查，你（单位）%s", strings.TrimSuffix(facts, "。")+"。"),
	}
	if p != nil {
		body = append(body, fmt.Sprintf("以上事实违反了%s。依据%s，本机关拟对你（单位）作出如下行政处罚：%s%s。",
			cmpOr(c.PowerItem.LegalBasis, p.Basis), p.Basis, p.Penalty, fineText(p.Fine, p.Confiscation)))
	}
	rights := "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利，可在收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃此权利。"
	if n.HearingRight {
		rights += "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证，可在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃此权利。"
	}
	if due := deadlineDue(c.Deadlines, "statement"); due != "" {
		rights += "上述期限的最后一日为" + DateOf(due) + "。"
	}
	body = append(body, rights, "你（单位）认为办案人员与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避。")
	return Doc{Type: Notice, Title: "行政处罚事先告知书", Mark: "告", Year: year(n.ServedAt), To: c.Party.Name,
		Body: body, Seal: true, Date: n.ServedAt}
}

func fineText(fine, confiscation workflows.Yuan) string {
	var parts []string
	if fine > 0 {
		parts = append(parts, "罚款"+Amount(fine))
	}
	if confiscation > 0 {
		parts = append(parts, "没收违法所得（非法财物）价值"+Amount(confiscation))
	}
	if len(parts) == 0 {
		return ""
	}
	return "，其中" + strings.Join(parts, "，")
}

func decisionDoc(c *workflows.Case, d *workflows.Decision) Doc {
	title := "行政处罚决定书"
	if d.Outcome == "no-penalty" {
		title = "不予行政处罚决定书"
	}
	facts := c.Facts
	basis := c.PowerItem.LegalBasis
	if c.Report != nil {
		facts = cmpOr(c.Report.Facts, facts)
		basis = cmpOr(c.Report.Proposal.Basis, basis)
	}
	body := []string{fmt.Sprintf("经查，当事人%s", strings.TrimSuffix(facts, "。")+"。")}
	if len(c.Evidence) > 0 {
		var ev []string
		for _, e := range c.Evidence {
			ev = append(ev, e.Kind+"："+e.Description)
		}
		body = append(body, "上述事实，有以下证据证明："+strings.Join(ev, "；")+"。")
	}
	if len(c.Statements) > 0 {
		body = append(body, "当事人在法定期限内提出了陈述、申辩意见，本机关已予复核。")
	} else if c.Notice != nil && c.Notice.ClosedHow == "waiver" {
		body = append(body, "当事人书面声明放弃陈述、申辩和听证的权利。")
	}
	if d.Reasons != "" {
		body = append(body, d.Reasons)
	}
	if d.Outcome == "no-penalty" {
		body = append(body, "依据"+cmpOr(d.Ground, basis)+"，本机关决定不予行政处罚。")
	} else {
		body = append(body, fmt.Sprintf("依据%s，本机关决定对当事人作出如下行政处罚：%s%s。", basis, d.Penalty, fineText(d.Fine, 0)))
	}
	if d.Fine > 0 {
		pay := "当事人应当自收到本决定书之日起十五日内缴纳罚款"
		if due := deadlineDue(c.Deadlines, "payment"); due != "" {
			pay += "（即" + DateOf(due) + "前）"
		}
		body = append(body, pay+"。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，并依法申请人民法院强制执行（行政处罚法第七十二条）。")
	}
	remedy := "当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼"
	if s := c.Service; s != nil && s.Remedies != nil {
		remedy += fmt.Sprintf("（申请行政复议的最后一日为%s，提起行政诉讼的最后一日为%s）", DateOf(s.Remedies.ReconsiderationBy), DateOf(s.Remedies.LawsuitBy))
	}
	body = append(body, remedy+"。申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。")
	fs := partyFields(c.Party)
	fs = append(fs, Field{"办案人员", officers(c.Officers)})
	return Doc{Type: Decision, Title: title, Mark: "罚", Year: year(d.At), Fields: nonEmpty(fs),
		Body: body, Seal: true, Date: d.At}
}

var serviceMethods = map[string]string{
	"direct": "直接送达", "mail": "邮寄送达", "electronic": "电子送达", "public": "公告送达",
	"left": "留置送达", "entrusted": "委托送达",
}

func receiptDoc(c *workflows.Case, s *workflows.Service) Doc {
	method := serviceMethods[s.Method]
	fs := []Field{
		{"送达文书", "行政处罚决定书"},
		{"受送达人", c.Party.Name},
		{"送达地点", c.Party.Address},
		{"送达方式", cmpOr(method, s.Method)},
		{"收件人", s.Receiver},
		{"送达日期", Date(s.At)},
	}
	if s.EffectiveAt != nil {
		fs = append(fs, Field{"送达生效日期", Date(*s.EffectiveAt)})
	}
	fs = append(fs, Field{"送达人", officers(c.Officers)})
	return Doc{Type: ServiceReceipt, Title: "送达回证", Fields: nonEmpty(fs), Seal: true, Date: s.At, Receipt: true}
}

// hearingNoticeDoc is the hearing notice (听证通知书), served at least 7
// days before the hearing (PL 64(2)): when and where, public or not, the
// host, and the party's rights at the hearing (PL 64(4)–(6)).
func hearingNoticeDoc(c *workflows.Case, h *workflows.Hearing) Doc {
	public := "本次听证公开举行。"
	if !h.Public {
		why := map[string]string{"state-secret": "涉及国家秘密", "business-secret": "涉及商业秘密", "privacy": "涉及个人隐私"}[h.NotPublicReason]
		public = "本次听证因" + cmpOr(why, "依法") + "不公开举行（行政处罚法第六十四条第三项）。"
	}
	host := cmpOr(h.HostName, h.HostID)
	body := []string{
		fmt.Sprintf("根据你（单位）的申请，本机关定于%s在%s就%s一案举行听证。", DateTime(*h.At), h.Place, cmpOr(c.Facts, "拟作出的行政处罚")),
		public,
		"听证主持人：" + host + "。你（单位）认为主持人与本案有直接利害关系的，有权申请回避（行政处罚法第六十四条第四项）。",
		"你（单位）可以亲自参加听证，也可以委托一至二人代理（行政处罚法第六十四条第五项）；委托代理人的，应当提交授权委托书。",
		"你（单位）无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证（行政处罚法第六十四条第六项）。",
	}
	return Doc{Type: HearingNotice, Title: "听证通知书", Mark: "听", Year: year(*h.NoticeServedAt), To: c.Party.Name,
		Body: body, Seal: true, Date: *h.NoticeServedAt}
}

// onSpotDoc is the on-the-spot decision (当场行政处罚决定书) on its
// pre-numbered form (PL 52): the party, the act, the basis, the penalty,
// the time and the officers with their certificates, and the remedies.
func onSpotDoc(c *workflows.SummaryCase) Doc {
	d := c.Decision
	penalty := "警告"
	if d.Penalty == "fine" {
		penalty = "罚款" + Amount(d.Fine)
	}
	fs := append(nonEmpty(partyFields(c.Party)),
		Field{"违法事实", c.Facts}, Field{"处罚依据", d.Basis}, Field{"处罚内容", penalty},
		Field{"作出时间", DateTime(d.At)}, Field{"执法人员及执法证号", officers(c.Officers)})
	body := []string{}
	if d.Reasons != "" {
		body = append(body, d.Reasons)
	}
	if d.Penalty == "fine" {
		body = append(body, "当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（行政处罚法第六十七条）；依法当场收缴的除外。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（行政处罚法第七十二条）。")
	}
	body = append(body, "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。")
	return Doc{Type: OnSpotDecision, Title: "当场行政处罚决定书", Number: d.FormNumber, To: c.Party.Name,
		Fields: nonEmpty(fs), Body: body, Seal: true, Date: d.At}
}

// deadlineDue is the last day of the case's deadline of step, if it has one.
func deadlineDue(ds []casefile.Deadline, step string) string {
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].Step == step || ds[i].Key == step {
			return ds[i].DueDate
		}
	}
	return ""
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
