package schema

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/data-reference.md")

const referencePath = "../../docs/data-reference.md"

// TestDataReference keeps docs/data-reference.md in step with the schema:
// it fails when a table or column changed and the file was not rewritten.
func TestDataReference(t *testing.T) {
	want := Reference()
	if *update {
		os.MkdirAll("../../docs", 0o755)
		if err := os.WriteFile(referencePath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(referencePath)
	if err != nil || string(got) != want {
		t.Fatalf("%s is out of date with the schema: go test ./generator/schema -run TestDataReference -update", referencePath)
	}
	// Every column is in it, with its key and label.
	for _, tb := range Tables {
		for _, f := range tb.Input() {
			if !strings.Contains(want, "| "+f.Label+" | `"+f.Key+"` |") {
				t.Errorf("reference lacks %s.%s", tb.Name, f.Key)
			}
		}
	}
}
