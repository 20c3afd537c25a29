package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/google/go-cmp/cmp"
	"oracle/core"
)

func load(p string) core.PodSpec {
	b, err := os.ReadFile(p)
	if err != nil {
		panic(err)
	}
	var s core.PodSpec
	if err := json.Unmarshal(b, &s); err != nil {
		panic(err)
	}
	return s
}

func main() {
	d := cmp.Diff(load(os.Args[1]), load(os.Args[2]))
	fmt.Print(strings.ReplaceAll(d, "\u00a0", " "))
}
