package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/redact"
	"github.com/zhifa/zhifa/internal/store"
)

// penaltyCase writes a general-procedure case act by act with the fields of
// its snapshot the public record reads, as the workflow writes them.
type penaltyCase struct {
	summary  casefile.Summary
	seq      int
	lastHash string
	snap     map[string]any
	fields   map[string]json.RawMessage
}

func newPenaltyCase(id, number, agencyID, agencyName string, party map[string]any, facts string) *penaltyCase {
	return &penaltyCase{
		summary: casefile.Summary{ID: id, Number: number, Procedure: "general-penalty", AgencyID: agencyID,
			PowerItemCode: "JN-SC-CF-0001", PartyName: party["name"].(string)},
		snap: map[string]any{"id": id, "number": number, "procedure": "general-penalty", "agency_id": agencyID, "agency_name": agencyName,
			"power_item": map[string]any{"code": "JN-SC-CF-0001", "name": "对经营不符合食品安全标准的食品的行政处罚",
				"field": "食品安全", "legal_basis": "《中华人民共和国食品安全法》第一百二十四条"},
			"party": party, "facts": facts, "officers": []map[string]any{{"id": "qs-officer1", "name": "张伟"}}},
	}
}

// act records the case's next act, which sets these snapshot fields.
func (c *penaltyCase) act(t *testing.T, act string, at time.Time, set map[string]any) casefile.Record {
	t.Helper()
	c.seq++
	for k, v := range set {
		c.snap[k] = v
	}
	c.snap["seq"] = c.seq
	data, err := json.Marshal(map[string]string{"act": act})
	require.NoError(t, err)
	ev := casefile.Event{CaseID: c.summary.ID, Seq: c.seq, Act: act, ActorID: "qs-officer1", ActorName: "张伟",
		Certificate: "JN-QS-2024-001", At: at, Summary: act, Data: data, PrevHash: c.lastHash}
	ev.Hash = ev.ComputeHash()
	c.lastHash = ev.Hash
	raw, err := json.Marshal(c.snap)
	require.NoError(t, err)
	fields, err := casefile.Fields(raw)
	require.NoError(t, err)
	changes := casefile.Diff(c.fields, fields)
	c.fields = fields
	return casefile.Record{Case: c.summary, Changes: changes, Event: ev}
}

var (
	wangXiaoming = map[string]any{"kind": "person", "name": "王小明", "id_number": "330102199001011234", "address": "青山县城关镇和平路 8 号"}
	personFacts  = "当事人王小明（身份证号 330102199001011234，电话 13812345678，住青山县城关镇和平路 8 号）销售超过保质期的酸奶 12 盒"
)

