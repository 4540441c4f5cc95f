package quiz

import (
	"slices"
	"strings"
)

// Lang is a language of the interface and the questions.
type Lang string

// The languages. Every message exists in each of them.
const (
	English Lang = "en"
	Korean  Lang = "ko"
)

// Langs lists the languages.
var Langs = []Lang{English, Korean}

// Text is a message to show a player: a template key and its parameters.
// It is rendered in the player's language at the last moment, so one
// question serves players of every language. An argument whose value starts
// with "@" is itself a message key (a term such as "@policy.fifo") and is
// translated too.
type Text struct {
	Key  string            `json:"key" msgpack:"key"`
	Args map[string]string `json:"args,omitempty" msgpack:"args,omitempty"`
}

// T builds a Text from a key and name, value pairs.
func T(key string, nameValues ...string) Text {
	t := Text{Key: key}
	if len(nameValues) > 0 {
		t.Args = make(map[string]string, len(nameValues)/2)
		for i := 0; i+1 < len(nameValues); i += 2 {
			t.Args[nameValues[i]] = nameValues[i+1]
		}
	}
	return t
}

// Term returns the argument value that makes Render translate key.
func Term(key string) string { return "@" + key }

// IsZero reports whether t is empty.
func (t Text) IsZero() bool { return t.Key == "" }

// catalogs holds every message template per language. Each topic keeps its
// templates in files of its own (messages_<topic>_<lang>.go); a key must be
// unique across them (a test checks).
var catalogs = map[Lang]map[string]string{
	English: mergeMessages(messagesEN, memEN, storageEN),
	Korean:  mergeMessages(messagesKO, memKO, storageKO),
}

func mergeMessages(parts ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, p := range parts {
		for k, v := range p {
			if _, dup := all[k]; dup {
				all["⟦duplicate⟧"+k] = v // reported by TestCatalogsMatch
			}
			all[k] = v
		}
	}
	return all
}

// Render returns t in lang: the template with each {name} replaced by its
// argument, and each {name:particle} by its argument and the Korean particle
// form that fits it (see particle). A missing key renders as "⟦key⟧" so that it shows, and tests
// catch it.
func (t Text) Render(lang Lang) string {
	cat, ok := catalogs[lang]
	if !ok {
		cat = catalogs[English]
	}
	tmpl, ok := cat[t.Key]
	if !ok {
		return "⟦" + t.Key + "⟧"
	}
	if len(t.Args) == 0 {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		name, post, _ := strings.Cut(tmpl[i+1:i+j], ":")
		v, ok := t.Args[name]
		switch {
		case !ok:
			v = tmpl[i : i+j+1]
		case strings.HasPrefix(v, "@"):
			v = Text{Key: v[1:]}.Render(lang)
		}
		b.WriteString(v)
		if post != "" {
			b.WriteString(particle(v, post))
		}
		tmpl = tmpl[i+j+1:]
	}
}

// placeholders returns the sorted {names} of a template.
func placeholders(tmpl string) []string {
	var names []string
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		name, _, _ := strings.Cut(tmpl[i+1:i+j], ":")
		names = append(names, name)
		tmpl = tmpl[i+j+1:]
	}
	slices.Sort(names)
	return slices.Compact(names)
}
