package quiz

import (
	"strings"

	"github.com/osarena/osarena/sim/fs"
)

func askFileBlockReads(sc any, step int) (*Question, error) {
	c := sc.(fs.FileBlockConfig)
	q, tr, l, err := fileQuestion(FileBlockReads, c, step)
	if err != nil {
		return nil, err
	}
	args := fileArgs(c, tr, l)
	q.Prompt = T("fileblock.reads.prompt."+c.Scheme, args...)
	q.Answer = Answer{Kind: KindNumber, Values: []int64{int64(l.Reads)}, Unit: Term("fileblock.unit.reads")}
	w := stWrongs{right: q.Answer.Values}
	cached := tr.Rules.Cache == fs.CacheIndex
	indexBlocks := len(l.Path) - 1 // every block on the path but the data block
	if cached && indexBlocks > 0 {
		key := "fileblock.reads.why.cached"
		if c.Scheme == fs.FAT {
			key += ".fat"
		}
		w.add(int64(len(l.Path)), T(key, "n", itoa(indexBlocks)))
	}
	switch c.Scheme {
	case fs.Contiguous:
		q.Explanation = T("fileblock.reads.explain.contiguous", args...)
	case fs.Linked:
		q.Explanation = T("fileblock.reads.explain.linked", args...)
		w.add(1, T("fileblock.reads.why.linked"))
		w.add(int64(l.Reads-1), T("fileblock.reads.why.short", "fb", itoa(l.FileBlock)))
	case fs.FAT:
		var fat []int
		for _, a := range l.Path[:indexBlocks] {
			fat = append(fat, a.Block)
		}
		fatArgs := append(args, "links", itoa(l.FileBlock), "fat", joinInts(fat), "nfat", itoa(len(fat)))
		switch {
		case cached:
			q.Explanation = T("fileblock.reads.explain.fat.cached", fatArgs...)
		case l.FileBlock == 0:
			q.Explanation = T("fileblock.reads.explain.fat.first", fatArgs...)
		default:
			q.Explanation = T("fileblock.reads.explain.fat", fatArgs...)
			w.add(1, T("fileblock.reads.why.nofat"))
		}
		if !cached {
			w.add(int64(l.FileBlock+1), T("fileblock.reads.why.perlink", "fb", itoa(l.FileBlock)))
		}
	case fs.Indexed:
		if cached {
			q.Explanation = T("fileblock.reads.explain.indexed.cached", args...)
		} else {
			q.Explanation = T("fileblock.reads.explain.indexed", append(args, "index", itoa(*c.IndexBlock))...)
			w.add(1, T("fileblock.reads.why.noindex"))
		}
	case fs.InodeAlloc:
		levels := append(args, "levels", itoa(l.Level))
		switch {
		case l.Level == 0:
			q.Explanation = T("fileblock.reads.explain.direct", levels...)
		case cached:
			q.Explanation = T("fileblock.reads.explain.inode.cached", levels...)
		default:
			q.Explanation = T("fileblock.reads.explain.inode", levels...)
			w.add(1, T("fileblock.reads.why.noindirect", "levels", itoa(l.Level), "via", viaTerm(l.Via)))
		}
		w.add(int64(l.Reads+1), T("fileblock.reads.why.inode"))
		if !cached {
			for _, other := range []int{l.Level + 1, l.Level - 1} {
				if other >= 0 && other <= 3 {
					w.add(int64(other+1), T("fileblock.reads.why.level", "via", viaTerm(inodeVia[other]), "right", viaTerm(l.Via), "fb", itoa(l.FileBlock)))
				}
			}
		}
	}
	if l.Reads > 1 {
		w.add(int64(l.Reads-1), T("fileblock.reads.why.nodata"))
	}
	q.Wrong = w.list
	return q, nil
}

// viaTerm names the way to a block ("single indirect").
func viaTerm(via string) string { return Term("fileblock.via." + strings.ReplaceAll(via, " ", "-")) }

// inodeVia names the inode pointer by indirect level, as fs.Lookup.Via does.
var inodeVia = [4]string{"direct", "single indirect", "double indirect", "triple indirect"}
