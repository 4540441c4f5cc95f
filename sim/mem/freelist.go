package mem

import "strconv"

// Span is a run of bytes: a free-list entry (a hole) or a block. It encodes
// as the JSON pair [addr, size].
type Span struct {
	Addr int
	Size int
}

// End returns the address just past s.
func (s Span) End() int { return s.Addr + s.Size }

// MarshalJSON encodes s as [addr, size].
func (s Span) MarshalJSON() ([]byte, error) {
	b := append([]byte{'['}, strconv.Itoa(s.Addr)...)
	b = append(b, ',')
	b = append(b, strconv.Itoa(s.Size)...)
	return append(b, ']'), nil
}

// freeList is the allocator's list of holes, in list order, with next fit's
// rover: the index of the entry the next search starts from. Every insert
// and remove keeps the rover on the entry it pointed at; when that entry
// itself is removed the rover moves on to the entry that followed it.
type freeList struct {
	order string
	holes []Span
	rover int
}

// normalize wraps a rover that has run off the end back to the front.
func (l *freeList) normalize() {
	if l.rover >= len(l.holes) {
		l.rover = 0
	}
}

// removeAt takes entry i out of the list.
func (l *freeList) removeAt(i int) {
	l.holes = append(l.holes[:i], l.holes[i+1:]...)
	if i < l.rover {
		l.rover--
	}
	l.normalize()
}

// insertAt puts s at position i.
func (l *freeList) insertAt(i int, s Span) {
	l.holes = append(l.holes, Span{})
	copy(l.holes[i+1:], l.holes[i:])
	l.holes[i] = s
	if i <= l.rover && len(l.holes) > 1 {
		l.rover++
	}
	l.normalize()
}

// insert puts s where the list order puts it and returns its position.
// Size orders place s before the first entry that sorts after it, so they
// stay well defined in a list a split has left unsorted.
func (l *freeList) insert(s Span) int {
	i := len(l.holes)
	switch l.order {
	case OrderFront:
		i = 0
	case OrderBack:
	default:
		for j, h := range l.holes {
			if l.before(s, h) {
				i = j
				break
			}
		}
	}
	l.insertAt(i, s)
	return i
}

// before reports whether s sorts before h in an address or size order.
func (l *freeList) before(s, h Span) bool {
	switch l.order {
	case OrderSizeAsc:
		return s.Size < h.Size || s.Size == h.Size && s.Addr < h.Addr
	case OrderSizeDesc:
		return s.Size > h.Size || s.Size == h.Size && s.Addr < h.Addr
	}
	return s.Addr < h.Addr
}

// find returns the index of the hole that satisfies pred, or -1.
func (l *freeList) find(pred func(Span) bool) int {
	for i, h := range l.holes {
		if pred(h) {
			return i
		}
	}
	return -1
}
