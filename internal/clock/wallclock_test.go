package clock

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Outside this package, the kiosk's own code may read time.Now only to measure:
// on the spot, as time.Now().Add/Sub/Before/After(…) (a deadline, an elapsed
// time), or kept in a variable that nothing but time.Since and time.Until reads.
// An instant handed on could become a date judged in the machine's zone, or one
// the suite's clock cannot move: such code takes an injected clock whose default
// is Wall. Test files and test-support packages (named …test, like httptest)
// measure as they please.
func TestNoDateComesFromTheWallClock(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	home, _ := filepath.Abs(".")
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == home || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bin" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		if strings.HasSuffix(f.Name.Name, "test") {
			return nil
		}
		files++
		rel, _ := filepath.Rel(root, path)
		for _, pos := range wallClockReads(f) {
			t.Errorf("%s:%d reads time.Now for an instant it hands on: take the kiosk's clock (default clock.Wall) instead",
				rel, fset.Position(pos).Line)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d files under %s: the walk missed the module", files, root)
	}
}

// The rule's own cases, so that it can fail.
func TestWallClockReadsAreFoundWhereTheyHandAnInstantOn(t *testing.T) {
	cases := map[string]int{
		`deadline := time.Now().Add(d); _ = deadline`:           0,
		`if time.Now().After(end) {}`:                           0,
		`start := time.Now(); f(); log(time.Since(start))`:      0,
		`c.failed = time.Now(); if time.Since(c.failed) > d {}`: 0,
		`today := time.Now().Format("2006-01-02"); _ = today`:   1,
		`y, m, d := time.Now().Date(); _, _, _ = y, m, d`:       1,
		`now := time.Now(); if now.Hour() > 16 {}`:              1,
		`s := New(Options{Now: time.Now}); _ = s`:               1,
		`due(time.Now())`: 1,
		`start := time.Now(); log(time.Since(start)); return start.Day()`:       1,
		`clock := time.Now; _ = clock`:                                          1,
		`t := time.Now(); t2 := t.Add(time.Hour); _ = t2.Format("15:04")`:       1,
		`wait := until(time.Now()); _ = wait`:                                   1,
		`if time.Now().Sub(start) > d {}; at := time.Now().Truncate(d); _ = at`: 1,
	}
	for body, want := range cases {
		src := "package p\nimport \"time\"\nfunc f() {\n" + body + "\n}\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if got := len(wallClockReads(f)); got != want {
			t.Errorf("%s: %d reads flagged, want %d", body, got, want)
		}
	}
}

// measuring are the methods a wall-clock reading may be put to on the spot.
var measuring = map[string]bool{"Add": true, "Sub": true, "Before": true, "After": true}

// wallClockReads lists the places in f that read time.Now and hand the instant on.
func wallClockReads(f *ast.File) []token.Pos {
	timePkg := importName(f, "time")
	if timePkg == "" {
		return nil
	}
	isNow := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Now" {
			return false
		}
		id, ok := sel.X.(*ast.Ident)
		return ok && id.Name == timePkg
	}
	// parents maps each node to the one around it.
	parents := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	var found []token.Pos
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(ast.Expr)
		if !ok || !isNow(sel) {
			return true
		}
		call, ok := parents[sel].(*ast.CallExpr)
		if !ok || call.Fun != sel {
			found = append(found, sel.Pos()) // time.Now itself handed on as a clock
			return true
		}
		if measuredOnTheSpot(call, parents) || keptOnlyForElapsed(f, call, parents, timePkg) {
			return true
		}
		found = append(found, sel.Pos())
		return true
	})
	return found
}

// measuredOnTheSpot: time.Now().Add(…), .Sub, .Before or .After.
func measuredOnTheSpot(call *ast.CallExpr, parents map[ast.Node]ast.Node) bool {
	sel, ok := parents[call].(*ast.SelectorExpr)
	if !ok || sel.X != call || !measuring[sel.Sel.Name] {
		return false
	}
	outer, ok := parents[sel].(*ast.CallExpr)
	return ok && outer.Fun == sel
}

// keptOnlyForElapsed: `x := time.Now()` (or `a.x = time.Now()`) where every other
// mention of x in the file is the argument of time.Since or time.Until.
func keptOnlyForElapsed(f *ast.File, call *ast.CallExpr, parents map[ast.Node]ast.Node, timePkg string) bool {
	assign, ok := parents[call].(*ast.AssignStmt)
	if !ok || len(assign.Lhs) != 1 || len(assign.Rhs) != 1 {
		return false
	}
	name, target := nameOf(assign.Lhs[0])
	if name == "" {
		return false
	}
	ok = true
	ast.Inspect(f, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || id.Name != name || id == target {
			return true
		}
		mention := ast.Node(id)
		if sel, isSel := parents[id].(*ast.SelectorExpr); isSel && sel.Sel == id {
			mention = sel
		}
		if field, isField := parents[id].(*ast.Field); isField && len(field.Names) > 0 {
			return true // the declaration of a struct field
		}
		outer, isCall := parents[mention].(*ast.CallExpr)
		if !isCall || len(outer.Args) != 1 || outer.Args[0] != mention || !isTimeFunc(outer.Fun, timePkg, "Since", "Until") {
			ok = false
		}
		return true
	})
	return ok
}

// nameOf is the name an assignment's left side sets, and the identifier that says it.
func nameOf(lhs ast.Expr) (string, *ast.Ident) {
	switch lhs := lhs.(type) {
	case *ast.Ident:
		return lhs.Name, lhs
	case *ast.SelectorExpr:
		return lhs.Sel.Name, lhs.Sel
	}
	return "", nil
}

func isTimeFunc(e ast.Expr, timePkg string, names ...string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || id.Name != timePkg {
		return false
	}
	for _, name := range names {
		if sel.Sel.Name == name {
			return true
		}
	}
	return false
}

// importName is the name f gives the package at path, "" if f does not import it.
func importName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}
