package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestLoadZoneFallsBackToUTC8(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		zone string
	}{
		{"tzdata present", "Asia/Shanghai"},
		{"zone missing", "No/Such_Zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			loc := loadZone(tt.zone)
			_, offset := time.Date(2026, 10, 13, 12, 0, 0, 0, loc).Zone()
			require.Equal(t, 8*60*60, offset)
		})
	}
}
