package site

import (
	"strings"

	"gongshi/generator/dataset"
)

// PublisherView is site.toml's [publisher] as the footer and the printed
// notice show it: what 《政府网站发展指引》 asks a government site to say
// about itself. Empty fields are left out of the page.
type PublisherView struct {
	Organiser   string // 主办单位
	Operator    string // 承办单位
	Address     string // 联系地址
	Phone       Tel    // 联系电话
	Supervision Tel    // 监督电话
	ICP         Link   // ICP备案号, linked to MIIT's record site
	Police      Link   // 公安机关备案号, linked to its record on the public-security record site
	SiteCode    string // 网站标识码
}

// Tel is a phone number as written, and its tel: link ("" when it has no
// digits to dial).
type Tel struct {
	Number string
	Href   string
}

// The record sites the ICP and public-security numbers link to. The MIIT
// site has no stable address per record (it is searched by the number);
// the public-security site takes the record's digits.
const (
	icpRecordSite    = "https://beian.miit.gov.cn/"
	policeRecordSite = "https://beian.mps.gov.cn/#/query/webSearch?code="
)

// publisherView prepares [publisher] for the page.
func publisherView(p dataset.Publisher) PublisherView {
	v := PublisherView{Organiser: p.Organiser, Operator: p.Operator, Address: p.Address, SiteCode: p.SiteCode,
		Phone: tel(p.Phone), Supervision: tel(p.SupervisionPhone)}
	if p.ICP != "" {
		v.ICP = Link{Label: p.ICP, Href: icpRecordSite}
	}
	if p.Police != "" {
		v.Police = Link{Label: p.Police, Href: policeRecordSite + digits(p.Police)}
	}
	return v
}

func tel(number string) Tel {
	return Tel{Number: strings.TrimSpace(number), Href: dataset.TelURI(number)}
}

// digits returns the ASCII digits of s: the number of a 公安备案 record
// ("京公网安备 11010502030143号" → 11010502030143).
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Empty reports whether site.toml gives no [publisher] field at all.
func (v PublisherView) Empty() bool { return v == PublisherView{} }
