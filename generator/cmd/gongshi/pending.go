package main

import (
	"flag"
	"fmt"
	"io"
)

// Commands still being written in this change; replaced before it lands.
func pending(name string) command {
	return command{name: name, summary: "(pending)", run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
		fmt.Fprintln(errOut, "not yet")
		return exitFailure
	}}
}
func serveCommand() command  { return pending("serve") }
func newCommand() command    { return pending("new") }
func sampleCommand() command { return pending("sample") }
