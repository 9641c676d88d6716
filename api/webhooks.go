package api

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// Webhooks: an agency administrator gives a URL and a secret; every
// notification for an officer of the agency is then POSTed there as JSON,
// signed, from the durable outbox (store.ClaimDeliveries), and retried with
// a growing wait until the receiver answers 2xx.
//
// The receiver checks a delivery by computing HMAC-SHA256, keyed by the
// secret, of the X-Zhifa-Timestamp header, a dot and the raw body, and
// comparing it with X-Zhifa-Signature ("sha256=" and the hex digest); it
// refuses a timestamp far from its own clock, so that a copied request
// cannot be replayed later. X-Zhifa-Delivery identifies the delivery, the
// same on each retry, so the receiver can drop a repeat.

var errWebhookNotFound = newError(http.StatusNotFound, "webhook_not_found", "该机关未设置推送地址", "the agency has no webhook")

// Delivery settings: one attempt's time limit, how long a claimed delivery
// is left to the process that claimed it, how many one pass sends at once
// and how many passes a round makes, and the waits between attempts,
// doubling from retryBase to at most retryCap.
const (
	webhookTimeout = 10 * time.Second
	deliveryLease  = 2 * time.Minute
	deliveryBatch  = 20
	deliveryPasses = 10
	retryBase      = 30 * time.Second
	retryCap       = time.Hour
	minSecretLen   = 16
)

// Signature headers.
const (
	headerSignature = "X-Zhifa-Signature"
	headerTimestamp = "X-Zhifa-Timestamp"
	headerDelivery  = "X-Zhifa-Delivery"
	headerEvent     = "X-Zhifa-Event"
)

// webhookRequest sets an agency's webhook. Secret may be left out to keep
// the one set before.
type webhookRequest struct {
	URL    string `json:"url" limit:"2000"`
	Secret string `json:"secret,omitempty" limit:"256"`
}

// webhookAgency is the agency of the route, which the caller must manage;
// one they may not even read is not found.
func (s *Server) webhookAgency(c *gin.Context) (store.Agency, error) {
	a, err := s.store.Agency(c.Request.Context(), c.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		return a, errAgencyNotFound
	} else if err != nil {
		return a, err
	}
	return a, s.admit(caller(c), a.ID, policies.ObjAgency, casefile.ActManage, errAgencyNotFound)
}

func (s *Server) getWebhook(c *gin.Context) {
	a, err := s.webhookAgency(c)
	if err != nil {
		fail(c, err)
		return
	}
	s.respondWebhook(c, a.ID)
}

func (s *Server) respondWebhook(c *gin.Context, agencyID string) {
	h, err := s.store.Webhook(c.Request.Context(), agencyID)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errWebhookNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, h)
}

func (s *Server) putWebhook(c *gin.Context) {
	var req webhookRequest
	a, ok := loadAndBind(c, func() (store.Agency, error) { return s.webhookAgency(c) }, &req)
	if !ok {
		return
	}
	if err := checkWebhookURL(req.URL); err != nil {
		fail(c, err)
		return
	}
	if req.Secret != "" && len(req.Secret) < minSecretLen {
		fail(c, invalid(fmt.Sprintf("secret 至少 %d 个字符", minSecretLen), fmt.Sprintf("secret must be at least %d characters", minSecretLen)))
		return
	}
	p := caller(c)
	_, err := s.store.PutWebhook(c.Request.Context(), a.ID, req.URL, req.Secret, actor(p), time.Now())
	if errors.Is(err, store.ErrNotFound) {
		fail(c, invalid("首次设置推送地址须提供 secret", "a secret is required when the webhook is first set"))
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	slog.Info("webhook set", "agencyID", a.ID, "by", p.Officer.ID)
	s.respondWebhook(c, a.ID)
}

// checkWebhookURL accepts an absolute http or https URL without a user or
// password in it (the URL is shown to administrators; the secret is not).
func checkWebhookURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		return invalid("url 不能为空", "url is required")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "":
		return invalid("url 须为 http 或 https 地址", "url must be an http or https URL")
	case u.User != nil:
		return invalid("url 不得包含用户名或密码，请用 secret", "url must not hold a user or password; use the secret")
	}
	return nil
}

