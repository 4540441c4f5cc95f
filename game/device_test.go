package game

import "testing"

func TestDeviceTokenIsKept(t *testing.T) {
	storageSet(deviceKey, "")
	a := deviceToken()
	if len(a) != 32 {
		t.Fatalf("deviceToken() = %q; want 32 hex digits", a)
	}
	if b := deviceToken(); b != a {
		t.Errorf("deviceToken() second call = %q; want the kept %q", b, a)
	}
}
