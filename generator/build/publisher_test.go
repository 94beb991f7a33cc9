package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublisher: site.toml's [publisher] is in every page's footer, as a
// government site must show it (主办单位, 承办单位, phone numbers a phone can
// dial, the ICP and 公安 records linked to their record sites, 网站标识码), and
// on the village page and its printed notice the supervision phone; an empty
// key is left out; [notice] days sets the printed period.
func TestPublisher(t *testing.T) {
	src := baseSite(t)
	f, err := os.OpenFile(filepath.Join(src, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString(`
[publisher]
organiser = "中共测试县委组织部"
operator = ""
phone = "0571-8888 1234 转 5"
address = "测试县人民路1号"
supervision_phone = "12380"
icp = "测ICP备00000001号-1"
police = "测公网安备 33000000000001号"
site_code = "0000000001"

[notice]
days = 5
`)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	footer := []string{
		"<div><dt>主办单位：</dt><dd>中共测试县委组织部</dd></div>",
		`<div><dt>联系电话：</dt><dd><a class="tel" href="tel:057188881234;ext=5">0571-8888 1234 转 5</a></dd></div>`,
		`<div><dt>监督电话：</dt><dd><a class="tel" href="tel:12380">12380</a></dd></div>`,
		"<div><dt>联系地址：</dt><dd>测试县人民路1号</dd></div>",
		"<div><dt>网站标识码：</dt><dd>0000000001</dd></div>",
		`<a href="https://beian.miit.gov.cn/" rel="external noopener">测ICP备00000001号-1</a>`,
		`<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33000000000001" rel="external noopener">测公网安备 33000000000001号</a>`,
	}
	for _, page := range []string{"index.html", "villages/V1/index.html", "pledges/P1/index.html", "404.html"} {
		html := readFile(t, dest, page)
		for _, w := range footer {
			if !strings.Contains(html, w) {
				t.Errorf("%s: footer lacks %s", page, w)
			}
		}
		if strings.Contains(html, "承办单位") {
			t.Errorf("%s: shows the empty 承办单位", page)
		}
	}
	village := readFile(t, dest, "villages/V1/index.html")
	for _, w := range []string{
		`<div class="g-row g-phone"><dt>监督电话</dt><dd><a class="tel" href="tel:12380">12380</a></dd></div>`,
		`<p class="notice-phone">监督电话：12380</p>`,
		"<p>发布单位：中共测试县委组织部</p>",
		"公示期：5天（自张贴之日起）",
	} {
		if !strings.Contains(village, w) {
			t.Errorf("villages/V1/index.html lacks %s", w)
		}
	}
	reportLinks(t, checkLinks(t, dest, "/"))
}
