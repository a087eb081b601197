// Prints a checksum computed by a small C function (cgo).
package main

/*
static unsigned int sum(const char *s) {
	unsigned int n = 0;
	while (*s) n += (unsigned char)*s++;
	return n;
}
*/
import "C"

import "fmt"

func main() {
	text := C.CString("counter")
	fmt.Printf("GO-CGO-MUSL-OK sum=%d\n", uint(C.sum(text)))
}
