package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Options sizes a run. Counts are requests (or cases) per phase.
type Options struct {
	// Workflows is how many bare workflows and filed cases the Updates and
	// acts go to, round robin; at least Clients/8 so that no workflow has
	// more than 8 Updates in flight (the engine allows 10).
	Workflows int `json:"workflows"`
	// Clients is the concurrent phases' number of clients.
	Clients int `json:"clients"`
	// Sequential is the number of Updates and acts sent one at a time.
	Sequential int `json:"sequential"`
	// Concurrent is the number of Updates and acts sent from Clients at once.
	Concurrent int `json:"concurrent"`
	// WholeCases is the number of whole cases walked at each concurrency
	// (1, 16 and Clients clients; the single client walks a sixth of them).
	WholeCases int `json:"whole_cases"`
	// Reads is the number of case reads and of overdue-list reads.
	Reads int `json:"reads"`
	// Deadlines is the number of generated deadline rows under the overdue list.
	Deadlines int `json:"deadlines"`
	// OpenCases is the number of cases opened before the memory is read again.
	OpenCases int `json:"open_cases"`
	// ProfileDir, if set, receives a CPU profile of each phase
	// (cpu-01.pprof … in the order of Run) and the live heap after the
	// memory phase (heap.pprof).
	ProfileDir string `json:"-"`
}

// Full is a full run's sizes; Quick a run of well under two minutes.
var (
	Full  = Options{Workflows: 64, Clients: 32, Sequential: 300, Concurrent: 1600, WholeCases: 96, Reads: 200, Deadlines: 200_000, OpenCases: 10_000}
	Quick = Options{Workflows: 32, Clients: 32, Sequential: 50, Concurrent: 256, WholeCases: 24, Reads: 50, Deadlines: 20_000, OpenCases: 200}
)

// Report is a run's figures and its checks against the targets.
type Report struct {
	Started  time.Time `json:"started"`
	Engine   string    `json:"engine"`
	Database string    `json:"database"`
	CPUs     int       `json:"cpus"`
	Options  Options   `json:"options"`

	BareSeq          Timing           `json:"bare_sequential"`
	BareSeqActivity  Timing           `json:"bare_sequential_activity"`
	BareConc         Timing           `json:"bare_concurrent"`
	BareConcActivity Timing           `json:"bare_concurrent_activity"`
	ActSeq           Timing           `json:"act_sequential"`
	ActConc          Timing           `json:"act_concurrent"`
	WholeCases1      WholeCasesResult `json:"whole_cases_1"`
	WholeCases16     WholeCasesResult `json:"whole_cases_16"`
	WholeCasesConc   WholeCasesResult `json:"whole_cases_concurrent"`
	CaseRead         Timing           `json:"case_read"`
	Overdue          OverdueResult    `json:"overdue_list"`
	OpenCases        Timing           `json:"open_cases"`
	RSSIdleMiB       float64          `json:"rss_idle_mib"`
	RSSBeforeOpenMiB float64          `json:"rss_before_open_mib"`
	RSSAfterOpenMiB  float64          `json:"rss_after_open_mib"`
	RSSSource        string           `json:"rss_source"`
	MemoryIdle       Memory           `json:"memory_idle"`
	MemoryBefore     Memory           `json:"memory_before_open"`
	MemoryAfter      Memory           `json:"memory_after_open"`
	Checks           []Check          `json:"checks"`
	ElapsedS         float64          `json:"elapsed_s"`
	Note             string           `json:"note,omitempty"`
}

// Check is one figure against its target.
type Check struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Target string  `json:"target"`
	Met    bool    `json:"met"`
}

