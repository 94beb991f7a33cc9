// Command memprobe builds a site and writes a heap profile taken when the
// live heap was largest (a developer's tool for memory work).
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
	var best []byte
	var bestInuse uint64
	stop := make(chan bool)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(150 * time.Millisecond):
			}
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > bestInuse {
				var b bytes.Buffer
				pprof.Lookup("heap").WriteTo(&b, 0)
				best, bestInuse = b.Bytes(), m.HeapInuse
			}
		}
	}()
	_, _, err := build.Run(build.Options{Source: os.Args[1], Dest: os.Args[2]})
	close(stop)
	if err != nil {
		panic(err)
	}
	fmt.Println("largest heap in use MB", bestInuse>>20)
	os.WriteFile("/tmp/heap.prof", best, 0o644)
}
