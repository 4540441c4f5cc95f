// Command osarena is OS Arena's command line: it runs a simulator on a
// scenario (sim) and prints its version (version). Each subcommand turns its
// flags into calls to the packages that do the work; there is no logic here.
//
// Exit status: 0 on success, 2 on bad input or usage (with one line on
// standard error naming the problem), 1 when writing the output fails.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand: run parses args and does the work.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the client and run live matches (WebSocket, /healthz, /metrics)", runServe},
		{"sim", "run a simulator on a scenario and print its trace", runSim},
		{"bots", "headless players against a local server: latency, messages, errors", runBots},
		{"quiz", "practise in the terminal: questions, explanations, a score per topic", runQuiz},
		{"version", "print the program, simulator and scenario versions", runVersion},
	}
}

// usageError is bad input or usage: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdin, stdout, stderr)
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "osarena %s: %s\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(stderr, "osarena %s: %s\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "osarena: unknown command %q (try osarena help)\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: osarena <command> [flags]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run osarena <command> -h for a command's flags.")
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as in `osarena sim file.json --format table`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
