package qa

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
)

// Tool is an outside program or file a check needs: Chromium, the Nu HTML
// Checker's jar (and Java to run it) or axe-core's script.
type Tool struct {
	Name    string // what it is, for messages
	Path    string // where it was looked for or found
	Found   bool
	Install string // how to install it, for the skip message
}

// The pinned versions .ci/run installs; keep in step with it.
const (
	vnuVersion        = "26.9.27"
	axeVersion        = "4.14.1"
	lighthouseVersion = "12.2.3"
)

const (
	aptInstall = "apt-get install chromium fonts-noto-cjk default-jre-headless"
	npmInstall = "npm install --prefix .cache/npm-tools vnu-jar@" + vnuVersion + " axe-core@" + axeVersion +
		" lighthouse@" + lighthouseVersion + " (in the repository root)"
)

// Chromium returns the browser: $GONGSHI_CHROMIUM, else /usr/bin/chromium.
func Chromium() Tool {
	return fileTool("Chromium", envOr("GONGSHI_CHROMIUM", "/usr/bin/chromium"), aptInstall)
}

// VNUJar returns the Nu HTML Checker: $GONGSHI_VNU_JAR, else the jar under
// the repository's .cache/npm-tools.
func VNUJar(repo string) Tool {
	return fileTool("vnu.jar (Nu HTML Checker "+vnuVersion+")",
		envOr("GONGSHI_VNU_JAR", filepath.Join(repo, ".cache/npm-tools/node_modules/vnu-jar/build/dist/vnu.jar")), npmInstall)
}

// Java returns the java command on PATH, which runs vnu.jar.
func Java() Tool {
	t := Tool{Name: "java (to run vnu.jar)", Path: "java", Install: aptInstall}
	if p, err := exec.LookPath("java"); err == nil {
		t.Path, t.Found = p, true
	}
	return t
}

// AxeJS returns axe-core's script: $GONGSHI_AXE_JS, else the file under the
// repository's .cache/npm-tools.
func AxeJS(repo string) Tool {
	return fileTool("axe-core "+axeVersion,
		envOr("GONGSHI_AXE_JS", filepath.Join(repo, ".cache/npm-tools/node_modules/axe-core/axe.min.js")), npmInstall)
}

func fileTool(name, path, install string) Tool {
	fi, err := os.Stat(path)
	return Tool{Name: name, Path: path, Found: err == nil && !fi.IsDir(), Install: install}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// CJKFonts reports whether fontconfig knows a Chinese font (Debian:
// fonts-noto-cjk). Without one Chromium draws Chinese as boxes, and axe's
// colour-contrast rule judges text it cannot measure.
func CJKFonts() Tool {
	t := Tool{Name: "a Chinese font (fonts-noto-cjk)", Path: "fc-list :lang=zh", Install: aptInstall}
	out, err := exec.Command("fc-list", ":lang=zh", "family").Output()
	t.Found = err == nil && len(bytes.TrimSpace(out)) > 0
	return t
}

// The tools that read a printed notice back: pdftoppm turns a PDF page into
// an image, zbarimg decodes the QR code in it.
const printInstall = "apt-get install poppler-utils zbar-tools"

// Pdftoppm returns poppler's pdftoppm on PATH.
func Pdftoppm() Tool { return pathTool("pdftoppm (poppler-utils)", "pdftoppm", printInstall) }

// Zbarimg returns zbar's zbarimg on PATH.
func Zbarimg() Tool { return pathTool("zbarimg (zbar-tools)", "zbarimg", printInstall) }

func pathTool(name, cmd, install string) Tool {
	t := Tool{Name: name, Path: cmd, Install: install}
	if p, err := exec.LookPath(cmd); err == nil {
		t.Path, t.Found = p, true
	}
	return t
}

// Lighthouse returns Google's page audit, Lighthouse: $GONGSHI_LIGHTHOUSE,
// else the command under the repository's .cache/npm-tools. It runs on Node
// and drives the Chromium that CHROME_PATH names.
func Lighthouse(repo string) Tool {
	return fileTool("lighthouse "+lighthouseVersion,
		envOr("GONGSHI_LIGHTHOUSE", filepath.Join(repo, ".cache/npm-tools/node_modules/.bin/lighthouse")), npmInstall)
}

// Node returns the node command on PATH, which runs Lighthouse.
func Node() Tool { return pathTool("node (to run Lighthouse)", "node", "apt-get install nodejs") }
