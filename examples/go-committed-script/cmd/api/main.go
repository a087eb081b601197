package main

import "fmt"

func main() {
	fmt.Println("API-OK")
}
