// Prints the greeting line of the configuration file given with -c.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
)

func main() {
	config := flag.String("c", "config.yaml", "configuration file")
	flag.Parse()
	text, err := os.ReadFile(*config)
	if err != nil {
		log.Fatalf("cannot read the configuration: %v", err)
	}
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "greeting: ") {
			fmt.Println(strings.TrimPrefix(line, "greeting: "))
		}
	}
}
