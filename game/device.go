package game

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// deviceKey is the browser-storage key of this device's identity token.
const deviceKey = "osarena.device"

// deviceToken returns the identity token of this browser (Hello.Device),
// making and keeping one on first use. The server records a player's
// results under it; there are no passwords.
func deviceToken() string {
	if t := storageGet(deviceKey); len(t) == 32 {
		return t
	}
	// 128 bits from the runtime's generator (ChaCha8 seeded by the
	// browser's crypto.getRandomValues): unguessable enough for an identity
	// without passwords, and it keeps crypto/rand's packages out of the wasm.
	var b [16]byte
	binary.LittleEndian.PutUint64(b[:8], rand.Uint64())
	binary.LittleEndian.PutUint64(b[8:], rand.Uint64())
	t := hex.EncodeToString(b[:])
	storageSet(deviceKey, t)
	return t
}
