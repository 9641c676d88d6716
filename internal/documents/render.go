package documents

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

//go:embed templates/*.html
var builtin embed.FS

var page = template.Must(template.ParseFS(builtin, "templates/document.html"))

// HTML renders d as a print-ready A4 page.
func HTML(d Doc) ([]byte, error) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render %s as HTML: %w", d.Type, err)
	}
	return buf.Bytes(), nil
}

// Builtin is the built-in HTML template, which an agency's own template
// replaces for a kind of document; it is the same for every kind.
func Builtin() string {
	b, _ := builtin.ReadFile("templates/document.html")
	return string(b)
}

// ErrTemplate: an agency's template does not parse, or fails on a document.
var ErrTemplate = errors.New("document template unusable")

// HTMLWith renders d with the html/template text, as HTML renders it with
// the built-in one.
func HTMLWith(d Doc, text string) ([]byte, error) {
	t, err := template.New("document").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTemplate, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTemplate, err)
	}
	return buf.Bytes(), nil
}

// Check tries text on a sample document of every field, so that a template
// that would fail on a case is refused when it is saved.
func Check(text string) error {
	_, err := HTMLWith(Doc{Type: Decision, Title: "行政处罚决定书", Number: "青山县市监罚〔2026〕1号", Agency: "青山县市场监督管理局",
		To: "当事人", Fields: []Field{{"当事人", "某某"}}, Body: []string{"正文"}, Seal: true, Receipt: true,
		List: &Table{Title: "清单", Header: []string{"序号"}, Rows: [][]string{{"1"}}}}, text)
	return err
}

// DefaultFont is where Debian's fonts-droid-fallback puts a TrueType font
// that covers the Chinese of GB 18030.
const DefaultFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// ErrNoFont: no TrueType font with Chinese was found for the PDF.
var ErrNoFont = errors.New("no TrueType font with Chinese for the PDF")

// FontPath is the TrueType (.ttf) font the PDF is written in:
// ZHIFA_PDF_FONT if set, else DefaultFont; ErrNoFont when it cannot be
// read.
func FontPath() (string, error) {
	p := os.Getenv("ZHIFA_PDF_FONT")
	if p == "" {
		p = DefaultFont
	}
	if st, err := os.Stat(p); err != nil || st.IsDir() {
		return "", fmt.Errorf("%w: %s", ErrNoFont, p)
	}
	return p, nil
}

// DefaultLatinFont is where Debian's fonts-dejavu-core puts a TrueType
// font for the figures and Latin letters, which DefaultFont lacks.
const DefaultLatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// LatinFontPath is the font for figures and Latin letters:
// ZHIFA_PDF_LATIN_FONT if set, else DefaultLatinFont; empty when it cannot
// be read, and then the Chinese font writes them too (a font such as Noto
// Sans SC has both).
func LatinFontPath() string {
	p := os.Getenv("ZHIFA_PDF_LATIN_FONT")
	if p == "" {
		p = DefaultLatinFont
	}
	if st, err := os.Stat(p); err != nil || st.IsDir() {
		return ""
	}
	return p
}

// A4 layout in millimetres.
const (
	pageH                                    = 297.0
	marginLeft, marginTop, marginRight, foot = 28.0, 30.0, 26.0, 25.0
	lineH                                    = 7.5
)

// PDF renders d as an A4 PDF in the Chinese font at fontPath, with figures
// and Latin letters in the font at latinPath unless it is empty.
func PDF(d Doc, fontPath, latinPath string) ([]byte, error) {
	if !strings.HasSuffix(strings.ToLower(fontPath), ".ttf") {
		return nil, fmt.Errorf("%w: %s is not a .ttf file", ErrNoFont, fontPath)
	}
	font, err := os.ReadFile(fontPath)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoFont, err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle(strings.TrimSpace(d.Title+" "+d.Number), true)
	pdf.SetCreator(d.Agency, true)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, foot)
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	w := &writer{pdf: pdf}
	if latinPath != "" {
		if latin, err := os.ReadFile(latinPath); err == nil {
			pdf.AddUTF8FontFromBytes("latin", "", latin)
			w.latin = true
		}
	}
	pdf.AddPage()
	width, _ := pdf.GetPageSize()
	text := width - marginLeft - marginRight
	x := marginLeft

	w.size = 18
	w.block(x, text, 10, d.Agency, "C")
	w.size = 20
	w.block(x, text, 12, d.Title, "C")
	w.size = 12
	if d.Number != "" {
		w.block(x, text, lineH, d.Number, "R")
	}
	pdf.Ln(2)
	if d.To != "" {
		w.block(x, text, lineH, d.To+"：", "L")
	}
	const labelW = 42.0
	for _, f := range d.Fields {
		w.row([]float64{labelW, text - labelW}, []string{f.Label, f.Value}, []string{"C", "L"})
	}
	if len(d.Fields) > 0 {
		pdf.Ln(3)
	}
	for _, p := range d.Body {
		w.block(x, text, lineH, "　　"+p, "L")
	}
	if l := d.List; l != nil {
		pdf.Ln(3)
		w.block(x, text, lineH, l.Title, "C")
		widths := []float64{14, 50, 26, 32, text - 122}
		align := []string{"C", "L", "C", "L", "L"}
		w.row(widths, l.Header, []string{"C", "C", "C", "C", "C"})
		for _, r := range l.Rows {
			w.row(widths, r, align)
		}
	}
	if d.Receipt {
		pdf.Ln(6)
		w.block(x, text, lineH, "受送达人签名或者盖章：　　　　　　　　　　年　　月　　日", "L")
	}
	pdf.Ln(12)
	if d.Seal {
		w.block(x, text, lineH, d.Agency, "R")
		w.block(x, text, lineH, "（印章）", "R")
	}
	w.block(x, text, lineH, d.DateText(), "R")

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render %s as PDF: %w", d.Type, err)
	}
	return buf.Bytes(), nil
}

