// Command migrate "applies" the migrations in -dir by listing them.
package main

import (
	"flag"
	"fmt"
	"log"

	"example.com/multi/internal/store"
)

func main() {
	dir := flag.String("dir", "db/migrations", "migrations directory")
	flag.Parse()
	names, err := store.Migrations(*dir)
	if err != nil {
		log.Fatalf("migrations: %v", err)
	}
	fmt.Printf("applied %d migrations\n", len(names))
}
