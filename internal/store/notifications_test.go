package store_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// told lists the officers' notices as "officer kind deadline reason", in
// order of officer, deadline and kind.
func told(t *testing.T, st *store.Store, officers ...string) []string {
	t.Helper()
	var out []string
	for _, o := range officers {
		items, err := st.Notifications(t.Context(), store.NotificationFilter{OfficerID: o, Limit: 200})
		require.NoError(t, err)
		for _, n := range items {
			out = append(out, fmt.Sprintf("%s %s %s %s", o, strings.TrimPrefix(n.Kind, "deadline-"), n.DeadlineKey, n.Reason))
		}
	}
	slices.Sort(out)
	return out
}

// everyone is every officer of the demo data.
var everyone = []string{"qs-officer1", "qs-officer2", "qs-officer3", "qs-reviewer", "qs-head", "qs-chief",
	"bs-officer1", "bs-officer2", "bs-officer3", "bs-reviewer", "bs-head", "bs-chief", "lj-manager", "jn-admin", "qs-host"}

// TestNotifyDeadlines: at warn-at the officers of the step are warned; once
// it is past due they, the county's heads and the city's managers are told;
// nobody else, nobody twice, whatever scans how often.
func TestNotifyDeadlines(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			st, err := store.Open(d.URL, t.TempDir())
			require.NoError(t, err)
			t.Cleanup(func() { _ = st.Close() })
			require.NoError(t, st.Migrate(t.Context()))
			require.NoError(t, demo.Seed(t.Context(), st))
			ctx := t.Context()
			scan := func(at string) int {
				t.Helper()
				n, err := st.NotifyDeadlines(ctx, beijing(t, at))
				require.NoError(t, err)
				return n
			}
			_, err = st.PutWebhook(ctx, qingshan, "https://hooks.example.cn/qs", "0123456789abcdef", store.Actor{ID: "jn-admin"}, time.Now())
			require.NoError(t, err)

			service := deadline(t, "service", "2026-10-13", "2026-10-12") // passes 2026-10-14T00:00+08
			closing := deadline(t, "closing", "2026-10-30", "2026-10-29")
			window := deadline(t, "statement", "2026-10-13", "2026-10-12")
			window.Window = true
			paused := deadline(t, "appraisal", "2026-10-13", "2026-10-12")
			pausedAt := beijing(t, "2026-10-01T09:00:00+08:00")
			paused.PausedAt = &pausedAt
			serve1, serve2 := assignedTask("service", "qs-officer1", "serve-decision"), assignedTask("service", "qs-officer2", "serve-decision")
			serve1.DueAt, serve2.DueAt = &service.DueAt, &service.DueAt
			approve := roleTask("closing-approval", "approval", "head", "approve-closing")
			approve.DueAt = &closing.DueAt
			qs := newCase("qs-1", "青山县市监罚〔2026〕1号", qingshan)
			require.NoError(t, st.Record(ctx, qs.act(t, "Act", beijing(t, "2026-10-01T09:00:00+08:00"), "service",
				[]casefile.Task{serve1, serve2, approve}, []casefile.Deadline{service, closing, window, paused})))

			require.Zero(t, scan("2026-10-11T23:59:00+08:00"), "nothing before warn-at")

			// The step's officers are warned, once, however many scan.
			require.Equal(t, 2, scan("2026-10-12T08:00:00+08:00"))
			var wg sync.WaitGroup
			for range 3 {
				wg.Go(func() {
					_, err := st.NotifyDeadlines(ctx, beijing(t, "2026-10-12T09:00:00+08:00"))
					require.NoError(t, err)
				})
			}
			wg.Wait()
			require.Equal(t, []string{
				"qs-officer1 warning service responsible",
				"qs-officer2 warning service responsible",
			}, told(t, st, everyone...))
			items, err := st.Notifications(ctx, store.NotificationFilter{OfficerID: "qs-officer1"})
			require.NoError(t, err)
			require.Equal(t, "案件 青山县市监罚〔2026〕1号「service」期限将于 2026-10-13 届满（SAMR 55） / case 青山县市监罚〔2026〕1号: service is due on 2026-10-13 (SAMR 55)", items[0].Message)

			// The supervisors' list names them too.
			views, _, err := st.Deadlines(ctx, store.DeadlineFilter{AgencyIDs: []string{qingshan}, State: "open", AsOf: beijing(t, "2026-10-12T09:00:00+08:00"), Limit: 10})
			require.NoError(t, err)
			responsible := map[string][]store.Person{}
			for _, v := range views {
				responsible[v.Key] = v.Responsible
			}
			require.Equal(t, []store.Person{{OfficerID: "qs-officer1", Name: "张伟"}, {OfficerID: "qs-officer2", Name: "李娜"}}, responsible["service"])
			require.Equal(t, []store.Person{{OfficerID: "qs-head", Name: "陈刚"}}, responsible["closing"])

			// Past due: escalated to the county's heads and the city's manager.
			// The workflow marking it overdue later changes nothing.
			require.Equal(t, 5, scan("2026-10-14T00:00:00+08:00"))
			overdueAt := beijing(t, "2026-10-14T00:00:01+08:00")
			service.State, service.OverdueAt = casefile.DeadlineOverdue, &overdueAt
			require.NoError(t, st.Record(ctx, qs.act(t, "deadline-overdue", overdueAt, "service", []casefile.Task{serve1, serve2, approve}, []casefile.Deadline{service})))
			require.Zero(t, scan("2026-10-14T09:00:00+08:00"))
			require.Equal(t, []string{
				"lj-manager overdue service supervisor",
				"qs-chief overdue service head",
				"qs-head overdue service head",
				"qs-officer1 overdue service responsible",
				"qs-officer1 warning service responsible",
				"qs-officer2 overdue service responsible",
				"qs-officer2 warning service responsible",
			}, told(t, st, everyone...))

			// An extension moves the warning: it is given again for the new day.
			require.Equal(t, 1, scan("2026-10-29T08:00:00+08:00"))
			extended := deadline(t, "closing", "2026-11-13", "2026-11-12")
			approve.DueAt = &extended.DueAt
			require.NoError(t, st.Record(ctx, qs.act(t, "extend", beijing(t, "2026-10-29T10:00:00+08:00"), "service", []casefile.Task{serve1, serve2, approve}, []casefile.Deadline{extended})))
			require.Zero(t, scan("2026-11-11T08:00:00+08:00"))
			require.Equal(t, 1, scan("2026-11-12T08:00:00+08:00"))
			items, err = st.Notifications(ctx, store.NotificationFilter{OfficerID: "qs-head"})
			require.NoError(t, err)
			var dues []string
			for _, n := range items {
				if n.DeadlineKey == "closing" {
					dues = append(dues, n.DueDate)
				}
			}
			require.Equal(t, []string{"2026-11-13", "2026-10-30"}, dues, "newest first")

			// Every notice of an officer of the county waits for its webhook; the city has none.
			deliveries, err := st.Deliveries(ctx, qingshan, 0, 100)
			require.NoError(t, err)
			require.Len(t, deliveries, 8)
			for _, dl := range deliveries {
				require.Equal(t, store.DeliveryPending, dl.State)
			}
			deliveries, err = st.Deliveries(ctx, linjiang, 0, 100)
			require.NoError(t, err)
			require.Empty(t, deliveries)
		})
	}
}

