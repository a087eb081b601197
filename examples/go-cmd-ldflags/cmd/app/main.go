// Command app prints its version (injected at link time with -X main.version) and a greeting.
package main

import (
	"flag"
	"fmt"
	"os"

	"example.com/ldflags/internal/greet"
)

// version is overwritten by -ldflags "-X main.version=...".
var version = "dev"

func main() {
	name := flag.String("name", "world", "who to greet")
	flag.Parse()
	fmt.Printf("GO-LDFLAGS-OK version=%s\n", version)
	fmt.Println(greet.Hello(*name))
	if version == "dev" {
		os.Exit(1)
	}
}
