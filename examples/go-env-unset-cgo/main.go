// A stdlib HTTP server. Built with cgo on, the net package resolves names through the C library,
// so the binary is dynamically linked against glibc.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		addrs, _ := net.LookupHost("localhost")
		fmt.Fprintf(w, "GO-ENV-UNSET-CGO-OK localhost=%d\n", len(addrs))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
