package quiz

import (
	"strings"
	"unicode/utf8"
)

// Korean particles change with the sound before them: 을/를, 이/가, 은/는,
// 과/와, 으로/로. A Korean template writes {name:를} and Render picks the form
// that fits the rendered value, so "페이지 3을" and "페이지 2를" both read
// right. The pairs are (after a final consonant, after a vowel).
var particles = map[string][2]string{
	"을": {"을", "를"}, "를": {"을", "를"},
	"이": {"이", "가"}, "가": {"이", "가"},
	"은": {"은", "는"}, "는": {"은", "는"},
	"과": {"과", "와"}, "와": {"과", "와"},
	"으로": {"으로", "로"}, "로": {"으로", "로"},
}

// particle returns the form of p that follows s. 으로/로 takes 로 after a
// vowel and also after ㄹ (서울로, 1로: 일 ends in ㄹ).
func particle(s, p string) string {
	forms, ok := particles[p]
	if !ok {
		return p
	}
	if endsInConsonant(s) && !(forms[1] == "로" && endsInRieul(s)) {
		return forms[0]
	}
	return forms[1]
}

// endsInRieul reports whether s, read aloud, ends in ㄹ: a syllable with
// final ㄹ, or the digits 1, 7, 8 (일, 칠, 팔), or the letters L and R.
func endsInRieul(s string) bool {
	s = strings.TrimRight(unglossed(s), ")] \"'")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		return (r-0xAC00)%28 == 8
	case r == '1' || r == '7' || r == '8' || r == 'l' || r == 'L' || r == 'r' || r == 'R':
		return true
	}
	return false
}

// unglossed drops a trailing parenthesised gloss: "OPT(최적)" → "OPT".
func unglossed(s string) string {
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// endsInConsonant reports whether s, read aloud in Korean, ends in a final
// consonant (받침). A trailing parenthesised gloss, closing brackets and
// spaces are skipped; a Hangul
// syllable tells directly; a digit is read as Sino-Korean (영 일 이 삼 사 오
// 육 칠 팔 구; a number ending in 0 ends in 십, 백, 천 or 만, or is 영);
// a Latin letter by its Korean name (엘, 엠, 엔, 알 end in a consonant).
func endsInConsonant(s string) bool {
	// A parenthesised gloss is not read: "OPT(최적)가" follows "OPT".
	s = unglossed(s)
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		switch {
		case r == ')' || r == ']' || r == ' ' || r == '"' || r == '\'':
			continue
		case r >= 0xAC00 && r <= 0xD7A3:
			return (r-0xAC00)%28 != 0
		case r >= '0' && r <= '9':
			return r == '0' || r == '1' || r == '3' || r == '6' || r == '7' || r == '8'
		case r == 'l' || r == 'L' || r == 'm' || r == 'M' || r == 'n' || r == 'N' || r == 'r' || r == 'R':
			return true
		default:
			return false
		}
	}
	return false
}
