// Package store lists the migrations found on disk.
package store

import (
	"os"
	"sort"
)

// Migrations returns the .sql file names in dir, sorted.
func Migrations(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}
