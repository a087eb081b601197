package main

import "fmt"

func main() {
	fmt.Println("NAMED-LIKE-SOURCE-OK")
}
