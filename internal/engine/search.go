package engine

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/zhifa/zhifa/workflows"
)

// searchAttributeTypes are the case workflows' search attributes by name.
func searchAttributeTypes() map[string]enumspb.IndexedValueType {
	out := map[string]enumspb.IndexedValueType{}
	for _, k := range workflows.SearchAttributes() {
		out[k.GetName()] = k.GetValueType()
	}
	return out
}

// namespaceRefresh is how long the engine's services may take to see a
// namespace change (the server's namespace cache refreshes every 2 s).
const namespaceRefresh = 4 * time.Second

// RegisterSearchAttributes makes sure the namespace knows the search
// attributes the case workflows set (workflows.SearchAttributes): a case
// that sets an unknown one cannot go on. Attributes already there are left
// alone; one there with another type is an error. It reports whether it
// added any. A cluster that refuses (no operator permission) gets an error
// naming the command its operator runs.
func RegisterSearchAttributes(ctx context.Context, c client.Client, namespace string) (bool, error) {
	have, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: namespace})
	if err != nil {
		return false, fmt.Errorf("list search attributes of namespace %s: %w", namespace, err)
	}
	missing := map[string]enumspb.IndexedValueType{}
	for name, want := range searchAttributeTypes() {
		got, ok := have.GetCustomAttributes()[name]
		if !ok {
			missing[name] = want
			continue
		}
		if got != want {
			return false, fmt.Errorf("search attribute %s of namespace %s is of type %s, the case workflows need %s", name, namespace, got, want)
		}
	}
	if len(missing) == 0 {
		return false, nil
	}
	_, err = c.OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{SearchAttributes: missing, Namespace: namespace})
	if err != nil {
		return false, fmt.Errorf("add search attributes to namespace %s: %w (an operator can run: %s)", namespace, err, CreateSearchAttributesCommand(namespace, missing))
	}
	return true, nil
}

// CreateSearchAttributesCommand is the Temporal CLI command that creates
// the search attributes in a namespace.
func CreateSearchAttributesCommand(namespace string, attrs map[string]enumspb.IndexedValueType) string {
	var b strings.Builder
	b.WriteString("temporal operator search-attribute create --namespace " + namespace)
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		// The CLI names the types without the enum's prefix: Keyword, Bool.
		fmt.Fprintf(&b, " --name %s --type %s", name, attrs[name].String())
	}
	return b.String()
}

// registerSearchAttributes adds the attributes a data file made by an
// older version lacks (a new file gets them with its namespace) and waits
// for the services to see them.
func (s *Server) registerSearchAttributes(ctx context.Context) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	added, err := RegisterSearchAttributes(ctx, c, s.namespace)
	if err != nil || !added {
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(namespaceRefresh):
		return nil
	}
}
