package documents

import (
	"fmt"
	"strconv"

	"github.com/zhifa/zhifa/workflows"
)

var measureNames = map[string]string{"seal": "查封", "seize": "扣押"}

// measureDocs are the documents of a sealing or seizure: its decision with
// the property list, delivered on the spot when the measure is taken
// (CL 24).
func measureDocs(c *workflows.MeasureCase) []Doc {
	m := c.Measure
	if m != nil && m.Kind == "freeze" && m.Freeze != nil && c.Taken != nil {
		return []Doc{freezeDoc(c)}
	}
	name, ok := "", false
	if m != nil {
		name, ok = measureNames[m.Kind]
	}
	if !ok || c.Taken == nil {
		return nil
	}
	body := []string{
		fmt.Sprintf("因%s，依据%s，本机关决定对你（单位）的下列场所、设施或者财物予以%s。", m.Reason, m.Basis, name),
	}
	term := name + "期限为三十日"
	if due := deadlineDue(c.Deadlines, "duration"); due != "" {
		term += "，至" + DateOf(due) + "止"
	}
	body = append(body, term+"；情况复杂的，经本机关负责人批准可以延长，但延长期限不超过三十日（行政强制法第二十五条）。",
		"如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。")
	list := &Table{Title: "（场所、设施、财物）清单", Header: []string{"序号", "名称", "数量", "状况", "保管人"}}
	for i, p := range m.Properties {
		list.Rows = append(list.Rows, []string{strconv.Itoa(i + 1), p.Name, p.Quantity, p.Condition, p.Custodian})
	}
	mark := map[string]string{"seal": "封", "seize": "扣"}[m.Kind]
	return []Doc{{Type: Measure, Title: name + "决定书", Number: c.Taken.DecisionRef, Mark: markIf(c.Taken.DecisionRef, mark),
		Year: year(c.Taken.At), To: c.Party.Name, Fields: nonEmpty(partyFields(c.Party)), Body: body, List: list, Seal: true, Date: c.Taken.At}}
}

// freezeDoc is the freeze decision (冻结决定书) delivered to the party
// within 3 working days of the freeze (CL 31): the party, the reason, basis
// and term, the bank, account and amount frozen, and the remedies.
func freezeDoc(c *workflows.MeasureCase) Doc {
	m, f := c.Measure, c.Measure.Freeze
	term := "冻结期限为三十日"
	if due := deadlineDue(c.Deadlines, "freeze-duration"); due != "" {
		term += "，至" + DateOf(due) + "止"
	}
	body := []string{
		fmt.Sprintf("因%s，依据%s，本机关决定冻结你（单位）下列存款、汇款。", m.Reason, m.Basis),
		term + "；情况复杂的，经本机关负责人批准可以延长，但延长期限不超过三十日。期限届满本机关未作出处理决定或者解除冻结决定的，金融机构自冻结期满之日起解除冻结（行政强制法第三十二条）。",
		"如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
	}
	fields := append(nonEmpty(partyFields(c.Party)),
		Field{"金融机构", f.Bank}, Field{"账号", f.Account}, Field{"冻结金额", Amount(f.Amount)})
	return Doc{Type: Measure, Title: "冻结决定书", Number: c.Taken.DecisionRef, Mark: markIf(c.Taken.DecisionRef, "冻"),
		Year: year(c.Taken.At), To: c.Party.Name, Fields: fields, Body: body, Seal: true, Date: c.Taken.At}
}

// markIf is mark when the case states no number of its own for a document.
func markIf(stated, mark string) string {
	if stated != "" {
		return ""
	}
	return mark
}

var executionMethods = map[string]string{"transfer": "划拨存款、汇款", "auction": "拍卖", "substitute": "代履行", "other": "其他方式"}

// executionDocs are the documents of a compulsory execution: the demand
// (CL 35) and the execution decision (CL 37).
func executionDocs(c *workflows.ExecutionCase) []Doc {
	var docs []Doc
	o := c.Obligation
	duty := o.Duty
	if o.Kind == "money" || o.Amount > 0 {
		duty = cmpOr(duty, "缴纳罚款"+Amount(o.Amount))
	}
	if d := c.Demand; d != nil {
		body := []string{
			fmt.Sprintf("本机关于作出的%s，已于%s送达你（单位），你（单位）应当于%s前履行%s，但你（单位）至今未履行。",
				o.Decision, DateOf(o.ServedOn), DateOf(o.DueDate), duty),
			fmt.Sprintf("根据《中华人民共和国行政强制法》第三十五条的规定，现催告你（单位）于%s前以下列方式履行：%s。", DateOf(d.PerformBy), d.Manner),
		}
		if d.Amount > 0 {
			pay := "应缴金额：" + Amount(d.Amount)
			if d.Payment != "" {
				pay += "；给付方式：" + d.Payment
			}
			body = append(body, pay+"。")
		}
		body = append(body, "你（单位）收到本催告书后有权进行陈述和申辩（行政强制法第三十六条）。逾期仍不履行的，本机关将依法强制执行或者申请人民法院强制执行。")
		docs = append(docs, Doc{Type: Demand, Title: "催告书", Number: d.Reference, Mark: markIf(d.Reference, "催"), Year: year(d.ServedAt),
			To: c.Party.Name, Fields: nonEmpty(partyFields(c.Party)), Body: body, Seal: true, Date: d.ServedAt})
	}
	if d := c.Decision; d != nil {
		method := cmpOr(executionMethods[d.Method], d.Method)
		body := []string{
			fmt.Sprintf("本机关作出的%s要求你（单位）%s。经催告，你（单位）逾期仍未履行。%s", o.Decision, duty, d.Reasons),
			fmt.Sprintf("依据%s，本机关决定以%s的方式强制执行。", d.Basis, method),
		}
		if d.Performer != "" {
			body = append(body, fmt.Sprintf("代履行人：%s；代履行费用预算：%s，由你（单位）承担（行政强制法第五十一条）。", d.Performer, Amount(d.Budget)))
		}
		body = append(body, "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。")
		docs = append(docs, Doc{Type: ExecutionDecision, Title: "行政强制执行决定书", Number: d.Reference, Mark: markIf(d.Reference, "强执"),
			Year: year(d.At), To: c.Party.Name, Fields: nonEmpty(partyFields(c.Party)), Body: body, Seal: true, Date: d.At})
	}
	return docs
}
