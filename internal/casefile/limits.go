package casefile

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Input limits. Every text a person sends has a declared maximum, written
// on the field as a struct tag and enforced before the input enters a
// workflow's history or the database, the same on SQLite and PostgreSQL:
//
//	limit:"N"       a string holds at most N characters (runes); a slice at most N items
//	itemlimit:"N"   each string of a []string holds at most N characters
//	limit:"server"  set by the server, not by the caller: not checked
//
// Maxima follow the real document: a statement of defence or an
// investigation report can run to tens of thousands of characters, a name
// to a few hundred. CheckLimits walks nested structs, so a struct reachable
// from an input without a tag on one of its strings is a programming error
// it reports as such.

// LimitError says which field broke which limit.
type LimitError struct {
	Field   string // the JSON path, e.g. party.name or collected_by[2]
	Problem string // too_long, too_many, nul, invalid_utf8, undeclared
	Limit   int
}

func (e *LimitError) Error() string { return e.English() }

// limitWords say each problem in Chinese and English; %s is the field,
// %d the limit.
var limitWords = map[string][2]string{
	"too_long":     {"「%s」不得超过 %d 个字符", "%s must be at most %d characters"},
	"too_many":     {"「%s」不得超过 %d 项", "%s must have at most %d items"},
	"nul":          {"「%s」含有空字符（NUL），请删除后重新提交", "%s contains a NUL character"},
	"invalid_utf8": {"「%s」含有无效的 UTF-8 编码", "%s is not valid UTF-8"},
	"undeclared":   {"「%s」没有声明长度上限（系统错误）", "%s has no declared limit"},
}

func (e *LimitError) say(lang int) string {
	w := limitWords[e.Problem][lang]
	if strings.Contains(w, "%d") {
		return fmt.Sprintf(w, e.Field, e.Limit)
	}
	return fmt.Sprintf(w, e.Field)
}

// Chinese describes the problem for an officer.
func (e *LimitError) Chinese() string { return e.say(0) }

// English describes the problem in English.
func (e *LimitError) English() string { return e.say(1) }

// CheckLimits checks every caller-set string and slice reachable from v
// against its declared limit. It is deterministic, so workflow validators
// call it too.
func CheckLimits(v any) *LimitError {
	return walk(reflect.ValueOf(v), "")
}

func walk(v reflect.Value, path string) *LimitError {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fp := name
		if f.Anonymous {
			fp = path
		} else if path != "" {
			fp = path + "." + name
		}
		tag := f.Tag.Get("limit")
		if tag == "server" {
			continue
		}
		if err := walkField(v.Field(i), f, fp, tag); err != nil {
			return err
		}
	}
	return nil
}

func walkField(fv reflect.Value, f reflect.StructField, path, tag string) *LimitError {
	for fv.Kind() == reflect.Pointer && fv.Type().Elem().Kind() != reflect.Struct {
		if fv.IsNil() {
			return nil // an optional field left out
		}
		fv = fv.Elem()
	}
	limit, declared := -1, tag != ""
	if declared {
		n, err := strconv.Atoi(tag)
		if err != nil {
			return &LimitError{Field: path, Problem: "undeclared"}
		}
		limit = n
	}
	switch fv.Kind() {
	case reflect.String:
		if !declared {
			return &LimitError{Field: path, Problem: "undeclared"}
		}
		return checkString(fv.String(), path, limit)
	case reflect.Slice:
		if fv.Type().Elem().Kind() == reflect.Uint8 {
			return nil // raw bytes (json.RawMessage) are not text a person types
		}
		if !declared {
			return &LimitError{Field: path, Problem: "undeclared"}
		}
		if fv.Len() > limit {
			return &LimitError{Field: path, Problem: "too_many", Limit: limit}
		}
		for j := range fv.Len() {
			ep := fmt.Sprintf("%s[%d]", path, j)
			if fv.Index(j).Kind() == reflect.String {
				n, err := strconv.Atoi(f.Tag.Get("itemlimit"))
				if err != nil {
					return &LimitError{Field: ep, Problem: "undeclared"}
				}
				if e := checkString(fv.Index(j).String(), ep, n); e != nil {
					return e
				}
				continue
			}
			if e := walk(fv.Index(j), ep); e != nil {
				return e
			}
		}
	case reflect.Struct, reflect.Pointer, reflect.Interface:
		if fv.Kind() == reflect.Struct && fv.Type().PkgPath() == "time" {
			return nil
		}
		return walk(fv, path)
	case reflect.Map:
		return &LimitError{Field: path, Problem: "undeclared"}
	}
	return nil
}

func checkString(s, path string, limit int) *LimitError {
	switch {
	case !utf8.ValidString(s):
		return &LimitError{Field: path, Problem: "invalid_utf8"}
	case strings.IndexByte(s, 0) >= 0:
		return &LimitError{Field: path, Problem: "nul"}
	case utf8.RuneCountInString(s) > limit:
		return &LimitError{Field: path, Problem: "too_long", Limit: limit}
	}
	return nil
}

// Limits lists the declared limits of the type of v by JSON path
// (slices as path[]), for the API document and its drift test.
func Limits(v any) map[string]int {
	out := map[string]int{}
	collect(reflect.TypeOf(v), "", out)
	return out
}

func collect(t reflect.Type, path string, out map[string]int) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || f.Tag.Get("limit") == "server" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fp := name
		if f.Anonymous {
			fp = path
		} else if path != "" {
			fp = path + "." + name
		}
		if n, err := strconv.Atoi(f.Tag.Get("limit")); err == nil {
			out[fp] = n
		}
		if n, err := strconv.Atoi(f.Tag.Get("itemlimit")); err == nil {
			out[fp+"[]"] = n
		}
		ft := f.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
			if ft.Kind() == reflect.Struct {
				collect(ft, fp+"[]", out)
			}
			continue
		}
		if ft.PkgPath() != "time" {
			collect(ft, fp, out)
		}
	}
}

// refThreshold is the length from which Ref replaces a text.
const refThreshold = 64

// Ref stands for a long text kept in the case's record: a short head of it
// and the SHA-256 of the whole, e.g. "过期酸奶……〔sha256:9f2c…〕". Shorter
// texts are returned as they are.
func Ref(s string) string {
	if utf8.RuneCountInString(s) <= refThreshold {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return string([]rune(s)[:16]) + "……〔sha256:" + hex.EncodeToString(sum[:]) + "〕"
}
