package disk

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints the access-time schedule as a student tabulates it: per
// request the seek distance and time, the sector under the head when the
// seek ends, the rotational latency and the transfer, then the totals and
// the same requests under the other policies.
func (t *TimeTrace) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %d cylinders × %d sectors per track, %d rpm (revolution %s ms, sector %s ms), head at cylinder %d over sector %d",
		strings.ToUpper(string(t.Policy)), t.Cylinders, t.SectorsPerTrack, t.RPM, ms(t.RotationUs), ms(t.SectorUs), t.Head, t.Sector)
	if t.Direction != "" {
		fmt.Fprintf(&b, " moving %s", t.Direction)
	}
	if t.Rules.SeekModel == SeekLinear {
		fmt.Fprintf(&b, "\nseek: %d µs + %d µs per cylinder", t.Seek.Settle, t.Seek.PerCylinder)
	} else {
		var pts []string
		for _, p := range t.Seek.Curve {
			pts = append(pts, fmt.Sprintf("%d→%d", p[0], p[1]))
		}
		fmt.Fprintf(&b, "\nseek curve (cylinders→µs): %s", strings.Join(pts, " "))
	}
	fmt.Fprintf(&b, "; rules: %s\n", t.Rules)
	rows := [][]string{{"step", "request", "from", "to", "sector", "count", "distance", "start", "seek", "under head", "latency", "transfer", "done"}}
	for i, s := range t.Steps {
		rows = append(rows, []string{
			strconv.Itoa(i + 1), "#" + strconv.Itoa(s.Request), strconv.Itoa(s.From), strconv.Itoa(s.Cylinder),
			strconv.Itoa(s.Sector), strconv.Itoa(s.Count), strconv.Itoa(s.Distance), strconv.Itoa(s.Start),
			strconv.Itoa(s.Seek), strconv.Itoa(s.SectorUnderHead), strconv.Itoa(s.Latency), strconv.Itoa(s.Transfer), strconv.Itoa(s.Done),
		})
	}
	writeGrid(&b, rows)
	b.WriteString("times in µs\n")
	fmt.Fprintf(&b, "total %s ms = seek %s + latency %s + transfer %s; movement %d cylinders\n",
		ms(t.Total), ms(t.SeekTotal), ms(t.LatencyTotal), ms(t.TransferTotal), t.Movement)
	fmt.Fprintf(&b, "same requests: FCFS %s ms, SSTF %s ms, SATF %s ms\n", ms(t.Compare.FCFS), ms(t.Compare.SSTF), ms(t.Compare.SATF))
	_, err := io.WriteString(w, b.String())
	return err
}

// ms formats µs as milliseconds with three decimals.
func ms(us int) string {
	return strconv.Itoa(us/1000) + "." + fmt.Sprintf("%03d", us%1000)
}

// String lists the rules as name=value pairs in a fixed order.
func (r TimeRules) String() string {
	var parts []string
	for _, kv := range [][2]string{{"seek_model", r.SeekModel}, {"sstf_tie", r.SSTFTie}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}
