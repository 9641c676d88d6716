package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zhifa/zhifa/internal/config"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// policyCommand manages the permission lines kept in the database.
func policyCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "policy", Short: "permission lines kept in the database"}
	cfg := config.Bind(cmd.PersistentFlags())
	sync := &cobra.Command{
		Use:   "sync",
		Short: "add the lines of policy.csv the database lacks (audited); lines only in the database are listed, not removed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			declareActs()
			added, kept, err := policies.Sync(cmd.Context(), st)
			if err != nil {
				return err
			}
			for _, r := range added {
				fmt.Println("added", r)
			}
			for _, r := range kept {
				fmt.Println("kept (only in the database)", r)
			}
			fmt.Printf("%d added, %d kept\n", len(added), len(kept))
			return nil
		},
	}
	cmd.AddCommand(sync)
	return cmd
}

// declareActs tells policies the acts of the case procedures, so that the
// permission lines naming them load; every command that reads permission
// lines calls it first.
func declareActs() { policies.DeclareActs(workflows.Acts()) }
