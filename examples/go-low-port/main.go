// Serves a fixed page on port 80, the privileged HTTP port.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "GO-LOW-PORT-OK")
	})
	log.Fatal(http.ListenAndServe(":80", nil))
}
