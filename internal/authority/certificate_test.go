package authority_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

// beijing parses a test instant written as RFC 3339, e.g. "2026-10-13T10:00:00+08:00".
func beijing(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return at
}

func TestChooseCertificate(t *testing.T) {
	t.Parallel()
	at := beijing(t, "2026-09-28T10:00:00+08:00")
	mk := func(number, status, from, until string, fields ...string) authority.Certificate {
		return authority.Certificate{Number: number, Status: status, Fields: fields,
			ValidFrom: beijing(t, from+"T00:00:00+08:00"), ValidUntil: beijing(t, until+"T00:00:00+08:00")}
	}
	food := mk("A", "valid", "2024-01-01", "2030-01-01", "食品安全")
	foodLonger := mk("B", "valid", "2024-01-01", "2032-01-01", "食品安全", "广告监管")
	ads := mk("C", "valid", "2024-01-01", "2030-01-01", "广告监管")
	foodSuspended := mk("D", "suspended", "2024-01-01", "2030-01-01", "食品安全")
	foodExpired := mk("E", "valid", "2020-01-01", "2026-01-01", "食品安全")
	foodFuture := mk("F", "valid", "2027-01-01", "2030-01-01", "食品安全")
	tests := []struct {
		name   string
		certs  []authority.Certificate
		field  string
		state  casefile.Certificate
		number string
	}{
		{"none", nil, "食品安全", casefile.CertNone, ""},
		{"valid and covering", []authority.Certificate{food}, "食品安全", casefile.CertValid, "A"},
		{"the one valid longest", []authority.Certificate{food, foodLonger}, "食品安全", casefile.CertValid, "B"},
		{"valid but another field", []authority.Certificate{ads}, "食品安全", casefile.CertWrongField, "C"},
		{"the field's certificate suspended", []authority.Certificate{ads, foodSuspended}, "食品安全", casefile.CertSuspended, "D"},
		{"the field's certificate expired", []authority.Certificate{ads, foodExpired}, "食品安全", casefile.CertExpired, "E"},
		{"not yet valid", []authority.Certificate{foodFuture}, "食品安全", casefile.CertExpired, "F"},
		{"a valid one beats a suspended one", []authority.Certificate{foodSuspended, food}, "食品安全", casefile.CertValid, "A"},
		{"suspended for another field", []authority.Certificate{mk("G", "revoked", "2024-01-01", "2030-01-01", "广告监管")}, "食品安全", casefile.CertSuspended, "G"},
		{"an item without a field", []authority.Certificate{ads}, "", casefile.CertValid, "C"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			state, c := authority.ChooseCertificate(tt.certs, tt.field, at)
			require.Equal(t, tt.state, state)
			require.Equal(t, tt.number, c.Number)
		})
	}
}

// TestStatusAt: a certificate's status at an instant follows its history.
func TestStatusAt(t *testing.T) {
	t.Parallel()
	suspendedAt := beijing(t, "2026-09-28T10:00:00+08:00")
	c := authority.Certificate{Number: "A", Status: authority.CertificateSuspended}
	hist := []authority.StatusChange{
		{Number: "A", At: beijing(t, "2024-01-01T00:00:00+08:00"), From: "", To: authority.CertificateValid},
		{Number: "A", At: suspendedAt, From: authority.CertificateValid, To: authority.CertificateSuspended},
		{Number: "B", At: suspendedAt.Add(time.Hour), From: authority.CertificateSuspended, To: authority.CertificateValid},
	}
	require.Equal(t, authority.CertificateValid, authority.StatusAt(c, hist, suspendedAt.Add(-time.Minute)))
	require.Equal(t, authority.CertificateSuspended, authority.StatusAt(c, hist, suspendedAt))
	require.Equal(t, authority.CertificateSuspended, authority.StatusAt(c, hist, suspendedAt.Add(2*time.Hour)))
}

// TestStatusTransition: a revoked certificate stays revoked; only a
// suspended one can be reinstated.
func TestStatusTransition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status, action, to, refused string
	}{
		{authority.CertificateValid, authority.CertSuspended, authority.CertificateSuspended, ""},
		{authority.CertificateValid, authority.CertRevoked, authority.CertificateRevoked, ""},
		{authority.CertificateSuspended, authority.CertRevoked, authority.CertificateRevoked, ""},
		{authority.CertificateSuspended, authority.CertReinstated, authority.CertificateValid, ""},
		{authority.CertificateValid, authority.CertReinstated, "", "执法证 X 当前状态为「有效」，不能恢复"},
		{authority.CertificateRevoked, authority.CertReinstated, "", "执法证 X 当前状态为「吊销」，不能恢复"},
		{authority.CertificateSuspended, authority.CertSuspended, "", "执法证 X 当前状态为「暂扣」，不能暂扣"},
	}
	for _, tt := range tests {
		t.Run(tt.status+" "+tt.action, func(t *testing.T) {
			t.Parallel()
			to, r, ok := authority.StatusTransition("X", tt.status, tt.action)
			require.True(t, ok)
			if tt.refused == "" {
				require.Nil(t, r)
				require.Equal(t, tt.to, to)
				return
			}
			require.NotNil(t, r)
			require.True(t, r.Conflict)
			require.Equal(t, "certificate_status", r.Code)
			require.Equal(t, tt.refused, r.Zh)
		})
	}
	_, _, ok := authority.StatusTransition("X", authority.CertificateValid, "burn")
	require.False(t, ok)
}
