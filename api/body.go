package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/sheet"
)

// Request body limits, one per class of route. A body over its route's limit
// is answered 413 body_too_large and never acted on.
const (
	// maxAuthBody is for login, refresh, logout and password change: a login
	// name, a password or a token each fit in well under a kilobyte.
	maxAuthBody = 16 << 10
	// maxJSONBody is for acts and administration. The largest legitimate act,
	// a statement of defence of 50,000 Chinese characters, is about 150 KB.
	maxJSONBody = 1 << 20
	// maxImportBody is for the table uploads: the table itself (sheet.MaxBytes,
	// 10 MiB) and the multipart envelope around it.
	maxImportBody = sheet.MaxBytes + 1<<20
	// evidenceEnvelope is what an evidence upload carries besides its file,
	// whose own limit is configured (Options.MaxEvidence): the metadata
	// fields and the multipart framing.
	evidenceEnvelope = 1 << 20
)

var (
	errBodyTooLarge = newError(http.StatusRequestEntityTooLarge, "body_too_large", "请求内容过大", "the request body is too large")
	errInvalidText  = newError(http.StatusBadRequest, "invalid_text",
		"文本中不得含有空字符（NUL）、控制字符或无效的 UTF-8 编码", "text must not contain NUL or other control characters or invalid UTF-8")
)

// bodyLimit is the body limit of a route, by its registered path.
func (s *Server) bodyLimit(route string) int64 {
	switch {
	case route == evidenceRoute:
		return s.maxEvidence + evidenceEnvelope
	case strings.HasPrefix(route, "/api/v1/auth/"):
		return maxAuthBody
	case strings.HasPrefix(route, "/api/v1/imports/"):
		return maxImportBody
	default:
		return maxJSONBody
	}
}

const limitedBodyKey = "limitedBody"

// limitBody caps the request body at its route's limit: a declared length
// over it is refused before anything is read, and a body that turns out
// longer stops at the limit and makes fail answer 413, whatever the handler
// made of the truncated part.
func (s *Server) limitBody(c *gin.Context) {
	limit := s.bodyLimit(c.FullPath())
	if c.Request.ContentLength > limit {
		fail(c, errBodyTooLarge)
		return
	}
	if c.Request.Body != nil && c.Request.Body != http.NoBody {
		b := &limitedBody{ReadCloser: http.MaxBytesReader(c.Writer, c.Request.Body, limit)}
		c.Request.Body = b
		c.Set(limitedBodyKey, b)
	}
	c.Next()
}

// limitedBody remembers whether the reader hit the limit.
type limitedBody struct {
	io.ReadCloser
	exceeded bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		b.exceeded = true
	}
	return n, err
}

// bodyExceeded tells whether the request's body went over its limit.
func bodyExceeded(c *gin.Context) bool {
	v, ok := c.Get(limitedBodyKey)
	if !ok {
		return false
	}
	b, ok := v.(*limitedBody)
	return ok && b.exceeded
}

// decodeStrict reads a JSON body, refusing unknown fields, trailing data,
// NUL characters, invalid UTF-8 and a body over maxJSONBody (the route's own
// limit, set by limitBody, may be lower). An empty body is an empty object.
func decodeStrict(c *gin.Context, dst any) error {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, maxJSONBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return errBodyTooLarge
		}
		return badRequest("无法读取请求内容", "cannot read the request body")
	}
	if err := checkJSONText(body); err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		return badRequest("请求内容含有多余数据", "trailing data after the JSON body")
	}
	return nil
}

