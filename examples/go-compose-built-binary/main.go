package main

import "fmt"

func main() {
	fmt.Println("worker up")
}