// TestPublicRecordFollowsPublicationAndWithdrawal_PL48: a decision on a
// natural person enters the public record when it is published, redacted;
// the moment its publication is withdrawn (PL 48 ¶2) only the notice of the
// withdrawal stays, with its public reason, until its term ends (SAMR-PUB
// 13); acts that touch no publication leave it alone.
func TestPublicRecordFollowsPublicationAndWithdrawal_PL48(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	ctx := t.Context()
	c := newPenaltyCase("c1", "青山县市监立〔2026〕1号", qingshan, "青山县市场监督管理局", wangXiaoming, personFacts)
	at := beijing(t, "2026-03-02T09:00:00+08:00")
	served := func(asOf time.Time) []store.PublishedDecision {
		t.Helper()
		items, total, err := st.PublicDecisions(ctx, store.PublicFilter{AsOf: asOf, Limit: 20})
		require.NoError(t, err)
		require.Len(t, items, int(total))
		return items
	}

	require.NoError(t, st.Record(ctx, c.act(t, "OpenCase", at, nil)))
	require.NoError(t, st.Record(ctx, c.act(t, "SubmitReport", at.Add(time.Hour), map[string]any{
		"report": map[string]any{"facts": personFacts + "，王小明对事实无异议",
			"proposal": map[string]any{"penalty": "警告并处罚款", "fine": "5000.00", "basis": "《中华人民共和国食品安全法》第一百二十四条第一款"}}})))
	decided := at.Add(48 * time.Hour)
	decision := map[string]any{"outcome": "penalty", "penalty": "警告并处罚款", "kinds": []string{"warning", "fine"}, "fine": "5000.00",
		"reasons": "王小明放弃陈述申辩；罚款请汇入账户 6222021234567890", "at": decided, "published": true}
	require.NoError(t, st.Record(ctx, c.act(t, "Decide", decided, map[string]any{"decision": decision})))
	require.Empty(t, served(decided.Add(time.Hour)), "decided is not published")
	require.Equal(t, 0, rows(t, db, "published_decisions", ""))

	publishedAt := beijing(t, "2026-03-05T10:00:00+08:00")
	publish := c.act(t, "Publish", publishedAt, map[string]any{"publication": map[string]any{"channel": "临江市人民政府门户网站", "at": publishedAt}})
	require.NoError(t, st.Record(ctx, publish))
	items := served(publishedAt.Add(time.Minute))
	require.Len(t, items, 1)
	got := items[0]
	require.Equal(t, "c1", got.CaseID)
	require.Equal(t, "青山县市监立〔2026〕1号", got.Number)
	require.Equal(t, "青山县市场监督管理局", got.AgencyName)
	require.Equal(t, "王**", got.PartyDisplay)
	require.Equal(t, "person", got.PartyKind)
	require.Equal(t, "对经营不符合食品安全标准的食品的行政处罚", got.Violation)
	require.Equal(t, "《中华人民共和国食品安全法》第一百二十四条第一款", got.Basis)
	require.Equal(t, "警告并处罚款（罚款 5000.00 元）", got.Penalty)
	require.Equal(t, int64(500000), got.Fine)
	require.True(t, got.DecidedAt.Equal(decided))
	require.True(t, got.PublishedAt.Equal(publishedAt))
	require.Contains(t, got.Text, "销售超过保质期的酸奶 12 盒")
	require.Contains(t, got.Text, "王**")
	for _, secret := range []string{"王小明", "330102199001011234", "13812345678", "和平路 8 号", "6222021234567890"} {
		for _, public := range []string{got.Text, got.Penalty, got.Basis, got.PartyDisplay} {
			require.NotContains(t, public, secret)
		}
	}
	require.Equal(t, []redact.Entry{{Kind: redact.KindIDNumber, Count: 1}, {Kind: redact.KindMobile, Count: 1},
		{Kind: redact.KindBankAccount, Count: 1}, {Kind: redact.KindAddress, Count: 1}, {Kind: redact.KindName, Count: 3}}, got.Redactions)
	// A warning and a fine below 10,000 元: three months from the day of publication.
	require.True(t, got.TermEnd.Equal(beijing(t, "2026-06-06T00:00:00+08:00")), "term ends %s", got.TermEnd)
	one, err := st.PublicDecision(ctx, "c1", publishedAt.Add(time.Minute))
	require.NoError(t, err)
	require.Equal(t, []store.PublishedVersion{{Version: 1, At: one.Versions[0].At}}, one.Versions)
	require.True(t, one.Versions[0].At.Equal(publishedAt))
	one.Versions = nil
	require.Equal(t, got, one)
	require.Empty(t, served(got.TermEnd), "not served once its term has ended")
	_, err = st.PublicDecision(ctx, "c1", got.TermEnd)
	require.ErrorIs(t, err, store.ErrNotFound)

	// A payment touches no publication: the row is not written again.
	require.NoError(t, st.Record(ctx, c.act(t, "RecordPayment", publishedAt.Add(24*time.Hour), map[string]any{
		"payments": []map[string]any{{"amount": "5000.00", "receipt": "ICBC-1", "at": publishedAt.Add(24 * time.Hour)}}})))
	changed, err := st.PublicRecordChanged(ctx)
	require.NoError(t, err)
	require.True(t, changed.Equal(publishedAt), "last changed by the publication, got %s", changed)

	// Revoked on reconsideration: still published until it is withdrawn.
	decision["overturned"] = "revoked"
	require.NoError(t, st.Record(ctx, c.act(t, "EndRemedy", beijing(t, "2026-03-09T10:00:00+08:00"), map[string]any{"decision": decision})))
	require.Len(t, served(beijing(t, "2026-03-09T11:00:00+08:00")), 1)

	withdrawnAt := beijing(t, "2026-03-10T15:00:00+08:00")
	require.NoError(t, st.Record(ctx, c.act(t, "WithdrawPublication", withdrawnAt, map[string]any{"publication": map[string]any{
		"channel": "临江市人民政府门户网站", "at": publishedAt, "withdrawn_at": withdrawnAt, "withdrawal": "该行政处罚决定已被复议机关撤销"}})))
	notice := served(withdrawnAt)
	require.Len(t, notice, 1, "the notice of the withdrawal stays")
	require.True(t, notice[0].WithdrawnAt.Equal(withdrawnAt))
	require.Equal(t, "该行政处罚决定已被复议机关撤销", notice[0].Withdrawal)
	w, err := st.PublicDecision(ctx, "c1", withdrawnAt)
	require.NoError(t, err)
	require.True(t, w.UpdatedAt().Equal(withdrawnAt))
	require.Empty(t, served(got.TermEnd), "the notice ends with the term")

	// A stale attempt of the publishing act's activity puts nothing back.
	require.NoError(t, st.Record(ctx, publish))
	require.NotNil(t, served(withdrawnAt.Add(time.Minute))[0].WithdrawnAt)
	changed, err = st.PublicRecordChanged(ctx)
	require.NoError(t, err)
	require.True(t, changed.Equal(withdrawnAt), "last changed by the withdrawal, got %s", changed)
}