// checkJSONText refuses a body that is not valid UTF-8 or whose strings
// hold NUL or an unpaired surrogate (\u0000, \ud800): encoding/json would
// pass the first on to the database, which may refuse it with a 500, and
// replace the others with U+FFFD without a word.
func checkJSONText(b []byte) error {
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return errInvalidText
	}
	// In JSON a backslash appears only in strings and always starts an
	// escape: skipping each escape whole keeps "\\u0000" (an escaped
	// backslash, then text) apart from "\u0000".
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		i++ // the escaped character
		if i >= len(b) || b[i] != 'u' {
			continue
		}
		r, ok := hex4(b[i+1:])
		if !ok {
			continue // a malformed escape: the decoder says so
		}
		i += 4
		switch {
		case r == 0:
			return errInvalidText
		case r >= 0xdc00 && r <= 0xdfff:
			return errInvalidText // a low surrogate without its high one
		case r >= 0xd800 && r <= 0xdbff:
			if i+6 >= len(b) || b[i+1] != '\\' || b[i+2] != 'u' {
				return errInvalidText
			}
			low, ok := hex4(b[i+3:])
			if !ok || utf16.DecodeRune(r, low) == utf8.RuneError {
				return errInvalidText
			}
			i += 6
		}
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 16)
	return rune(v), err == nil
}

// cleanText tells whether s is valid UTF-8 without control characters (C0
// and DEL), as every path segment and query parameter must be.
func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// decodeError says what is wrong with a body in the caller's terms: the
// JSON field and the JSON kind it wants, never a Go type.
func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooLarge *http.MaxBytesError
	var badTime *time.ParseError
	switch {
	case errors.As(err, &tooLarge):
		return errBodyTooLarge
	case errors.As(err, &syntax):
		return badRequest(fmt.Sprintf("请求内容不是有效的 JSON（第 %d 字节附近）", syntax.Offset),
			fmt.Sprintf("the body is not valid JSON (near byte %d)", syntax.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return badRequest("请求内容不完整，JSON 提前结束", "the JSON body ends too early")
	case errors.As(err, &typ):
		return typeError(typ)
	case errors.As(err, &badTime):
		return badRequest("时间格式错误，应为 RFC 3339，例如 2026-05-01T09:00:00+08:00",
			"malformed time: want RFC 3339, e.g. 2026-05-01T09:00:00+08:00")
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		if field, err := strconv.Unquote(name); err == nil {
			return badRequest(fmt.Sprintf("不认识的字段 %q", field), fmt.Sprintf("unknown field %q", field))
		}
	}
	// What remains comes from a field type's own UnmarshalJSON (an amount of
	// money, say): its words are shown unless they speak of Go.
	for _, internal := range []string{"Go ", "struct", "json:", "UnmarshalJSON", "reflect"} {
		if strings.Contains(msg, internal) {
			return badRequest("字段格式错误", "malformed field")
		}
	}
	return badRequest("字段格式错误："+msg, "malformed field: "+msg)
}

// typeError names the field (a path such as "party.name") and the JSON kind
// it wants.
func typeError(e *json.UnmarshalTypeError) error {
	zh, en := jsonKind(e.Type)
	if e.Field == "" {
		return badRequest("请求内容应为"+zh, "the body must be "+en)
	}
	if strings.HasPrefix(e.Value, "number ") && en == "a number" {
		// A number that does not fit: a fraction or too large for an integer field.
		zh, en = "范围内的整数", "a whole number in range"
	}
	return badRequest(fmt.Sprintf("字段 %q 应为%s", e.Field, zh), fmt.Sprintf("field %q must be %s", e.Field, en))
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// jsonKind is the JSON kind encoding/json wants for a Go type, in Chinese
// and English.
func jsonKind(t reflect.Type) (zh, en string) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "JSON 值", "a JSON value"
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "字符串", "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "字符串", "a string"
	case reflect.Bool:
		return "布尔值（true 或 false）", "a boolean (true or false)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return "数字", "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "字符串（Base64）", "a string (base64)"
		}
		return "数组", "an array"
	case reflect.Array:
		return "数组", "an array"
	case reflect.Struct, reflect.Map:
		return "对象", "an object"
	default:
		return "JSON 值", "a JSON value"
	}
}
