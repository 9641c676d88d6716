package api_test

import (
	"maps"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestEvidenceEntryRefersToItsFilesByHash: an evidence entry names the
// files it rests on by their SHA-256, so the hash chain of the record
// covers them while the record never carries their content. A hash the
// case has no file for — another case's file, or one never uploaded — is
// refused and the entry not recorded.
func TestEvidenceEntryRefersToItsFilesByHash(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	other := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)

	photo, elsewhere := pngFile("货架照片"), pngFile("另一案件的照片")
	require.Equal(t, http.StatusCreated, e.attach(p.officer1, id, "货架.png", photo, evidenceFields()).status)
	require.Equal(t, http.StatusCreated, e.attach(p.officer1, other, "其他.png", elsewhere, evidenceFields()).status)

	entry := maps.Clone(evidence)
	entry["files"] = []string{sha256Hex(elsewhere)}
	r := e.act(p.officer1, id, workflows.ActRecordEvidence, entry, http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode())
	require.Contains(t, string(r.raw), "请先上传")

	entry["files"] = []string{sha256Hex(photo)}
	r = e.act(p.officer1, id, workflows.ActRecordEvidence, entry, http.StatusOK)
	ev := r.body["case"].(map[string]any)["evidence"].([]any)
	require.Len(t, ev, 1, "the refused entry was not recorded")
	require.Equal(t, []any{sha256Hex(photo)}, ev[0].(map[string]any)["files"])

	events, err := e.app.store.Events(t.Context(), id)
	require.NoError(t, err)
	last := events[len(events)-1]
	require.Contains(t, string(last.Data), sha256Hex(photo), "the event carries the file's hash")
	require.NotContains(t, string(last.Data), "货架照片", "and never its content")
}
