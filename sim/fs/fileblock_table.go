package fs

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxPathShown is the longest path a table row prints in full.
const maxPathShown = 8

// WriteTable prints one row per offset: the file block and the byte in it,
// the way in, the blocks consulted (in brackets when in memory), the disk
// block and the number of disk reads; then the largest file.
func (t *FileBlockTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s allocation, %d-byte blocks, %d-byte pointers", strings.ToUpper(t.Scheme), t.BlockSize, t.PointerBytes)
	if t.Direct > 0 {
		fmt.Fprintf(&b, ", %d direct", t.Direct)
	}
	if r := t.Rules.String(); r != "" {
		fmt.Fprintf(&b, "; rules: %s", r)
	}
	b.WriteString("\n")
	rows := [][]string{{"offset", "file block", "in block", "via", "entries", "path", "disk block", "reads"}}
	for _, l := range t.Lookups {
		rows = append(rows, []string{
			strconv.Itoa(l.Offset), strconv.Itoa(l.FileBlock), strconv.Itoa(l.InBlock),
			l.Via, joinInts(l.Entries, ","), pathText(l.Path),
			strconv.Itoa(l.Block), strconv.Itoa(l.Reads),
		})
	}
	writeGrid(&b, rows, 3, 4, 5)
	fmt.Fprintf(&b, "%d data bytes per block; largest file: %s blocks = %s bytes\n", t.Payload, t.MaxFileBlocks, t.MaxFileBytes)
	if t.Rules.Cache == CacheIndex {
		b.WriteString("[n] = block in memory, not read from disk\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pathText prints a path as "112 → 113", eliding the middle of long ones.
func pathText(path []Access) string {
	parts := make([]string, 0, min(len(path), maxPathShown+1))
	for i, a := range path {
		if len(path) > maxPathShown && i == maxPathShown/2 {
			parts = append(parts, fmt.Sprintf("…%d more…", len(path)-maxPathShown))
		}
		if len(path) > maxPathShown && i >= maxPathShown/2 && i < len(path)-maxPathShown/2 {
			continue
		}
		s := strconv.Itoa(a.Block)
		if a.Cached {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "→")
}

// String lists the rules as name=value pairs in a fixed order.
func (r FileBlockRules) String() string {
	var parts []string
	for _, kv := range [][2]string{{"cache", r.Cache}, {"linked_payload", r.LinkedPayload}, {"indirect", r.Indirect}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}
