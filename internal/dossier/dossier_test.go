package dossier

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/documents"
)

// TestEveryDocumentIsFiled: each kind of document a case can have is filed
// in exactly one section, so a new kind cannot drop out of the case file.
func TestEveryDocumentIsFiled(t *testing.T) {
	t.Parallel()
	filed := map[documents.Type]int{}
	for _, sec := range sections {
		for _, d := range sec.docs {
			filed[d]++
		}
	}
	for _, d := range documents.Types {
		require.Equal(t, 1, filed[d], "document %s", d)
	}
	require.Len(t, filed, len(documents.Types))
}