// TestPublicRecordSearch: the public record's filters, over two agencies'
// published decisions and one unpublished.
func TestPublicRecordSearch(t *testing.T) {
	t.Parallel()
	st, _ := openWithSQL(t)
	ctx := t.Context()
	publish := func(c *penaltyCase, decided time.Time, kinds []string, fine string) {
		t.Helper()
		require.NoError(t, st.Record(ctx, c.act(t, "OpenCase", decided.Add(-72*time.Hour), nil)))
		require.NoError(t, st.Record(ctx, c.act(t, "Decide", decided, map[string]any{"decision": map[string]any{
			"outcome": "penalty", "penalty": "罚款", "kinds": kinds, "fine": fine, "reasons": "事实清楚", "at": decided}})))
		require.NoError(t, st.Record(ctx, c.act(t, "Publish", decided.Add(24*time.Hour), map[string]any{
			"publication": map[string]any{"channel": "政府网站", "at": decided.Add(24 * time.Hour)}})))
	}
	org := map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "913301001234567890"}
	person := newPenaltyCase("p1", "青山县市监立〔2026〕1号", qingshan, "青山县市场监督管理局", wangXiaoming, personFacts)
	publish(person, beijing(t, "2026-03-02T09:00:00+08:00"), []string{"fine"}, "5000.00")
	shop := newPenaltyCase("o1", "白水县市监立〔2026〕7号", baishui, "白水县市场监督管理局", org, "统一社会信用代码 913301001234567890 的食品店销售过期酸奶")
	publish(shop, beijing(t, "2026-04-10T09:00:00+08:00"), []string{"confiscate-gains", "fine"}, "20000.00")
	pending := newPenaltyCase("u1", "青山县市监立〔2026〕2号", qingshan, "青山县市场监督管理局", org, "未公示")
	require.NoError(t, st.Record(ctx, pending.act(t, "OpenCase", beijing(t, "2026-04-01T09:00:00+08:00"), nil)))

	asOf := beijing(t, "2026-05-01T09:00:00+08:00")
	day := func(s string) *time.Time { v := beijing(t, s+"T00:00:00+08:00"); return &v }
	tests := []struct {
		name string
		f    store.PublicFilter
		want []string
	}{
		{"everything published, newest publication first", store.PublicFilter{}, []string{"o1", "p1"}},
		{"one agency", store.PublicFilter{AgencyID: qingshan}, []string{"p1"}},
		{"decided from", store.PublicFilter{DecidedFrom: day("2026-04-10")}, []string{"o1"}},
		{"decided before", store.PublicFilter{DecidedBefore: day("2026-04-10")}, []string{"p1"}},
		{"an organization by part of its name", store.PublicFilter{Party: "好味"}, []string{"o1"}},
		{"a person is not found by name", store.PublicFilter{Party: "王"}, []string{}},
		{"a person is not found by the masked name", store.PublicFilter{Party: "王**"}, []string{}},
		{"decision number", store.PublicFilter{Number: "〔2026〕7号"}, []string{"o1"}},
		{"violation keyword", store.PublicFilter{Violation: "食品安全标准"}, []string{"o1", "p1"}},
		{"wildcards are taken literally", store.PublicFilter{Violation: "%"}, []string{}},
		{"no match", store.PublicFilter{Violation: "虚假广告"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := tt.f
			f.AsOf, f.Limit = asOf, 20
			items, total, err := st.PublicDecisions(ctx, f)
			require.NoError(t, err)
			ids := []string{}
			for _, it := range items {
				ids = append(ids, it.CaseID)
			}
			require.Equal(t, tt.want, ids)
			require.Equal(t, int64(len(tt.want)), total)
		})
	}

	t.Run("an organization is shown by name, its credit code kept", func(t *testing.T) {
		t.Parallel()
		d, err := st.PublicDecision(ctx, "o1", asOf)
		require.NoError(t, err)
		require.Equal(t, "青山县好味食品店", d.PartyDisplay)
		require.Contains(t, d.Text, "913301001234567890")
		require.Equal(t, []redact.Entry{}, d.Redactions)
		// Confiscation besides the fine: three years.
		require.True(t, d.TermEnd.Equal(beijing(t, "2029-04-12T00:00:00+08:00")), "term ends %s", d.TermEnd)
	})
	t.Run("paging", func(t *testing.T) {
		t.Parallel()
		items, total, err := st.PublicDecisions(ctx, store.PublicFilter{AsOf: asOf, Limit: 1, Offset: 1})
		require.NoError(t, err)
		require.Equal(t, int64(2), total)
		require.Len(t, items, 1)
		require.Equal(t, "p1", items[0].CaseID)
	})
	t.Run("an unpublished case is not found", func(t *testing.T) {
		t.Parallel()
		for _, id := range []string{"u1", "no-such-case"} {
			_, err := st.PublicDecision(ctx, id, asOf)
			require.ErrorIs(t, err, store.ErrNotFound)
		}
	})
}

