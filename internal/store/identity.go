package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

// identityTables are the tables of logins and sessions, migrated by Migrate.
var identityTables = []any{&sessionRow{}, &rotatedRefreshRow{}, &loginFailureRow{}, &loginLockRow{}}

// ErrRefreshReused is returned when a refresh token that was already
// exchanged is presented again: either the client or a thief holds a copy, so
// the session has been revoked.
var ErrRefreshReused = errors.New("refresh token reused")

// Why a session was revoked.
const (
	RevokedLogout          = "logout"
	RevokedPasswordChanged = "password-changed"
	RevokedRefreshReused   = "refresh-reused"
)

// Session is one login of an officer: access tokens name it, and its refresh
// token (kept only as a SHA-256 hash) renews them until the session expires
// or is revoked.
type Session struct {
	ID         string     `json:"id"`
	OfficerID  string     `json:"officer_id"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	LastUsedAt time.Time  `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	RevokedWhy string     `json:"revoked_why,omitempty"`
}

type sessionRow struct {
	ID          string    `gorm:"primaryKey;size:64"`
	OfficerID   string    `gorm:"size:64;index;not null"`
	RefreshHash string    `gorm:"size:64;uniqueIndex;not null"`
	CreatedAt   time.Time `gorm:"not null"`
	ExpiresAt   time.Time `gorm:"not null"`
	LastUsedAt  time.Time `gorm:"not null"`
	RevokedAt   *time.Time
	RevokedWhy  string `gorm:"size:32"`
}

func (sessionRow) TableName() string { return "sessions" }

func sessionFromRow(r sessionRow) Session {
	return Session{ID: r.ID, OfficerID: r.OfficerID, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt,
		LastUsedAt: r.LastUsedAt, RevokedAt: r.RevokedAt, RevokedWhy: r.RevokedWhy}
}

// rotatedRefreshRow remembers a refresh token that was exchanged for a new
// one, so that presenting it again is recognised as reuse. It is kept until
// the session it belonged to would have expired at the time of rotation.
type rotatedRefreshRow struct {
	Hash      string    `gorm:"primaryKey;size:64"`
	SessionID string    `gorm:"size:64;index;not null"`
	RotatedAt time.Time `gorm:"not null"`
	ExpiresAt time.Time `gorm:"index;not null"`
}

func (rotatedRefreshRow) TableName() string { return "rotated_refresh_tokens" }

// CreateSession stores a new session with the hash of its first refresh token.
func (s *Store) CreateSession(ctx context.Context, sess Session, refreshHash string) error {
	row := sessionRow{ID: sess.ID, OfficerID: sess.OfficerID, RefreshHash: refreshHash, CreatedAt: sess.CreatedAt.UTC(),
		ExpiresAt: sess.ExpiresAt.UTC(), LastUsedAt: sess.CreatedAt.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create session of %s: %w", sess.OfficerID, err)
	}
	return nil
}

