package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/store"
)

// Notifications: an officer's own notices of deadlines (a warning at a
// deadline's warn-at, an overdue notice when it has passed), given by the
// Watcher and read here. Nobody reads anyone else's.

var errNotificationNotFound = newError(http.StatusNotFound, "notification_not_found", "没有该通知", "no such notification")

// Watcher gives the deadlines' notices and delivers them to the agencies'
// webhooks (webhooks.go), every Every until its context ends. Any number
// of processes may run one: a notice is stored once and a delivery attempt
// is made by one process.
type Watcher struct {
	Store *store.Store
	Every time.Duration
	// Now is the clock deadlines and retries are judged by: time.Now if nil.
	Now func() time.Time
	// Client sends the webhook requests: webhookClient if nil.
	Client *http.Client
}

// Run works until ctx ends. An Every that is not positive is 30 seconds.
func (w Watcher) Run(ctx context.Context) {
	every := w.Every
	if every <= 0 {
		every = 30 * time.Second
	}
	for {
		w.notify(ctx)
		w.deliver(ctx)
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

func (w Watcher) now() time.Time {
	if w.Now == nil {
		return time.Now()
	}
	return w.Now()
}

func (w Watcher) notify(ctx context.Context) {
	n, err := w.Store.NotifyDeadlines(ctx, w.now())
	if err != nil && ctx.Err() == nil {
		slog.Warn("giving deadline notices failed", "err", err)
	}
	if n > 0 {
		slog.Info("deadline notices given", "count", n)
	}
}

// keysetList is a page of a listing newest first: NextBefore, when set, is
// the before= of the next page.
type keysetList[T any] struct {
	Items      []T   `json:"items"`
	NextBefore int64 `json:"next_before,omitempty"`
}

// keysetPage reads before= (an ID; the page holds older ones) and limit=
// (1 to 200, default 50).
func keysetPage(c *gin.Context) (before int64, limit int, err error) {
	limit = 50
	if v := c.Query("before"); v != "" {
		if before, err = strconv.ParseInt(v, 10, 64); err != nil || before < 1 {
			return 0, 0, badRequest("before 须为正整数", "before must be a positive integer")
		}
	}
	if v := c.Query("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > 200 {
			return 0, 0, badRequest("limit 须为 1 到 200 之间的整数", "limit must be an integer from 1 to 200")
		}
	}
	return before, limit, nil
}

// keysetOf is the page of items read with limit: a full page may have a
// next one, before the last item's ID.
func keysetOf[T any](items []T, limit int, id func(T) int64) keysetList[T] {
	out := keysetList[T]{Items: items}
	if out.Items == nil {
		out.Items = []T{}
	}
	if len(items) == limit {
		out.NextBefore = id(items[len(items)-1])
	}
	return out
}

func (s *Server) listNotifications(c *gin.Context) {
	before, limit, err := keysetPage(c)
	if err != nil {
		fail(c, err)
		return
	}
	f := store.NotificationFilter{OfficerID: caller(c).Officer.ID, Before: before, Limit: limit}
	switch c.Query("unread") {
	case "", "false":
	case "true":
		f.UnreadOnly = true
	default:
		fail(c, badRequest("unread 须为 true 或 false", "unread must be true or false"))
		return
	}
	items, err := s.store.Notifications(c.Request.Context(), f)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, keysetOf(items, limit, func(n store.Notification) int64 { return n.ID }))
}

type unreadCount struct {
	Unread int64 `json:"unread"`
}

func (s *Server) unreadNotifications(c *gin.Context) {
	n, err := s.store.UnreadNotifications(c.Request.Context(), caller(c).Officer.ID)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, unreadCount{Unread: n})
}

func (s *Server) readNotification(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		fail(c, errNotificationNotFound)
		return
	}
	n, err := s.store.MarkNotificationRead(c.Request.Context(), caller(c).Officer.ID, id, time.Now())
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errNotificationNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, n)
}

// readAllRequest: up_to_id, the newest notification the caller has seen,
// keeps one that arrived meanwhile unread; without it every one is read.
type readAllRequest struct {
	UpToID int64 `json:"up_to_id,omitempty"`
}

type readAllResponse struct {
	Marked int64 `json:"marked"`
}

func (s *Server) readAllNotifications(c *gin.Context) {
	var req readAllRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.UpToID < 0 {
		fail(c, invalid("up_to_id 不能为负数", "up_to_id cannot be negative"))
		return
	}
	n, err := s.store.MarkAllNotificationsRead(c.Request.Context(), caller(c).Officer.ID, req.UpToID, time.Now())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, readAllResponse{Marked: n})
}
