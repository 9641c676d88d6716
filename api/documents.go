package api

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/documents"
	"github.com/zhifa/zhifa/internal/store"
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
	docs, err := s.numberedDocuments(ctx, sum, state.snapshot)
	return sum, docs, err
}

// numberedDocuments are the documents the case has reached, from its
// snapshot, each with its number.
func (s *Server) numberedDocuments(ctx context.Context, sum casefile.Summary, snapshot json.RawMessage) ([]documents.Doc, error) {
	docs, err := documents.Build(sum.Procedure, sum.Number, snapshot)
	if err != nil {
		return nil, fmt.Errorf("case %s: documents: %w", sum.ID, err)
	}
	for i := range docs {
		if err := s.numberDocument(ctx, sum, &docs[i]); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// numberDocument gives d its 文号 when it has its own: the agency's
// abbreviation, the kind's mark, the year and the sequence, e.g.
// 青山县市监罚〔2026〕1号. The act that issued it was given the number in
// its record's transaction (documents.Issued); NumberOnce finds it there,
// or gives one now to a document recorded before, so the document keeps
// the number it got first and the sequence has no gaps.
func (s *Server) numberDocument(ctx context.Context, sum casefile.Summary, d *documents.Doc) error {
	if d.Mark == "" || d.Number != "" {
		return nil
	}
	ag, err := s.store.Agency(ctx, sum.AgencyID)
	if err != nil {
		return fmt.Errorf("case %s: number %s: %w", sum.ID, d.Type, err)
	}
	owner, seq := documents.NumberKeys(sum.ID, sum.AgencyID, *d)
	n, err := s.store.NumberOnce(ctx, owner, seq)
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
		page, err := s.renderHTML(c.Request.Context(), sum.AgencyID, d)
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

// An agency adapts a document's HTML template (SAMR-DOC lets provinces
// adapt the forms): each save is a new version, the latest in force. A
// case's document is printed with the template of the case's agency, else
// of the nearest agency above it that has one, else the built-in.

// maxAgencyDepth bounds the walk up the agency tree.
const maxAgencyDepth = 16

// documentTemplateRequest is a new version of a template.
type documentTemplateRequest struct {
	Template string `json:"template" limit:"100000"` // html/template text; the document is its data
}

// templateFor is the template in force for documents of type t at the
// agency: its own, the nearest above it, or the built-in (version 0).
func (s *Server) templateFor(ctx context.Context, agencyID string, t documents.Type) (store.DocumentTemplate, error) {
	id := agencyID
	for range maxAgencyDepth {
		if id == "" {
			break
		}
		tmpl, err := s.store.DocumentTemplate(ctx, id, string(t))
		if err == nil {
			return tmpl, nil
		} else if !errors.Is(err, store.ErrNotFound) {
			return tmpl, err
		}
		a, err := s.store.Agency(ctx, id)
		if err != nil {
			return store.DocumentTemplate{}, err
		}
		id = a.ParentID
	}
	return store.DocumentTemplate{DocType: string(t), Template: documents.Builtin()}, nil
}

// renderHTML renders d with the template in force at the agency; a
// template that fails on this document falls back to the built-in, and the
// log says so.
func (s *Server) renderHTML(ctx context.Context, agencyID string, d documents.Doc) ([]byte, error) {
	tmpl, err := s.templateFor(ctx, agencyID, d.Type)
	if err != nil {
		return nil, err
	}
	if tmpl.Version == 0 {
		return documents.HTML(d)
	}
	page, err := documents.HTMLWith(d, tmpl.Template)
	if err != nil {
		slog.Error("agency document template failed, printed with the built-in", "agencyID", tmpl.AgencyID, "docType", d.Type, "version", tmpl.Version, "err", err)
		return documents.HTML(d)
	}
	return page, nil
}

// templateType is the document type named in the path.
func templateType(c *gin.Context) (documents.Type, error) {
	t := documents.Type(c.Param("doc"))
	if !slices.Contains(documents.Types, t) {
		return t, invalid("没有这种文书："+string(t), "no such document type: "+string(t))
	}
	return t, nil
}

func (s *Server) getDocumentTemplate(c *gin.Context) {
	ctx := c.Request.Context()
	a, err := s.rulesAgency(ctx, caller(c), c.Param("id"), casefile.ActRead)
	if err != nil {
		fail(c, err)
		return
	}
	t, err := templateType(c)
	if err != nil {
		fail(c, err)
		return
	}
	tmpl, err := s.templateFor(ctx, a.ID, t)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, tmpl)
}

func (s *Server) saveDocumentTemplate(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req documentTemplateRequest
	a, ok := loadAndBind(c, func() (store.Agency, error) { return s.rulesAgency(ctx, p, c.Param("id"), casefile.ActManage) }, &req)
	if !ok {
		return
	}
	t, err := templateType(c)
	if err != nil {
		fail(c, err)
		return
	}
	if strings.TrimSpace(req.Template) == "" {
		fail(c, invalid("template 不能为空", "template is required"))
		return
	}
	if err := documents.Check(req.Template); err != nil {
		fail(c, invalid("文书模板无法使用："+err.Error(), "the template cannot be used: "+err.Error()))
		return
	}
	saved, err := s.store.SaveDocumentTemplate(ctx, a.ID, string(t), req.Template, actor(p), time.Now())
	if err != nil {
		fail(c, err)
		return
	}
	slog.Info("document template saved", "agencyID", a.ID, "docType", t, "version", saved.Version, "by", p.Officer.ID)
	c.JSON(http.StatusCreated, saved)
}
