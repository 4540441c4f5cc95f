package layer_test

import (
	"testing"

	"github.com/osarena/osarena/netcode"

	"github.com/osarena/osarena/server/layer"
	"github.com/osarena/osarena/server/layer/layertest"
)

func TestMemoryConformance(t *testing.T) {
	layertest.Run(t, func(o layer.Options) layer.Layer { return layer.NewMemory(o) })
}

// The in-memory layer hands every member the very same bytes.
func TestMemoryGroupSendSharesBytes(t *testing.T) {
	l := layer.NewMemory(layer.Options{Encode: func(t netcode.Type, seq uint32, msg any) ([]byte, error) {
		return []byte{byte(t), byte(seq)}, nil
	}})
	a, _ := l.Open()
	b, _ := l.Open()
	_ = l.GroupAdd("g", a.Name())
	_ = l.GroupAdd("g", b.Name())
	if _, err := l.GroupSend("g", netcode.TypeAnswered, nil); err != nil {
		t.Fatal(err)
	}
	fa, _ := a.TakeOne()
	fb, _ := b.TakeOne()
	if &fa[0] != &fb[0] {
		t.Errorf("members got different byte slices; want one shared encoding")
	}
}
