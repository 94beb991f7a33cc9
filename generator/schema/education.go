package schema

// Educations are the education levels clerks usually write in the
// secretaries' education column, lowest first. The column is free text,
// not an enum: these are named in the site's language (English
// "Junior college" for 大专) and ordered on the education chart; any other
// value is shown as entered.
var Educations = EnumSet{
	{"初中及以下", "junior-high-or-below"}, {"初中", "junior-high"}, {"高中", "senior-high"},
	{"中专", "vocational-secondary"}, {"大专", "junior-college"}, {"本科", "bachelor"}, {"研究生", "postgraduate"},
}
