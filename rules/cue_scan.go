package rules

import (
	"fmt"
	"sync"

	"github.com/givefirst/givefirst/lint"
)

// cueScan holds every match of the shared cue lists in one document, found
// in a single pass over its sentences. The rules that read every sentence
// (the ledger, pushy-pressure, fake-obligation, spam-trigger,
// conditional-gift) used to walk each sentence once per cue list; now the
// walk happens once and each rule reads its own hits.
type cueScan struct {
	hits []hit // by sentence, then start, longest first
	from []int // sentence i's hits are hits[from[i]:from[i+1]]
}

// sharedCues indexes the built-in cue lists of those rules in one matcher,
// built on the first scan rather than at start-up. It marks the default
// models' matchers as shared; a rule reads that mark only through a scan,
// which came from here, so the mark is always set before it is read. A
// list extended by user cues is another matcher, outside the index: the
// rule then matches it on its own, as before.
var sharedCues = sync.OnceValue(func() *matcher {
	led, err := ledgerModels.get(extraCues{}.key(), func() (*ledgerModel, error) { return buildLedgerModel(extraCues{}) })
	if err != nil {
		panic(fmt.Sprintf("rules: ledger cues: %v", err))
	}
	pushy, err := pushyModels.get(pushyKey(nil, nil), func() (*pushyModel, error) { return buildPushyModel(nil, nil) })
	if err != nil {
		panic(fmt.Sprintf("rules: pushy cues: %v", err))
	}
	debt, err := obligationModels.get("", func() (*obligationModel, error) { return buildObligationModel(nil) })
	if err != nil {
		panic(fmt.Sprintf("rules: obligation cues: %v", err))
	}
	spam, err := spamModels.get("", func() (*spamModel, error) { return buildSpamModel(nil) })
	if err != nil {
		panic(fmt.Sprintf("rules: spam cues: %v", err))
	}
	all := newMatcher()
	for k, m := range []*matcher{led.cues, pushy.cues, debt.cues, spam.cues, conditionalCues.offers, conditionalCues.markers} {
		m.list = k + 1
		for _, p := range m.phrases {
			p.list = m.list
			all.add(p)
		}
	}
	return all
})

// scanCues finds the shared cues in every sentence of a.
func scanCues(a *lint.Analysis) *cueScan {
	s := &cueScan{from: make([]int, 1, len(a.Sentences)+1)}
	for i := range a.Sentences {
		s.hits = sharedCues().appendAll(s.hits, a.SentenceTokens(i))
		s.from = append(s.from, len(s.hits))
	}
	return s
}

// each calls fn for m's longest match at each start in toks, sentence i of
// the scanned document, in order: what m.each(toks, fn) does, read from
// the scan when m is a shared list. s may be nil (a subject line).
func (s *cueScan) each(m *matcher, i int, toks []lint.Token, fn func(hit) bool) {
	if s == nil || m.list == 0 {
		m.each(toks, fn)
		return
	}
	last := -1
	for _, h := range s.hits[s.from[i]:s.from[i+1]] {
		if h.list != m.list || h.Start == last {
			continue
		}
		last = h.Start // the first hit at a start is the longest
		if !fn(h) {
			return
		}
	}
}

// all returns every match of m in toks, sentence i of the scanned
// document, as m.all(toks) does.
func (s *cueScan) all(m *matcher, i int, toks []lint.Token) []hit {
	if s == nil || m.list == 0 {
		return m.all(toks)
	}
	var out []hit
	for _, h := range s.hits[s.from[i]:s.from[i+1]] {
		if h.list == m.list {
			out = append(out, h)
		}
	}
	return out
}
