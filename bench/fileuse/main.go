// Command fileuse counts how the files of one Go package lean on each other:
// an arrow from file A to file B for each of B's declarations A uses, and, of
// those, the arrows that run back up, from a lower-level file to a screen
// (screen_*.go) or to the kiosk's heart (kiosk.go, nav.go). Issue 24's measure
// of the house: a component that reaches up into a screen or the kiosk is not a
// room of its own. Test files are left out.
//
//	go run ./bench/fileuse [-v] ./ui
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	verbose := flag.Bool("v", false, "list the arrows that run back up")
	flag.Parse()
	dir := flag.Arg(0)
	if dir == "" {
		dir = "./ui"
	}
	arrows, up, err := count(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fileuse:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d arrows between files, %d of them back up to a screen or the kiosk\n", dir, len(arrows), len(up))
	if *verbose {
		for _, a := range up {
			fmt.Println("  ", a)
		}
	}
}

// count type-checks the package in dir and returns its file-to-file arrows
// ("a.go → b.go") and those among them that run back up.
func count(dir string) (arrows, up []string, err error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		return nil, nil, err
	}
	var files []*ast.File
	for _, p := range pkgs {
		for _, f := range p.Files {
			files = append(files, f)
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check(dir, fset, files, info)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for id, obj := range info.Uses {
		if obj == nil || obj.Pkg() != pkg || !obj.Pos().IsValid() {
			continue
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != pkg.Scope() {
			continue // a local variable
		}
		from, to := filepath.Base(fset.Position(id.Pos()).Filename), filepath.Base(fset.Position(obj.Pos()).Filename)
		if from == to || seen[from+" → "+to] {
			continue
		}
		seen[from+" → "+to] = true
		arrows = append(arrows, from+" → "+to)
		if upper(to) && !upper(from) {
			up = append(up, from+" → "+to)
		}
	}
	slices.Sort(arrows)
	slices.Sort(up)
	return arrows, up, nil
}

// upper reports whether a file is a screen or the kiosk's heart.
func upper(file string) bool {
	return strings.HasPrefix(file, "screen_") || file == "kiosk.go" || file == "nav.go"
}
