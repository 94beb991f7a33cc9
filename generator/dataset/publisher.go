package dataset

import "strings"

// Publisher is site.toml's [publisher]: what 《政府网站发展指引》 (国办发〔2017〕
// 47号) asks every government site to show (主办单位, 联系方式, ICP备案号,
// 公安机关备案号, 网站标识码), shown in every page's footer and on the
// printed notice. Every field is optional; an empty one is left out.
type Publisher struct {
	Organiser        string `toml:"organiser"`         // 主办单位
	Operator         string `toml:"operator"`          // 承办单位
	Phone            string `toml:"phone"`             // 联系电话
	Address          string `toml:"address"`           // 联系地址
	SupervisionPhone string `toml:"supervision_phone"` // 监督电话, printed on every village notice
	ICP              string `toml:"icp"`               // ICP备案号
	Police           string `toml:"police"`            // 公安机关备案号
	SiteCode         string `toml:"site_code"`         // 网站标识码
}

// Notice is site.toml's [notice]: how the printed village notice is posted.
type Notice struct {
	Days int `toml:"days"` // 公示期 in days (default DefaultNoticeDays)
}

// SampleCounty is the county of the fictional site that gongshi new and
// gongshi sample write: a site of another county whose settings still name
// it has kept the example's.
const SampleCounty = "示范县"

// DefaultNoticeDays is the display period when site.toml gives none: the
// five working days a 公示 commonly lasts, as a week on the board.
const DefaultNoticeDays = 7

// AbsoluteURL reports whether base_url is a whole http(s) address. Only then
// can a page know its own address: the QR code on the printed notice, the
// canonical link and full sitemap addresses need one. Any other base_url
// (the default "/") still works for every link, which are all relative.
func (s *Site) AbsoluteURL() bool {
	return strings.HasPrefix(s.BaseURL, "https://") || strings.HasPrefix(s.BaseURL, "http://")
}

// TelURI returns the tel: link (RFC 3966) of a phone number as written:
// its digits, a leading + kept, and an extension after 转, "ext" or "x" as
// ";ext=": "0571-8888 1234 转 5" → "tel:057188881234;ext=5". It returns ""
// when the number has no digit.
func TelURI(phone string) string {
	var num, ext strings.Builder
	cur := &num
	for i, r := range strings.TrimSpace(phone) {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r == '+' && i == 0:
			cur.WriteRune(r)
		case r == ExtensionMark || r == 'x' || r == 'X':
			if num.Len() > 0 {
				cur = &ext
			}
		}
	}
	n := strings.TrimPrefix(num.String(), "+")
	if n == "" {
		return ""
	}
	uri := "tel:" + num.String()
	if ext.Len() > 0 {
		uri += ";ext=" + ext.String()
	}
	return uri
}

// ExtensionMark is how Chinese phone numbers write an extension: 转 (transfer to).
const ExtensionMark = '转'