// TestNotifyDeadlineFirstSeenPastDue: a deadline first scanned after it
// passed (the server was down) gets the overdue notice, not a stale warning.
func TestNotifyDeadlineFirstSeenPastDue(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	review := deadline(t, "review#1", "2026-10-13", "2026-10-12")
	task := roleTask("review#1", "review", "reviewer", "approve-review")
	task.DueAt = &review.DueAt
	qs := newCase("qs-1", "青山县市监罚〔2026〕1号", qingshan)
	require.NoError(t, st.Record(t.Context(), qs.act(t, "Act", beijing(t, "2026-10-01T09:00:00+08:00"), "review", []casefile.Task{task}, []casefile.Deadline{review})))

	_, err := st.NotifyDeadlines(t.Context(), beijing(t, "2026-10-20T09:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, []string{
		"lj-manager overdue review#1 supervisor",
		"qs-chief overdue review#1 head",
		"qs-head overdue review#1 head",
		"qs-reviewer overdue review#1 responsible",
	}, told(t, st, everyone...))
}

// TestNotificationsRead: an officer reads their own notices, one or all.
func TestNotificationsRead(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	ctx := t.Context()
	qs := newCase("qs-1", "青山县市监罚〔2026〕1号", qingshan)
	var ds []casefile.Deadline
	var tasks []casefile.Task
	for i := range 3 {
		d := deadline(t, fmt.Sprintf("step%d", i), fmt.Sprintf("2026-10-1%d", i+3), "2026-10-12")
		task := assignedTask(d.Key, "qs-officer1", "serve-decision")
		task.DueAt = &d.DueAt
		ds, tasks = append(ds, d), append(tasks, task)
	}
	require.NoError(t, st.Record(ctx, qs.act(t, "Act", beijing(t, "2026-10-01T09:00:00+08:00"), "service", tasks, ds)))
	n, err := st.NotifyDeadlines(ctx, beijing(t, "2026-10-12T09:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, 3, n)

	page, err := st.Notifications(ctx, store.NotificationFilter{OfficerID: "qs-officer1", Limit: 2})
	require.NoError(t, err)
	require.Len(t, page, 2)
	rest, err := st.Notifications(ctx, store.NotificationFilter{OfficerID: "qs-officer1", Before: page[1].ID, Limit: 2})
	require.NoError(t, err)
	require.Len(t, rest, 1)
	require.Less(t, rest[0].ID, page[1].ID)

	_, err = st.MarkNotificationRead(ctx, "qs-officer2", page[0].ID, time.Now())
	require.ErrorIs(t, err, store.ErrNotFound, "another officer's notice is not theirs to read")
	read, err := st.MarkNotificationRead(ctx, "qs-officer1", page[0].ID, time.Now())
	require.NoError(t, err)
	require.NotNil(t, read.ReadAt)
	unread, err := st.UnreadNotifications(ctx, "qs-officer1")
	require.NoError(t, err)
	require.EqualValues(t, 2, unread)

	marked, err := st.MarkAllNotificationsRead(ctx, "qs-officer1", rest[0].ID, time.Now())
	require.NoError(t, err)
	require.EqualValues(t, 1, marked, "up to the one seen")
	marked, err = st.MarkAllNotificationsRead(ctx, "qs-officer1", 0, time.Now())
	require.NoError(t, err)
	require.EqualValues(t, 1, marked)
	unread, err = st.UnreadNotifications(ctx, "qs-officer1")
	require.NoError(t, err)
	require.Zero(t, unread)
}

// TestNoticesIntroducedOnAnExistingDatabase: when the notices arrive on a
// database with history, what is no longer open is not told.
func TestNoticesIntroducedOnAnExistingDatabase(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	old := deadline(t, "service", "2025-03-13", "2025-03-12")
	overdueAt := beijing(t, "2025-03-14T00:00:00+08:00")
	old.State, old.OverdueAt = casefile.DeadlineOverdue, &overdueAt
	open := deadline(t, "publication", "2026-10-13", "2026-10-12")
	qs := newCase("qs-1", "青山县市监罚〔2025〕1号", qingshan)
	require.NoError(t, st.Record(t.Context(), qs.act(t, "Act", beijing(t, "2025-03-01T09:00:00+08:00"), "service",
		[]casefile.Task{assignedTask("publication", "qs-officer1", "publish")}, []casefile.Deadline{old, open})))
	// The database as it was before.
	for _, stmt := range []string{"DROP INDEX idx_deadlines_warned_at_pending", "DROP INDEX idx_deadlines_escalated_at_pending",
		"ALTER TABLE deadlines DROP COLUMN warned_at", "ALTER TABLE deadlines DROP COLUMN escalated_at"} {
		_, err := db.ExecContext(t.Context(), stmt)
		require.NoError(t, err, stmt)
	}

	require.NoError(t, st.Migrate(t.Context()))
	_, err := st.NotifyDeadlines(t.Context(), beijing(t, "2026-10-12T09:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, []string{"qs-officer1 warning publication responsible"}, told(t, st, everyone...))
}
