package main

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/config"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/internal/store"
)

// adminCommand manages agencies, officers, certificates and power items from
// the command line, as the operator: no policy check, the changes recorded
// as made by "cli:<user>". A refused import prints every row error and
// exits with status 2, having written nothing. Roles an import assigns reach
// running API processes through the policy version they poll.
func adminCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "admin", Short: "manage agencies, officers, certificates and power items"}
	cfg := config.Bind(cmd.PersistentFlags())
	readTable := func(path string) (sheet.Table, error) {
		f, err := os.Open(path)
		if err != nil {
			return sheet.Table{}, usageError{err}
		}
		defer f.Close()
		t, err := sheet.Read(path, f)
		if errors.Is(err, sheet.ErrFormat) {
			return t, usageError{err}
		}
		return t, err
	}
	// refused reports a refused import or change as bad input: exit status 2.
	refused := func(err error) error {
		var ie *store.ImportError
		var r *store.Refusal
		switch {
		case errors.As(err, &ie):
			for _, row := range ie.Rows {
				fmt.Fprintf(os.Stderr, "row %d, column %s: %s\n", row.Row, row.Column, row.Message)
			}
			return usageError{fmt.Errorf("%d errors, nothing imported", len(ie.Rows))}
		case errors.As(err, &r):
			return usageError{fmt.Errorf("%s / %s", r.Zh, r.En)}
		case errors.Is(err, store.ErrNotFound):
			return usageError{err}
		}
		return err
	}

	importOfficers := &cobra.Command{
		Use:   "import-officers FILE",
		Short: "import officers, roles and certificates from a .csv or .xlsx file (columns: " + strings.Join(authority.OfficerHeader, ",") + ")",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := readTable(args[0])
			if err != nil {
				return err
			}
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.ImportOfficers(cmd.Context(), t, store.ImportOptions{By: cliActor()})
			if err != nil {
				return refused(err)
			}
			if res.RolesAssigned > 0 {
				if _, err := st.BumpPolicyVersion(cmd.Context()); err != nil {
					return fmt.Errorf("roles imported, but running API processes were not told: %w", err)
				}
			}
			fmt.Printf("imported %d rows: %d officers created, %d roles assigned, %d certificates created, %d certificates updated\n",
				len(t.Rows), res.OfficersCreated, res.RolesAssigned, res.CertificatesCreated, res.CertificatesUpdated)
			return nil
		},
	}

	var listAgency string
	importPowerItems := &cobra.Command{
		Use:   "import-power-items FILE",
		Short: "import a power list from a .csv or .xlsx file (columns: " + strings.Join(authority.PowerItemHeader, ",") + ")",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := readTable(args[0])
			if err != nil {
				return err
			}
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.ImportPowerItems(cmd.Context(), t, store.ImportOptions{By: cliActor(), DefaultAgencyID: listAgency})
			if err != nil {
				return refused(err)
			}
			fmt.Printf("imported %d rows: %d items created, %d items updated, %d changes added, %d unchanged\n",
				len(t.Rows), res.ItemsCreated, res.ItemsUpdated, res.ChangesAdded, res.Unchanged)
			return nil
		},
	}
	importPowerItems.Flags().StringVar(&listAgency, "agency", "", "agency whose power list new items go on when a row names none (empty: every agency's)")

	var reason string
	suspend := &cobra.Command{
		Use:   "suspend-certificate NUMBER",
		Short: "suspend an enforcement certificate (暂扣执法证); its holder cannot act from the next request on",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(reason) == "" {
				return usageError{errors.New("--reason is required")}
			}
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := st.ChangeCertificateStatus(cmd.Context(), args[0], store.CertSuspended, strings.TrimSpace(reason), cliActor())
			if err != nil {
				return refused(err)
			}
			fmt.Printf("certificate %s of %s: %s\n", c.Number, c.OfficerID, c.Status)
			return nil
		},
	}
	suspend.Flags().StringVar(&reason, "reason", "", "why (recorded in the certificate's history)")

	list := &cobra.Command{
		Use:   "list-power-items",
		Short: "print the power list with each item's status and levels as of today",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			items, err := st.PowerItems(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "CODE\tSTATUS\tKIND\tFIELD\tLEVELS\tLIST\tNAME")
			for _, it := range items {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it.Code, it.Status, it.Kind, it.Field, strings.Join(it.Levels, ","), it.AgencyID, it.Name)
			}
			return w.Flush()
		},
	}

	cmd.AddCommand(importOfficers, importPowerItems, suspend, list)
	return cmd
}

// cliActor is who the history tables name for a change made here.
func cliActor() store.Actor {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return store.Actor{ID: "cli:" + name, Name: "命令行 " + name}
}
