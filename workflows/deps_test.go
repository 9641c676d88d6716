package workflows_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDependenciesRunOneWay reads `go list -deps`: the procedures import
// the Temporal SDK and the shared words only (no database, no Casbin, no
// HTTP); policies speak the shared words and Casbin; the shared words need
// nothing but the standard library.
func TestDependenciesRunOneWay(t *testing.T) {
	const module = "github.com/zhifa/zhifa/"
	rules := []struct {
		pkg     string
		allowed []string // the project's packages it may depend on
		banned  []string // outside packages it must not link
	}{
		{"workflows", []string{"internal/casefile"}, []string{"github.com/casbin/", "gorm.io/", "github.com/gin-gonic/", "go.temporal.io/server"}},
		{"policies", []string{"internal/casefile"}, []string{"gorm.io/", "github.com/gin-gonic/", "go.temporal.io/"}},
		{"internal/casefile", nil, []string{"."}},
		{"internal/calendar", nil, []string{"go.temporal.io/", "gorm.io/", "github.com/casbin/"}},
		// The rules of who may act where: pure, on the shared words and the
		// calendar; bcrypt (golang.org/x/crypto) is the one outside package,
		// so that the password rule and its hashing live in one place.
		{"internal/authority", []string{"internal/casefile", "internal/calendar"},
			[]string{"gorm.io/", "github.com/casbin/", "github.com/gin-gonic/", "go.temporal.io/", "github.com/xuri/", "github.com/jackc/", "github.com/glebarez/"}},
		// Persistence: it calls the rules, never the transport or the procedures.
		{"internal/store", []string{"internal/casefile", "internal/authority", "internal/calendar", "internal/sheet", "internal/redact", "policies"},
			[]string{"github.com/gin-gonic/", "go.temporal.io/"}},
		// Redaction of published text: the standard library only.
		{"internal/redact", nil, []string{"."}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", module+r.pkg).CombinedOutput()
		require.NoError(t, err, string(out))
		for _, dep := range strings.Fields(string(out)) {
			if dep == module+r.pkg {
				continue
			}
			if rest, ok := strings.CutPrefix(dep, module); ok {
				found := false
				for _, a := range r.allowed {
					found = found || rest == a
				}
				require.True(t, found, "%s must not depend on %s", r.pkg, rest)
				continue
			}
			for _, b := range r.banned {
				if b == "." {
					require.False(t, strings.Contains(strings.SplitN(dep, "/", 2)[0], "."), "%s must need only the standard library, not %s", r.pkg, dep)
					continue
				}
				require.False(t, strings.HasPrefix(dep, b), "%s must not link %s", r.pkg, dep)
			}
		}
	}
}
