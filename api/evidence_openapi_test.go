package api

import (
	"maps"
	"reflect"
	"testing"
)

// TestOpenAPIEvidenceUpload holds the documented upload to the handler:
// its multipart body is the metadata fields of evidenceForm, with their
// limits, and the file; unknown fields are refused.
func TestOpenAPIEvidenceUpload(t *testing.T) {
	doc := loadOpenAPI(t)
	op := doc.Paths["/api/v1/cases/{id}/files"]["post"]
	rb, _ := op["requestBody"].(map[string]any)
	content, _ := rb["content"].(map[string]any)
	media, _ := content["multipart/form-data"].(map[string]any)
	if refOf(media["schema"]) != "EvidenceUpload" {
		t.Fatalf("POST /api/v1/cases/{id}/files: the multipart body must be the EvidenceUpload schema, have %v", media["schema"])
	}
	schema := maps.Clone(doc.Components.Schemas["EvidenceUpload"])
	if schema["additionalProperties"] != false {
		t.Error("schema EvidenceUpload: the handler refuses unknown fields, so additionalProperties must be false")
	}
	props := maps.Clone(propsOf(schema))
	if f, _ := props["file"].(map[string]any); f["type"] != "string" || f["format"] != "binary" {
		t.Errorf("schema EvidenceUpload: file must be a binary string, have %v", props["file"])
	}
	delete(props, "file")
	schema["properties"] = props
	doc.Components.Schemas["EvidenceUpload"] = schema
	checkFields(t, doc, "EvidenceUpload", reflect.TypeFor[evidenceForm](), false, map[string]bool{})
}
