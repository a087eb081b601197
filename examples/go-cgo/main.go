// checksum computes a tiny rolling checksum in C (cgo) and prints it.
// The binary is dynamically linked against glibc: it needs a glibc runtime
// (debian:bookworm-slim), not scratch/distroless-static/alpine, and CGO must stay enabled.
package main

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t adler32(const char *s) {
	uint32_t a = 1, b = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		a = (a + (unsigned char)s[i]) % 65521;
		b = (b + a) % 65521;
	}
	return (b << 16) | a;
}
*/
import "C"

import (
	"fmt"
	"os"
	"strings"
	"unsafe"
)

func main() {
	input := "Wikipedia"
	if len(os.Args) > 1 {
		input = strings.Join(os.Args[1:], " ")
	}
	cs := C.CString(input)
	defer C.free(unsafe.Pointer(cs))
	fmt.Printf("GO-CGO-OK adler32(%q)=%08x\n", input, uint32(C.adler32(cs)))
}
