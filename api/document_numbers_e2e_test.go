package api_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocumentNumbersFollowTheActs: a decision's 文号 is given in the
// transaction of the act that decides it, not when someone first prints
// it. Two cases decided one after the other keep that order in the
// agency's sequence even when the later one is printed first, and the
// numbers are consecutive.
func TestDocumentNumbersFollowTheActs(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	first := e.decidedFine(p)
	second := e.decidedFine(p)

	// The second case's documents are listed (and so printed) first.
	later := decisionNumber.FindStringSubmatch(e.documentNumbers(p.officer1, second)["decision"])
	earlier := decisionNumber.FindStringSubmatch(e.documentNumbers(p.officer1, first)["decision"])
	require.NotNil(t, later)
	require.NotNil(t, earlier)
	a, _ := strconv.Atoi(earlier[2])
	b, _ := strconv.Atoi(later[2])
	require.Equal(t, a+1, b, "decided first, numbered first: %s then %s", earlier[0], later[0])
}
