package dataset

import "testing"

func TestTelURI(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"12380", "tel:12380"},
		{"0571-8888 1234", "tel:057188881234"},
		{"(0571) 8888-1234", "tel:057188881234"},
		{"+86 571 8888 1234", "tel:+8657188881234"},
		{"0571-88881234 转 5", "tel:057188881234;ext=5"},
		{"0571-88881234 ext. 12", "tel:057188881234;ext=12"},
		{"  010 6000 0000  ", "tel:01060000000"},
		{"工作日 9:00–17:00", "tel:9001700"}, // digits are digits: check warns about such a value
		{"", ""},
		{"无", ""},
		{"+", ""},
		{"转 5", "tel:5"}, // no number before 转: the digits are the number
	} {
		if got := TelURI(c.in); got != c.want {
			t.Errorf("TelURI(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAbsoluteURL(t *testing.T) {
	for base, want := range map[string]bool{
		"/": false, "/cwgk/": false, "https://www.example.gov.cn/cwgk/": true, "http://10.0.0.1/": true, "httpx/": false,
	} {
		s := Site{BaseURL: base}
		if got := s.AbsoluteURL(); got != want {
			t.Errorf("AbsoluteURL(%q) = %v, want %v", base, got, want)
		}
	}
}
