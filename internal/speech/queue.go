package speech

import (
	"context"
	"log/slog"
	"sync"
)

// Queue lends a Speaker to a UI thread that must never wait: each call returns at
// once and the speaking happens in order on a goroutine of its own. Stop drops
// what is still waiting in the queue, and then cancels what the service is
// saying, so a key that interrupts is obeyed even while earlier texts wait.
// The first failure of the service is logged once; the kiosk goes on, silent.
type Queue struct {
	s   Speaker
	log *slog.Logger

	mu      sync.Mutex
	pending []func(context.Context) error
	wake    chan struct{}
	done    chan struct{} // closed when the goroutine has ended
	failed  bool
	closed  bool
}

// NewQueue starts the queue's goroutine; Close ends it.
func NewQueue(s Speaker, log *slog.Logger) *Queue {
	q := &Queue{s: s, log: log, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go q.run()
	return q
}

// Speak queues text, said in lang.
func (q *Queue) Speak(lang, text string) {
	q.add(func(ctx context.Context) error { return q.s.Speak(ctx, text, lang) })
}

// Stop drops what waits and stops what is being said.
func (q *Queue) Stop() {
	q.mu.Lock()
	q.pending = nil
	q.mu.Unlock()
	q.add(func(context.Context) error { return q.s.Cancel() })
}

// Pause and Resume hold and continue what is being said.
func (q *Queue) Pause()  { q.add(func(context.Context) error { return q.s.Pause() }) }
func (q *Queue) Resume() { q.add(func(context.Context) error { return q.s.Resume() }) }

// SetRate and SetVolume take MinLevel..MaxLevel.
func (q *Queue) SetRate(rate int) {
	q.add(func(context.Context) error { return q.s.SetRate(rate) })
}

func (q *Queue) SetVolume(volume int) {
	q.add(func(context.Context) error { return q.s.SetVolume(volume) })
}

// Close ends the goroutine once what is queued has been sent, and returns then:
// each call is bounded by the client's own deadline.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.poke()
	<-q.done
}

func (q *Queue) add(call func(context.Context) error) {
	q.mu.Lock()
	q.pending = append(q.pending, call)
	q.mu.Unlock()
	q.poke()
}

func (q *Queue) poke() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *Queue) run() {
	defer close(q.done)
	for range q.wake {
		for {
			q.mu.Lock()
			if len(q.pending) == 0 {
				closed := q.closed
				q.mu.Unlock()
				if closed {
					return
				}
				break
			}
			call := q.pending[0]
			q.pending = q.pending[1:]
			q.mu.Unlock()
			q.send(call)
		}
	}
}

func (q *Queue) send(call func(context.Context) error) {
	err := call(context.Background()) // every call of the client has its own deadline
	q.mu.Lock()
	first := err != nil && !q.failed
	q.failed = q.failed || err != nil
	if err == nil {
		q.failed = false
	}
	q.mu.Unlock()
	if first {
		q.log.Warn("speech is not available; the kiosk goes on without it", "err", err.Error())
	}
}
