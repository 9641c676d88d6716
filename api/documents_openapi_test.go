package api

import (
	"reflect"
	"testing"
)

// TestOpenAPIDocumentList holds the documented listing of a case's
// documents to the handler's answer.
func TestOpenAPIDocumentList(t *testing.T) {
	doc := loadOpenAPI(t)
	seen := map[string]bool{}
	checkFields(t, doc, "DocumentList", reflect.TypeFor[itemsResponse[documentRef]](), true, seen)
	if !seen["DocumentRef"] {
		t.Error("schema DocumentList: items must be DocumentRef")
	}
}
