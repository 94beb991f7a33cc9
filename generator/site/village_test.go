package site

import (
	"bytes"
	"strings"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/schema"
)

// demoPlan returns the plan of the demo county rendered in lang (zh-CN or
// en, whatever its site.toml says); edit, if given, changes the loaded
// dataset first.
func demoPlan(t *testing.T, lang string, edit func(*dataset.Dataset)) *Plan {
	t.Helper()
	d, probs, err := check.Source("../..")
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("loading the demo county: %v %v", err, probs.Sorted())
	}
	d.Site.Language = lang
	if edit != nil {
		edit(d)
	}
	c, _ := i18n.Load("../..", lang)
	th, _, err := LoadTheme("../..", c)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := content.Load("../..", nil)
	plan, _ := NewPlan(d, th, c, pages)
	return plan
}

// page returns the HTML of the plan's page at path.
func page(t *testing.T, plan *Plan, path string) string {
	t.Helper()
	render, err := plan.PageRenderer(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// villageView returns the view of the demo village id.
func villageView(t *testing.T, plan *Plan, id string) *VillageView {
	t.Helper()
	for i := range plan.s.D.Villages {
		if plan.s.D.Villages[i].ID == id {
			pg, err := plan.s.village("villages/"+id+"/index.html", i)
			if err != nil {
				t.Fatal(err)
			}
			return pg.Main.(*VillageView)
		}
	}
	t.Fatalf("no village %s in the demo", id)
	return nil
}

// TestConsequenceInSiteLanguage: the built-in rules' consequences are
// gongshi's words, shown in the site's language (V0002's, rated 优秀, and the rules
// page of an English site in English, of a Chinese one in Chinese); a
// county's own rules.toml text is shown as written, in either language.
func TestConsequenceInSiteLanguage(t *testing.T) {
	const zhTop = "按不低于当年报酬财政补贴的10%给予奖励"
	en := demoPlan(t, "en", nil)
	zh := demoPlan(t, "zh-CN", nil)
	if !en.s.D.Rules.Appraisal.BuiltInConsequences {
		t.Fatal("the demo has no rules.toml: its consequences should be the built-in ones")
	}
	for _, path := range []string{"villages/V0002/index.html", "rules/index.html"} {
		html := page(t, en, path)
		for _, zhText := range dataset.DefaultRules().Appraisal.Consequences {
			// (V0002's actions quote the rule in their reason: county data.)
			if strings.Contains(html, "Consequence: "+zhText) || strings.Contains(html, "<td>"+zhText) {
				t.Errorf("en %s shows the Chinese consequence %q", path, zhText)
			}
		}
		if !strings.Contains(html, "A reward of at least 10%") {
			t.Errorf("en %s: no English consequence of the top grade", path)
		}
		if html := page(t, zh, path); !strings.Contains(html, zhTop) {
			t.Errorf("zh-CN %s: no %q", path, zhTop)
		}
	}
	// A county's words, as its rules.toml gives them.
	own := demoPlan(t, "en", func(d *dataset.Dataset) {
		d.Rules.Appraisal.BuiltInConsequences = false
		d.Rules.Appraisal.Consequences["优秀"] = "县定：奖励"
	})
	if html := page(t, own, "rules/index.html"); !strings.Contains(html, "县定：奖励") || strings.Contains(html, "A reward of at least") {
		t.Error("en: a county's own consequence is not shown as written")
	}
	// The Chinese catalogue's words are the defaults themselves.
	c, _ := i18n.Load("../..", "zh-CN")
	for zhGrade, text := range map[string]string{"excellent": "优秀", "basically-competent": "基本称职", "incompetent": "不称职"} {
		if got, want := c.T("consequences."+zhGrade), dataset.DefaultRules().Appraisal.Consequences[text]; got != want {
			t.Errorf("zh-CN consequences.%s = %q, want DefaultRules' %q", zhGrade, got, want)
		}
	}
}

// TestNoHearingSaid: the glance of a village that never held a hearing
// (V0062, V0016, V0071 in the demo) says so, in the site's language, in a
// row the printed notice keeps; a village that held one shows its last
// hearing instead.
func TestNoHearingSaid(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"zh-CN", "<dt>最近一次听证</dt><dd>暂无（本村尚未召开民主听证）</dd>"},
		{"en", "<dt>Last hearing</dt><dd>None yet (the village has not held a democratic hearing)</dd>"},
	} {
		plan := demoPlan(t, c.lang, nil)
		for _, id := range []string{"V0062", "V0016", "V0071"} {
			v := villageView(t, plan, id)
			if v.Glance.LastHearing != nil {
				t.Fatalf("%s: the demo's %s has held a hearing; pick another village", c.lang, id)
			}
			html := page(t, plan, "villages/"+id+"/index.html")
			row := `<div class="g-row g-hearing g-no-hearing">` + c.want + `</div>`
			if !strings.Contains(html, row) {
				t.Errorf("%s %s: the glance has no row %s", c.lang, id, row)
			}
		}
		if html := page(t, plan, "villages/V0001/index.html"); strings.Contains(html, "g-no-hearing") || !strings.Contains(html, `class="g-row g-hearing"`) {
			t.Errorf("%s V0001 held hearings: its glance should show the last one, not say there is none", c.lang)
		}
	}
}

// TestNoticeListsWhatItCounts: the printed notice's glance counts every
// overdue and failed (未完成) pledge of the village, whoever made it, so the
// sheet lists each of them (V0071's P000657, a former secretary's failed
// pledge, was among those left off), even past printPledges; and "另有 N
// 项未列出" counts what the sheet leaves off.
func TestNoticeListsWhatItCounts(t *testing.T) {
	listed := func(t *testing.T, plan *Plan, id string) (printed int) {
		d := plan.s.D
		v := villageView(t, plan, id)
		all := 0
		for _, g := range v.PledgeGroups {
			for _, p := range g.Pledges {
				all++
				if p.Print {
					printed++
				}
				pl := &d.Pledges[d.PledgeByID[p.ID]]
				if (p.Overdue || pl.Status == schema.StatusFailed) && !p.Print {
					t.Errorf("%s: %s (%s, overdue %v) is counted on the notice but not listed", id, p.ID, pl.Status, p.Overdue)
				}
				if p.Print && !g.Print {
					t.Errorf("%s: %s printed under a kind heading that is not", id, p.ID)
				}
			}
		}
		if want := plan.s.more(all - printed); v.PledgesMore != want {
			t.Errorf("%s: %q, want %q (%d of %d printed)", id, v.PledgesMore, want, printed, all)
		}
		return printed
	}
	plan := demoPlan(t, "zh-CN", nil)
	for _, v := range plan.s.D.Villages {
		listed(t, plan, v.ID)
	}
	v := villageView(t, plan, "V0071")
	found := false
	for _, g := range v.PledgeGroups {
		for _, p := range g.Pledges {
			found = found || p.ID == "P000657" && p.Print
		}
	}
	if !found {
		t.Error("V0071: the former secretary's failed pledge P000657 is not on the notice")
	}
	// More failed pledges than the sheet's usual share: all are listed.
	many := demoPlan(t, "zh-CN", func(d *dataset.Dataset) {
		for _, pi := range d.PledgesOf.Of("V0071") {
			d.Pledges[pi].Status = schema.StatusFailed
		}
	})
	if n, all := listed(t, many, "V0071"), len(many.s.D.PledgesOf.Of("V0071")); n != all || all <= printPledges {
		t.Errorf("V0071 with all %d pledges failed: %d printed, want all (more than %d)", all, n, printPledges)
	}
}
