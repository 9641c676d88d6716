package api

import (
	"reflect"
	"testing"

	"github.com/zhifa/zhifa/internal/store"
)

// TestOpenAPIDocuments holds the documented listing of a case's documents
// and the agency's document templates to the handlers' answers and bodies.
func TestOpenAPIDocuments(t *testing.T) {
	doc := loadOpenAPI(t)
	seen := map[string]bool{}
	checkFields(t, doc, "DocumentList", reflect.TypeFor[itemsResponse[documentRef]](), true, seen)
	if !seen["DocumentRef"] {
		t.Error("schema DocumentList: items must be DocumentRef")
	}
	checkFields(t, doc, "DocumentTemplate", reflect.TypeFor[store.DocumentTemplate](), true, map[string]bool{})
	checkFields(t, doc, "DocumentTemplateRequest", reflect.TypeFor[documentTemplateRequest](), false, map[string]bool{})
	if doc.Components.Schemas["DocumentTemplateRequest"]["additionalProperties"] != false {
		t.Error("schema DocumentTemplateRequest: the handler refuses unknown fields, so additionalProperties must be false")
	}
}
