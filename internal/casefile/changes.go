package casefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Change is one change of a case's snapshot (its state as JSON) made by an
// act. An act sends only what it changed, never the whole case, so
// workflow history grows with the size of each act, not with the size of
// the case times the number of acts.
//
//	{"field": "stage", "value": "review"}                 set a top-level field
//	{"field": "evidence", "append": true, "value": [...]} append items to an array
//	{"field": "deadlines", "index": 2, "value": {...}}    replace one item of an array
type Change struct {
	Field  string          `json:"field"`
	Index  *int            `json:"index,omitempty"`
	Append bool            `json:"append,omitempty"`
	Value  json.RawMessage `json:"value"`
}

// Fields splits a JSON object into its top-level fields.
func Fields(snapshot []byte) (map[string]json.RawMessage, error) {
	m := map[string]json.RawMessage{}
	if len(bytes.TrimSpace(snapshot)) == 0 {
		return m, nil
	}
	if err := json.Unmarshal(snapshot, &m); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return m, nil
}

// Diff returns the changes that turn prev into cur, field by field in
// name order (deterministic: workflow code calls it). Arrays that only
// grew send the new items; arrays of the same length send the items that
// changed; anything else is set whole.
func Diff(prev, cur map[string]json.RawMessage) []Change {
	return diff(prev, cur, nil)
}

// DiffItemising is Diff with only the fields named compared item by item:
// any other field that changed is set whole. Comparing a long array item
// by item means decoding it twice, which is worth it only where the
// changes travel (an activity's input in history) or where the items
// changed are read (the deadlines the record writes).
func DiffItemising(prev, cur map[string]json.RawMessage, itemised ...string) []Change {
	if itemised == nil {
		itemised = []string{}
	}
	return diff(prev, cur, itemised)
}

// diff is Diff, item by item in the fields itemised, or in every field
// when itemised is nil.
func diff(prev, cur map[string]json.RawMessage, itemised []string) []Change {
	var out []Change
	for _, f := range sortedKeys(cur) {
		c, p := cur[f], prev[f]
		switch {
		case bytes.Equal(c, p):
		case itemised == nil || slices.Contains(itemised, f):
			out = append(out, diffField(f, p, c)...)
		default:
			out = append(out, Change{Field: f, Value: c})
		}
	}
	for _, f := range sortedKeys(prev) {
		if _, ok := cur[f]; !ok {
			out = append(out, Change{Field: f, Value: json.RawMessage("null")})
		}
	}
	return out
}

func diffField(field string, prev, cur json.RawMessage) []Change {
	var pa, ca []json.RawMessage
	if !isArray(prev) || !isArray(cur) || json.Unmarshal(prev, &pa) != nil || json.Unmarshal(cur, &ca) != nil || len(ca) < len(pa) {
		return []Change{{Field: field, Value: cur}}
	}
	var out []Change
	for i := range pa {
		if !bytes.Equal(pa[i], ca[i]) {
			out = append(out, Change{Field: field, Index: &i, Value: ca[i]})
		}
	}
	if len(ca) > len(pa) {
		added, _ := json.Marshal(ca[len(pa):])
		out = append(out, Change{Field: field, Append: true, Value: added})
	}
	return out
}

// Apply applies changes to a snapshot's fields in place.
func Apply(fields map[string]json.RawMessage, changes []Change) error {
	for _, c := range changes {
		switch {
		case c.Append || c.Index != nil:
			var items []json.RawMessage
			if cur := fields[c.Field]; isArray(cur) {
				if err := json.Unmarshal(cur, &items); err != nil {
					return fmt.Errorf("snapshot field %s: %w", c.Field, err)
				}
			}
			if c.Append {
				var added []json.RawMessage
				if err := json.Unmarshal(c.Value, &added); err != nil {
					return fmt.Errorf("append to %s: %w", c.Field, err)
				}
				items = append(items, added...)
			} else {
				if *c.Index < 0 || *c.Index >= len(items) {
					return fmt.Errorf("snapshot field %s has no item %d", c.Field, *c.Index)
				}
				items[*c.Index] = c.Value
			}
			raw, err := json.Marshal(items)
			if err != nil {
				return err
			}
			fields[c.Field] = raw
		case string(c.Value) == "null":
			delete(fields, c.Field)
		default:
			fields[c.Field] = c.Value
		}
	}
	return nil
}

func isArray(raw json.RawMessage) bool {
	return strings.HasPrefix(string(bytes.TrimSpace(raw)), "[")
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
