//go:build !js

package game

// wsURL is a local server's endpoint outside the browser.
func wsURL() string { return "ws://127.0.0.1:8080/ws" }

// sessionGet returns "" outside the browser.
func sessionGet(string) string { return "" }

// sessionSet does nothing outside the browser.
func sessionSet(string, string) {}

// copyText does nothing outside the browser.
func copyText(string) {}
