// Prints the queue it would consume, from the QUEUE_URL environment variable.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("GO-WORKER-OK queue=" + os.Getenv("QUEUE_URL"))
}