func (s *Server) deleteWebhook(c *gin.Context) {
	a, err := s.webhookAgency(c)
	if err != nil {
		fail(c, err)
		return
	}
	if err := s.store.DeleteWebhook(c.Request.Context(), a.ID); errors.Is(err, store.ErrNotFound) {
		fail(c, errWebhookNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	slog.Info("webhook removed", "agencyID", a.ID, "by", caller(c).Officer.ID)
	c.Status(http.StatusNoContent)
}

func (s *Server) listDeliveries(c *gin.Context) {
	a, err := s.webhookAgency(c)
	if err != nil {
		fail(c, err)
		return
	}
	before, limit, err := keysetPage(c)
	if err != nil {
		fail(c, err)
		return
	}
	items, err := s.store.Deliveries(c.Request.Context(), a.ID, before, limit)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, keysetOf(items, limit, func(d store.Delivery) int64 { return d.ID }))
}

// webhookPayload is the body of a delivery.
type webhookPayload struct {
	DeliveryID   int64              `json:"delivery_id"`
	Event        string             `json:"event"`
	Notification store.Notification `json:"notification"`
}

// webhookClient sends deliveries: within webhookTimeout, and a redirect is
// an answer, not a place to send the signed body again.
func webhookClient() *http.Client {
	return &http.Client{Timeout: webhookTimeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// deliver sends the deliveries due, a batch at a time while batches come
// full (at most deliveryPasses), and records each attempt.
func (w Watcher) deliver(ctx context.Context) {
	client := w.Client
	if client == nil {
		client = webhookClient()
	}
	for range deliveryPasses {
		sends, err := w.Store.ClaimDeliveries(ctx, w.now(), deliveryLease, deliveryBatch)
		if err != nil && ctx.Err() == nil {
			slog.Warn("claiming webhook deliveries failed", "err", err)
		}
		w.send(ctx, client, sends)
		if len(sends) < deliveryBatch {
			return
		}
	}
}

// send sends claimed deliveries at once and records each attempt.
func (w Watcher) send(ctx context.Context, client *http.Client, sends []store.Send) {
	var wg sync.WaitGroup
	for _, sd := range sends {
		wg.Go(func() {
			status, problem := post(ctx, client, sd, w.now())
			at := w.now()
			a := store.Attempt{At: at, Status: status, Err: problem, Next: at.Add(backoff(sd.Delivery.Attempts))}
			if err := w.Store.RecordAttempt(ctx, sd.Delivery, a); err != nil && ctx.Err() == nil {
				slog.Warn("recording a webhook delivery failed", "deliveryID", sd.Delivery.ID, "err", err)
			}
			if problem != "" {
				slog.Info("webhook delivery failed", "deliveryID", sd.Delivery.ID, "agencyID", sd.Delivery.AgencyID, "status", status, "attempts", sd.Delivery.Attempts)
			}
		})
	}
	wg.Wait()
}

// backoff is the wait after the n-th failed attempt.
func backoff(n int) time.Duration {
	d := retryBase
	for i := 1; i < n && d < retryCap; i++ {
		d *= 2
	}
	return min(d, retryCap)
}

// post sends one delivery, signed at now. It returns the receiver's status
// (0 if none answered) and, unless it is 2xx, what went wrong.
func post(ctx context.Context, client *http.Client, sd store.Send, now time.Time) (int, string) {
	body, err := json.Marshal(webhookPayload{DeliveryID: sd.Delivery.ID, Event: sd.Notification.Kind, Notification: sd.Notification})
	if err != nil {
		return 0, "encode: " + err.Error()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sd.URL, bytes.NewReader(body))
	if err != nil {
		return 0, "request: " + err.Error()
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Zhifa-Webhook/1")
	req.Header.Set(headerTimestamp, ts)
	req.Header.Set(headerSignature, sign(sd.Secret, ts, body))
	req.Header.Set(headerDelivery, strconv.FormatInt(sd.Delivery.ID, 10))
	req.Header.Set(headerEvent, sd.Notification.Kind)
	res, err := client.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, "HTTP " + res.Status
	}
	return res.StatusCode, ""
}

// sign is the X-Zhifa-Signature of a delivery: "sha256=" and the hex
// HMAC-SHA256, keyed by secret, of the timestamp, a dot and the body.
func sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write([]byte("."))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}
