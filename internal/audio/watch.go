package audio

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// retryEvery is how long the watch waits before asking a server it could not
// reach again (the user's PulseAudio starts on demand, maybe after the kiosk).
const retryEvery = 5 * time.Second

// Ask connects to the audio server at server ("": PULSE_SERVER, else the user's
// own) and judges its outputs once.
func Ask(server string) (Verdict, error) {
	c, closeConn, err := connect(server)
	if err != nil {
		return Verdict{Where: "no audio server"}, err
	}
	defer closeConn()
	s, err := snapshot(c)
	if err != nil {
		return Verdict{Where: "no answer from the audio server"}, err
	}
	return Judge(s), nil
}

// Watch calls changed with the verdict at once and again whenever it changes,
// until ctx ends. It never blocks changed's caller's goroutine: it runs its own.
// While the server cannot be reached the verdict is not private.
func Watch(ctx context.Context, server string, log *slog.Logger, changed func(Verdict)) {
	go func() {
		last := Verdict{Where: "not asked yet"}
		report := func(v Verdict) {
			if v != last {
				last = v
				log.Info("audio output", "private", v.Private, "where", v.Where)
				changed(v)
			}
		}
		for ctx.Err() == nil {
			err := watchOnce(ctx, server, report)
			report(Verdict{Where: "no audio server"})
			if err != nil {
				log.Warn("audio server", "err", err)
			}
			select {
			case <-ctx.Done():
			case <-time.After(retryEvery):
			}
		}
	}()
}

// watchOnce follows one connection: a verdict now, and one after every change of
// an output or of the default output, until the connection or ctx ends.
func watchOnce(ctx context.Context, server string, report func(Verdict)) error {
	c, closeConn, err := connect(server)
	if err != nil {
		return err
	}
	defer closeConn()
	changes := make(chan struct{}, 1)
	c.Callback = func(msg any) {
		if _, ok := msg.(*proto.SubscribeEvent); ok {
			select {
			case changes <- struct{}{}:
			default: // one look after a burst of events is enough
			}
		}
	}
	if err := c.Request(&proto.Subscribe{Mask: proto.SubscriptionMaskSink | proto.SubscriptionMaskServer | proto.SubscriptionMaskCard}, nil); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	for {
		s, err := snapshot(c)
		if err != nil {
			return err
		}
		report(Judge(s))
		select {
		case <-ctx.Done():
			return nil
		case <-changes:
		}
	}
}

func connect(server string) (*proto.Client, func(), error) {
	c, conn, err := proto.Connect(server)
	if err != nil {
		return nil, nil, fmt.Errorf("connect: %w", err)
	}
	name := proto.PropList{"application.name": proto.PropListString("lobbykiosk")}
	if err := c.Request(&proto.SetClientName{Props: name}, &proto.SetClientNameReply{}); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("client name: %w", err)
	}
	return c, func() { conn.Close() }, nil
}

// snapshot asks the server for its default output and its outputs.
func snapshot(c *proto.Client) (Snapshot, error) {
	var info proto.GetServerInfoReply
	if err := c.Request(&proto.GetServerInfo{}, &info); err != nil {
		return Snapshot{}, fmt.Errorf("server info: %w", err)
	}
	var sinks proto.GetSinkInfoListReply
	if err := c.Request(&proto.GetSinkInfoList{}, &sinks); err != nil {
		return Snapshot{}, fmt.Errorf("outputs: %w", err)
	}
	s := Snapshot{DefaultSink: info.DefaultSinkName}
	for _, r := range sinks {
		sink := Sink{Name: r.SinkName, ActivePort: r.ActivePortName}
		if ff, ok := r.Properties["device.form_factor"]; ok {
			sink.FormFactor = ff.String()
		}
		if d, ok := r.Properties["device.description"]; ok {
			sink.Description = d.String()
		}
		for _, p := range r.Ports {
			sink.Ports = append(sink.Ports, Port{Name: p.Name, Description: p.Description, Available: Availability(p.Available)})
		}
		s.Sinks = append(s.Sinks, sink)
	}
	return s, nil
}
