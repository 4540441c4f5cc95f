package raid

import (
	"github.com/osarena/osarena/sim/field"
)

// FaultTolerance returns how many failed disks an array of the level
// survives whichever disks fail, and how many it survives at best (RAID 10
// survives one failure per mirrored pair).
func FaultTolerance(level, disks int) (guaranteed, best int) {
	switch level {
	case 1:
		return disks - 1, disks - 1
	case 4, 5:
		return 1, 1
	case 6:
		return 2, 2
	case 10:
		return 1, disks / 2
	}
	return 0, 0
}

// DataDisks returns how many disks' worth of an array of the level hold
// data: the usable capacity is DataDisks/disks of the raw capacity.
func DataDisks(level, disks int) int {
	switch level {
	case 1:
		return 1
	case 4, 5:
		return disks - 1
	case 6:
		return disks - 2
	case 10:
		return disks / 2
	}
	return disks
}

func (c Config) checkFailed() error {
	_, best := FaultTolerance(c.Level, c.Disks)
	if c.Level == 0 && len(c.Failed) > 0 {
		return field.Errorf("failed", "must be empty for RAID 0: it has no redundancy, a failed disk loses data")
	}
	if len(c.Failed) > best {
		return field.Errorf("failed", "must list at most %s for RAID %d with %d disks (more loses data)", plural(best, "disk"), c.Level, c.Disks)
	}
	for i, d := range c.Failed {
		name := field.Index("failed", i)
		if err := field.Range(name, d, 0, c.Disks-1); err != nil {
			return err
		}
		for j := range i {
			if c.Failed[j] == d {
				return field.Errorf(name, "repeats disk %d", d)
			}
			if c.Level == 10 && c.Failed[j]/2 == d/2 {
				return field.Errorf(name, "is the mirror of failed disk %d: RAID 10 loses pair %d", c.Failed[j], d/2)
			}
		}
	}
	if c.Rebuild && len(c.Failed) == 0 {
		return field.Errorf("rebuild", "needs at least one failed disk (failed is empty)")
	}
	return nil
}

// stripeBlocks returns how many logical blocks one stripe holds.
func (c Config) stripeBlocks() int { return DataDisks(c.Level, c.Disks) * c.Chunk }

// spares returns how many spare disks the scenario uses.
func (c Config) spares() int {
	if c.Rebuild {
		return len(c.Failed)
	}
	return 0
}

// maxStripes returns the most stripes the limits allow for c's geometry.
func (c Config) maxStripes() int {
	rowBytes := (c.Disks + c.spares()) * c.Chunk * c.BlockSize
	return max(1, min(MaxStripes, MaxDiskBlocks/c.Chunk, MaxArrayBytes/rowBytes))
}

// checkSize checks the requests and the array size, choosing the size when
// the scenario leaves it out.
func (c *Config) checkSize() error {
	limit := c.maxStripes()
	if c.Stripes != 0 {
		if err := field.Range("stripes", c.Stripes, 1, limit); err != nil {
			return err
		}
		limit = c.Stripes
	}
	capacity := limit * c.stripeBlocks()
	if err := field.Len("requests", len(c.Requests), 0, MaxRequests); err != nil {
		return err
	}
	total, end := 0, 1
	for i := range c.Requests {
		r := &c.Requests[i]
		name := field.Index("requests", i)
		if err := field.Range(field.Sub(name, "block"), r.Block, 0, capacity-1); err != nil {
			return err
		}
		if r.Count == 0 {
			r.Count = 1
		}
		if err := field.Range(field.Sub(name, "count"), r.Count, 1, capacity-r.Block); err != nil {
			return err
		}
		total += r.Count
		if total > MaxRequestBlocks {
			return field.Errorf(field.Sub(name, "count"), "brings the blocks requested in all to %d; at most %d", total, MaxRequestBlocks)
		}
		end = max(end, r.Block+r.Count)
	}
	if c.Stripes == 0 {
		c.Stripes = (end + c.stripeBlocks() - 1) / c.stripeBlocks()
	}
	return nil
}
