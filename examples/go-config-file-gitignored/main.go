// Reads KEY=VALUE settings from settings.env in the working directory and prints them.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
)

func main() {
	file, err := os.Open("settings.env")
	if err != nil {
		log.Fatalf("no settings: %v", err)
	}
	defer file.Close()
	lines := bufio.NewScanner(file)
	for lines.Scan() {
		fmt.Println("setting:", lines.Text())
	}
}
