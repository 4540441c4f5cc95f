package game

import (
	"crypto/rand"
	"encoding/hex"
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
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "" // the server falls back to the session
	}
	t := hex.EncodeToString(b[:])
	storageSet(deviceKey, t)
	return t
}
