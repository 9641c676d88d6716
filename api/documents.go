package api

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
)

// The documents of a case (执法文书) are written from its record when asked
// for, as A4 HTML or PDF. A document that has its own 文号 gets it the first
// time it is listed or rendered: the next of its agency's sequence for its
// kind and year, once per case and kind, so that it reads the same every
// time after.

var (
	errDocumentNotFound = newError(http.StatusNotFound, "document_not_found",
		"该案件没有这份文书：案件尚未办理到这一步，或者没有这种文书", "the case has no such document: it has not reached that step, or there is no such document")
	errPDFFontMissing = newError(http.StatusUnprocessableEntity, "pdf_font_missing",
		"本系统未配置含中文字形的 TrueType 字体（ZHIFA_PDF_FONT），暂不能生成 PDF，请改用 HTML 格式打印", "no TrueType font with Chinese is configured (ZHIFA_PDF_FONT), so no PDF can be made; print the HTML format instead")
	errUnknownFormat = invalid("文书格式须为 html 或 pdf", "the format must be html or pdf")
)

// documentFormats are the formats every document is rendered in.
var documentFormats = []string{"html", "pdf"}

// documentRef is a document of a case as the listing shows it.
type documentRef struct {
	Type    string   `json:"type"`
	Title   string   `json:"title"`
	Number  string   `json:"number"`
	Formats []string `json:"formats"`
}

// caseDocuments are the documents of the case the caller may read, each
// with its number.
func (s *Server) caseDocuments(ctx context.Context, p *principal, id string) (casefile.Summary, []documents.Doc, error) {
	sum, state, err := s.readCase(ctx, p, id)
	if err != nil {
		return sum, nil, err
	}
	docs, err := documents.Build(sum.Procedure, sum.Number, state.snapshot)
	if err != nil {
		return sum, nil, fmt.Errorf("case %s: documents: %w", sum.ID, err)
	}
	for i := range docs {
		if err := s.numberDocument(ctx, sum, &docs[i]); err != nil {
			return sum, nil, err
		}
	}
	return sum, docs, nil
}

// numberDocument gives d its 文号 when it has its own: the agency's
// abbreviation, the kind's mark, the year and the sequence, e.g.
// 青山县市监罚〔2026〕1号. NumberOnce keys it by case and kind, so the
// document keeps the number it got first and the sequence has no gaps.
func (s *Server) numberDocument(ctx context.Context, sum casefile.Summary, d *documents.Doc) error {
	if d.Mark == "" || d.Number != "" {
		return nil
	}
	ag, err := s.store.Agency(ctx, sum.AgencyID)
	if err != nil {
		return fmt.Errorf("case %s: number %s: %w", sum.ID, d.Type, err)
	}
	n, err := s.store.NumberOnce(ctx, fmt.Sprintf("doc/%s/%s", sum.ID, d.Type),
		fmt.Sprintf("doc-seq/%s/%s/%d", sum.AgencyID, d.Type, d.Year))
	if err != nil {
		return fmt.Errorf("case %s: number %s: %w", sum.ID, d.Type, err)
	}
	d.Number = fmt.Sprintf("%s%s〔%d〕%d号", ag.Code, d.Mark, d.Year, n)
	return nil
}

func (s *Server) listDocuments(c *gin.Context) {
	_, docs, err := s.caseDocuments(c.Request.Context(), caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	out := make([]documentRef, len(docs))
	for i, d := range docs {
		out[i] = documentRef{Type: string(d.Type), Title: d.Title, Number: d.Number, Formats: documentFormats}
	}
	c.JSON(http.StatusOK, itemsResponse[documentRef]{Items: out})
}

// documentFormat is the format asked for: ?format=, else PDF when Accept
// names it before HTML, else HTML.
func documentFormat(c *gin.Context) (string, error) {
	if f, ok := c.GetQuery("format"); ok {
		f = strings.ToLower(f)
		if f != "html" && f != "pdf" {
			return "", errUnknownFormat
		}
		return f, nil
	}
	accept := c.GetHeader("Accept")
	pdf, html := strings.Index(accept, "application/pdf"), strings.Index(accept, "text/html")
	if pdf >= 0 && (html < 0 || pdf < html) {
		return "pdf", nil
	}
	return "html", nil
}

func (s *Server) getDocument(c *gin.Context) {
	format, err := documentFormat(c)
	if err != nil {
		fail(c, err)
		return
	}
	sum, docs, err := s.caseDocuments(c.Request.Context(), caller(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	d, ok := documents.Find(docs, documents.Type(c.Param("doc")))
	if !ok {
		fail(c, errDocumentNotFound)
		return
	}
	name := fmt.Sprintf("%s-%s", d.Title, cmp.Or(d.Number, sum.Number, sum.ID))
	if format == "html" {
		page, err := documents.HTML(d)
		if err != nil {
			fail(c, fmt.Errorf("case %s: %w", sum.ID, err))
			return
		}
		c.Header("Content-Disposition", fmt.Sprintf(`inline; filename="%s-%s.html"; filename*=UTF-8''%s`, d.Type, sum.ID, rfc5987(name+".html")))
		c.Data(http.StatusOK, "text/html; charset=utf-8", page)
		return
	}
	font, err := documents.FontPath()
	if err != nil {
		slog.Warn("no font for PDF documents: set ZHIFA_PDF_FONT to a TrueType font with Chinese", "err", err)
		fail(c, errPDFFontMissing)
		return
	}
	pdf, err := documents.PDF(d, font, documents.LatinFontPath())
	if errors.Is(err, documents.ErrNoFont) {
		slog.Warn("font for PDF documents unusable: set ZHIFA_PDF_FONT to a TrueType (.ttf) font with Chinese", "err", err)
		fail(c, errPDFFontMissing)
		return
	} else if err != nil {
		fail(c, fmt.Errorf("case %s: %w", sum.ID, err))
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`inline; filename="%s-%s.pdf"; filename*=UTF-8''%s`, d.Type, sum.ID, rfc5987(name+".pdf")))
	c.Data(http.StatusOK, "application/pdf", pdf)
}
