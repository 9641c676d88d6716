package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Webhooks: an agency may have its notifications delivered to a URL of its
// own. Each notification for an officer of the agency is queued in a
// durable outbox (webhook_deliveries) when it is stored, and sent from
// there until the receiver answers 2xx.

// States of a webhook delivery.
const (
	DeliveryPending   = "pending"   // to be sent at NextAttemptAt
	DeliveryDelivered = "delivered" // the receiver answered 2xx
	DeliveryCancelled = "cancelled" // the agency removed its webhook first
)

type webhookRow struct {
	AgencyID  string `gorm:"primaryKey;size:64"`
	URL       string `gorm:"size:2000;not null"`
	Secret    string `gorm:"size:256;not null"`
	UpdatedAt time.Time
	UpdatedBy string `gorm:"size:64;not null"`
}

func (webhookRow) TableName() string { return "webhooks" }

type deliveryRow struct {
	ID             int64  `gorm:"primaryKey;autoIncrement;index:idx_webhook_deliveries_agency,priority:2"`
	NotificationID int64  `gorm:"not null;uniqueIndex"`
	AgencyID       string `gorm:"size:64;not null;index:idx_webhook_deliveries_agency,priority:1"`
	State          string `gorm:"size:16;not null"`
	// Attempts counts the attempts begun; an attempt is claimed by
	// incrementing it, so two processes never send the same attempt.
	Attempts      int       `gorm:"not null;default:0"`
	NextAttemptAt time.Time `gorm:"not null"`
	LastAttemptAt *time.Time
	LastStatus    int    `gorm:"not null;default:0"`
	LastError     string `gorm:"size:500;not null;default:''"`
	DeliveredAt   *time.Time
	CreatedAt     time.Time
}

func (deliveryRow) TableName() string { return "webhook_deliveries" }

// Webhook is an agency's webhook as an administrator sees it: the secret
// is never shown, only whether there is one.
type Webhook struct {
	AgencyID  string    `json:"agency_id"`
	URL       string    `json:"url"`
	SecretSet bool      `json:"secret_set"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

// Webhook returns an agency's webhook; ErrNotFound if it has none.
func (s *Store) Webhook(ctx context.Context, agencyID string) (Webhook, error) {
	var r webhookRow
	if err := first(s.db.WithContext(ctx).Where("agency_id = ?", agencyID), &r); err != nil {
		return Webhook{}, fmt.Errorf("webhook of %s: %w", agencyID, err)
	}
	return Webhook{AgencyID: r.AgencyID, URL: r.URL, SecretSet: r.Secret != "", UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy}, nil
}

// PutWebhook sets an agency's webhook. An empty secret keeps the one set
// before; ErrNotFound if there is none to keep.
func (s *Store) PutWebhook(ctx context.Context, agencyID, url, secret string, by Actor, at time.Time) (Webhook, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if secret == "" {
			var old webhookRow
			if err := first(tx.Where("agency_id = ?", agencyID), &old); err != nil {
				return err
			}
			secret = old.Secret
		}
		row := webhookRow{AgencyID: agencyID, URL: url, Secret: secret, UpdatedAt: at.UTC(), UpdatedBy: by.ID}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error
	})
	if err != nil {
		return Webhook{}, fmt.Errorf("set webhook of %s: %w", agencyID, err)
	}
	return s.Webhook(ctx, agencyID)
}

// DeleteWebhook removes an agency's webhook; what was still to be sent is
// cancelled. ErrNotFound if it has none.
func (s *Store) DeleteWebhook(ctx context.Context, agencyID string) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("agency_id = ?", agencyID).Delete(&webhookRow{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return tx.Model(&deliveryRow{}).Where("agency_id = ? AND state = ?", agencyID, DeliveryPending).
			Update("state", DeliveryCancelled).Error
	})
	if err != nil {
		return fmt.Errorf("delete webhook of %s: %w", agencyID, err)
	}
	return nil
}

// Delivery is one notification's delivery to an agency's webhook.
type Delivery struct {
	ID             int64      `json:"id"`
	NotificationID int64      `json:"notification_id"`
	AgencyID       string     `json:"agency_id"`
	State          string     `json:"state"`
	Attempts       int        `json:"attempts"`
	NextAttemptAt  *time.Time `json:"next_attempt_at,omitempty"` // while pending
	LastAttemptAt  *time.Time `json:"last_attempt_at,omitempty"`
	LastStatus     int        `json:"last_status"` // the receiver's HTTP status; 0 if none answered
	LastError      string     `json:"last_error"`
	DeliveredAt    *time.Time `json:"delivered_at,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
}

