package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/osarena/osarena/sim/scenario"
)

func runSim(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output `format`: json (the trace, DESIGN.md §3) or table (as drawn on paper)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: osarena sim [--format json|table] [scenario.json | -]")
		fmt.Fprintln(stderr, "Reads one scenario (from the file, or standard input when the file is - or absent),")
		fmt.Fprintf(stderr, "runs its simulator and prints the trace. Kinds: %s.\n", strings.Join(scenario.Kinds(), ", "))
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return usageError{err.Error()}
	}
	if *format != "json" && *format != "table" {
		return usageError{"--format must be json or table"}
	}
	if len(pos) > 1 {
		return usageError{"takes one scenario file"}
	}
	in := stdin
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return usageError{err.Error()}
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, scenario.MaxBytes+1))
	if err != nil {
		return usageError{"read scenario: " + err.Error()}
	}
	res, err := scenario.Run(data)
	if err != nil {
		return usageError{err.Error()}
	}
	if *format == "table" {
		return res.WriteTable(stdout)
	}
	out, err := json.Marshal(res)
	if err != nil {
		return err
	}
	_, err = stdout.Write(append(out, '\n'))
	return err
}
