package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"cloud.google.com/go/civil"
	"github.com/spf13/cobra"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/config"
)

// calendarCommand is the working-day calendar on the command line. It reads
// the calendar kept in the database (loaded from the embedded table on first
// use). Bad dates and dates outside the loaded years exit with status 2.
func calendarCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "calendar", Short: "working days and holidays (Asia/Shanghai)"}
	cfg := config.Bind(cmd.PersistentFlags())
	load := func(cmd *cobra.Command) (*calendar.Calendar, error) {
		st, err := adminStore(cmd, cfg)
		if err != nil {
			return nil, err
		}
		defer st.Close()
		return st.Calendar(cmd.Context())
	}
	dateAndCount := func(args []string) (d civil.Date, n int, err error) {
		if d, err = calendar.ParseDate(args[0]); err != nil {
			return d, 0, usageError{err}
		}
		if n, err = strconv.Atoi(args[1]); err != nil {
			return d, 0, usageError{fmt.Errorf("count %q: want a whole number", args[1])}
		}
		return d, n, nil
	}
	asUsage := func(err error) error {
		if errors.Is(err, calendar.ErrYearNotLoaded) || errors.Is(err, calendar.ErrInvalidDate) {
			return usageError{err}
		}
		return err
	}

	addWorkdays := &cobra.Command{
		Use: "add-workdays DATE N", Short: "the N-th working day after DATE (PL 85; CL 69)", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, n, err := dateAndCount(args)
			if err != nil {
				return err
			}
			cal, err := load(cmd)
			if err != nil {
				return err
			}
			due, err := cal.AddWorkdays(d, n)
			if err != nil {
				return asUsage(err)
			}
			fmt.Println(due)
			return nil
		},
	}
	addDays := &cobra.Command{
		Use: "add-days DATE N", Short: "a calendar-day period: DATE + N days, rolled forward past holidays and weekends (SAMR 80)", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, n, err := dateAndCount(args)
			if err != nil {
				return err
			}
			cal, err := load(cmd)
			if err != nil {
				return err
			}
			due, err := cal.AddDays(d, n)
			if err != nil {
				return asUsage(err)
			}
			fmt.Println(due)
			return nil
		},
	}
	isWorkday := &cobra.Command{
		Use: "is-workday DATE", Short: "prints workday, weekend, holiday or makeup-workday", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := calendar.ParseDate(args[0])
			if err != nil {
				return usageError{err}
			}
			cal, err := load(cmd)
			if err != nil {
				return err
			}
			k, err := cal.Kind(d)
			if err != nil {
				return asUsage(err)
			}
			fmt.Println(k)
			return nil
		},
	}
	importCmd := &cobra.Command{
		Use: "import FILE", Short: "replace the holiday arrangement of the years in FILE (CSV: date,kind,name,source)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return usageError{err}
			}
			defer f.Close()
			entries, years, err := calendar.ParseCSV(f)
			if err != nil {
				return usageError{err}
			}
			st, err := adminStore(cmd, cfg)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.ImportCalendar(cmd.Context(), entries, years); err != nil {
				return usageError{err}
			}
			fmt.Printf("imported %d days for %v\n", len(entries), years)
			return nil
		},
	}
	export := &cobra.Command{
		Use: "export", Short: "write the calendar held in the database as CSV", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cal, err := load(cmd)
			if err != nil {
				return err
			}
			return calendar.WriteCSV(os.Stdout, cal.Entries())
		},
	}
	cmd.AddCommand(addWorkdays, addDays, isWorkday, importCmd, export)
	return cmd
}