func TestPublicationTerm_SAMRPUB13(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		published string
		kinds     []string
		fine      int64
		ends      string // the last day of publication
	}{
		{"a warning alone", "2026-03-05", []string{"warning"}, 0, "2026-06-05"},
		{"circulated criticism", "2026-03-05", []string{"circulated-criticism"}, 0, "2026-06-05"},
		{"a warning and a fine below 10,000 元", "2026-03-05", []string{"warning", "fine"}, 9_999_99, "2026-06-05"},
		{"a fine of 10,000 元", "2026-03-05", []string{"fine"}, 10_000_00, "2029-03-05"},
		{"confiscation besides a small fine", "2026-03-05", []string{"confiscate-gains", "fine"}, 500_00, "2029-03-05"},
		{"a licence revoked", "2026-03-05", []string{"revoke-licence"}, 0, "2029-03-05"},
		{"kinds not recorded, a small fine", "2026-03-05", nil, 500_00, "2026-06-05"},
		{"kinds not recorded, no fine", "2026-03-05", nil, 0, "2029-03-05"},
		{"no same-numbered day: the month's last", "2026-11-30", []string{"warning"}, 0, "2027-02-28"},
		{"into a leap February", "2027-11-30", []string{"warning"}, 0, "2028-02-29"},
		{"29 February, three years on", "2028-02-29", []string{"suspend-business"}, 0, "2031-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			published := beijing(t, tt.published+"T16:30:00+08:00")
			end := store.PublicationTerm(published, tt.kinds, tt.fine, casefile.PublicationRules{})
			last := end.Add(-time.Nanosecond).In(published.Location()).Format(time.DateOnly)
			require.Equal(t, tt.ends, last)
			require.Equal(t, "00:00:00", end.In(published.Location()).Format(time.TimeOnly), "ends at 24:00 Beijing time")
		})
	}
}

