// Command memprobe builds a site (memprobe SOURCE DEST) and writes to
// /tmp/heap.prof a heap profile taken when the live heap was largest,
// sampled twice a second after a collection: a developer's tool for memory
// work (go tool pprof -sample_index=inuse_space -top /tmp/heap.prof).
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"gongshi/generator/build"
)

func main() {
	interval := 500 * time.Millisecond
	if len(os.Args) > 3 {
		if d, err := time.ParseDuration(os.Args[3]); err == nil {
			interval = d
		}
	}
	var best []byte
	var bestInuse uint64
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(interval):
			}
			runtime.GC() // what is live, not what is garbage yet
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > bestInuse {
				var b bytes.Buffer
				pprof.Lookup("heap").WriteTo(&b, 0)
				best, bestInuse = b.Bytes(), m.HeapAlloc
			}
		}
	}()
	_, _, err := build.Run(build.Options{Source: os.Args[1], Dest: os.Args[2]})
	close(stop)
	if err != nil {
		panic(err)
	}
	fmt.Println("largest live heap MB", bestInuse>>20)
	os.WriteFile("/tmp/heap.prof", best, 0o644)
}