// Run prepares the runner and measures every phase in order, logging its
// progress to log: the bare engine first, then Zhifa's acts, whole cases,
// case reads, memory with OpenCases more cases open, and the overdue list
// over Deadlines generated rows (last: the rows stay in the database).
func Run(ctx context.Context, t Target, o Options, log io.Writer) (*Report, error) {
	start := time.Now()
	rep := &Report{Started: start.UTC(), Database: t.Store.Dialect(), CPUs: runtime.NumCPU(), Options: o, RSSSource: "/proc/self/status VmRSS"}
	rep.RSSIdleMiB, rep.MemoryIdle = rssMiB(), readMemory()
	step := func(what string) { fmt.Fprintf(log, "%s  %s\n", time.Now().Format("15:04:05"), what) }

	step(fmt.Sprintf("preparing %d bare workflows and %d filed cases", o.Workflows, o.Workflows))
	r, err := Prepare(ctx, t, o.Workflows)
	if err != nil {
		return nil, err
	}
	defer r.Close()

	// warm, before a phase and untimed, sends one Update to each of a
	// phase's workflows: the worker keeps only so many workflows in memory
	// (ZHIFA_WORKFLOW_CACHE, for the bare workflows and the cases alike, as
	// they share this process), and a phase measures them kept, not loaded
	// from their histories.
	phases := []struct {
		what string
		warm func(context.Context) error
		run  func() error
	}{
		{"bare engine: sequential Updates", r.WarmBare, func() (err error) { rep.BareSeq, err = r.Bare(ctx, 1, o.Sequential, false); return }},
		{"bare engine: sequential Updates with an activity", nil, func() (err error) {
			rep.BareSeqActivity, err = r.Bare(ctx, 1, o.Sequential, true)
			return
		}},
		{fmt.Sprintf("bare engine: Updates from %d clients", o.Clients), nil, func() (err error) {
			rep.BareConc, err = r.Bare(ctx, o.Clients, o.Concurrent, false)
			return
		}},
		{fmt.Sprintf("bare engine: Updates with an activity from %d clients", o.Clients), nil, func() (err error) {
			rep.BareConcActivity, err = r.Bare(ctx, o.Clients, o.Concurrent, true)
			return
		}},
		{"acts: sequential", r.WarmCases, func() (err error) { rep.ActSeq, err = r.Acts(ctx, 1, o.Sequential); return }},
		{fmt.Sprintf("acts: from %d clients", o.Clients), nil, func() (err error) { rep.ActConc, err = r.Acts(ctx, o.Clients, o.Concurrent); return }},
		{"whole cases: 1 client", nil, func() (err error) { rep.WholeCases1, err = r.WholeCases(ctx, 1, max(1, o.WholeCases/6)); return }},
		{"whole cases: 16 clients", nil, func() (err error) { rep.WholeCases16, err = r.WholeCases(ctx, 16, o.WholeCases); return }},
		{fmt.Sprintf("whole cases: %d clients", o.Clients), nil, func() (err error) {
			rep.WholeCasesConc, err = r.WholeCases(ctx, o.Clients, o.WholeCases)
			return
		}},
		{"case reads", nil, func() (err error) { rep.CaseRead, err = r.CaseReads(ctx, o.Reads); return }},
		{fmt.Sprintf("memory: opening %d cases", o.OpenCases), nil, func() (err error) {
			rep.RSSBeforeOpenMiB, rep.MemoryBefore = rssMiB(), readMemory()
			rep.OpenCases, err = r.OpenCases(ctx, o.Clients, o.OpenCases)
			rep.RSSAfterOpenMiB, rep.MemoryAfter = rssMiB(), readMemory()
			if err == nil && o.ProfileDir != "" {
				err = writeHeapProfile(filepath.Join(o.ProfileDir, "heap.pprof"))
			}
			return
		}},
		{fmt.Sprintf("overdue list: generating %d deadline rows, then reading", o.Deadlines), nil, func() (err error) {
			rep.Overdue, err = r.OverdueList(ctx, o.Deadlines, o.Reads)
			return
		}},
	}
	for i, p := range phases {
		if p.warm != nil {
			if err := p.warm(ctx); err != nil {
				return rep, fmt.Errorf("%s: %w", p.what, err)
			}
		}
		step(p.what)
		stop, err := startCPUProfile(o.ProfileDir, i+1)
		if err != nil {
			return rep, err
		}
		err = p.run()
		if perr := stop(); err == nil {
			err = perr
		}
		if err != nil {
			return rep, fmt.Errorf("%s: %w", p.what, err)
		}
	}
	rep.Checks = checks(rep)
	rep.ElapsedS = time.Since(start).Seconds()
	return rep, nil
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// checks compares the figures with the targets of docs/performance.md.
func checks(r *Report) []Check {
	overdue := fmt.Sprintf("< 20 ms at 1,000,000 rows (here %d)", r.Overdue.Rows)
	return []Check{
		{"act/bare throughput, sequential", ratio(r.ActSeq.PerSec, r.BareSeq.PerSec), "×", "≥ 0.70", ratio(r.ActSeq.PerSec, r.BareSeq.PerSec) >= 0.70},
		{fmt.Sprintf("act/bare throughput, %d clients", r.Options.Clients), ratio(r.ActConc.PerSec, r.BareConc.PerSec), "×", "≥ 0.70", ratio(r.ActConc.PerSec, r.BareConc.PerSec) >= 0.70},
		{fmt.Sprintf("act p99 / bare p99, %d clients", r.Options.Clients), ratio(r.ActConc.P99MS, r.BareConc.P99MS), "×", "≤ 1.5", ratio(r.ActConc.P99MS, r.BareConc.P99MS) <= 1.5},
		{"act p99, one client", r.ActSeq.P99MS, "ms", "< 40", r.ActSeq.P99MS < 40},
		{"whole cases, 16 clients", r.WholeCases16.CasesPerS, "cases/s", "≥ 10", r.WholeCases16.CasesPerS >= 10},
		{"POST /cases p99 / act p99, 16 clients", ratio(r.WholeCases16.OpenP99MS, r.WholeCases16.ActP99MS), "×", "≤ 2", ratio(r.WholeCases16.OpenP99MS, r.WholeCases16.ActP99MS) <= 2},
		{"overdue list p99, first page", r.Overdue.FirstP99MS, "ms", overdue, r.Overdue.FirstP99MS < 20},
		{"overdue list p99, next page", r.Overdue.NextP99MS, "ms", overdue, r.Overdue.NextP99MS < 20},
		{fmt.Sprintf("RSS with %d more cases open", r.OpenCases.Count), r.RSSAfterOpenMiB, "MiB", "< 200 with 10,000", r.RSSAfterOpenMiB < 200},
	}
}

// startCPUProfile profiles the CPU into dir/cpu-<phase>.pprof until the
// returned stop is called; with no dir it does nothing.
func startCPUProfile(dir string, phase int) (stop func() error, err error) {
	if dir == "" {
		return func() error { return nil }, nil
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%02d.pprof", phase)))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() error { pprof.StopCPUProfile(); return f.Close() }, nil
}

// writeHeapProfile writes the live heap, after a collection, to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// rssMiB is this process's resident memory, or 0 where /proc is missing.
func rssMiB() float64 { return procStatusMiB("VmRSS") }

// procStatusMiB is one "kB" line of /proc/self/status in MiB, or 0.
func procStatusMiB(key string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// Memory is where the resident memory is: anonymous (heap, stacks, the C
// allocations of SQLite) against file-backed (the program's own pages),
// and of the Go runtime's share: the heap the last collection found live,
// the heap in use (live plus garbage not yet collected), goroutine stacks.
type Memory struct {
	RSSAnonMiB   float64 `json:"rss_anon_mib"`
	RSSFileMiB   float64 `json:"rss_file_mib"`
	HeapLiveMiB  float64 `json:"heap_live_mib"`
	HeapInuseMiB float64 `json:"heap_inuse_mib"`
	StacksMiB    float64 `json:"stacks_mib"`
	GoSysMiB     float64 `json:"go_sys_mib"`
	Goroutines   int     `json:"goroutines"`
}

func readMemory() Memory {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}} // marked live by the last collection
	metrics.Read(live)
	const mib = 1 << 20
	return Memory{
		RSSAnonMiB: procStatusMiB("RssAnon"), RSSFileMiB: procStatusMiB("RssFile"),
		HeapLiveMiB: float64(live[0].Value.Uint64()) / mib, HeapInuseMiB: float64(ms.HeapInuse) / mib,
		StacksMiB: float64(ms.StackInuse) / mib, GoSysMiB: float64(ms.Sys) / mib,
		Goroutines: runtime.NumGoroutine(),
	}
}

// Print writes the report as two tables: the figures, then the checks.
func (r *Report) Print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nZhifa bench  %s  engine %s, database %s, %d CPUs, %.0f s\n\n", r.Started.Format(time.RFC3339), r.Engine, r.Database, r.CPUs, r.ElapsedS)
	fmt.Fprintln(tw, "measure\tclients\tcount\trate /s\tp50 ms\tp99 ms")
	for _, m := range []struct {
		name string
		t    Timing
	}{
		{"bare Update", r.BareSeq}, {"bare Update + activity", r.BareSeqActivity},
		{"bare Update", r.BareConc}, {"bare Update + activity", r.BareConcActivity},
		{"act (record-evidence)", r.ActSeq}, {"act (record-evidence)", r.ActConc},
		{"case read (GET /cases/{id})", r.CaseRead}, {"open case (memory phase)", r.OpenCases},
	} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.1f\t%.1f\n", m.name, m.t.Clients, m.t.Count, m.t.PerSec, m.t.P50MS, m.t.P99MS)
	}
	fmt.Fprintln(tw, "\nwhole cases\tclients\tcases\tcases/s\topen p50/p99 ms\tact p50/p99 ms")
	for _, c := range []WholeCasesResult{r.WholeCases1, r.WholeCases16, r.WholeCasesConc} {
		fmt.Fprintf(tw, "\t%d\t%d\t%.1f\t%.0f / %.0f\t%.0f / %.0f\n", c.Clients, c.Cases, c.CasesPerS, c.OpenP50MS, c.OpenP99MS, c.ActP50MS, c.ActP99MS)
	}
	o := r.Overdue
	fmt.Fprintf(tw, "\noverdue list\t%d rows (generated in %.1f s), total %d%s\tfirst page p50 %.1f / p99 %.1f ms\tnext page p50 %.1f / p99 %.1f ms\n",
		o.Rows, o.GenerateS, o.Total, map[bool]string{true: "+"}[o.TotalCapped], o.FirstP50MS, o.FirstP99MS, o.NextP50MS, o.NextP99MS)
	fmt.Fprintf(tw, "memory (%s)\tidle %.0f MiB\tbefore opening %.0f MiB\tafter opening %d cases %.0f MiB\n",
		r.RSSSource, r.RSSIdleMiB, r.RSSBeforeOpenMiB, r.OpenCases.Count, r.RSSAfterOpenMiB)
	for _, m := range []struct {
		when string
		m    Memory
	}{{"idle", r.MemoryIdle}, {"before opening", r.MemoryBefore}, {"after opening", r.MemoryAfter}} {
		fmt.Fprintf(tw, "memory %s\tanon %.0f MiB, file %.0f MiB\tGo heap %.0f live / %.0f in use, stacks %.0f, from the OS %.0f MiB\t%d goroutines\n",
			m.when, m.m.RSSAnonMiB, m.m.RSSFileMiB, m.m.HeapLiveMiB, m.m.HeapInuseMiB, m.m.StacksMiB, m.m.GoSysMiB, m.m.Goroutines)
	}
	fmt.Fprintln(tw, "\ncheck\tvalue\ttarget\tmet")
	for _, c := range r.Checks {
		fmt.Fprintf(tw, "%s\t%.2f %s\t%s\t%s\n", c.Name, c.Value, c.Unit, c.Target, map[bool]string{true: "yes", false: "NO"}[c.Met])
	}
	if r.Note != "" {
		fmt.Fprintf(tw, "\n%s\n", r.Note)
	}
	tw.Flush()
}
