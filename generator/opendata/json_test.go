package opendata

import (
	"encoding/json"
	"testing"
)

// TestAppendString: the hand-written JSON string encoder gives valid JSON
// that decodes to the same text.
func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"", "村道硬化，宽4.5米", `引号"和\反斜杠`, "换行\n回车\r制表\t", "\x00\x01\x1f\x7f",
		"</script>&<>", "line\u2028sep\u2029para", "😀 emoji", "=1+1",
	} {
		b := appendString(nil, s)
		var got string
		if err := json.Unmarshal(b, &got); err != nil {
			t.Errorf("%q → %s: %v", s, b, err)
			continue
		}
		if got != s {
			t.Errorf("%q → %s → %q", s, b, got)
		}
	}
	if got := string(appendString(nil, "a\u2028b")); got != `"a\u2028b"` {
		t.Errorf("U+2028 not escaped: %s", got)
	}
	if got := string(appendString(nil, "a\xffb")); got != `"a\ufffdb"` {
		t.Errorf("invalid UTF-8: %s", got)
	}
}