// writer lays out text in two fonts: figures and Latin letters in the
// Latin font when there is one, everything else in the Chinese font. It
// breaks lines between any two Chinese characters and between Latin words,
// and lets closing punctuation hang rather than open a line.
type writer struct {
	pdf   *fpdf.Fpdf
	latin bool
	size  float64
}

func (w *writer) font(tok string) string {
	r, _ := utf8.DecodeRuneInString(tok)
	if w.latin && r < 0x2000 {
		return "latin"
	}
	return "cjk"
}

func (w *writer) width(tok string) float64 {
	w.pdf.SetFont(w.font(tok), "", w.size)
	return w.pdf.GetStringWidth(tok)
}

// tokens splits s into the units a line may break between: a run of Latin
// letters and figures, a space, or one other character.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r < 0x2000 && r != ' ' {
			n = 0
			for n < len(s) {
				r2, m := utf8.DecodeRuneInString(s[n:])
				if r2 >= 0x2000 || r2 == ' ' {
					break
				}
				n += m
			}
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// hanging characters may not open a line.
const hanging = "，。、；：？！）》」』〕】”’,.;:?!)"

func (w *writer) lines(s string, width float64) [][]string {
	var lines [][]string
	var line []string
	used := 0.0
	for _, tok := range tokens(s) {
		tw := w.width(tok)
		if used+tw > width && len(line) > 0 && !strings.Contains(hanging, tok) {
			if tw > width && w.font(tok) == "latin" {
				// A Latin run longer than the line is broken anywhere.
				for _, r := range tok {
					rw := w.width(string(r))
					if used+rw > width && len(line) > 0 {
						lines, line, used = append(lines, line), nil, 0
					}
					line, used = append(line, string(r)), used+rw
				}
				continue
			}
			lines, line, used = append(lines, line), nil, 0
			if tok == " " {
				continue
			}
		}
		line, used = append(line, tok), used+tw
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func (w *writer) lineWidth(line []string) float64 {
	sum := 0.0
	for _, tok := range line {
		sum += w.width(tok)
	}
	return sum
}

// put writes one line at (x, y) within width, aligned L, C or R.
func (w *writer) put(x, y, width, h float64, line []string, align string) {
	switch align {
	case "C":
		x += (width - w.lineWidth(line)) / 2
	case "R":
		x += width - w.lineWidth(line)
	}
	for _, tok := range line {
		tw := w.width(tok)
		w.pdf.SetXY(x, y)
		w.pdf.CellFormat(tw, h, tok, "", 0, "L", false, 0, "")
		x += tw
	}
}

// room starts a new page unless h more fits on this one.
func (w *writer) room(h float64) {
	if w.pdf.GetY()+h > pageH-foot {
		w.pdf.AddPage()
	}
}

// block writes s as a paragraph at x, h a line, and moves below it.
func (w *writer) block(x, width, h float64, s, align string) {
	for _, line := range w.lines(s, width) {
		w.room(h)
		y := w.pdf.GetY()
		w.put(x, y, width, h, line, align)
		w.pdf.SetXY(x, y+h)
	}
}

// row writes a row of a ruled table: cells of widths, each wrapped.
func (w *writer) row(widths []float64, cells []string, align []string) {
	const pad = 1.0
	var wrapped [][][]string
	n := 1
	for i, c := range cells {
		if i >= len(widths) {
			break
		}
		ls := w.lines(c, widths[i]-2*pad)
		wrapped = append(wrapped, ls)
		n = max(n, len(ls))
	}
	h := float64(n) * lineH
	w.room(h)
	x, y := marginLeft, w.pdf.GetY()
	for i, ls := range wrapped {
		w.pdf.Rect(x, y, widths[i], h, "D")
		for j, line := range ls {
			w.put(x+pad, y+float64(j)*lineH, widths[i]-2*pad, lineH, line, align[i])
		}
		x += widths[i]
	}
	w.pdf.SetXY(marginLeft, y+h)
}