func TestPublicationPreview(t *testing.T) {
	t.Parallel()
	c := newPenaltyCase("c1", "青山县市监立〔2026〕1号", qingshan, "青山县市场监督管理局", wangXiaoming, personFacts)
	snapshot := func() json.RawMessage {
		raw, err := json.Marshal(c.snap)
		require.NoError(t, err)
		return raw
	}
	now := beijing(t, "2026-03-05T10:00:00+08:00")
	_, err := store.PublicationOf(snapshot(), now)
	require.ErrorIs(t, err, store.ErrNotFound, "nothing decided yet")

	c.snap["decision"] = map[string]any{"outcome": "penalty", "penalty": "罚款", "kinds": []string{"fine"}, "fine": "800.00",
		"reasons": "王小明当场承认", "at": now.Add(-time.Hour)}
	d, err := store.PublicationOf(snapshot(), now)
	require.NoError(t, err)
	require.Nil(t, d.PublishedAt, "not published yet")
	require.True(t, d.TermEnd.Equal(beijing(t, "2026-06-06T00:00:00+08:00")), "as if published now")
	require.NotContains(t, d.Text, "王小明")
	require.NotContains(t, d.Text, "330102199001011234")
	require.Equal(t, []redact.Entry{{Kind: redact.KindIDNumber, Count: 1}, {Kind: redact.KindMobile, Count: 1},
		{Kind: redact.KindAddress, Count: 1}, {Kind: redact.KindName, Count: 2}}, d.Redactions)

	c.snap["decision"] = map[string]any{"outcome": "no-penalty", "fine": "0.00", "reasons": "首违不罚", "ground": "first-violation", "at": now}
	_, err = store.PublicationOf(snapshot(), now)
	require.ErrorIs(t, err, store.ErrNotFound, "a decision not to be published")
}

// TestPublicationTermFromRulePack_SAMRPUB13: the lower fine and the terms
// are the rule pack's where it states them (SAMR-PUB 13 leaves the amount
// to the provincial market regulator).
func TestPublicationTermFromRulePack_SAMRPUB13(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		rules casefile.PublicationRules
		kinds []string
		fine  int64
		ends  string
	}{
		{"a fine of 5,000 元, built in", casefile.PublicationRules{}, []string{"fine"}, 5_000_00, "2026-06-05"},
		{"a fine of 5,000 元, the lower fine 1,000 元", casefile.PublicationRules{MinorFine: 1_000_00}, []string{"fine"}, 5_000_00, "2029-03-05"},
		{"a fine of 800 元, the lower fine 1,000 元", casefile.PublicationRules{MinorFine: 1_000_00}, []string{"fine"}, 800_00, "2026-06-05"},
		{"a fine of 20,000 元, the lower fine 50,000 元", casefile.PublicationRules{MinorFine: 50_000_00}, []string{"fine"}, 20_000_00, "2026-06-05"},
		{"terms of 6 months and 5 years: minor", casefile.PublicationRules{MinorMonths: 6, Months: 60}, []string{"warning"}, 0, "2026-09-05"},
		{"terms of 6 months and 5 years: other", casefile.PublicationRules{MinorMonths: 6, Months: 60}, []string{"revoke-licence"}, 0, "2031-03-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			published := beijing(t, "2026-03-05T16:30:00+08:00")
			end := store.PublicationTerm(published, tt.kinds, tt.fine, tt.rules)
			require.Equal(t, tt.ends, end.Add(-time.Nanosecond).In(published.Location()).Format(time.DateOnly))
		})
	}
}

