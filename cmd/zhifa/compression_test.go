package main

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
)

// TestTheEngineOnThisMachineIsDialledWithoutGzip: compressing what never
// leaves the machine only spends CPU; across a network the SDK's gzip stays.
func TestTheEngineOnThisMachineIsDialledWithoutGzip(t *testing.T) {
	t.Parallel()
	for _, addr := range []string{"127.0.0.1:7233", "localhost:7233", "[::1]:7233", "127.0.0.2:17300"} {
		require.IsType(t, &client.GrpcCompressionNone{}, compression(addr), addr)
	}
	for _, addr := range []string{"temporal.internal:7233", "10.2.0.7:7233", "[2001:db8::1]:7233", "temporal"} {
		require.IsType(t, &client.GrpcCompressionGzip{}, compression(addr), addr)
	}
}
