// Command memprobe builds a site (memprobe SOURCE DEST [INTERVAL]) and
// samples the live heap (runtime/metrics /gc/heap/live:bytes, after a
// forced collection) every INTERVAL (default 500ms), printing each sample
// with the build's progress. It writes to /tmp/heap.prof a heap profile
// taken when the live heap was largest: a developer's tool for memory work
// (go tool pprof -sample_index=inuse_space -top /tmp/heap.prof).
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"

	"gongshi/generator/build"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: memprobe SOURCE DEST [INTERVAL]")
		os.Exit(2)
	}
	interval := 500 * time.Millisecond
	if len(os.Args) > 3 {
		if d, err := time.ParseDuration(os.Args[3]); err == nil {
			interval = d
		}
	}
	var best []byte
	var bestLive uint64
	stop := make(chan bool)
	done := make(chan bool)
	start := time.Now()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(interval):
			}
			runtime.GC() // what is live, not what is garbage yet
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			fmt.Fprintf(os.Stderr, "memprobe %6.1f s live heap %5d MB\n", time.Since(start).Seconds(), live>>20)
			if live > bestLive {
				// The heap profile lags up to two collections behind:
				// two more make it show what is live now, not what
				// was allocated since.
				runtime.GC()
				runtime.GC()
				var b bytes.Buffer
				pprof.Lookup("heap").WriteTo(&b, 0)
				best, bestLive = b.Bytes(), live
			}
		}
	}()
	progress := func(done, total int) {
		if done%20000 == 0 || done == total {
			fmt.Fprintf(os.Stderr, "memprobe %6.1f s pages %d of %d\n", time.Since(start).Seconds(), done, total)
		}
	}
	// As gongshi build does: the problems are let go before writing.
	p, probs, err := build.Prepare(build.Options{Source: os.Args[1], Dest: os.Args[2], Progress: progress})
	fmt.Fprintf(os.Stderr, "memprobe %6.1f s checked: %d problems\n", time.Since(start).Seconds(), probs.Len())
	if err == nil {
		_, _, err = p.Write()
	}
	close(stop)
	<-done
	if err != nil {
		panic(err)
	}
	fmt.Println("largest live heap MB", bestLive>>20)
	os.WriteFile("/tmp/heap.prof", best, 0o644)
}
