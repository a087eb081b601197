package main

import "net/http"

func main() {
	// The pages are read from ./site (relative to WORKDIR) at run time, not embedded.
	http.Handle("/", http.FileServer(http.Dir("site")))
	_ = http.ListenAndServe(":8080", nil)
}
