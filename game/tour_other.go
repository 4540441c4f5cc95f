//go:build !js

package game

// pageURL is a local server's page outside the browser.
func pageURL() string { return "http://127.0.0.1:8080/" }

// takeTourParam finds no link outside the browser.
func takeTourParam() string { return "" }
