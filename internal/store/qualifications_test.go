package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/store"
)

// TestReviewerStanding: since when a reviewer holds the legal professional
// qualification and how many legal reviews they completed before (PL 58
// ¶2), counted over every case and agency, their own reviews only.
func TestReviewerStanding(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	recorded := beijing(t, "2026-11-29T10:00:00+08:00")

	// The demo reviewers hold a qualification: start from none.
	require.NoError(t, st.ClearLegalQualification(ctx, "qs-reviewer", "重新登记", admin))
	since, n, err := st.ReviewerStanding(ctx, "qs-reviewer", qingshan)
	require.NoError(t, err)
	require.Nil(t, since, "no qualification recorded")
	require.Zero(t, n)

	q, err := st.SetLegalQualification(ctx, "qs-reviewer", authority.LegalQualification{Number: "A20193301020345", ObtainedOn: "2019-12-20"}, admin, recorded)
	require.NoError(t, err)
	require.Equal(t, "A20193301020345", q.Number)
	since, _, err = st.ReviewerStanding(ctx, "qs-reviewer", qingshan)
	require.NoError(t, err)
	require.NotNil(t, since)
	require.Equal(t, "2019-12-20T00:00:00+08:00", since.Format(time.RFC3339), "from the start of the Beijing day obtained")

	// Two cases at two agencies: the reviewer passes one review and returns
	// another; the handling officer's acts and a review act by someone else
	// do not count.
	a := newCase("case-a", "青山县市监立〔2026〕1号", qingshan)
	b := newCase("case-b", "白水县市监立〔2026〕1号", baishui)
	record := func(c *caseLog, act, actor, at string) {
		rec := c.act(t, act, beijing(t, at), "review", nil, nil)
		rec.Event.ActorID = actor
		require.NoError(t, st.Record(ctx, rec))
	}
	record(a, "open", "qs-officer1", "2026-11-02T09:00:00+08:00")
	record(a, "approve-review", "qs-reviewer", "2026-11-10T09:00:00+08:00")
	record(b, "open", "bs-officer1", "2026-11-03T09:00:00+08:00")
	record(b, "return-review", "qs-reviewer", "2026-11-11T09:00:00+08:00")
	record(b, "approve-review", "bs-reviewer", "2026-11-20T09:00:00+08:00")
	record(b, "submit-review", "qs-reviewer", "2026-11-21T09:00:00+08:00")
	_, n, err = st.ReviewerStanding(ctx, "qs-reviewer", baishui)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	_, n, err = st.ReviewerStanding(ctx, "bs-reviewer", baishui)
	require.NoError(t, err)
	require.Equal(t, 1, n)

	// Without the day obtained, qualified since it was recorded.
	_, err = st.SetLegalQualification(ctx, "qs-reviewer", authority.LegalQualification{Number: "A20193301020345"}, admin, recorded)
	require.NoError(t, err)
	since, _, err = st.ReviewerStanding(ctx, "qs-reviewer", qingshan)
	require.NoError(t, err)
	require.Equal(t, "2026-11-29T10:00:00+08:00", since.Format(time.RFC3339))

	require.NoError(t, st.ClearLegalQualification(ctx, "qs-reviewer", "证书编号登记错误", admin))
	since, n, err = st.ReviewerStanding(ctx, "qs-reviewer", qingshan)
	require.NoError(t, err)
	require.Nil(t, since)
	require.Equal(t, 2, n, "past reviews stay")

	_, _, err = st.ReviewerStanding(ctx, "nobody", qingshan)
	require.ErrorIs(t, err, store.ErrNotFound)
}

// TestLegalQualificationChanges: a number belongs to one person, a day
// obtained is not in the future, setting the same again or clearing what
// is not there is refused; each change is audited once.
func TestLegalQualificationChanges(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	at := beijing(t, "2026-11-29T10:00:00+08:00")
	set := func(officer, number, obtained string) error {
		_, err := st.SetLegalQualification(ctx, officer, authority.LegalQualification{Number: number, ObtainedOn: obtained}, admin, at)
		return err
	}
	require.NoError(t, set("qs-reviewer", "A20193301020345", "2019-12-20"))
	require.Equal(t, "qualification_taken", refusalCode(t, set("bs-reviewer", "A20193301020345", "")))
	require.Equal(t, "invalid_input", refusalCode(t, set("qs-reviewer", "A20193301020345", "2019-12-20")), "nothing to change")
	require.Equal(t, "invalid_input", refusalCode(t, set("bs-reviewer", "A2019 3301", "")))
	require.Equal(t, "invalid_input", refusalCode(t, set("bs-reviewer", "A20193301020346", "2026-11-30")), "obtained tomorrow")
	require.NoError(t, set("bs-reviewer", "A20193301020346", "2026-11-29"), "obtained today")
	require.Equal(t, "invalid_input", refusalCode(t, set("bs-reviewer", text(65), "")))
	require.ErrorIs(t, set("nobody", "A20193301020347", ""), store.ErrNotFound)
	require.NoError(t, set("qs-reviewer", "A20193301020399", "2019-12-20"), "a corrected number")
	require.NoError(t, st.ClearLegalQualification(ctx, "bs-reviewer", "", admin))
	require.ErrorIs(t, st.ClearLegalQualification(ctx, "bs-reviewer", "", admin), store.ErrNotFound)
	require.Equal(t, 1, rows(t, db, "legal_qualifications", ""))

	q, err := st.LegalQualificationOf(ctx, "qs-reviewer")
	require.NoError(t, err)
	require.Equal(t, "A20193301020399", q.Number)
	require.Equal(t, []string{"legal-qualification-set", "legal-qualification-set"},
		auditActions(t, st, store.AuditFilter{AgencyIDs: []string{qingshan}}))
	require.Equal(t, []string{"legal-qualification-cleared", "legal-qualification-set"},
		auditActions(t, st, store.AuditFilter{AgencyIDs: []string{baishui}}))
	entries, _, err := st.AuditLog(ctx, store.AuditFilter{AgencyIDs: []string{qingshan}, Limit: 1})
	require.NoError(t, err)
	require.JSONEq(t, `{"number": "A20193301020345", "obtained_on": "2019-12-20"}`, string(entries[0].Before))
	require.JSONEq(t, `{"number": "A20193301020399", "obtained_on": "2019-12-20"}`, string(entries[0].After))
}
