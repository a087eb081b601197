// A note-taking server that stores each posted note as a file under ./data.
package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

func main() {
	if err := os.MkdirAll("data", 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			body, _ := io.ReadAll(r.Body)
			name := filepath.Join("data", fmt.Sprintf("%d.txt", time.Now().UnixNano()))
			if err := os.WriteFile(name, body, 0o644); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		entries, _ := os.ReadDir("data")
		fmt.Fprintf(w, "GO-NOTES-OK notes=%d\n", len(entries))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