// CheckSession returns nil when the session exists, belongs to the officer,
// is not revoked and has not expired at now; ErrNotFound otherwise. It is one
// query, made on every authenticated request.
func (s *Store) CheckSession(ctx context.Context, id, officerID string, now time.Time) error {
	var n int64
	err := s.db.WithContext(ctx).Model(&sessionRow{}).
		Where("id = ? AND officer_id = ? AND revoked_at IS NULL AND expires_at > ?", id, officerID, now.UTC()).
		Count(&n).Error
	if err != nil {
		return fmt.Errorf("check session %s: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	return nil
}

// Identity is what deciding an officer's requests reads of them: the
// officer, the roles they hold and every certificate they hold with its
// status history. It is read in one go, so that the API can keep it for a
// moment and decide several requests with it (see OnIdentityChange).
type Identity struct {
	Officer      Officer
	Roles        []RoleAssignment
	Certificates []Certificate // by number
	history      []authority.StatusChange
}

// Identity reads the officer's identity; ErrNotFound if there is no such
// officer.
func (s *Store) Identity(ctx context.Context, officerID string) (Identity, error) {
	o, err := s.Officer(ctx, officerID)
	if err != nil {
		return Identity{}, err
	}
	roles, err := s.Roles(ctx, officerID)
	if err != nil {
		return Identity{}, err
	}
	certs, err := s.CertificatesOf(ctx, officerID)
	if err != nil {
		return Identity{}, err
	}
	id := Identity{Officer: o, Roles: roles, Certificates: certs}
	if len(certs) == 0 {
		return id, nil
	}
	numbers := make([]string, len(certs))
	for i, c := range certs {
		numbers[i] = c.Number
	}
	hist, err := certificateHistory(s.db.WithContext(ctx), numbers)
	if err != nil {
		return Identity{}, err
	}
	id.history = make([]authority.StatusChange, len(hist))
	for i, h := range hist {
		id.history[i] = authority.StatusChange{Number: h.Number, At: h.At, From: h.FromStatus, To: h.ToStatus}
	}
	return id, nil
}

// CertificateFor is Store.CertificateFor on what the identity holds: the
// state, at instant at, of the officer's certificate for acting in field,
// and the certificate that decided it (zero if they hold none).
func (id Identity) CertificateFor(field string, at time.Time) (casefile.Certificate, Certificate) {
	if len(id.Certificates) == 0 {
		return casefile.CertNone, Certificate{}
	}
	certs := slices.Clone(id.Certificates)
	for i := range certs {
		certs[i].Status = authority.StatusAt(certs[i], id.history, at)
	}
	return authority.ChooseCertificate(certs, field, at)
}

// Latest is Store.CertificateOf on what the identity holds: the
// certificate that ends last, false if the officer holds none.
func (id Identity) Latest() (Certificate, bool) {
	if len(id.Certificates) == 0 {
		return Certificate{}, false
	}
	latest := id.Certificates[0]
	for _, c := range id.Certificates[1:] {
		if c.ValidUntil.After(latest.ValidUntil) {
			latest = c
		}
	}
	return latest, true
}

// Session returns one session, whatever its state.
func (s *Store) Session(ctx context.Context, id string) (Session, error) {
	var r sessionRow
	if err := first(s.db.WithContext(ctx).Where("id = ?", id), &r); err != nil {
		return Session{}, fmt.Errorf("session %s: %w", id, err)
	}
	return sessionFromRow(r), nil
}

// Sessions returns the officer's sessions, newest first.
func (s *Store) Sessions(ctx context.Context, officerID string) ([]Session, error) {
	var rows []sessionRow
	if err := s.db.WithContext(ctx).Where("officer_id = ?", officerID).Order("created_at DESC, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list sessions of %s: %w", officerID, err)
	}
	out := make([]Session, len(rows))
	for i, r := range rows {
		out[i] = sessionFromRow(r)
	}
	return out, nil
}

// RotateRefresh exchanges the refresh token whose hash is oldHash for one
// whose hash is newHash, and moves the session's expiry to expiresAt. It
// returns the session. An unknown, expired or revoked token gives
// ErrNotFound; a token that was already exchanged gives ErrRefreshReused and
// revokes its session, as does losing a race with a concurrent exchange of
// the same token.
func (s *Store) RotateRefresh(ctx context.Context, oldHash, newHash string, now, expiresAt time.Time) (Session, error) {
	now, expiresAt = now.UTC(), expiresAt.UTC()
	db := s.db.WithContext(ctx)
	var row sessionRow
	err := first(db.Where("refresh_hash = ?", oldHash), &row)
	if errors.Is(err, ErrNotFound) {
		return Session{}, s.refreshReused(ctx, oldHash, now)
	}
	if err != nil {
		return Session{}, fmt.Errorf("find session by refresh token: %w", err)
	}
	if row.RevokedAt != nil || !row.ExpiresAt.After(now) {
		return Session{}, fmt.Errorf("session %s: %w", row.ID, ErrNotFound)
	}
	var swapped bool
	err = db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&sessionRow{}).
			Where("id = ? AND refresh_hash = ? AND revoked_at IS NULL AND expires_at > ?", row.ID, oldHash, now).
			Updates(map[string]any{"refresh_hash": newHash, "expires_at": expiresAt, "last_used_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return nil
		}
		swapped = true
		// Drop what no longer matters: tokens whose session has expired anyway.
		if err := tx.Where("expires_at <= ?", now).Delete(&rotatedRefreshRow{}).Error; err != nil {
			return err
		}
		return tx.Create(&rotatedRefreshRow{Hash: oldHash, SessionID: row.ID, RotatedAt: now, ExpiresAt: expiresAt}).Error
	})
	if err != nil {
		return Session{}, fmt.Errorf("rotate refresh token of session %s: %w", row.ID, err)
	}
	if !swapped {
		// Another request exchanged the same token a moment ago.
		if err := s.RevokeSession(ctx, row.ID, RevokedRefreshReused, now); err != nil {
			return Session{}, err
		}
		return Session{}, fmt.Errorf("session %s: %w", row.ID, ErrRefreshReused)
	}
	row.RefreshHash, row.ExpiresAt, row.LastUsedAt = newHash, expiresAt, now
	return sessionFromRow(row), nil
}

