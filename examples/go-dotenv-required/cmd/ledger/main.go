// The ledger service reads its database settings from .env and refuses to start without them.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/joho/godotenv"
)

func main() {
	if err := godotenv.Load(); err != nil {
		log.Fatalf("ledger: cannot read .env: %v", err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "ledger on %s\n", os.Getenv("LEDGER_DB"))
	})
	log.Fatal(http.ListenAndServe(":9000", nil))
}
