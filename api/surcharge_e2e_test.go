package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestUnpaidFineAccruesSurchargeToTheCap_PL72 decides a fine of 5,000 元
// and serves it over HTTP; nothing is paid. The case states the surcharge
// (加处罚款) an officer would put in a demand on a given day: none on the
// payment's last day, 150 元 a day after it (3 % of the fine), and never
// more than the fine however long it runs (PL 72(1); CL 45); a date that
// is not one is refused.
func TestUnpaidFineAccruesSurchargeToTheCap_PL72(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.decidedFine(p)
	r := e.do("GET", "/cases/"+id, p.head, nil)
	require.Equal(t, http.StatusOK, r.status)

	var due string
	for _, d := range r.body["case"].(map[string]any)["deadlines"].([]any) {
		if dl := d.(map[string]any); dl["key"] == "payment" {
			due = dl["due_date"].(string)
		}
	}
	require.NotEmpty(t, due)
	last, err := time.Parse(time.DateOnly, due)
	require.NoError(t, err)
	on := func(days int) any {
		r := e.do("GET", "/cases/"+id+"?surcharge_on="+last.AddDate(0, 0, days).Format(time.DateOnly), p.head, nil)
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		return r.body["surcharge"]
	}
	require.Nil(t, on(0), "nothing on the payment's last day")
	require.Equal(t, "150.00", on(1))
	require.Equal(t, "1500.00", on(10))
	require.Equal(t, "4950.00", on(33))
	require.Equal(t, "5000.00", on(34), "capped at the fine")
	require.Equal(t, "5000.00", on(400))

	bad := e.do("GET", "/cases/"+id+"?surcharge_on=2026-13-01", p.head, nil)
	require.Equal(t, http.StatusUnprocessableEntity, bad.status)
	require.Equal(t, "invalid_input", bad.errCode())
}
