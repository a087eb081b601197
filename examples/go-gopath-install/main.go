// hello is built in GOPATH mode (no go.mod) and installed into $GOPATH/bin.
package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	fmt.Printf("GO-GOPATH-OK wd=%s\n", wd)
}