func deliveryFromRow(r deliveryRow) Delivery {
	d := Delivery{ID: r.ID, NotificationID: r.NotificationID, AgencyID: r.AgencyID, State: r.State, Attempts: r.Attempts,
		LastAttemptAt: r.LastAttemptAt, LastStatus: r.LastStatus, LastError: r.LastError, DeliveredAt: r.DeliveredAt, CreatedAt: r.CreatedAt}
	if r.State == DeliveryPending {
		next := r.NextAttemptAt
		d.NextAttemptAt = &next
	}
	return d
}

// Deliveries lists an agency's webhook deliveries, newest first, those
// before the ID before (0: from the newest), at most limit.
func (s *Store) Deliveries(ctx context.Context, agencyID string, before int64, limit int) ([]Delivery, error) {
	q := s.db.WithContext(ctx).Where("agency_id = ?", agencyID)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var rows []deliveryRow
	if err := q.Order("id DESC").Limit(cmp.Or(limit, 50)).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("webhook deliveries of %s: %w", agencyID, err)
	}
	out := make([]Delivery, len(rows))
	for i, r := range rows {
		out[i] = deliveryFromRow(r)
	}
	return out, nil
}

// Send is a claimed attempt: the delivery, where to and with what key, and
// the notification to send.
type Send struct {
	Delivery     Delivery
	URL, Secret  string
	Notification Notification
}

// ClaimDeliveries claims up to limit pending deliveries due at now, each
// for lease: another process leaves a claimed delivery alone until then,
// and takes it up again after if this one never reports (it stopped).
func (s *Store) ClaimDeliveries(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Send, error) {
	now = now.UTC()
	var due []deliveryRow
	// The condition repeats the partial index's.
	if err := s.db.WithContext(ctx).Where("state = 'pending' AND next_attempt_at <= ?", now).
		Order("next_attempt_at, id").Limit(limit).Find(&due).Error; err != nil {
		return nil, fmt.Errorf("due webhook deliveries: %w", err)
	}
	var out []Send
	for _, d := range due {
		res := s.db.WithContext(ctx).Model(&deliveryRow{}).Where("id = ? AND state = ? AND attempts = ?", d.ID, DeliveryPending, d.Attempts).
			Updates(map[string]any{"attempts": d.Attempts + 1, "next_attempt_at": now.Add(lease), "last_attempt_at": now})
		if res.Error != nil {
			return out, fmt.Errorf("claim webhook delivery %d: %w", d.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			continue // another process has it
		}
		var hook webhookRow
		var n notificationRow
		err := first(s.db.WithContext(ctx).Where("agency_id = ?", d.AgencyID), &hook)
		if err == nil {
			err = first(s.db.WithContext(ctx).Where("id = ?", d.NotificationID), &n)
		}
		if errors.Is(err, ErrNotFound) {
			// The webhook went between the claim and now.
			if err := s.db.WithContext(ctx).Model(&deliveryRow{}).Where("id = ?", d.ID).Update("state", DeliveryCancelled).Error; err != nil {
				return out, fmt.Errorf("cancel webhook delivery %d: %w", d.ID, err)
			}
			continue
		} else if err != nil {
			return out, fmt.Errorf("webhook delivery %d: %w", d.ID, err)
		}
		d.Attempts++
		out = append(out, Send{Delivery: deliveryFromRow(d), URL: hook.URL, Secret: hook.Secret, Notification: notificationFromRow(n)})
	}
	return out, nil
}

// Attempt is the outcome of sending a claimed delivery.
type Attempt struct {
	At     time.Time
	Status int    // the receiver's HTTP status; 0 if it did not answer
	Err    string // what went wrong; "" when delivered
	// Next is when to try again after a failure.
	Next time.Time
}

// RecordAttempt records the outcome of the claimed attempt of delivery d:
// delivered on a 2xx, otherwise pending until a.Next.
func (s *Store) RecordAttempt(ctx context.Context, d Delivery, a Attempt) error {
	at := a.At.UTC()
	set := map[string]any{"last_status": a.Status, "last_error": truncate(a.Err, 500), "last_attempt_at": at}
	if a.Status >= 200 && a.Status < 300 {
		set["state"], set["delivered_at"] = DeliveryDelivered, at
	} else {
		set["next_attempt_at"] = a.Next.UTC()
	}
	err := s.db.WithContext(ctx).Model(&deliveryRow{}).Where("id = ? AND state = ? AND attempts = ?", d.ID, DeliveryPending, d.Attempts).
		Updates(set).Error
	if err != nil {
		return fmt.Errorf("record webhook delivery %d: %w", d.ID, err)
	}
	return nil
}

// truncate cuts s to at most n bytes, at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xc0) == 0x80 {
		n--
	}
	return s[:n]
}
