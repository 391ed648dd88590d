// Command say speaks one sentence through the kiosk's own speech client, the
// way the kiosk does: .ci/speech-audio.sh uses it to prove that real audio
// comes out of speech-dispatcher and espeak-ng.
//
//	go run ./internal/speech/say [-lang es] [-rate N] [-volume N] TEXT...
//
// It connects where the kiosk would ($SPEECHD_ADDRESS, else the default
// socket), queues the text and exits; speech-dispatcher goes on speaking.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/speech"
)

func main() {
	lang := flag.String("lang", "en", `the kiosk language: "en" or "es"`)
	rate := flag.Int("rate", 0, "speech rate, -100..100")
	volume := flag.Int("volume", speech.MaxLevel, "volume, -100..100")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: say [-lang en|es] [-rate N] [-volume N] TEXT...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := say(strings.Join(flag.Args(), " "), *lang, *rate, *volume); err != nil {
		fmt.Fprintln(os.Stderr, "say:", err)
		os.Exit(1)
	}
}

func say(text, lang string, rate, volume int) error {
	c, err := speech.New(speech.Options{Component: "say"})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.SetRate(rate); err != nil {
		return err
	}
	if err := c.SetVolume(volume); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.Speak(ctx, text, lang)
}