// refreshReused revokes the session of an already exchanged refresh token and
// returns ErrRefreshReused, or returns ErrNotFound for a token never issued.
func (s *Store) refreshReused(ctx context.Context, hash string, now time.Time) error {
	var used rotatedRefreshRow
	err := first(s.db.WithContext(ctx).Where("hash = ?", hash), &used)
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("refresh token: %w", ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("find rotated refresh token: %w", err)
	}
	if err := s.RevokeSession(ctx, used.SessionID, RevokedRefreshReused, now); err != nil {
		return err
	}
	return fmt.Errorf("session %s: %w", used.SessionID, ErrRefreshReused)
}

// RevokeSession ends a session at now, saying why; revoking it again keeps
// the first time and reason.
func (s *Store) RevokeSession(ctx context.Context, id, why string, now time.Time) error {
	err := s.db.WithContext(ctx).Model(&sessionRow{}).Where("id = ? AND revoked_at IS NULL", id).
		Updates(map[string]any{"revoked_at": now.UTC(), "revoked_why": why}).Error
	if err != nil {
		return fmt.Errorf("revoke session %s: %w", id, err)
	}
	return nil
}

// RevokeSessions ends every live session of the officer and returns how many
// it ended.
func (s *Store) RevokeSessions(ctx context.Context, officerID, why string, now time.Time) (int64, error) {
	n, err := revokeSessions(s.db.WithContext(ctx), officerID, why, now)
	if err != nil {
		return 0, fmt.Errorf("revoke sessions of %s: %w", officerID, err)
	}
	return n, nil
}

func revokeSessions(db *gorm.DB, officerID, why string, now time.Time) (int64, error) {
	res := db.Model(&sessionRow{}).Where("officer_id = ? AND revoked_at IS NULL", officerID).
		Updates(map[string]any{"revoked_at": now.UTC(), "revoked_why": why})
	return res.RowsAffected, res.Error
}

// SetPassword stores the password hash the officer chose (which ends a
// one-time password set by an administrator) and, in the same transaction,
// revokes every session of the officer, so that no token issued under the
// old password works afterwards; the change is audited as the officer's own.
func (s *Store) SetPassword(ctx context.Context, officerID, hash string, now time.Time) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, officerID)
		if err != nil {
			return err
		}
		if err := tx.Model(&officerRow{}).Where("id = ?", officerID).
			Updates(map[string]any{"password_hash": hash, "must_change_password": false}).Error; err != nil {
			return err
		}
		ended, err := revokeSessions(tx, officerID, RevokedPasswordChanged, now)
		if err != nil {
			return err
		}
		return writeAudit(tx, Actor{ID: o.ID, Name: o.Name}, change{action: AuditPasswordChanged, target: o.ID, officer: o,
			before: accountState{MustChangePassword: o.MustChangePassword}, after: accountState{SessionsEnded: &ended}})
	})
	if err != nil {
		return fmt.Errorf("set password of %s: %w", officerID, err)
	}
	return nil
}

// Failed logins are counted in the database, so that every API instance
// sees the same counts and locks.

// What failed logins are counted against.
const (
	ThrottleLogin = "login" // the login name tried, whether or not it exists
	ThrottleIP    = "ip"    // the client's address
)

// ThrottleKey is one counter of failed logins and its limit: when Max
// failures fall within the window, the key is locked.
type ThrottleKey struct {
	Scope string // ThrottleLogin or ThrottleIP
	Key   string
	Max   int
}

type loginFailureRow struct {
	ID    uint64    `gorm:"primaryKey;autoIncrement"`
	Scope string    `gorm:"size:8;not null;index:idx_login_failures_key,priority:1"`
	Key   string    `gorm:"column:failure_key;size:128;not null;index:idx_login_failures_key,priority:2"`
	At    time.Time `gorm:"not null;index"`
}

func (loginFailureRow) TableName() string { return "login_failures" }