// TestPublishedCorrectionKeepsVersions: a correction of the published text
// (更正; SAMR-PUB 12; HB (三)) publishes the corrected text, redacted like
// the first, and keeps the first: the decision lists both versions with
// the day and reason of the correction, and the earlier text stays in the
// record for the officers.
func TestPublishedCorrectionKeepsVersions(t *testing.T) {
	t.Parallel()
	st, _ := openWithSQL(t)
	ctx := t.Context()
	c := newPenaltyCase("k1", "青山县市监立〔2026〕9号", qingshan, "青山县市场监督管理局", wangXiaoming, personFacts)
	at := beijing(t, "2026-03-02T09:00:00+08:00")
	require.NoError(t, st.Record(ctx, c.act(t, "OpenCase", at, nil)))
	decision := map[string]any{"outcome": "penalty", "penalty": "罚款", "kinds": []string{"fine"}, "fine": "5000.00",
		"reasons": "事实清楚", "at": at.Add(time.Hour), "published": true}
	require.NoError(t, st.Record(ctx, c.act(t, "Decide", at.Add(time.Hour), map[string]any{"decision": decision})))
	publishedAt := beijing(t, "2026-03-05T10:00:00+08:00")
	require.NoError(t, st.Record(ctx, c.act(t, "Publish", publishedAt, map[string]any{"publication": map[string]any{"channel": "临江市人民政府门户网站", "at": publishedAt}})))
	first, err := st.PublicDecision(ctx, "k1", publishedAt)
	require.NoError(t, err)

	correctedAt := beijing(t, "2026-03-06T11:00:00+08:00")
	corrected := "违法事实：王小明（电话 13812345678）销售超过保质期的酸奶 12 盒\n\n处罚决定：罚款 5000.00 元"
	require.NoError(t, st.Record(ctx, c.act(t, "Publish", correctedAt, map[string]any{"publication": map[string]any{
		"channel": "临江市人民政府门户网站", "at": publishedAt, "text": corrected,
		"corrections": []map[string]any{{"reason": "原公示的酸奶数量有误，更正为 12 盒", "at": correctedAt}}}})))

	d, err := st.PublicDecision(ctx, "k1", correctedAt)
	require.NoError(t, err)
	require.Equal(t, 2, d.Version)
	require.Contains(t, d.Text, "酸奶 12 盒")
	require.NotContains(t, d.Text, "13812345678", "the corrected text is redacted")
	require.NotContains(t, d.Text, "王小明")
	require.Len(t, d.Versions, 2)
	require.Equal(t, 1, d.Versions[0].Version)
	require.True(t, d.Versions[0].At.Equal(publishedAt))
	require.Equal(t, "", d.Versions[0].Reason)
	require.Equal(t, 2, d.Versions[1].Version)
	require.True(t, d.Versions[1].At.Equal(correctedAt))
	require.Equal(t, "原公示的酸奶数量有误，更正为 12 盒", d.Versions[1].Reason)
	require.True(t, d.UpdatedAt().Equal(correctedAt))

	earlier, err := st.PublishedVersionText(ctx, "k1", 1)
	require.NoError(t, err)
	require.Equal(t, first.Text, earlier, "the first text is kept as it was published")
	current, err := st.PublishedVersionText(ctx, "k1", 2)
	require.NoError(t, err)
	require.Equal(t, d.Text, current)
}
