package api

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/dossier"
)

// caseFileZip answers a case's file (案卷) as one ZIP, filed as SAMR 78
// orders it (internal/dossier): its documents as PDF, its evidence files,
// the pages written from the record's internal acts and the whole record
// with its hash chain, each named by its SHA-256 and listed in index.json
// and index.html. Whoever may read the case may take its file.
//
// What can fail is checked before the first byte, so that it is an error
// the caller sees: the PDF font, and every evidence file against its
// SHA-256 (which reads the evidence twice: once to check, once to send).
// The ZIP is then streamed, one file at a time; a failure once bytes have
// gone leaves it without its index and central directory, so unreadable,
// and is logged.
func (s *Server) caseFileZip(c *gin.Context) {
	ctx := c.Request.Context()
	sum, state, err := s.readCase(ctx, caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	docs, err := s.numberedDocuments(ctx, sum, state.snapshot)
	if err != nil {
		fail(c, err)
		return
	}
	events, err := s.store.Events(ctx, sum.ID)
	if err != nil {
		fail(c, err)
		return
	}
	files, err := s.store.EvidenceFiles(ctx, sum.ID)
	if err != nil {
		fail(c, err)
		return
	}
	agency, err := s.store.Agency(ctx, sum.AgencyID)
	if err != nil {
		fail(c, fmt.Errorf("case %s: %w", sum.ID, err))
		return
	}
	font, err := documents.FontPath()
	if err != nil {
		slog.Warn("no font for PDF documents: set ZHIFA_PDF_FONT to a TrueType font with Chinese", "err", err)
		fail(c, errPDFFontMissing)
		return
	}
	for _, f := range files {
		size, err := blob.Verify(ctx, s.evidence, f.SHA256)
		if err == nil && size != f.Size {
			err = fmt.Errorf("%w: %d bytes, recorded %d", blob.ErrDamaged, size, f.Size)
		}
		if errors.Is(err, blob.ErrDamaged) || errors.Is(err, blob.ErrNotFound) {
			slog.Error("evidence file damaged or missing, case file not exported: restore it from a backup", "caseID", sum.ID, "sha256", f.SHA256, "err", err)
			fail(c, errFileDamaged)
			return
		} else if err != nil {
			fail(c, fmt.Errorf("case %s: check evidence %s: %w", sum.ID, f.SHA256, err))
			return
		}
	}

	cf := dossier.Case{
		Info: dossier.CaseInfo{ID: sum.ID, Number: sum.Number, Procedure: sum.Procedure, ProcedureTitle: state.proc.Title(),
			AgencyID: sum.AgencyID, Agency: agency.Name, Party: sum.PartyName, Stage: sum.Stage, Closed: sum.Closed},
		Events: events, Documents: docs, Evidence: files, ActName: state.view.ActName,
	}
	h := c.Writer.Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", attachment(fmt.Sprintf("案卷-%s.zip", sum.Number)))
	c.Status(http.StatusOK)
	err = dossier.Write(ctx, c.Writer, cf, dossier.Options{Blobs: s.evidence, Font: font, LatinFont: documents.LatinFontPath(), Now: time.Now()})
	switch {
	case err == nil:
	case !c.Writer.Written():
		// Nothing had left the ZIP's buffer yet: the caller gets the error.
		h.Del("Content-Disposition")
		fail(c, err)
	default:
		slog.Error("case file export broken off", "caseID", sum.ID, "err", err)
	}
}
