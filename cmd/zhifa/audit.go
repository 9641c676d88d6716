package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"
	"go.temporal.io/sdk/client"

	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/config"
	"github.com/zhifa/zhifa/internal/dossier"
	"github.com/zhifa/zhifa/internal/store"
)

// engineOff is the --engine value that skips asking the workflows.
const engineOff = "off"

// dialTimeout bounds connecting to the engine: a check of the stored
// records need not wait long for an engine that is not there.
const dialTimeout = 5 * time.Second

// auditCommand checks the cases' records (执法全过程记录). verify walks each
// case's hash chain in the database and, where the case's workflow still
// runs, compares the head the workflow holds; it prints a line per broken
// case and a total, and exits with status 1 if any record is broken. With
// --file it checks an exported case file (案卷 ZIP) instead, offline,
// without the database.
func auditCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "audit", Short: "check the cases' records"}
	cfg := config.Bind(cmd.PersistentFlags())
	var caseID, engineAddr, file string
	verify := &cobra.Command{
		Use:   "verify",
		Short: "check every case's record hash chain, or one case's, or an exported case file; exit status 1 if any is broken",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if file != "" {
				if caseID != "" {
					return usageError{errors.New("--file checks the case file alone: give --case or --file, not both")}
				}
				return verifyCaseFile(cmd.OutOrStdout(), file)
			}
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			heads, closeEngine, note := dialEngine(cmd.Context(), cfg, engineAddr)
			defer closeEngine()
			if note != "" {
				fmt.Fprintln(errOut, "note:", note)
			}

			var cases, events, broken, compared int
			check := func(r store.ChainReport) error {
				cases++
				events += r.Events
				if r.WorkflowHeadChecked {
					compared++
				}
				if r.HeadUnchecked != "" {
					fmt.Fprintf(errOut, "note: case %s: its workflow's head was not compared: %s\n", r.CaseID, r.HeadUnchecked)
				}
				switch {
				case !r.Intact:
					broken++
					fmt.Fprintf(out, "broken  %s (case %s): event %d: %s: %s\n", r.Number, r.CaseID, r.FirstBreak.Seq, r.FirstBreak.Problem, r.FirstBreak.Detail)
				case caseID != "":
					fmt.Fprintf(out, "intact  %s (case %s): %d events\n", r.Number, r.CaseID, r.Events)
				}
				return nil
			}
			if caseID != "" {
				r, err := st.VerifyRecord(cmd.Context(), caseID, heads)
				if errors.Is(err, store.ErrNotFound) {
					return usageError{fmt.Errorf("no case %s", caseID)}
				} else if err != nil {
					return err
				}
				_ = check(r)
			} else if err := st.VerifyRecords(cmd.Context(), heads, check); err != nil {
				return err
			}
			fmt.Fprintf(out, "%d cases, %d events checked, %d running workflows' heads compared: %d broken\n", cases, events, compared, broken)
			if broken > 0 {
				return fmt.Errorf("%d of %d case records broken", broken, cases)
			}
			return nil
		},
	}
	verify.Flags().StringVar(&caseID, "case", "", "check only this case (its ID)")
	verify.Flags().StringVar(&file, "file", "", "check this case file (the ZIP of GET /api/v1/cases/{id}/casefile.zip) offline, without the database")
	verify.Flags().StringVar(&engineAddr, "engine", "", "host:port of the Temporal frontend whose running workflows to compare; default the configured temporal address, or the embedded engine of `zhifa serve` on this machine; \"off\" compares none")
	cmd.AddCommand(verify)
	return cmd
}

// verifyCaseFile checks an exported case file offline (dossier.Verify) and
// prints what it found: one line when it is intact, else the record's
// first broken link and each file that is wrong, and an error (exit
// status 1).
func verifyCaseFile(out io.Writer, path string) error {
	rep, err := dossier.VerifyFile(path)
	if err != nil {
		return err
	}
	c := rep.Case
	if rep.Intact {
		fmt.Fprintf(out, "案卷完整 / case file intact  %s (case %s): %d events chained, %d files match the index\n", c.Number, c.ID, rep.Events, rep.Files)
		return nil
	}
	fmt.Fprintf(out, "案卷已损坏 / case file broken  %s (case %s):\n", c.Number, c.ID)
	if b := rep.FirstBreak; b != nil {
		fmt.Fprintf(out, "  %s: event %d: %s: %s\n", dossier.RecordPath, b.Seq, b.Problem, b.Detail)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(out, "  %s: %s: %s\n", p.Path, p.Kind, p.Detail)
	}
	n := len(rep.Problems)
	if rep.FirstBreak != nil {
		n++
	}
	return fmt.Errorf("case file %s broken: %d problems", path, n)
}

// dialEngine connects to the engine the running workflows are on. Without
// one it returns no HeadSource and a note saying why: the stored records
// are checked all the same.
func dialEngine(ctx context.Context, cfg *config.Config, addr string) (store.HeadSource, func(), string) {
	if addr == engineOff {
		return nil, func() {}, "--engine off: running workflows' heads not compared"
	}
	if addr == "" {
		addr = cfg.TemporalAddress
	}
	if addr == "" {
		addr = "127.0.0.1:" + strconv.Itoa(cfg.TemporalPort) // where serve's embedded engine listens
	}
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	tc, err := client.DialContext(ctx, client.Options{HostPort: addr, Namespace: cfg.TemporalNamespace, Logger: quietLogger()})
	if err != nil {
		return nil, func() {}, fmt.Sprintf("no workflow engine answered at %s (%v): running workflows' heads not compared", addr, err)
	}
	return api.WorkflowHeads{Temporal: tc}, tc.Close, ""
}