type loginLockRow struct {
	Scope       string    `gorm:"primaryKey;size:8"`
	Key         string    `gorm:"primaryKey;column:lock_key;size:128"`
	LockedUntil time.Time `gorm:"not null;index"`
}

func (loginLockRow) TableName() string { return "login_locks" }

// LockedUntil returns the latest instant until which any of keys is locked,
// or the zero time if none is locked at now.
func (s *Store) LockedUntil(ctx context.Context, now time.Time, keys ...ThrottleKey) (time.Time, error) {
	if len(keys) == 0 {
		return time.Time{}, nil
	}
	q := s.db.WithContext(ctx).Model(&loginLockRow{}).Where("locked_until > ?", now.UTC())
	or := s.db
	for i, k := range keys {
		cond := s.db.Where("scope = ? AND lock_key = ?", k.Scope, k.Key)
		if i == 0 {
			or = cond
		} else {
			or = or.Or(cond)
		}
	}
	var rows []loginLockRow
	if err := q.Where(or).Find(&rows).Error; err != nil {
		return time.Time{}, fmt.Errorf("read login locks: %w", err)
	}
	var until time.Time
	for _, r := range rows {
		if r.LockedUntil.After(until) {
			until = r.LockedUntil
		}
	}
	return until, nil
}

// LoginAttempt is one password check that ReserveLoginAttempt let through:
// until it is settled it counts as a failure against each of its keys, so
// that concurrent attempts cannot all slip under the limit.
type LoginAttempt struct {
	keys   []ThrottleKey
	rows   []uint64 // the failure row reserved for each key
	window time.Duration
	lock   time.Duration
}

// ReserveLoginAttempt decides, in one transaction holding each key's row
// lock, whether one more password may be checked against keys at now, and
// if so counts it at once as a failure against every key. It returns the
// attempt, or the instant until which a key is locked (the attempt is then
// not counted). A key whose failures within window have reached its Max is
// locked for lock from now. The caller settles the attempt with
// FailLoginAttempt or ReleaseLoginAttempt.
//
// The row lock is what makes a burst of concurrent attempts check at most
// Max passwords: each waits for the one before it to commit its count. On
// PostgreSQL it is the lock of the key's login_locks row, taken by an upsert;
// SQLite has one connection, so the transaction alone serializes.
func (s *Store) ReserveLoginAttempt(ctx context.Context, now time.Time, window, lock time.Duration, keys ...ThrottleKey) (LoginAttempt, time.Time, error) {
	now = now.UTC()
	keys = sortedKeys(keys)
	s.pruneLogins(ctx, now, window)
	a := LoginAttempt{keys: keys, window: window, lock: lock}
	var until time.Time
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		counts := make([]int64, len(keys))
		for i, k := range keys {
			held, err := lockThrottleKey(tx, k, now)
			if err != nil {
				return err
			}
			if held.After(until) {
				until = held
			}
			if counts[i], err = countFailures(tx, k, now, window); err != nil {
				return err
			}
		}
		for i, k := range keys {
			if counts[i] < int64(k.Max) {
				continue
			}
			// An attempt beyond the limit: the key is locked from now, even
			// while the attempts that reached the limit are still checked.
			locked, err := lockKey(tx, k, now, lock)
			if err != nil {
				return err
			}
			until = later(until, locked)
		}
		if !until.IsZero() {
			return nil
		}
		for _, k := range keys {
			row := loginFailureRow{Scope: k.Scope, Key: k.Key, At: now}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("count login attempt: %w", err)
			}
			a.rows = append(a.rows, row.ID)
		}
		return nil
	})
	if err != nil {
		return LoginAttempt{}, time.Time{}, fmt.Errorf("reserve login attempt: %w", err)
	}
	return a, until, nil
}

// FailLoginAttempt settles an attempt whose password was wrong: it stays
// counted, and a key whose failures within the window reach its Max is
// locked from now, its count starting again from zero. It returns the
// latest lock it set, or the zero time.
func (s *Store) FailLoginAttempt(ctx context.Context, a LoginAttempt, now time.Time) (time.Time, error) {
	now = now.UTC()
	var locked time.Time
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, k := range a.keys {
			if _, err := lockThrottleKey(tx, k, now); err != nil {
				return err
			}
			n, err := countFailures(tx, k, now, a.window)
			if err != nil {
				return err
			}
			if n < int64(k.Max) {
				continue
			}
			until, err := lockKey(tx, k, now, a.lock)
			if err != nil {
				return err
			}
			locked = later(locked, until)
		}
		return nil
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("record login failure: %w", err)
	}
	return locked, nil
}

