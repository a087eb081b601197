// Command server answers with the greeting and the migrations it sees.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"example.com/multi/internal/store"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		names, err := store.Migrations("db/migrations")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintf(w, "GO-MULTI-OK %s migrations=%s\n", os.Getenv("GREETING"), strings.Join(names, ","))
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
