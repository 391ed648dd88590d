package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// describeTOMLError keeps the parser's position and key but not its multi-line
// excerpt, and says a value of the wrong type in words rather than Go types.
func describeTOMLError(err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		if perr.LastKey != "" {
			return fmt.Errorf("line %d, key %q: %s", perr.Position.Line, perr.LastKey, perr.Message)
		}
		return fmt.Errorf("line %d: %s", perr.Position.Line, perr.Message)
	}
	if line, key, value, want, ok := tomlTypeMismatch(err); ok {
		return fmt.Errorf("line %s: key %q must be %s, not %s", line, key, tomlTypeInWords(want), tomlTypeInWords(value))
	}
	return err
}

// The decoder's messages for a value of the wrong type, which are not
// toml.ParseErrors: where, then what it found and what it wanted.
var (
	tomlKeyError      = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): (.+)$`)
	tomlTypeError     = regexp.MustCompile(`^incompatible types: TOML value has type (.+); destination has type (.+)$`)
	tomlMismatchError = regexp.MustCompile(`^type mismatch for .+: expected (.+) but found (.+)$`)
)

// tomlTypeMismatch reads the line, key and types of a wrong-type error.
func tomlTypeMismatch(err error) (line, key, value, want string, ok bool) {
	m := tomlKeyError.FindStringSubmatch(err.Error())
	if m == nil {
		return "", "", "", "", false
	}
	if t := tomlTypeError.FindStringSubmatch(m[3]); t != nil {
		return m[1], m[2], t[1], t[2], true
	}
	if t := tomlMismatchError.FindStringSubmatch(m[3]); t != nil {
		return m[1], m[2], t[2], t[1], true
	}
	return "", "", "", "", false
}

// tomlTypeInWords names a type of the decoder's messages as a config file has it.
func tomlTypeInWords(goType string) string {
	switch {
	case goType == "string":
		return "text in quotes"
	case goType == "integer" || strings.HasPrefix(goType, "int"):
		return "a whole number"
	case goType == "float" || strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "boolean" || goType == "bool":
		return "true or false"
	case goType == "slice" || strings.HasPrefix(goType, "[]"):
		return "a list in [ ]"
	case goType == "map" || goType == "table" || strings.HasPrefix(goType, "map"):
		return "a [table]"
	}
	return goType
}
