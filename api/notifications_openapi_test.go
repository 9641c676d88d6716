package api

import (
	"reflect"
	"testing"

	"github.com/zhifa/zhifa/internal/store"
)

// TestOpenAPINotificationSchemas holds the notification and webhook bodies
// to the Go types, as TestOpenAPISchemasMatchGoTypes does the others.
func TestOpenAPINotificationSchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	seen := map[string]bool{}
	for name, typ := range map[string]reflect.Type{
		"NotificationList": reflect.TypeFor[keysetList[store.Notification]](),
		"Notification":     reflect.TypeFor[store.Notification](),
		"UnreadCount":      reflect.TypeFor[unreadCount](),
		"ReadAllResponse":  reflect.TypeFor[readAllResponse](),
		"Webhook":          reflect.TypeFor[store.Webhook](),
		"DeliveryList":     reflect.TypeFor[keysetList[store.Delivery]](),
	} {
		checkFields(t, doc, name, typ, true, seen)
	}
	for name, typ := range map[string]reflect.Type{
		"ReadAllRequest": reflect.TypeFor[readAllRequest](),
		"WebhookRequest": reflect.TypeFor[webhookRequest](),
	} {
		checkFields(t, doc, name, typ, false, map[string]bool{})
		if doc.Components.Schemas[name]["additionalProperties"] != false {
			t.Errorf("schema %s: the handler refuses unknown fields, so additionalProperties must be false", name)
		}
	}
}
