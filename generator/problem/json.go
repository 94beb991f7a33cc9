package problem

import "encoding/json"

// jsonProblem is one problem as `gongshi check --format json` writes it.
// Every key is always present (empty string or 0 when it does not apply), so
// that a script can read the fields without testing for them.
type jsonProblem struct {
	Code     string `json:"code"`
	Severity string `json:"severity"` // "error" or "warning"
	File     string `json:"file"`
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Line     int    `json:"line"`
	Row      int    `json:"row"`
	Column   int    `json:"column"`
	Key      string `json:"key"`
	Value    string `json:"value"`
	Zh       string `json:"zh"`
	En       string `json:"en"`
}

type jsonReport struct {
	Problems []jsonProblem `json:"problems"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
}

// JSON returns every problem, sorted as Sorted sorts them, with the counts:
// {"problems": [{"code", "severity", "file", "sheet", "cell", "line", "row",
// "column", "key", "value", "zh", "en"}], "errors": N, "warnings": N}.
// Nothing is summarised: scripts get every problem.
func (l *List) JSON() ([]byte, error) {
	r := jsonReport{Problems: []jsonProblem{}, Errors: l.Errors(), Warnings: l.Warnings()}
	for _, p := range l.Sorted() {
		r.Problems = append(r.Problems, jsonProblem{
			Code: p.Code, Severity: p.Severity.String(), File: p.File, Sheet: p.Sheet, Cell: p.Cell,
			Line: p.Line, Row: p.Row, Column: p.Column, Key: p.Key, Value: p.Value, Zh: p.Zh, En: p.En,
		})
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