// ReleaseLoginAttempt settles an attempt that was not a failure (the
// password was right, or it could not be checked): its reservation is
// withdrawn, and every failure counted against the keys in forget is
// forgotten, as a successful login does for its login name.
func (s *Store) ReleaseLoginAttempt(ctx context.Context, a LoginAttempt, forget ...ThrottleKey) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if len(a.rows) > 0 {
			if err := tx.Where("id IN ?", a.rows).Delete(&loginFailureRow{}).Error; err != nil {
				return err
			}
		}
		for _, k := range forget {
			if err := tx.Where("scope = ? AND failure_key = ?", k.Scope, k.Key).Delete(&loginFailureRow{}).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("release login attempt: %w", err)
	}
	return nil
}

// sortedKeys orders keys by scope and key, so that every transaction takes
// the keys' row locks in the same order and none waits for another in a
// circle.
func sortedKeys(keys []ThrottleKey) []ThrottleKey {
	out := slices.Clone(keys)
	slices.SortFunc(out, func(a, b ThrottleKey) int {
		return cmp.Or(cmp.Compare(a.Scope, b.Scope), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// lockThrottleKey takes the row lock of key k until tx ends, creating its
// login_locks row if need be, and returns until when the key is locked
// (zero if not locked at now). The upsert locks the row whether it inserts
// or finds it, in one statement, on both databases.
func lockThrottleKey(tx *gorm.DB, k ThrottleKey, now time.Time) (time.Time, error) {
	err := tx.Exec("INSERT INTO login_locks (scope, lock_key, locked_until) VALUES (?, ?, ?) "+
		"ON CONFLICT (scope, lock_key) DO UPDATE SET locked_until = login_locks.locked_until", k.Scope, k.Key, now).Error
	if err != nil {
		return time.Time{}, fmt.Errorf("lock throttle key %s %s: %w", k.Scope, k.Key, err)
	}
	var row loginLockRow
	if err := tx.Where("scope = ? AND lock_key = ?", k.Scope, k.Key).Take(&row).Error; err != nil {
		return time.Time{}, fmt.Errorf("read login lock %s %s: %w", k.Scope, k.Key, err)
	}
	if !row.LockedUntil.After(now) {
		return time.Time{}, nil
	}
	return row.LockedUntil, nil
}

// countFailures counts the failures (and reserved attempts) against k
// within the window before now.
func countFailures(tx *gorm.DB, k ThrottleKey, now time.Time, window time.Duration) (int64, error) {
	var n int64
	if err := tx.Model(&loginFailureRow{}).Where("scope = ? AND failure_key = ? AND at > ?", k.Scope, k.Key, now.Add(-window)).
		Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count login failures: %w", err)
	}
	return n, nil
}

// lockKey locks k from now for lock and forgets its failures, so that after
// the lock the count starts again from zero.
func lockKey(tx *gorm.DB, k ThrottleKey, now time.Time, lock time.Duration) (time.Time, error) {
	until := now.Add(lock)
	if err := tx.Model(&loginLockRow{}).Where("scope = ? AND lock_key = ?", k.Scope, k.Key).
		Update("locked_until", until).Error; err != nil {
		return time.Time{}, fmt.Errorf("lock %s %s: %w", k.Scope, k.Key, err)
	}
	if err := tx.Where("scope = ? AND failure_key = ? AND at <= ?", k.Scope, k.Key, now).Delete(&loginFailureRow{}).Error; err != nil {
		return time.Time{}, fmt.Errorf("reset login failures: %w", err)
	}
	return until, nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// pruneLogins forgets failures and locks that no longer count, for every
// key. It is housekeeping outside the attempt's transaction: a failure here
// (two prunes meeting on PostgreSQL) changes no decision and is only logged.
func (s *Store) pruneLogins(ctx context.Context, now time.Time, window time.Duration) {
	db := s.db.WithContext(ctx)
	if err := db.Where("at <= ?", now.Add(-window)).Delete(&loginFailureRow{}).Error; err != nil {
		slog.Debug("prune login failures failed", "err", err)
	}
	if err := db.Where("locked_until < ?", now.Add(-window)).Delete(&loginLockRow{}).Error; err != nil {
		slog.Debug("prune login locks failed", "err", err)
	}
}
