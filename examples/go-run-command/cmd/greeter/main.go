// Command greeter prints a greeting from $GREETING and --name.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	name := flag.String("name", "world", "who to greet")
	flag.Parse()
	fmt.Printf("GO-RUN-OK %s, %s\n", os.Getenv("GREETING"), *name)
}
