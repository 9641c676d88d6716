package main

import "github.com/spf13/cobra"

// adminCommand manages agencies, officers, certificates and power items.
func adminCommand() *cobra.Command {
	return &cobra.Command{Use: "admin", Short: "manage agencies, officers, certificates and power items"}
}
